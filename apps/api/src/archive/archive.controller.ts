import { Controller, Get, Param, ParseUUIDPipe, Res } from '@nestjs/common';
import { ApiOperation, ApiProduces, ApiTags } from '@nestjs/swagger';
import type { Response } from 'express';
import type { AuthContext } from '../auth/auth-context';
import { CurrentUser } from '../auth/current-user.decorator';
import { sendDownload } from '../revisions/revisions.controller';
import { ArchiveService } from './archive.service';
import { ApiErrors, ApiFile } from '../common/openapi/api-responses';

@ApiTags('committees')
@ApiErrors(401, 403, 404)
@Controller()
export class ArchiveController {
  constructor(private readonly archive: ArchiveService) {}

  @ApiFile('application/zip')
  @Get('committees/:committeeId/archive')
  @ApiProduces('application/zip')
  @ApiOperation({ summary: "The committee's record as files with a manifest of hashes, in a ZIP (the secretariat or an administrator)" })
  async download(@CurrentUser() user: AuthContext, @Param('committeeId', ParseUUIDPipe) committeeId: string, @Res() res: Response): Promise<void> {
    sendDownload(res, await this.archive.zip(user, committeeId));
  }
}
