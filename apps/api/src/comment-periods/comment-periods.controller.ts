import type { CommentPeriodView, CommentsMatrixEntry, FollowedRemarkView, WrittenCommentView } from '@concord/domain';
import { Body, Controller, Delete, Get, HttpCode, Param, ParseUUIDPipe, Post, Put, Query, Res, HttpStatus } from '@nestjs/common';
import { ApiOperation, ApiTags } from '@nestjs/swagger';
import type { Response } from 'express';
import type { AuthContext } from '../auth/auth-context';
import { CurrentUser } from '../auth/current-user.decorator';
import { RevisionQueryDto } from '../revisions/dto/revision.dto';
import { sendDownload } from '../revisions/revisions.controller';
import { CommentOutputsService } from './comment-outputs.service';
import { CommentPeriodsService } from './comment-periods.service';
import {
  CommentPeriodQueryDto,
  CommentsCompilationQueryDto,
  DispositionDto,
  ExtendCommentPeriodDto,
  MatrixQueryDto,
  NewWrittenCommentDto,
  OpenCommentPeriodDto,
  WrittenCommentDto,
} from './dto/comment-period.dto';
import { WrittenCommentsService } from './written-comments.service';
import { ApiMatrix, ApiErrors, ApiFile, ApiList, ApiNoContent, ApiView } from '../common/openapi/api-responses';

const DOCX = 'application/vnd.openxmlformats-officedocument.wordprocessingml.document';

/** Sends a matrix as JSON, or as a CSV or XLSX download. */
export function sendMatrix(res: Response, result: { items: CommentsMatrixEntry[] } | { filename: string; contentType: string; body: Buffer }): unknown {
  if ('items' in result) return result;
  sendDownload(res, result);
  return undefined;
}

@ApiTags('comment-periods')
@ApiErrors(401, 403, 404)
@Controller()
export class CommentPeriodsController {
  constructor(
    private readonly periods: CommentPeriodsService,
    private readonly comments: WrittenCommentsService,
    private readonly outputs: CommentOutputsService,
  ) {}

  @ApiView('CommentPeriodView', HttpStatus.CREATED)
  @Post('comment-periods')
  @ApiOperation({ summary: 'Open a call for written comments on a published revision or compilation of proposals (secretariat)' })
  open(@CurrentUser() user: AuthContext, @Body() dto: OpenCommentPeriodDto): Promise<CommentPeriodView> {
    return this.periods.open(user, dto);
  }

  @ApiList('CommentPeriodView')
  @Get('comment-periods')
  @ApiOperation({ summary: "The comment periods of the caller's committee that the caller may read, newest first" })
  async list(@CurrentUser() user: AuthContext, @Query() query: CommentPeriodQueryDto): Promise<{ items: CommentPeriodView[] }> {
    return { items: await this.periods.list(user.subject, user.user.committeeId, query) };
  }

  @ApiView('CommentPeriodView')
  @Get('comment-periods/:id')
  @ApiOperation({ summary: 'A comment period with its history' })
  get(@CurrentUser() user: AuthContext, @Param('id', ParseUUIDPipe) id: string): Promise<CommentPeriodView> {
    return this.periods.get(user.subject, id);
  }

  @ApiView('CommentPeriodView')
  @ApiErrors(409)
  @Post('comment-periods/:id/extend')
  @HttpCode(200)
  @ApiOperation({ summary: 'Extend the deadline of a comment period (secretariat)' })
  extend(@CurrentUser() user: AuthContext, @Param('id', ParseUUIDPipe) id: string, @Body() dto: ExtendCommentPeriodDto): Promise<CommentPeriodView> {
    return this.periods.extend(user, id, dto);
  }

  @ApiView('CommentPeriodView')
  @ApiErrors(409)
  @Post('comment-periods/:id/close')
  @HttpCode(200)
  @ApiOperation({ summary: 'Close a comment period, early or after its deadline (secretariat)' })
  close(@CurrentUser() user: AuthContext, @Param('id', ParseUUIDPipe) id: string): Promise<CommentPeriodView> {
    return this.periods.close(user, id);
  }

  @ApiView('CommentPeriodView')
  @ApiErrors(409)
  @Post('comment-periods/:id/publish')
  @HttpCode(200)
  @ApiOperation({ summary: 'Publish the comments received and their dispositions (secretariat)' })
  publish(@CurrentUser() user: AuthContext, @Param('id', ParseUUIDPipe) id: string): Promise<CommentPeriodView> {
    return this.periods.publish(user, id);
  }

