import { Controller, Get, Header, Param, ParseUUIDPipe, Query, Req, Res } from '@nestjs/common';
import { ApiOperation, ApiTags } from '@nestjs/swagger';
import type { Request, Response } from 'express';
import { Public } from '../auth/public.decorator';
import { CompareQueryDto, ExportQueryDto, PublishedCompilationQueryDto, RevisionQueryDto } from './dto/revision.dto';
import { ExportsService } from './exports.service';
import { atomFeed } from './feed';
import { answeredFromCache } from './revision-cache';
import { sendComparison, sendDownload, variantOf } from './revisions.controller';
import { type Reader, type RevisionSummary, RevisionsService, type Verification } from './revisions.service';
import { ApiErrors, ApiFile, ApiList, ApiView, ApiViewSent } from '../common/openapi/api-responses';

const DOCX = 'application/vnd.openxmlformats-officedocument.wordprocessingml.document';

// The observers' API reads as an anonymous visitor whoever calls it, so nothing committee-tier is reachable.
const ANONYMOUS: Reader = { subject: null };

/** The observers' API: public revisions, their comparison and the feed, with no sign-in. */
@ApiTags('public')
@Public()
@ApiErrors(404)
@Controller('public')
export class PublicController {
  constructor(
    private readonly revisions: RevisionsService,
    private readonly exports: ExportsService,
  ) {}

  @ApiFile('text/html', DOCX, 'application/akn+xml')
  @ApiErrors(409)
  @Get('revisions/:id/export')
  @ApiOperation({ summary: 'Download a public revision: Akoma Ntoso XML, DOCX or HTML' })
  async export(@Param('id') id: string, @Query() query: ExportQueryDto, @Req() req: Request, @Res() res: Response): Promise<void> {
    if (answeredFromCache(req, res, await this.revisions.validator(ANONYMOUS, [id], variantOf('export', query.lang, query.format)), 'file')) return;
    sendDownload(res, await this.exports.revision(ANONYMOUS, id, query.lang, query.format));
  }

  @ApiList('PublishedCompilationSummary')
  @Get('compilations')
  @ApiOperation({ summary: 'Published compilations of proposals, newest first' })
  async compilations() {
    return { items: await this.exports.publishedCompilations() };
  }

  @ApiFile('text/html', DOCX)
  @Get('compilations/:id')
  @ApiOperation({ summary: 'A published compilation of proposals (HTML or DOCX)' })
  async compilation(@Param('id', ParseUUIDPipe) id: string, @Query() query: PublishedCompilationQueryDto, @Res() res: Response): Promise<void> {
    sendDownload(res, await this.exports.publishedCompilation(id, query.format ?? 'html'));
  }

  @ApiList('RevisionSummary')
  @Get('revisions')
  @ApiOperation({ summary: 'Public revisions, newest first' })
  async list(): Promise<{ items: RevisionSummary[] }> {
    return { items: await this.revisions.listPublic() };
  }

  @ApiViewSent('RevisionText')
  @Get('revisions/:id')
  @ApiOperation({ summary: 'A public revision in one language' })
  async get(@Param('id') id: string, @Query() query: RevisionQueryDto, @Req() req: Request, @Res() res: Response): Promise<void> {
    if (answeredFromCache(req, res, await this.revisions.validator(ANONYMOUS, [id], variantOf('revision', query.lang)), 'api')) return;
    res.json(await this.revisions.get(ANONYMOUS, id, query.lang));
  }

  @ApiView('RevisionVerification')
  @Get('revisions/:id/verify')
  @ApiOperation({ summary: "Verify a public revision: its content hash, the server's signature and its publication record" })
  verify(@Param('id') id: string): Promise<Verification> {
    return this.revisions.verify(ANONYMOUS, id);
  }

  @ApiViewSent('SignedRevisionBundle')
  @Get('revisions/:id/signed')
  @ApiOperation({ summary: 'A public revision as signed, to verify with the public key alone (revision:verify <file>)' })
  async signed(@Param('id') id: string, @Req() req: Request, @Res() res: Response): Promise<void> {
    if (answeredFromCache(req, res, await this.revisions.validator(ANONYMOUS, [id], variantOf('signed')), 'api')) return;
    res.json(await this.revisions.signed(ANONYMOUS, id));
  }

  @ApiViewSent('Comparison', { 'text/html': { type: 'string' } })
  @Get('revisions/:id/compare/:other')
  @ApiOperation({ summary: 'Compare two public revisions' })
  async compare(@Param('id') id: string, @Param('other') other: string, @Query() query: CompareQueryDto, @Req() req: Request, @Res() res: Response): Promise<void> {
    if (answeredFromCache(req, res, await this.revisions.validator(ANONYMOUS, [id, other], variantOf('compare', query.lang, query.format)), 'api')) return;
    sendComparison(res, await this.revisions.compare(ANONYMOUS, id, other, query.lang, query.format ?? 'json'));
  }

  @ApiFile('application/atom+xml')
  @Get('feed.atom')
  @Header('content-type', 'application/atom+xml; charset=utf-8')
  @ApiOperation({ summary: 'Atom feed of new public revisions and compilations' })
  async feed(@Req() req: Request): Promise<string> {
    const base = `${req.protocol}://${req.get('host') ?? 'localhost'}`;
    const revisions = await this.revisions.listPublic();
    const compilations = await this.exports.publishedCompilations();
    return atomFeed({
      id: `${base}/api/public/feed.atom`,
      title: 'Concord: public revisions and compilations',
      self: `${base}/api/public/feed.atom`,
      entries: revisions.map((r) => ({
        id: `urn:uuid:${r.id}`,
        // A revision that fails verification stays in the feed (it was published), marked so nobody cites it.
        title: `${r.verification.status === 'failed' ? '[FAILED VERIFICATION] ' : ''}${r.symbol} ${r.titles[r.originalLanguage] ?? ''}`.trim(),
        link: `${base}/api/public/revisions/${r.id}`,
        updated: r.publishedAt,
        summary:
          r.verification.status === 'failed'
            ? `FAILED VERIFICATION: ${r.verification.reason ?? ''}. This is not the text as published. Published ${r.date}; SHA-256 on record ${r.contentHash}`
            : `Published ${r.date}; languages: ${r.languages.join(', ')}; SHA-256 ${r.contentHash}; signed by the server key`,
      })).concat(
        compilations.map((c) => ({
          id: `urn:uuid:${c.id}`,
          title: `Compilation of proposals (${c.proposals}, ${c.language})`,
          link: `${base}/api/public/compilations/${c.id}`,
          updated: c.publishedAt,
          summary: `${c.proposals} proposals, listed in no order of priority`,
        })),
      ),
    });
  }
}
