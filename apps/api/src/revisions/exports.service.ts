import { provenanceRefs } from '@concord/compile';
import { type Language, pickLocalized, type PublishedCompilationSummary } from '@concord/domain';
import { compilationToDocx, compilationToHtml, type CompilationInput, revisionToAkomaNtoso, revisionToDocx, revisionToHtml } from '@concord/export';
import { docFromJSON, docToText, listProvisions, numberDocument, treatySchema } from '@concord/schema';
import { Injectable } from '@nestjs/common';
import { randomUUID } from 'node:crypto';
import type { Node } from 'prosemirror-model';
import type { AuthContext } from '../auth/auth-context';
import { AuditService } from '../audit/audit.service';
import { AppException } from '../common/app.exception';
import { CommitteesRepository } from '../committees/committees.repository';
import { CompilationRepository } from '../compilation/compilation.repository';
import { CompileContext } from '../compilation/compile-context';
import { UnitOfWork } from '../database/unit-of-work';
import { InstrumentsService } from '../instruments/instruments.service';
import { proposalChanges, proposalText } from '../proposals/proposal-documents';
import type { Proposal } from '../proposals/proposal.entity';
import { ProposalCompilation } from './proposal-compilation.entity';
import { RevisionsRepository } from './revisions.repository';
import { parseContent, type Reader, RevisionsService } from './revisions.service';

/** The export formats of a revision. */
export const EXPORT_FORMATS = ['akn', 'docx', 'html'] as const;
export type ExportFormat = (typeof EXPORT_FORMATS)[number];

/** A file to download. */
export interface Download {
  readonly filename: string;
  readonly contentType: string;
  readonly body: Buffer;
}

const CONTENT_TYPES: Record<ExportFormat, string> = {
  akn: 'application/akn+xml; charset=utf-8',
  docx: 'application/vnd.openxmlformats-officedocument.wordprocessingml.document',
  html: 'text/html; charset=utf-8',
};
const EXTENSIONS: Record<ExportFormat, string> = { akn: 'xml', docx: 'docx', html: 'html' };

/** Statuses of proposals that a compilation lists: everything received, except what its sponsor took back or replaced. */
const LISTED = ['submitted', 'incorporated', 'partially-incorporated', 'presented-as-option', 'not-retained'];

function fileStem(symbol: string): string {
  return symbol.replace(/[^A-Za-z0-9.-]+/g, '_');
}

/** Exports of revisions (Akoma Ntoso, DOCX, HTML) and compilations of proposals (HTML, DOCX), and their publication. */
@Injectable()
export class ExportsService {
  constructor(
    private readonly revisions: RevisionsService,
    private readonly repository: RevisionsRepository,
    private readonly committees: CommitteesRepository,
    private readonly instruments: InstrumentsService,
    private readonly compilation: CompilationRepository,
    private readonly context: CompileContext,
    private readonly uow: UnitOfWork,
    private readonly audit: AuditService,
  ) {}

  async revision(reader: Reader, id: string, language: Language | undefined, format: ExportFormat): Promise<Download> {
    const revision = await this.revisions.readable(reader, id);
    await this.revisions.assertVerified(revision);
    const content = parseContent(revision);
    const lang = language ?? (revision.originalLanguage as Language);
    const version = content.versions[lang];
    if (!version) throw new AppException('language-not-available', `${revision.symbol} has no ${lang} version.`);
    const doc = docFromJSON(version.doc);
    const committee = await this.committees.findById(revision.committeeId);
    const directory = await this.context.directory(revision.committeeId);
    const proposals = await this.compilation.proposalsByIds(citedProposals(doc));
    const input = {
      symbol: revision.symbol,
      date: revision.date,
      distribution: revision.tier === 'public' ? ('General' as const) : ('Limited' as const),
      originalLanguage: revision.originalLanguage as Language,
      language: lang,
      committee: { name: committee?.name ?? '', symbolPrefix: committee?.symbolPrefix ?? '' },
      title: pickLocalized(content.titles, lang, [revision.originalLanguage as Language]) ?? revision.symbol,
      doc,
      delegations: directory.info,
      proposals: await this.context.attributions(proposals, directory),
      contentHash: revision.contentHash,
    };
    const body =
      format === 'akn' ? Buffer.from(revisionToAkomaNtoso(input)) : format === 'docx' ? Buffer.from(await revisionToDocx(input)) : Buffer.from(revisionToHtml(input));
    return { filename: `${fileStem(revision.symbol)}_${lang}.${EXTENSIONS[format]}`, contentType: CONTENT_TYPES[format], body };
  }

  /** The compilation of every proposal received for an instrument in a language, for committee readers. */
  async compilationDraft(user: AuthContext, instrumentId: string, language: Language, format: 'html' | 'docx'): Promise<Download> {
    await this.instruments.get(user, instrumentId, 'read');
    const proposals = await this.compilation.proposalsFor(instrumentId, language, LISTED);
    return this.render(instrumentId, language, proposals, format);
  }

