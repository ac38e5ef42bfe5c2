import { consolidatedDocument, type Disposition, type Language, type ProvisionStatus, spaceDocument, type Tier } from '@concord/domain';
import { newNodeId, treatyFragment, treatySchema } from '@concord/schema';
import type { INestApplication } from '@nestjs/common';
import type { Node } from 'prosemirror-model';
import { EditorState } from 'prosemirror-state';
import { absolutePositionToRelativePosition, initProseMirrorDoc } from 'y-prosemirror';
import * as Y from 'yjs';
import type { DataSource } from 'typeorm';
import type { AuthContext } from '../auth/auth-context';
import { subjectOf, userView } from '../auth/auth.service';
import { User } from '../auth/user.entity';
import { CommentPeriodsService } from '../comment-periods/comment-periods.service';
import { WrittenCommentsService } from '../comment-periods/written-comments.service';
import { CommentsService } from '../comments/comments.service';
import { CompileDeskService } from '../compilation/compile-desk.service';
import { CompileUseCase } from '../compilation/compile.usecase';
import { Delegation } from '../delegations/delegation.entity';
import { LiveDocuments } from '../documents/live-documents';
import { DraftingSpacesService } from '../drafting-spaces/drafting-spaces.service';
import { CoSponsorshipService } from '../proposals/co-sponsorship.service';
import { ProposalsService } from '../proposals/proposals.service';
import { ExportsService } from '../revisions/exports.service';
import { LanguageVersionsService } from '../revisions/language-versions.service';
import { PublishRevisionUseCase } from '../revisions/publish-revision.usecase';
import type { DemoSeed } from './demo-seed';
import { type DemoEdit, type DemoProposal, ROUNDS, translateToArabic } from './demo-negotiation-text';

/** What the negotiation left in the demo committee, for the start-up banner. */
export interface DemoNegotiation {
  readonly proposals: number;
  readonly revisions: readonly string[];
  readonly threads: number;
  readonly writtenComments: number;
}

const DAY = 86_400_000;
const ORIGINAL: Language = 'en';

/**
 * Plays the demo committee's negotiation so far through the application's own use cases, as its members would
 * through the API: delegations draft and submit proposals (with co-sponsors and supporters), the secretariat
 * decides and compiles them, the Chair agrees provisions ad referendum, the secretariat translates the draft into
 * Arabic and publishes the symbol and two revisions, delegations comment on ranges of the draft, and a call for
 * written comments on Rev.1 gets comments and dispositions. Every record, audit row and Yjs update is the one the
 * API would have written; only the sessions are skipped (each actor acts as itself, without signing in).
 */
export async function playDemoNegotiation(app: INestApplication, dataSource: DataSource, demo: DemoSeed): Promise<DemoNegotiation> {
  return new DemoNegotiationPlayer(app, dataSource, demo).play();
}

class DemoNegotiationPlayer {
  private readonly actors = new Map<string, AuthContext>();
  private readonly delegations = new Map<string, string>();
  private readonly proposals = new Map<string, string>();
  private readonly revisions: { id: string; symbol: string }[] = [];
  private readonly now = Date.now();
  private threads = 0;
  private writtenComments = 0;

  constructor(
    private readonly app: INestApplication,
    private readonly dataSource: DataSource,
    private readonly demo: DemoSeed,
  ) {}

  private service<T>(type: abstract new (...args: never[]) => T): T {
    return this.app.get(type as never, { strict: false }) as T;
  }

  private get instrumentId(): string {
    return this.demo.instrumentId;
  }

  private get english(): string {
    return consolidatedDocument(this.instrumentId, ORIGINAL);
  }

