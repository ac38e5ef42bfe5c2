import { Body, Controller, Get, Param, ParseUUIDPipe, Patch, Post, Query, UploadedFile, UseInterceptors, HttpStatus } from '@nestjs/common';
import { FileInterceptor } from '@nestjs/platform-express';
import { ApiConsumes, ApiOperation, ApiTags } from '@nestjs/swagger';
import type { AuthContext } from '../auth/auth-context';
import { CurrentUser } from '../auth/current-user.decorator';
import { ImportInstrumentDto, UpdateInstrumentDto } from './dto/instrument.dto';
import { type InstrumentTextView, type InstrumentView, InstrumentsService, type UploadedDocx } from './instruments.service';
import { ApiErrors, ApiList, ApiView } from '../common/openapi/api-responses';

@ApiTags('instruments')
@ApiErrors(401, 403, 404)
@Controller()
export class InstrumentsController {
  constructor(private readonly instruments: InstrumentsService) {}

  @ApiList('InstrumentView')
  @Get('committees/:committeeId/instruments')
  @ApiOperation({ summary: "The committee's instruments (committee tier)" })
  async list(@CurrentUser() user: AuthContext, @Param('committeeId', ParseUUIDPipe) committeeId: string): Promise<{ items: InstrumentView[] }> {
    return { items: await this.instruments.list(user, committeeId) };
  }

  @ApiView('ImportedInstrumentView', HttpStatus.CREATED)
  @ApiErrors(413, 415, 422)
  @Post('committees/:committeeId/instruments/import')
  @UseInterceptors(FileInterceptor('file'))
  @ApiConsumes('application/json', 'multipart/form-data')
  @ApiOperation({ summary: 'Import a base text (plain text, Markdown or DOCX) as a new instrument (secretariat)' })
  import(
    @CurrentUser() user: AuthContext,
    @Param('committeeId', ParseUUIDPipe) committeeId: string,
    @Body() dto: ImportInstrumentDto,
    @UploadedFile() file?: UploadedDocx,
  ): Promise<InstrumentView & { warnings: readonly string[] }> {
    return this.instruments.import(user, committeeId, dto, file);
  }

  @ApiView('InstrumentView')
  @Get('instruments/:id')
  @ApiOperation({ summary: 'One instrument (committee tier)' })
  get(@CurrentUser() user: AuthContext, @Param('id', ParseUUIDPipe) id: string): Promise<InstrumentView> {
    return this.instruments.get(user, id);
  }

  @ApiView('InstrumentView')
  @Patch('instruments/:id')
  @ApiOperation({ summary: "Change an instrument's titles (secretariat)" })
  update(@CurrentUser() user: AuthContext, @Param('id', ParseUUIDPipe) id: string, @Body() dto: UpdateInstrumentDto): Promise<InstrumentView> {
    return this.instruments.update(user, id, dto);
  }

  @ApiView('InstrumentTextView')
  @Get('instruments/:id/text')
  @ApiOperation({ summary: 'The base text in one language, numbered (committee tier)' })
  text(@CurrentUser() user: AuthContext, @Param('id', ParseUUIDPipe) id: string, @Query('lang') lang?: string): Promise<InstrumentTextView> {
    return this.instruments.text(user, id, lang);
  }
}
