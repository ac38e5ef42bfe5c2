import { provenanceRefs, summarize } from '@concord/compile';
import { decide, isAgreedStatus, type Language, type ProvisionStatus } from '@concord/domain';
import { docToText, listProvisions, numberDocument, treatySchema } from '@concord/schema';
import { Injectable } from '@nestjs/common';
import { randomUUID } from 'node:crypto';
import type { Node } from 'prosemirror-model';
import * as Y from 'yjs';
import type { AuthContext } from '../auth/auth-context';
import { AuditService } from '../audit/audit.service';
import { CollabAccessService, consolidatedDocument } from '../collaboration/collab-access.service';
import { CollabService, PROSEMIRROR_FRAGMENT } from '../collaboration/collab.service';
import { DocumentReader } from '../collaboration/document-reader';
import { AppException } from '../common/app.exception';
import { assertAllowed } from '../common/policy';
import { UnitOfWork } from '../database/unit-of-work';
import { InstrumentsService } from '../instruments/instruments.service';
import { proposalResource, type StoredChange } from '../proposals/proposal-view';
import { CompilationRepository } from './compilation.repository';
import { CompileContext } from './compile-context';
import { CompileDecision } from './compile-decision.entity';
import { ProvisionStatusEvent } from './provision-status-event.entity';

/** One proposal as the desk shows it beside the base. */
export interface DeskProposal {
  readonly id: string;
  readonly title: string;
  readonly sponsor: string;
  readonly coSponsors: readonly string[];
  readonly supporters: readonly string[];
  readonly status: string;
  readonly late: boolean;
  readonly submittedAt: string;
  readonly justification: string;
  readonly changes: readonly StoredChange[];
  readonly textWarnings: readonly string[];
  /** The decision recorded for this draft, and whether it is compiled in yet. */
  readonly decision: string | null;
  readonly compiled: boolean;
}

/** One article of the desk: the current text and every proposal received for it. */
export interface DeskArticle {
  readonly id: string;
  readonly number: string;
  readonly heading: string;
  readonly status: string;
  readonly text: string;
  readonly counts: { readonly brackets: number; readonly optionGroups: number; readonly proposals: number };
  readonly proposals: readonly DeskProposal[];
}

/** A span of text with where it came from. */
export interface ProvenanceSpan {
  readonly from: number;
  readonly to: number;
  readonly text: string;
  readonly kind: string | null;
  readonly refs: readonly string[];
  readonly delegations: readonly string[];
  readonly label: string | null;
  /** Links to the proposals the span comes from. */
  readonly proposals: readonly { readonly id: string; readonly href: string }[];
}

/**
 * The secretariat's compile desk for a consolidated draft: per article the current text beside every proposal
 * received for it, the decisions, provision status with its history, and provenance of any range.
 */
@Injectable()
export class CompileDeskService {
  constructor(
    private readonly repository: CompilationRepository,
    private readonly context: CompileContext,
    private readonly instruments: InstrumentsService,
    private readonly reader: DocumentReader,
    private readonly collab: CollabService,
    private readonly access: CollabAccessService,
    private readonly uow: UnitOfWork,
    private readonly audit: AuditService,
  ) {}

