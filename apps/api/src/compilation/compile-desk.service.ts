import { type Change, type Decision, provenanceRefs, scopedChanges, summarize } from '@concord/compile';
import { consolidatedDocument, decide, type DecisionRecordedView, type DeskChange, type DeskView, isAgreedStatus, type Language, type ProposalDecision, type ProposalStatus, type ProvenanceSpanView, provisionRef, type ProvisionStatus, type ProvisionStatusView, type StatusChange } from '@concord/domain';
import { docToText, findNodeById, listProvisions, numberDocument, type NumberLabel, treatySchema } from '@concord/schema';
import { Injectable } from '@nestjs/common';
import { randomUUID } from 'node:crypto';
import type { Node } from 'prosemirror-model';
import * as Y from 'yjs';
import type { AuthContext } from '../auth/auth-context';
import { AuditService } from '../audit/audit.service';
import { AppException } from '../common/app.exception';
import { assertAllowed } from '../common/policy';
import { UnitOfWork } from '../database/unit-of-work';
import { DocumentCatalogue } from '../documents/document-catalogue';
import { LiveDocuments } from '../documents/live-documents';
import { InstrumentsService } from '../instruments/instruments.service';
import { proposalBase, proposalText } from '../proposals/proposal-documents';
import type { Proposal } from '../proposals/proposal.entity';
import { proposalResource, type StoredChange, storeChange } from '../proposals/proposal-view';
import { CompilationRepository } from './compilation.repository';
import { CompileContext } from './compile-context';
import { CompileDecision } from './compile-decision.entity';
import { ProvisionStatusEvent } from './provision-status-event.entity';