  async play(): Promise<DemoNegotiation> {
    await this.loadPeople();
    const secretariat = this.as('secretariat');
    // The Arabic version of the base text, and the base text published as A/AC.291/22.
    await this.service(LanguageVersionsService).create(secretariat, this.instrumentId, 'ar');
    await this.translate();
    await this.publish('A/AC.291/22', 56);

    const [first, second, pending] = ROUNDS;
    await this.propose(first.proposals);
    await this.compile(first.decisions, true);
    await this.translate();
    const rev1 = await this.publish(undefined, 28);
    await this.service(ExportsService).publishCompilation(secretariat, this.instrumentId, ORIGINAL);
    await this.discuss();
    const period = await this.callForComments(rev1);

    await this.propose(second.proposals);
    await this.compile(second.decisions, false);
    await this.translate();
    // Agreement forms once the text is translated: agreed text is locked, and the Arabic draft then only takes
    // the statuses (a change the lock lets the server make).
    await this.statuses(first.statuses);
    await this.statuses(second.statuses);
    await this.translate();
    const rev2 = await this.publish(undefined, 5);
    await this.dispose(period, rev2);
    await this.readerThread(rev2);
    await this.propose(pending.proposals);
    return { proposals: this.proposals.size, revisions: this.revisions.map((r) => r.symbol), threads: this.threads, writtenComments: this.writtenComments };
  }

  private async loadPeople(): Promise<void> {
    const users = await this.dataSource.getRepository(User).findBy({ committeeId: this.demo.committeeId });
    for (const user of users) {
      this.actors.set(user.email.replace(/@concord\.test$/, ''), { user: userView(user), subject: subjectOf(user), sessionId: 'demo-seed', sessionExpiresAt: null });
    }
    for (const delegation of await this.dataSource.getRepository(Delegation).findBy({ committeeId: this.demo.committeeId })) {
      this.delegations.set(delegation.code, delegation.id);
    }
  }

  private as(who: string): AuthContext {
    const actor = this.actors.get(who);
    if (!actor) throw new Error(`the demo has no account ${who}@concord.test`);
    return actor;
  }

  private delegation(code: string): string {
    const id = this.delegations.get(code);
    if (!id) throw new Error(`the demo has no delegation ${code}`);
    return id;
  }

  /** Article ids of the live English draft by their heading. */
  private async articleId(heading: string): Promise<string> {
    const doc = await this.service(LanguageVersionsService).live(this.instrumentId, ORIGINAL);
    let found: string | null = null;
    doc.descendants((node) => {
      if (found) return false;
      if (node.type.name === 'article' && node.firstChild?.type.name === 'heading' && node.firstChild.textContent === heading) found = String(node.attrs['id']);
      return true;
    });
    if (!found) throw new Error(`the draft has no article headed "${heading}"`);
    return found;
  }

  /** Each proposal: a drafting space of its delegation, edited, co-sponsored, submitted by its head, supported. */
  private async propose(proposals: readonly DemoProposal[]): Promise<void> {
    const spaces = this.service(DraftingSpacesService);
    const coSponsors = this.service(CoSponsorshipService);
    const service = this.service(ProposalsService);
    for (const proposal of proposals) {
      const drafter = this.as(proposal.drafter);
      const articles = await Promise.all(proposal.articles.map((heading) => this.articleId(heading)));
      const space = await spaces.create(drafter, this.instrumentId, { title: proposal.title, language: ORIGINAL, provisionIds: articles });
      await this.service(LiveDocuments).change(spaceDocument(space.id), (live) => live.replace(proposal.edits.reduce((doc, edit) => applyEdit(doc, edit), live.text())));
      for (const code of proposal.coSponsors ?? []) {
        await coSponsors.invite(this.as(proposal.head), space.id, this.delegation(code));
        await coSponsors.answer(this.as(headOf(code)), space.id, true);
      }
      const submitted = await service.submit(this.as(proposal.head), space.id, { justification: proposal.justification });
      this.proposals.set(proposal.key, submitted.id);
      for (const code of proposal.supporters ?? []) await service.support(this.as(headOf(code)), submitted.id, true);
    }
  }

