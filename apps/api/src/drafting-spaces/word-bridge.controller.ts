import { Body, Controller, Get, HttpCode, Param, ParseUUIDPipe, Post, Res, UploadedFile, UseInterceptors } from '@nestjs/common';
import { FileInterceptor } from '@nestjs/platform-express';
import { ApiConsumes, ApiOperation, ApiTags } from '@nestjs/swagger';
import type { Response } from 'express';
import type { AuthContext } from '../auth/auth-context';
import { CurrentUser } from '../auth/current-user.decorator';
import { sendDownload } from '../revisions/revisions.controller';
import { ApplyWordDto } from './dto/word-upload.dto';
import { type UploadedWord, type WordApplied, WordBridgeService, type WordPreview } from './word-bridge.service';
import { ApiErrors, ApiFile, ApiView } from '../common/openapi/api-responses';

const DOCX = 'application/vnd.openxmlformats-officedocument.wordprocessingml.document';

@ApiTags('drafting spaces')
@ApiErrors(401, 403, 404)
@Controller()
export class WordBridgeController {
  constructor(private readonly word: WordBridgeService) {}

  @ApiFile(DOCX)
  @Get('drafting-spaces/:id/docx')
  @ApiOperation({ summary: 'The drafting space as a Word file to edit offline and upload again (its changes as tracked changes)' })
  async download(@CurrentUser() user: AuthContext, @Param('id', ParseUUIDPipe) id: string, @Res() res: Response): Promise<void> {
    sendDownload(res, await this.word.download(user, id));
  }

  @ApiView('WordPreviewView')
  @ApiErrors(409, 413, 415, 422)
  @Post('drafting-spaces/:id/word/preview')
  @HttpCode(200)
  @UseInterceptors(FileInterceptor('file'))
  @ApiConsumes('multipart/form-data')
  @ApiOperation({ summary: 'What a Word file (tracked changes, a clean amended text or a round trip) would change in the space; writes nothing' })
  preview(@CurrentUser() user: AuthContext, @Param('id', ParseUUIDPipe) id: string, @UploadedFile() file?: UploadedWord): Promise<WordPreview> {
    return this.word.preview(user, id, file);
  }

  @ApiView('WordAppliedView')
  @ApiErrors(409, 413, 415, 422)
  @Post('drafting-spaces/:id/word/apply')
  @HttpCode(200)
  @UseInterceptors(FileInterceptor('file'))
  @ApiConsumes('multipart/form-data')
  @ApiOperation({ summary: 'Apply a previewed Word file to the live space as one change, merged with what members typed meanwhile' })
  apply(@CurrentUser() user: AuthContext, @Param('id', ParseUUIDPipe) id: string, @Body() dto: ApplyWordDto, @UploadedFile() file?: UploadedWord): Promise<WordApplied> {
    return this.word.apply(user, id, file, dto.digest);
  }
}