  async desk(user: AuthContext, instrumentId: string, language: Language): Promise<{ document: string; articles: DeskArticle[] }> {
    const instrument = await this.instruments.authorize(user, instrumentId, 'compile');
    const document = consolidatedDocument(instrumentId, language);
    const live = await this.live(instrumentId, language);
    const proposals = await this.repository.proposalsFor(instrumentId, language, ['submitted', 'incorporated', 'partially-incorporated', 'presented-as-option', 'not-retained']);
    const decisions = new Map((await this.repository.decisionsFor(document)).map((d) => [d.proposalId, d]));
    const directory = await this.context.directory(instrument.committeeId);
    const supports = await this.repository.supportsOf(proposals.map((p) => p.id));
    const numbers = numberDocument(live, language);
    const summary = summarize(live);
    const articles = listProvisions(live, language).filter((p) => p.kind === 'article');
    return {
      document,
      articles: articles.map((article) => {
        const node = live.nodeAt(article.pos);
        const received = proposals.filter((p) => p.provisionIds.includes(article.id));
        const counts = summary.get(article.id);
        return {
          id: article.id,
          number: numbers.get(article.id)?.label ?? '',
          heading: article.heading ?? '',
          status: article.status,
          text: node ? docToText(treatySchema.node('doc', null, [node]), language) : '',
          counts: { brackets: counts?.brackets ?? 0, optionGroups: counts?.optionGroups ?? 0, proposals: received.length },
          proposals: received.map((p) => ({
            id: p.id,
            title: p.title,
            sponsor: directory.code(p.sponsorDelegationId),
            coSponsors: p.coSponsorIds.map(directory.code),
            supporters: supports.filter((s) => s.proposalId === p.id && !s.withdrawnAt).map((s) => directory.code(s.delegationId)),
            status: p.status,
            late: p.late,
            submittedAt: p.submittedAt.toISOString(),
            justification: p.justification,
            changes: JSON.parse(p.changes) as StoredChange[],
            textWarnings: p.textWarnings,
            decision: decisions.get(p.id)?.decision ?? null,
            compiled: Boolean(decisions.get(p.id)?.compiledAt),
          })),
        };
      }),
    };
  }

  /** Records (or changes) the decision on a submitted proposal; it takes effect at the next compilation. */
  async decide(user: AuthContext, proposalId: string, language: Language, decision: string): Promise<{ proposalId: string; document: string; decision: string }> {
    const proposal = await this.proposalFor(user, proposalId, language);
    const document = consolidatedDocument(proposal.instrumentId, language);
    const row = Object.assign(new CompileDecision(), { document, proposalId, decision, decidedBy: user.user.id, decidedAt: new Date(), compiledAt: null });
    await this.uow.run(async (manager) => {
      await this.repository.saveDecision(row, manager);
      await this.audit.record(manager, { actorId: user.user.id, action: 'consolidated.decide', entityType: 'proposal', entityId: proposalId, after: { document, decision } });
    });
    return { proposalId, document, decision };
  }

  /**
   * Sets a provision's status in the live draft (an attribute of the article or paragraph) and records it with who
   * and, for a reopening, why. Agreed text is locked (see collaboration/agreed-guard.ts), so reopening an agreed
   * provision (back to open) is the way to edit it again, and it needs a reason.
   */
  async setStatus(
    user: AuthContext,
    instrumentId: string,
    provisionId: string,
    language: Language,
    status: ProvisionStatus,
    reason?: string,
  ): Promise<{ provisionId: string; status: ProvisionStatus; reason: string | null }> {
    await this.instruments.authorize(user, instrumentId, 'set-provision-status');
    const document = consolidatedDocument(instrumentId, language);
    const initialContent = async () => this.instruments.consolidatedSeed(instrumentId, language);
    const why = reason?.trim() ? reason.trim() : null;
    let previous: string | null = null;
    await this.collab.change(
      document,
      initialContent,
      (ydoc) => {
        const element = findElement(ydoc.getXmlFragment(PROSEMIRROR_FRAGMENT), provisionId);
        if (!element || !['article', 'paragraph'].includes(element.nodeName)) return;
        previous = String(element.getAttribute('status') ?? 'open');
        if (isAgreedStatus(previous) && status === 'open' && why === null) {
          throw new AppException('reason-required', 'Reopening agreed text needs a reason: say why the provision is reopened, then try again.');
        }
        if (previous !== status) element.setAttribute('status', status);
      },
      { statusChanges: true },
    );
    if (previous === null) throw new AppException('provision-not-found', `The draft has no article or paragraph ${provisionId}.`);
    const from: string = previous;
    const recorded = isAgreedStatus(from) && status === 'open' ? why : null;
    if (from !== status) {
      await this.uow.run(async (manager) => {
        await this.repository.insertStatusEvent(Object.assign(new ProvisionStatusEvent(), { id: randomUUID(), document, provisionId, fromStatus: from, toStatus: status, actorId: user.user.id, at: new Date(), reason: why }), manager);
        await this.audit.record(manager, { actorId: user.user.id, action: 'provision.status', entityType: 'provision', entityId: `${document}#${provisionId}`, before: { status: from }, after: { status, ...(why ? { reason: why } : {}) } });
      });
    }
    return { provisionId, status, reason: recorded };
  }