  private async compile(decisions: Readonly<Record<string, 'incorporate' | 'present-as-option' | 'not-retain'>>, bracketIncorporated: boolean): Promise<void> {
    const secretariat = this.as('secretariat');
    for (const [key, decision] of Object.entries(decisions)) {
      await this.service(CompileDeskService).decide(secretariat, this.proposalId(key), ORIGINAL, decision);
    }
    await this.service(CompileUseCase).execute(secretariat, this.instrumentId, ORIGINAL, bracketIncorporated);
  }

  private proposalId(key: string): string {
    const id = this.proposals.get(key);
    if (!id) throw new Error(`the demo has no proposal ${key}`);
    return id;
  }

  private async statuses(statuses: readonly { readonly article: string; readonly status: ProvisionStatus; readonly by: string }[]): Promise<void> {
    for (const { article, status, by } of statuses) {
      await this.service(CompileDeskService).setStatus(this.as(by), this.instrumentId, await this.articleId(article), ORIGINAL, status);
    }
  }

  /**
   * The secretariat's translator brings the Arabic draft up to the English one: every node keeps its id, status,
   * brackets, options and provenance, and its words are translated; then the translated nodes are confirmed.
   */
  private async translate(): Promise<void> {
    const languages = this.service(LanguageVersionsService);
    const english = await languages.live(this.instrumentId, ORIGINAL);
    const arabic = translateToArabic(english);
    const document = consolidatedDocument(this.instrumentId, 'ar');
    // The Arabic draft takes the statuses the English one was given (agreed text is translated before agreement).
    await this.service(LiveDocuments).change(document, (live) => live.replace(arabic), { statusChanges: true });
    const stale = await languages.stale(this.as('secretariat'), this.instrumentId, 'ar');
    if (stale.length) await languages.confirm(this.as('secretariat'), this.instrumentId, 'ar', stale.map((s) => s.nodeId));
  }

  private async publish(symbol: string | undefined, daysAgo: number): Promise<{ id: string; symbol: string }> {
    const date = new Date(this.now - daysAgo * DAY).toISOString().slice(0, 10);
    const revision = await this.service(PublishRevisionUseCase).execute(this.as('secretariat'), this.instrumentId, { symbol, date, tier: 'public', languages: [ORIGINAL, 'ar'] });
    const published = { id: revision.id, symbol: revision.symbol };
    this.revisions.push(published);
    return published;
  }

  /** Threads on ranges of the live English draft, with replies, one of them resolved. */
  private async discuss(): Promise<void> {
    const comments = this.service(CommentsService);
    for (const thread of THREADS) {
      const anchor = await this.anchor(thread.quote);
      const opened = await comments.create(this.as(thread.by), { targetKind: 'document', targetId: this.english, anchor, tier: thread.tier, body: thread.body });
      this.threads += 1;
      for (const reply of thread.replies) await comments.reply(this.as(reply.by), opened.id, { body: reply.body });
      if (thread.resolvedBy) await comments.setResolved(this.as(thread.resolvedBy), opened.id, true);
    }
  }

  /** An observer's public thread on a provision of the published Rev.2, answered by the secretariat. */
  private async readerThread(rev2: { id: string; symbol: string }): Promise<void> {
    const comments = this.service(CommentsService);
    const provisionId = await this.articleId('Illegal access');
    const opened = await comments.create(this.as('observer'), {
      targetKind: 'revision',
      targetId: rev2.id,
      provisionId,
      tier: 'public',
      body: 'Would either option of this article oblige States Parties to criminalize access by security researchers acting in good faith?',
    });
    this.threads += 1;
    await comments.reply(this.as('secretariat'), opened.id, { body: 'The question is on the list for the informal consultations on criminalization at the second session.' });
  }

