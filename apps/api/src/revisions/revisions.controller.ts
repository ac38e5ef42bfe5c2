import { Body, Controller, Get, Param, ParseUUIDPipe, Post, Query, Req, Res, HttpStatus } from '@nestjs/common';
import { ApiOperation, ApiTags } from '@nestjs/swagger';
import type { Request, Response } from 'express';
import type { AuthContext } from '../auth/auth-context';
import { CurrentUser, OptionalUser } from '../auth/current-user.decorator';
import { Public } from '../auth/public.decorator';
import { CompareQueryDto, CompilationQueryDto, ConfirmTranslationDto, ExportQueryDto, LanguageVersionDto, PublishRevisionDto, RevisionQueryDto, TranslateProvisionDto } from './dto/revision.dto';
import { type Download, ExportsService } from './exports.service';
import { LanguageVersionsService, type StaleNode } from './language-versions.service';
import { PublishRevisionUseCase } from './publish-revision.usecase';
import { answeredFromCache } from './revision-cache';
import { type Reader, type RevisionSummary, type RevisionText, RevisionsService, type Verification } from './revisions.service';
import { LanguageQueryDto } from '../compilation/dto/compilation.dto';
import { ApiErrors, ApiFile, ApiList, ApiView, ApiViewSent } from '../common/openapi/api-responses';

const DOCX = 'application/vnd.openxmlformats-officedocument.wordprocessingml.document';

/** The reader behind an optional sign-in. */
export function readerOf(user: AuthContext | null): Reader {
  return { subject: user?.subject ?? null };
}

/** Sends a file to download, with its length so that clients can show progress. */
export function sendDownload(res: Response, download: Download): void {
  res.set({
    'content-type': download.contentType,
    'content-length': String(download.body.length),
    'content-disposition': `attachment; filename="${download.filename}"`,
  });
  res.end(download.body);
}

/** Sends a comparison as JSON or, when rendered, as HTML. */
export function sendComparison(res: Response, result: unknown): void {
  if (typeof result === 'string') {
    res.type('html').send(result);
    return;
  }
  res.json(result);
}

/** What a representation of revisions is, for its validator: the route's kind and every query value that shapes it. */
export function variantOf(kind: string, ...parts: readonly (string | undefined)[]): string {
  return [kind, ...parts.map((p) => p ?? '')].join(':');
}

@ApiTags('revisions')
@ApiErrors(404)
@Controller()
export class RevisionsController {
  constructor(
    private readonly revisions: RevisionsService,
    private readonly publishUseCase: PublishRevisionUseCase,
    private readonly languages: LanguageVersionsService,
    private readonly exports: ExportsService,
  ) {}

  @ApiFile('text/html', DOCX, 'application/akn+xml')
  @ApiErrors(409)
  @Public()
  @Get('revisions/:id/export')
  @ApiOperation({ summary: 'Download a revision in one language: Akoma Ntoso XML, DOCX or HTML' })
  async export(@OptionalUser() user: AuthContext | null, @Param('id') id: string, @Query() query: ExportQueryDto, @Req() req: Request, @Res() res: Response): Promise<void> {
    if (answeredFromCache(req, res, await this.revisions.validator(readerOf(user), [id], variantOf('export', query.lang, query.format)), 'file')) return;
    sendDownload(res, await this.exports.revision(readerOf(user), id, query.lang, query.format));
  }

  @ApiFile('text/html', DOCX)
  @ApiErrors(401, 403)
  @Get('instruments/:id/compilation')
  @ApiOperation({ summary: 'The compilation of proposals received, per provision, in no order of priority (HTML or DOCX)' })
  async compilation(@CurrentUser() user: AuthContext, @Param('id', ParseUUIDPipe) id: string, @Query() query: CompilationQueryDto, @Res() res: Response): Promise<void> {
    sendDownload(res, await this.exports.compilationDraft(user, id, query.lang, query.format ?? 'html'));
  }

  @ApiView('PublishedCompilationView', HttpStatus.CREATED)
  @ApiErrors(401, 403, 409)
  @Post('instruments/:id/compilation/publish')
  @ApiOperation({ summary: 'Publish the compilation of proposals, which makes the listed proposals public (secretariat)' })
  publishCompilation(@CurrentUser() user: AuthContext, @Param('id', ParseUUIDPipe) id: string, @Body() dto: LanguageVersionDto) {
    return this.exports.publishCompilation(user, id, dto.language);
  }

  @ApiView('RevisionText', HttpStatus.CREATED)
  @ApiErrors(401, 403, 409)
  @Post('instruments/:id/revisions')
  @ApiOperation({ summary: 'Publish the consolidated draft as an immutable revision (secretariat)' })
  async publish(@CurrentUser() user: AuthContext, @Param('id', ParseUUIDPipe) id: string, @Body() dto: PublishRevisionDto): Promise<RevisionText> {
    const revision = await this.publishUseCase.execute(user, id, dto);
    return this.revisions.get(readerOf(user), revision.id);
  }

