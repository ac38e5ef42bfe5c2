import type { CommentPeriodView, FollowedRemarkView, WrittenCommentView } from '@concord/domain';
import { Controller, Get, Header, Param, ParseUUIDPipe, Query, Req, Res } from '@nestjs/common';
import { ApiOperation, ApiTags } from '@nestjs/swagger';
import type { Request, Response } from 'express';
import { Feed } from 'feed';
import { Public } from '../auth/public.decorator';
import { RevisionQueryDto } from '../revisions/dto/revision.dto';
import { sendDownload } from '../revisions/revisions.controller';
import { CommentOutputsService } from './comment-outputs.service';
import { sendMatrix } from './comment-periods.controller';
import { CommentPeriodsService } from './comment-periods.service';
import { CommentPeriodQueryDto, CommentsCompilationQueryDto, MatrixQueryDto } from './dto/comment-period.dto';
import { WrittenCommentsService } from './written-comments.service';
import { ApiMatrix, ApiErrors, ApiFile, ApiList, ApiView } from '../common/openapi/api-responses';

const DOCX = 'application/vnd.openxmlformats-officedocument.wordprocessingml.document';

/** The public side of comment periods: read as an anonymous visitor whoever calls, so only public records show. */
@ApiTags('public')
@Public()
@ApiErrors(404)
@Controller('public')
export class PublicCommentsController {
  constructor(
    private readonly periods: CommentPeriodsService,
    private readonly comments: WrittenCommentsService,
    private readonly outputs: CommentOutputsService,
  ) {}

  @ApiList('CommentPeriodView')
  @Get('comment-periods')
  @ApiOperation({ summary: 'Comment periods on public texts, newest first' })
  async list(@Query() query: CommentPeriodQueryDto): Promise<{ items: CommentPeriodView[] }> {
    return { items: await this.periods.list(null, null, query) };
  }

  @ApiView('CommentPeriodView')
  @Get('comment-periods/:id')
  @ApiOperation({ summary: 'A comment period on a public text' })
  get(@Param('id', ParseUUIDPipe) id: string): Promise<CommentPeriodView> {
    return this.periods.get(null, id);
  }

  @ApiList('WrittenCommentView')
  @Get('comment-periods/:id/written-comments')
  @ApiOperation({ summary: 'The published written comments of a period, with their published dispositions' })
  async writtenComments(@Param('id', ParseUUIDPipe) id: string): Promise<{ items: WrittenCommentView[] }> {
    return { items: await this.comments.list(null, id) };
  }

  @ApiMatrix()
  @Get('comment-periods/:id/matrix')
  @ApiOperation({ summary: 'The comments matrix of published comments: JSON, CSV or XLSX' })
  async matrix(@Param('id', ParseUUIDPipe) id: string, @Query() query: MatrixQueryDto, @Res({ passthrough: true }) res: Response): Promise<unknown> {
    return sendMatrix(res, await this.outputs.matrix(null, id, query));
  }

  @ApiFile('text/html', DOCX)
  @Get('comment-periods/:id/compilation')
  @ApiOperation({ summary: 'The compilation of published comments, HTML or DOCX' })
  async compilation(@Param('id', ParseUUIDPipe) id: string, @Query() query: CommentsCompilationQueryDto, @Res() res: Response): Promise<void> {
    sendDownload(res, await this.outputs.compilation(null, id, query));
  }

  @ApiList('FollowedRemarkView')
  @Get('revisions/:id/written-comments')
  @ApiOperation({ summary: 'Published remarks on a public revision and its predecessors, where their provisions are now' })
  async followed(@Param('id', ParseUUIDPipe) id: string, @Query() query: RevisionQueryDto): Promise<{ items: FollowedRemarkView[] }> {
    return { items: await this.outputs.followed(null, id, query.lang) };
  }

  @ApiFile('application/atom+xml')
  @Get('comments.atom')
  @Header('content-type', 'application/atom+xml; charset=utf-8')
  @ApiOperation({ summary: 'Atom feed of published written comments' })
  async feed(@Req() req: Request): Promise<string> {
    const base = `${req.protocol}://${req.get('host') ?? 'localhost'}`;
    const entries = await this.outputs.published();
    const feed = new Feed({
      id: `${base}/api/public/comments.atom`,
      title: 'Concord: published written comments',
      link: `${base}/`,
      feedLinks: { atom: `${base}/api/public/comments.atom` },
      updated: entries[0] ? new Date(entries[0].updated) : new Date(0),
      copyright: '',
      generator: 'Concord',
    });
    for (const e of entries) {
      feed.addItem({
        id: `urn:uuid:${e.id}`,
        title: e.title,
        link: `${base}/api/public/comment-periods/${e.periodId}/written-comments#${e.id}`,
        date: new Date(e.updated),
        description: e.summary,
      });
    }
    return feed.atom1();
  }
}