  /** The range of the first occurrence of `quote`, as the web editor anchors a selection (Yjs relative positions). */
  private async anchor(quote: string): Promise<{ start: string; end: string; quote: string }> {
    const snapshot: Y.Doc = await this.service(LiveDocuments).snapshot(this.english);
    try {
      const fragment = treatyFragment(snapshot);
      const { doc, mapping } = initProseMirrorDoc(fragment, treatySchema);
      let from = -1;
      doc.descendants((node, pos) => {
        const at = from < 0 && node.isText ? (node.text ?? '').indexOf(quote) : -1;
        if (at >= 0) from = pos + at;
        return from < 0;
      });
      if (from < 0) throw new Error(`"${quote}" is not in the draft`);
      const encode = (pos: number) => Buffer.from(Y.encodeRelativePosition(absolutePositionToRelativePosition(pos, fragment, mapping))).toString('base64');
      return { start: encode(from), end: encode(from + quote.length), quote };
    } finally {
      snapshot.destroy();
    }
  }

  /** A call for written comments on Rev.1: delegations and an observer organization answer, by provision. */
  private async callForComments(rev1: { id: string; symbol: string }): Promise<string> {
    const periods = this.service(CommentPeriodsService);
    const written = this.service(WrittenCommentsService);
    const deadline = new Date(this.now + 14 * DAY).toISOString().replace(/\.\d{3}Z$/, 'Z');
    const period = await periods.open(this.as('secretariat'), { targetKind: 'revision', targetId: rev1.id, title: `Written comments on ${rev1.symbol}`, deadline, publication: 'on-arrival', allowObservers: true });
    for (const submission of WRITTEN_COMMENTS) {
      const remarks = await Promise.all(
        submission.remarks.map(async (r) => ({ provisionId: r.article ? await this.articleId(r.article) : undefined, body: r.body, proposedWording: r.proposedWording })),
      );
      const draft = await written.create(this.as(submission.drafter), period.id, { language: submission.language, remarks });
      await written.submit(this.as(submission.submitter), draft.id);
      this.writtenComments += 1;
    }
    return period.id;
  }

  /** The secretariat answers every remark once Rev.2 is out, closes the period and publishes the dispositions. */
  private async dispose(periodId: string, rev2: { id: string; symbol: string }): Promise<void> {
    const written = this.service(WrittenCommentsService);
    const secretariat = this.as('secretariat');
    await this.service(CommentPeriodsService).close(secretariat, periodId);
    const comments = await written.list(secretariat.subject, periodId);
    let index = 0;
    for (const comment of comments) {
      for (const remark of comment.remarks) {
        const answer = DISPOSITIONS[index % DISPOSITIONS.length];
        index += 1;
        const addressed = answer.addressed && remark.provisionId ? { addressedRevisionId: rev2.id, addressedProvisionId: remark.provisionId } : {};
        await written.dispose(secretariat, remark.id, { disposition: answer.disposition, response: answer.response, ...addressed });
      }
    }
    await this.service(CommentPeriodsService).publish(secretariat, periodId);
  }
}

function headOf(code: string): string {
  const head = HEADS[code];
  if (!head) throw new Error(`the demo has no head of delegation for ${code}`);
  return head;
}

const HEADS: Readonly<Record<string, string>> = { EGY: 'egypt.head', EU: 'eu.head', BRA: 'brazil.head', CHN: 'china.head' };

/** Applies one edit to a drafting space's text, as a member typing in the editor would. */
function applyEdit(doc: Node, edit: DemoEdit): Node {
  const tr = EditorState.create({ doc }).tr;
  if (edit.kind === 'replace') {
    let from = -1;
    doc.descendants((node, pos) => {
      const at = from < 0 && node.isText ? (node.text ?? '').indexOf(edit.find) : -1;
      if (at >= 0) from = pos + at;
      return from < 0;
    });
    if (from < 0) throw new Error(`"${edit.find}" is not in the drafting space`);
    return tr.insertText(edit.replacement, from, from + edit.find.length).doc;
  }
  let end = -1;
  doc.descendants((node, pos) => {
    if (end < 0 && node.type.name === 'article' && node.firstChild?.textContent === edit.article) end = pos + node.nodeSize - 1;
    return end < 0;
  });
  if (end < 0) throw new Error(`the drafting space has no article headed "${edit.article}"`);
  const paragraph = treatySchema.nodes.paragraph.create({ id: newNodeId() }, [treatySchema.nodes.text_block.create(null, treatySchema.text(edit.text))]);
  return tr.insert(end, paragraph).doc;
}