  /** Publishes the compilation: the proposals it lists become public. */
  async publishCompilation(user: AuthContext, instrumentId: string, language: Language): Promise<{ id: string; proposalIds: readonly string[]; publishedAt: string }> {
    const instrument = await this.instruments.get(user, instrumentId, 'publish-revision');
    const proposals = await this.compilation.proposalsFor(instrumentId, language, LISTED);
    if (proposals.length === 0) throw new AppException('nothing-to-compile', 'No proposal has been received for this instrument in this language.');
    const row = Object.assign(new ProposalCompilation(), {
      id: randomUUID(),
      committeeId: instrument.committeeId,
      instrumentId,
      language,
      sessionId: null,
      proposalIds: proposals.map((p) => p.id),
      publishedBy: user.user.id,
      publishedAt: new Date(),
    });
    await this.uow.run(async (manager) => {
      await this.repository.insertCompilation(row, manager);
      await this.repository.publishProposals(row.proposalIds, row.publishedAt, manager);
      await this.audit.record(manager, { actorId: user.user.id, action: 'compilation.publish', entityType: 'compilation', entityId: row.id, after: { instrumentId, language, proposalIds: row.proposalIds } });
    });
    return { id: row.id, proposalIds: row.proposalIds, publishedAt: row.publishedAt.toISOString() };
  }

  /** A published compilation, for anyone: it lists only the proposals it made public. */
  async publishedCompilation(id: string, format: 'html' | 'docx'): Promise<Download> {
    const row = await this.repository.findCompilation(id);
    if (!row) throw new AppException('revision-not-found', `No published compilation ${id}.`);
    const proposals = await this.compilation.proposalsByIds(row.proposalIds);
    return this.render(row.instrumentId, row.language as Language, proposals, format);
  }

  async publishedCompilations(): Promise<PublishedCompilationSummary[]> {
    return (await this.repository.listCompilations()).map((c) => ({ id: c.id, instrumentId: c.instrumentId, language: c.language as Language, proposals: c.proposalIds.length, publishedAt: c.publishedAt.toISOString() }));
  }

  private async render(instrumentId: string, language: Language, proposals: readonly Proposal[], format: 'html' | 'docx'): Promise<Download> {
    const base = await this.instruments.baseDocument(instrumentId, language);
    const committee = await this.committees.findById(base.committeeId);
    const directory = await this.context.directory(base.committeeId);
    const supports = await this.compilation.supportsOf(proposals.map((p) => p.id));
    const name = (id: string) => {
      const delegation = directory.byId.get(id);
      return delegation ? (pickLocalized(delegation.names, language, ['en']) ?? delegation.code) : id;
    };
    const numbers = numberDocument(base.doc, language);
    const titles = (await this.instruments.titles(instrumentId)) ?? {};
    const input: CompilationInput = {
      committee: { name: committee?.name ?? '', symbolPrefix: committee?.symbolPrefix ?? '' },
      instrumentTitle: pickLocalized(titles, language, ['en']) ?? '',
      language,
      provisions: listProvisions(base.doc, language)
        .filter((p) => p.kind === 'article')
        .map((article) => ({
          id: article.id,
          label: numbers.get(article.id)?.label ?? '',
          heading: article.heading ?? '',
          baseText: articleText(base.doc, article.id, language),
          proposals: proposals
            .filter((p) => p.provisionIds.includes(article.id))
            .map((p) => ({
              id: p.id,
              sponsor: name(p.sponsorDelegationId),
              coSponsors: p.coSponsorIds.map(name),
              supporters: supports.filter((s) => s.proposalId === p.id && !s.withdrawnAt).map((s) => name(s.delegationId)),
              late: p.late,
              submittedAt: p.submittedAt.toISOString(),
              proposedText: articleText(proposalText(p), article.id, language),
              changes: proposalChanges(p),
              justification: p.justification,
            })),
        }))
        .filter((provision) => provision.proposals.length > 0),
    };
    const body = format === 'docx' ? Buffer.from(await compilationToDocx(input)) : Buffer.from(compilationToHtml(input));
    return { filename: `compilation_${language}.${format}`, contentType: CONTENT_TYPES[format], body };
  }
}

/** The plain text of one article of a document, numbered as in that document. */
function articleText(doc: Node, articleId: string, language: Language): string {
  let found: Node | null = null;
  doc.descendants((node) => {
    if (found) return false;
    if (node.type.name === 'article' && node.attrs['id'] === articleId) found = node;
    return !found;
  });
  return found ? docToText(treatySchema.node('doc', null, [found]), language) : '';
}

/** Ids of the proposals a text's provenance cites. */
function citedProposals(doc: Node): string[] {
  const ids = new Set<string>();
  doc.descendants((node) => {
    for (const mark of node.marks) if (mark.type.name === 'provenance' && mark.attrs['kind'] === 'proposal') provenanceRefs(mark).forEach((id) => ids.add(id));
    return true;
  });
  return [...ids];
}