export type { DeskArticle, DeskChange, DeskProposal } from '@concord/domain';
/** A span of a live document's text with where it came from. */
export type ProvenanceSpan = ProvenanceSpanView;

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
    private readonly documents: LiveDocuments,
    private readonly catalogue: DocumentCatalogue,
    private readonly uow: UnitOfWork,
    private readonly audit: AuditService,
  ) {}

  async desk(user: AuthContext, instrumentId: string, language: Language): Promise<DeskView> {
    const instrument = await this.instruments.authorize(user, instrumentId, 'compile');
    const document = consolidatedDocument(instrumentId, language);
    const live = await this.documents.read(document);
    const proposals = await this.repository.proposalsFor(instrumentId, language, ['submitted', 'incorporated', 'partially-incorporated', 'presented-as-option', 'not-retained']);
    const rows = await this.repository.decisionsFor(document);
    const whole = new Map(rows.filter((d) => d.provision === '').map((d) => [d.proposalId, d]));
    // Decisions are stored as the validated strings of PROPOSAL_DECISIONS.
    const scoped = (proposalId: string, provision: string, change: string): ProposalDecision | null =>
      (rows.find((d) => d.proposalId === proposalId && d.provision === provision && d.change === change)?.decision as ProposalDecision | undefined) ?? null;
    const directory = await this.context.directory(instrument.committeeId);
    const supports = await this.repository.supportsOf(proposals.map((p) => p.id));
    const numbers = numberDocument(live, language);
    const summary = summarize(live);
    const articles = listProvisions(live, language).filter((p) => p.kind === 'article');
    const changesOf = new Map(proposals.map((p) => [p.id, deskChanges(p, live, numbers)]));
    return {
      document,
      articles: articles.map((article) => {
        const node = live.nodeAt(article.pos);
        const received = proposals.filter((p) => p.provisionIds.includes(article.id) || (changesOf.get(p.id) ?? []).some((c) => c.provision === article.id));
        const counts = summary.get(article.id);
        const number = numbers.get(article.id)?.label ?? '';
        return {
          id: article.id,
          number,
          heading: article.heading ?? '',
          status: article.status,
          text: node ? articleText(node, number, language) : '',
          counts: { brackets: counts?.brackets ?? 0, optionGroups: counts?.optionGroups ?? 0, proposals: received.length },
          proposals: received.map((p) => ({
            id: p.id,
            title: p.title,
            sponsor: directory.code(p.sponsorDelegationId),
            coSponsors: p.coSponsorIds.map(directory.code),
            supporters: supports.filter((s) => s.proposalId === p.id && !s.withdrawnAt).map((s) => directory.code(s.delegationId)),
            status: p.status as ProposalStatus,
            late: p.late,
            submittedAt: p.submittedAt.toISOString(),
            justification: p.justification,
            changes: (changesOf.get(p.id) ?? [])
              .filter((c) => c.provision === article.id)
              .map(({ change, key, where }) => ({ ...change, key, where, decision: scoped(p.id, article.id, key) })),
            textWarnings: p.textWarnings,
            decision: (whole.get(p.id)?.decision as ProposalDecision | undefined) ?? null,
            compiled: rows.some((d) => d.proposalId === p.id) && rows.filter((d) => d.proposalId === p.id).every((d) => Boolean(d.compiledAt)),
            provisionDecision: scoped(p.id, article.id, ''),
          })),
        };
      }),
    };
  }

  /**
   * Records (or changes) the decision on a submitted proposal, on its changes to one provision, or on one single
   * change there; it takes effect at the next compilation. A decision replaces the narrower ones beneath it, as
   * accepting all changes of a section does in Word.
   */
  async decide(user: AuthContext, proposalId: string, language: Language, decision: Decision, scope: { provision?: string; change?: string } = {}): Promise<DecisionRecordedView> {
    const proposal = await this.proposalFor(user, proposalId, language);
    const document = consolidatedDocument(proposal.instrumentId, language);
    const provision = scope.provision ?? '';
    const change = scope.change ?? '';
    if (change !== '' && provision === '') throw new AppException('validation-failed', 'A decision on one change names the provision it is in as well.');
    if (change !== '' && decision === 'present-as-option') {
      throw new AppException('validation-failed', 'A single change is accepted (incorporate) or rejected (not-retain); present the provision as an option instead.');
    }
    if (provision !== '') {
      const scopes = scopesOf(proposal).filter((s) => s.provision === provision);
      if (scopes.length === 0) throw new AppException('validation-failed', `The proposal changes nothing in ${provision}; choose a provision it changes.`);
      if (change !== '' && !scopes.some((s) => s.key === change)) throw new AppException('validation-failed', `The proposal has no change ${change} in ${provision}; reload the desk and choose one of its changes.`);
    }
    const row = Object.assign(new CompileDecision(), { document, proposalId, provision, change, decision, decidedBy: user.user.id, decidedAt: new Date(), compiledAt: null });
    await this.uow.run(async (manager) => {
      await this.repository.replaceDecision(row, manager);
      await this.audit.record(manager, {
        actorId: user.user.id,
        action: 'consolidated.decide',
        entityType: 'proposal',
        entityId: proposalId,
        after: { document, decision, ...(provision ? { provision } : {}), ...(change ? { change } : {}) },
      });
    });
    return { proposalId, document, decision, provision: provision || null, change: change || null };
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
  ): Promise<ProvisionStatusView> {
    await this.instruments.authorize(user, instrumentId, 'set-provision-status');
    const document = consolidatedDocument(instrumentId, language);
    const why = reason?.trim() ? reason.trim() : null;
    const previous = await this.documents.change(
      document,
      (live): string | null => {
        const element = findElement(live.fragment, provisionId);
        if (!element || !['article', 'paragraph'].includes(element.nodeName)) return null;
        const current = String(element.getAttribute('status') ?? 'open');
        if (isAgreedStatus(current) && status === 'open' && why === null) {
          throw new AppException('reason-required', 'Reopening agreed text needs a reason: say why the provision is reopened, then try again.');
        }
        if (current !== status) element.setAttribute('status', status);
        return current;
      },
      { statusChanges: true },
    );
    if (previous === null) throw new AppException('provision-not-found', `The draft has no article or paragraph ${provisionId}.`);
    const from = previous;
    const recorded = isAgreedStatus(from) && status === 'open' ? why : null;
    if (from !== status) {
      await this.uow.run(async (manager) => {
        await this.repository.insertStatusEvent(Object.assign(new ProvisionStatusEvent(), { id: randomUUID(), document, provisionId, fromStatus: from, toStatus: status, actorId: user.user.id, at: new Date(), reason: why }), manager);
        await this.audit.record(manager, { actorId: user.user.id, action: 'provision.status', entityType: 'provision', entityId: provisionRef(document, provisionId), before: { status: from }, after: { status, ...(why ? { reason: why } : {}) } });
      });
    }
    return { provisionId, status, reason: recorded };
  }

  async statusHistory(user: AuthContext, instrumentId: string, language: Language, provisionId?: string): Promise<StatusChange[]> {
    await this.instruments.authorize(user, instrumentId, 'read');
    const events = await this.repository.statusHistory(consolidatedDocument(instrumentId, language), provisionId);
    return events.map((e) => ({ provisionId: e.provisionId, from: e.fromStatus as ProvisionStatus, to: e.toStatus as ProvisionStatus, actorId: e.actorId, at: e.at.toISOString(), reason: e.reason }));
  }

  /** Where the text between two positions of a live document came from, span by span. */
  async provenance(user: AuthContext, document: string, from: number, to: number): Promise<ProvenanceSpan[]> {
    const access = await this.catalogue.resolve(user, document);
    if (!access || access.level === 'none') throw new AppException('provision-not-found', `No document ${document}.`);
    const doc = await this.documents.read(document);
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

/** Every single change of a stored proposal with its scope. */
function scopesOf(proposal: Pick<Proposal, 'baseDoc' | 'proposedDoc'>): { key: string; provision: string; node: string | null; change: Change; edit: number | null }[] {
  return scopedChanges(proposalBase(proposal), proposalText(proposal)).flatMap(({ change, scopes }) => scopes.map((scope, edit) => ({ ...scope, change, edit: change.kind === 'text' ? edit : null })));
}

/** The proposal's single changes, each with its provision, as the desk shows them (a text change per edit). */
function deskChanges(proposal: Pick<Proposal, 'baseDoc' | 'proposedDoc'>, live: Node, numbers: ReadonlyMap<string, NumberLabel>): { provision: string; key: string; change: StoredChange; where: DeskChange['where'] }[] {
  return scopesOf(proposal).map(({ key, provision, node, change, edit }) => {
    const stored = storeChange(change.kind === 'text' && edit !== null ? { ...change, edits: change.edits.filter((_e, i) => i === edit) } : change);
    return { provision, key, change: stored, where: whereOf(change, node, live, numbers) };
  });
}

/** Where a change stands in the live draft, numbered: the paragraph's number and the subparagraphs' letters. */
function whereOf(change: Change, node: string | null, live: Node, numbers: ReadonlyMap<string, NumberLabel>): DeskChange['where'] {
  const place = (id: string | null): string => {
    if (!id) return '';
    const found = findNodeById(live, id);
    if (!found) return '';
    const path: string[] = [];
    const resolved = live.resolve(found.pos + 1);
    for (let depth = 1; depth <= resolved.depth; depth++) {
      const ancestor = resolved.node(depth);
      const ancestorId = ancestor.attrs['id'];
      if ((ancestor.type.name === 'paragraph' || ancestor.type.name === 'subparagraph') && typeof ancestorId === 'string') {
        const label = numbers.get(ancestorId)?.label ?? '';
        path.push(ancestor.type.name === 'paragraph' ? label.replace(/[.-]$/, '') : label);
      }
    }
    return path.join(' ');
  };
  if (change.kind === 'text') return change.target.endsWith('#heading') ? { kind: 'heading', place: '' } : { kind: 'in', place: place(node) };
  if (change.kind === 'delete') return { kind: 'in', place: place(node) };
  const first = change.nodes[0]?.type.name;
  if (first === 'article' || first === 'chapter' || change.after === null) return { kind: 'new', place: '' };
  return { kind: 'after', place: place(change.after) };
}

/** An article's plain text numbered as it stands in the draft (not as the first article of a document of one). */
function articleText(node: Node, number: string, language: Language): string {
  const single = treatySchema.node('doc', null, [node]);
  const text = docToText(single, language);
  const alone = numberDocument(single, language).get(String(node.attrs['id']))?.label ?? '';
  return alone && text.startsWith(alone) ? `${number}${text.slice(alone.length)}` : text;
}