  @ApiList('WrittenCommentView')
  @Get('comment-periods/:id/written-comments')
  @ApiOperation({ summary: 'The written comments of a period that the caller may read (their own drafts included)' })
  async writtenComments(@CurrentUser() user: AuthContext, @Param('id', ParseUUIDPipe) id: string): Promise<{ items: WrittenCommentView[] }> {
    return { items: await this.comments.list(user.subject, id) };
  }

  @ApiView('WrittenCommentView', HttpStatus.CREATED)
  @ApiErrors(409)
  @Post('comment-periods/:id/written-comments')
  @ApiOperation({ summary: "Start the caller's delegation's written comment as a private draft (members of the delegation or observer organization)" })
  create(@CurrentUser() user: AuthContext, @Param('id', ParseUUIDPipe) id: string, @Body() dto: NewWrittenCommentDto): Promise<WrittenCommentView> {
    return this.comments.create(user, id, dto);
  }

  @ApiMatrix()
  @Get('comment-periods/:id/matrix')
  @ApiOperation({ summary: 'The comments matrix: JSON, CSV or XLSX, filtered by commenter, provision and disposition' })
  async matrix(@CurrentUser() user: AuthContext, @Param('id', ParseUUIDPipe) id: string, @Query() query: MatrixQueryDto, @Res({ passthrough: true }) res: Response): Promise<unknown> {
    return sendMatrix(res, await this.outputs.matrix(user.subject, id, query));
  }

  @ApiFile('text/html', DOCX)
  @Get('comment-periods/:id/compilation')
  @ApiOperation({ summary: 'The compilation of comments received, HTML or DOCX' })
  async compilation(@CurrentUser() user: AuthContext, @Param('id', ParseUUIDPipe) id: string, @Query() query: CommentsCompilationQueryDto, @Res() res: Response): Promise<void> {
    sendDownload(res, await this.outputs.compilation(user.subject, id, query));
  }

  @ApiView('WrittenCommentView')
  @Get('written-comments/:id')
  @ApiOperation({ summary: 'A written comment with its remarks and the dispositions the caller may see' })
  getComment(@CurrentUser() user: AuthContext, @Param('id', ParseUUIDPipe) id: string): Promise<WrittenCommentView> {
    return this.comments.get(user.subject, id);
  }

  @ApiView('WrittenCommentView')
  @ApiErrors(409)
  @Put('written-comments/:id')
  @ApiOperation({ summary: "Replace the remarks of the caller's delegation's draft" })
  update(@CurrentUser() user: AuthContext, @Param('id', ParseUUIDPipe) id: string, @Body() dto: WrittenCommentDto): Promise<WrittenCommentView> {
    return this.comments.update(user, id, dto);
  }

  @ApiNoContent()
  @ApiErrors(409)
  @Delete('written-comments/:id')
  @HttpCode(204)
  @ApiOperation({ summary: "Discard the caller's delegation's draft" })
  discard(@CurrentUser() user: AuthContext, @Param('id', ParseUUIDPipe) id: string): Promise<void> {
    return this.comments.discard(user, id);
  }

  @ApiView('WrittenCommentView')
  @ApiErrors(409)
  @Post('written-comments/:id/submit')
  @HttpCode(200)
  @ApiOperation({ summary: 'Submit a written comment (head of the delegation, or the observer organization); immutable from then on' })
  submit(@CurrentUser() user: AuthContext, @Param('id', ParseUUIDPipe) id: string): Promise<WrittenCommentView> {
    return this.comments.submit(user, id);
  }

  @ApiView('WrittenCommentView', HttpStatus.CREATED)
  @ApiErrors(409)
  @Post('written-remarks/:id/dispositions')
  @ApiOperation({ summary: 'Record the disposition of a remark, with a response and where it was addressed (secretariat)' })
  dispose(@CurrentUser() user: AuthContext, @Param('id', ParseUUIDPipe) id: string, @Body() dto: DispositionDto): Promise<WrittenCommentView> {
    return this.comments.dispose(user, id, dto);
  }

  @ApiList('FollowedRemarkView')
  @Get('revisions/:id/written-comments')
  @ApiOperation({ summary: 'Written remarks on this revision and earlier ones, where their provisions are now (changed, moved or deleted marked)' })
  async followed(@CurrentUser() user: AuthContext, @Param('id', ParseUUIDPipe) id: string, @Query() query: RevisionQueryDto): Promise<{ items: FollowedRemarkView[] }> {
    return { items: await this.outputs.followed(user.subject, id, query.lang) };
  }
}