/** Threads on the live draft: who opens them, on which words, and the replies. */
const THREADS: readonly { by: string; tier: Tier; quote: string; body: string; replies: readonly { by: string; body: string }[]; resolvedBy?: string }[] = [
  {
    by: 'egypt.delegate',
    tier: 'committee',
    quote: 'by infringing security measures',
    body: 'Requiring the infringement of security measures would leave unprotected systems outside the offence. Egypt prefers the second option.',
    replies: [
      { by: 'eu.head', body: 'The condition follows the Budapest Convention and keeps minor conduct out of criminal law. We are ready to discuss a footnote.' },
      { by: 'brazil.head', body: 'Brazil could join a compromise that keeps "dishonest intent" and drops the security-measures condition.' },
    ],
  },
  {
    by: 'secretariat',
    tier: 'committee',
    quote: 'including a program suitable to cause an information and communications technology system to perform a function',
    body: 'Kept in brackets pending the informal consultations on definitions led by the Vice-Chair.',
    replies: [{ by: 'chair', body: 'The consultations will report back at the next plenary meeting.' }],
  },
  {
    by: 'china.head',
    tier: 'committee',
    quote: 'the principles of sovereign equality and territorial integrity of States',
    body: 'China asks that this paragraph be read together with the new paragraph proposed by Egypt and Brazil.',
    replies: [{ by: 'secretariat', body: 'Noted: both appear together in Article 4 of Rev.1.' }],
    resolvedBy: 'secretariat',
  },
];

/** Written comments on Rev.1: who drafts, who submits, and the remarks by article heading (none: general). */
const WRITTEN_COMMENTS: readonly { drafter: string; submitter: string; language: Language; remarks: readonly { article?: string; body: string; proposedWording?: string }[] }[] = [
  {
    drafter: 'egypt.delegate',
    submitter: 'egypt.head',
    language: 'en',
    remarks: [
      { article: 'Illegal access', body: 'The offence should not depend on the infringement of security measures.', proposedWording: 'the access to the whole or any part of an information and communications technology system without right and with dishonest intent.' },
      { article: 'Protection of sovereignty', body: 'Egypt maintains its proposal for a paragraph on non-interference and asks that it be retained without brackets.' },
    ],
  },
  {
    drafter: 'eu.head',
    submitter: 'eu.head',
    language: 'en',
    remarks: [
      { article: 'Use of terms', body: 'The definition of electronic data should include programs, as in existing instruments.' },
      { body: 'The European Union and its member States welcome the Rev.1 and the clarity of its presentation.' },
    ],
  },
  {
    drafter: 'observer',
    submitter: 'observer',
    language: 'en',
    remarks: [{ article: 'Illegal interception', body: 'The Council of Europe recalls that article 3 of the Budapest Convention covers electromagnetic emissions.' }],
  },
];

const DISPOSITIONS: readonly { disposition: Disposition; response: string; addressed: boolean }[] = [
  { disposition: 'to-be-discussed', response: 'Both options remain in Rev.2 for discussion at the second session.', addressed: true },
  { disposition: 'noted', response: 'The paragraph remains in brackets as an option in Rev.2.', addressed: true },
  { disposition: 'accepted', response: 'Reflected in Rev.2.', addressed: true },
  { disposition: 'noted', response: 'Noted with thanks.', addressed: false },
  { disposition: 'accepted', response: 'Article 6 of Rev.2 now covers electromagnetic emissions.', addressed: true },
];
