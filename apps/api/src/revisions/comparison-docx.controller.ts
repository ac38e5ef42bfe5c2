import { Controller, Get, Param, ParseUUIDPipe, Query, Res } from '@nestjs/common';
import { ApiOperation, ApiTags } from '@nestjs/swagger';
import type { Response } from 'express';
import type { AuthContext } from '../auth/auth-context';
import { CurrentUser, OptionalUser } from '../auth/current-user.decorator';
import { Public } from '../auth/public.decorator';
import { ComparisonDocxService } from './comparison-docx.service';
import { RevisionQueryDto } from './dto/revision.dto';
import { readerOf, sendDownload } from './revisions.controller';
import { ApiErrors, ApiFile } from '../common/openapi/api-responses';

const DOCX = 'application/vnd.openxmlformats-officedocument.wordprocessingml.document';

/** Comparisons downloaded as Word documents whose differences are tracked changes. */
@ApiTags('revisions')
@ApiErrors(404)
@Controller()
export class ComparisonDocxController {
  constructor(private readonly docx: ComparisonDocxService) {}

  @ApiFile(DOCX)
  @Public()
  @Get('revisions/:id/compare/:other/docx')
  @ApiOperation({ summary: 'Two revisions (or a revision and `live`, the consolidated draft) as a Word document with tracked changes' })
  async revisions(@OptionalUser() user: AuthContext | null, @Param('id') id: string, @Param('other') other: string, @Query() query: RevisionQueryDto, @Res() res: Response): Promise<void> {
    sendDownload(res, await this.docx.betweenRevisions(readerOf(user), id, other, query.lang, user));
  }

  @ApiFile(DOCX)
  @Public()
  @Get('public/revisions/:id/compare/:other/docx')
  @ApiTags('public')
  @ApiOperation({ summary: 'Two public revisions as a Word document with tracked changes' })
  async publicRevisions(@Param('id') id: string, @Param('other') other: string, @Query() query: RevisionQueryDto, @Res() res: Response): Promise<void> {
    // The observers' API reads as an anonymous visitor whoever calls it.
    sendDownload(res, await this.docx.betweenRevisions({ subject: null }, id, other === 'live' ? 'not-live' : other, query.lang));
  }

  @ApiFile(DOCX)
  @ApiErrors(401, 403)
  @Get('proposals/:id/compare/docx')
  @ApiOperation({ summary: 'A proposal against its base as a Word document with tracked changes by its sponsors' })
  async proposal(@CurrentUser() user: AuthContext, @Param('id', ParseUUIDPipe) id: string, @Res() res: Response): Promise<void> {
    sendDownload(res, await this.docx.proposal(user, id));
  }
}