  @ApiList('RevisionSummary')
  @Public()
  @Get('instruments/:id/revisions')
  @ApiOperation({ summary: "An instrument's revisions the caller may read, newest first" })
  async list(@OptionalUser() user: AuthContext | null, @Param('id', ParseUUIDPipe) id: string): Promise<{ items: RevisionSummary[] }> {
    return { items: await this.revisions.listForInstrument(readerOf(user), id) };
  }

  @ApiViewSent('RevisionText')
  @Public()
  @Get('revisions/:id')
  @ApiOperation({ summary: 'A revision in one language (by id or document symbol)' })
  async get(@OptionalUser() user: AuthContext | null, @Param('id') id: string, @Query() query: RevisionQueryDto, @Req() req: Request, @Res() res: Response): Promise<void> {
    if (answeredFromCache(req, res, await this.revisions.validator(readerOf(user), [id], variantOf('revision', query.lang)), 'api')) return;
    res.json(await this.revisions.get(readerOf(user), id, query.lang));
  }

  @ApiView('RevisionVerification')
  @Public()
  @Get('revisions/:id/verify')
  @ApiOperation({ summary: "Verify a revision: its SHA-256 over the canonical content, the server's signature and its publication record" })
  verify(@OptionalUser() user: AuthContext | null, @Param('id') id: string): Promise<Verification> {
    return this.revisions.verify(readerOf(user), id);
  }

  @ApiViewSent('SignedRevisionBundle')
  @Public()
  @Get('revisions/:id/signed')
  @ApiOperation({ summary: 'A revision as signed, to verify with the public key alone (revision:verify <file>)' })
  async signed(@OptionalUser() user: AuthContext | null, @Param('id') id: string, @Req() req: Request, @Res() res: Response): Promise<void> {
    if (answeredFromCache(req, res, await this.revisions.validator(readerOf(user), [id], variantOf('signed')), 'api')) return;
    res.json(await this.revisions.signed(readerOf(user), id));
  }

  @Public()
  @ApiViewSent('Comparison', { 'text/html': { type: 'string' } })
  @Get('revisions/:id/compare/:other')
  @ApiOperation({ summary: 'Compare two revisions (or a revision with `live`): concordance and word changes, JSON or HTML' })
  async compare(
    @OptionalUser() user: AuthContext | null,
    @Param('id') id: string,
    @Param('other') other: string,
    @Query() query: CompareQueryDto,
    @Req() req: Request,
    @Res() res: Response,
  ): Promise<void> {
    if (answeredFromCache(req, res, await this.revisions.validator(readerOf(user), [id, other], variantOf('compare', query.lang, query.format)), 'api')) return;
    sendComparison(res, await this.revisions.compare(readerOf(user), id, other, query.lang, query.format ?? 'json'));
  }

  @ApiView('LanguageAddedView', HttpStatus.CREATED)
  @ApiErrors(401, 403, 409)
  @Post('instruments/:id/languages')
  @ApiOperation({ summary: 'Start a language version of the consolidated draft (secretariat)' })
  addLanguage(@CurrentUser() user: AuthContext, @Param('id', ParseUUIDPipe) id: string, @Body() dto: LanguageVersionDto) {
    return this.languages.create(user, id, dto.language);
  }

  @ApiList('StaleNodeView')
  @ApiErrors(401, 403)
  @Get('instruments/:id/languages/stale')
  @ApiOperation({ summary: 'The queue of translated nodes that do not render the original’s current text' })
  async stale(@CurrentUser() user: AuthContext, @Param('id', ParseUUIDPipe) id: string, @Query() query: LanguageQueryDto): Promise<{ items: StaleNode[] }> {
    return { items: await this.languages.stale(user, id, query.lang) };
  }

  @ApiView('TranslationsConfirmedView', HttpStatus.CREATED)
  @ApiErrors(401, 403)
  @Post('instruments/:id/languages/confirm')
  @ApiOperation({ summary: 'Confirm translated nodes as rendering the original’s current text (secretariat)' })
  confirm(@CurrentUser() user: AuthContext, @Param('id', ParseUUIDPipe) id: string, @Query() query: LanguageQueryDto, @Body() dto: ConfirmTranslationDto) {
    return this.languages.confirm(user, id, query.lang, dto.nodeIds);
  }

  @ApiView('ProvisionTranslatedView', HttpStatus.CREATED)
  @ApiErrors(401, 403, 422)
  @Post('instruments/:id/languages/translate')
  @ApiOperation({ summary: 'Translate one provision’s own words run by run, keeping brackets and attribution (secretariat)' })
  translate(@CurrentUser() user: AuthContext, @Param('id', ParseUUIDPipe) id: string, @Query() query: LanguageQueryDto, @Body() dto: TranslateProvisionDto) {
    return this.languages.translate(user, id, query.lang, dto.nodeId, dto.texts);
  }
}