  async statusHistory(user: AuthContext, instrumentId: string, language: Language, provisionId?: string) {
    await this.instruments.authorize(user, instrumentId, 'read');
    const events = await this.repository.statusHistory(consolidatedDocument(instrumentId, language), provisionId);
    return events.map((e) => ({ provisionId: e.provisionId, from: e.fromStatus, to: e.toStatus, actorId: e.actorId, at: e.at.toISOString(), reason: e.reason }));
  }

  /** Where the text between two positions of a live document came from, span by span. */
  async provenance(user: AuthContext, document: string, from: number, to: number): Promise<ProvenanceSpan[]> {
    const access = await this.access.resolve(user, document);
    if (!access || access.level === 'none') throw new AppException('provision-not-found', `No document ${document}.`);
    const doc = (await this.reader.treaty(document)) ?? (await access.initialContent());
    if (to < from || to > doc.content.size) throw new AppException('validation-failed', `The range must lie within 0..${doc.content.size}.`);
    const spans: ProvenanceSpan[] = [];
    doc.nodesBetween(from, to, (node, pos) => {
      if (!node.isText) return true;
      const start = Math.max(from, pos);
      const end = Math.min(to, pos + node.nodeSize);
      const mark = node.marks.find((m) => m.type.name === 'provenance');
      const refs = mark ? provenanceRefs(mark) : [];
      const kind = mark ? String(mark.attrs['kind']) : null;
      spans.push({
        from: start,
        to: end,
        text: (node.text ?? '').slice(start - pos, end - pos),
        kind,
        refs,
        delegations: mark ? (mark.attrs['delegations'] as string[]) : [],
        label: mark ? String(mark.attrs['label']) : null,
        proposals: kind === 'proposal' ? refs.map((id) => ({ id, href: `/api/proposals/${id}` })) : [],
      });
      return false;
    });
    return spans;
  }

  private async live(instrumentId: string, language: Language): Promise<Node> {
    return (await this.reader.treaty(consolidatedDocument(instrumentId, language))) ?? (await this.instruments.baseDocument(instrumentId, language)).doc;
  }

  private async proposalFor(user: AuthContext, proposalId: string, language: Language) {
    const candidates = await this.repository.proposalById(proposalId);
    // A proposal the caller may not read (another committee's, or any for an observer) answers as unknown.
    if (!candidates || !decide(user.subject, 'read', proposalResource(candidates)).allowed) throw new AppException('proposal-not-found', `No proposal ${proposalId}.`);
    assertAllowed(decide(user.subject, 'compile', proposalResource(candidates)));
    if (candidates.language !== language) throw new AppException('validation-failed', `The proposal is in ${candidates.language}, not ${language}.`);
    if (candidates.status !== 'submitted') throw new AppException('invalid-transition', `The proposal is ${candidates.status}; only submitted proposals are decided.`);
    return candidates;
  }
}

/** The element of a fragment whose `id` attribute is `id`. */
function findElement(parent: Y.XmlFragment | Y.XmlElement, id: string): Y.XmlElement | null {
  for (const child of parent.toArray()) {
    if (!(child instanceof Y.XmlElement)) continue;
    if (child.getAttribute('id') === id) return child;
    const found = findElement(child, id);
    if (found) return found;
  }
  return null;
}
