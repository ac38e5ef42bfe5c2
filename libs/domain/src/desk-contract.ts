import type { Language } from './language';
import type { ProposalStatus } from './proposal-status';
import type { StoredChange } from './proposal-contract';
import type { ProvisionStatus } from './vocabulary';

/*
 * The compile desk, compilations, provision statuses, provenance and the Chair's numbering views as the API
 * sends them and the web app reads them: one definition for both sides (and for `@concord/compile`'s vocabulary).
 */

/** The secretariat's decisions on a proposal, in the order the desk offers them. */
export const PROPOSAL_DECISIONS = ['incorporate', 'present-as-option', 'not-retain'] as const;

/** A decision on a proposal (or its changes to one provision, or one change), applied at the next compilation. */
export type ProposalDecision = (typeof PROPOSAL_DECISIONS)[number];

/** Where a single change stands, numbered in the draft's language ("2 (a)"). */
export interface ChangePlace {
  /**
   * `in` a paragraph or subparagraph, as new text `after` one, or a new provision or the article's heading
   * (`place` empty).
   */
  readonly kind: 'in' | 'after' | 'heading' | 'new';
  readonly place: string;
}

/** One single change of a proposal to an article, as the desk lists it, with its key and its own decision. */
export type DeskChange = StoredChange & {
  /** The change's key for decisions on it (see `changeScopes` of `@concord/compile`). */
  readonly key: string;
  readonly where: ChangePlace;
  /** `incorporate` (accepted) or `not-retain` (rejected), when decided on its own. */
  readonly decision: ProposalDecision | null;
};

/** A proposal as the compile desk shows it beside the current text of one article. */
export interface DeskProposal {
  readonly id: string;
  readonly title: string;
  /** Delegation codes. */
  readonly sponsor: string;
  readonly coSponsors: readonly string[];
  readonly supporters: readonly string[];
  readonly status: ProposalStatus;
  readonly late: boolean;
  readonly submittedAt: string;
  readonly justification: string;
  /** Only its changes to this article, one per single change. */
  readonly changes: readonly DeskChange[];
  /** Bidirectional controls and invisible characters found in the proposal (English, from the server). */
  readonly textWarnings: readonly string[];
  /** The decision recorded on the whole proposal for this draft. */
  readonly decision: ProposalDecision | null;
  /** Whether its decisions have been compiled into the draft. */
  readonly compiled: boolean;
  /** The decision on its changes to this article, when decided article by article. */
  readonly provisionDecision: ProposalDecision | null;
}

/** One article of the desk: the current text and every proposal received for it. */
export interface DeskArticle {
  readonly id: string;
  /** Its number in the draft's language: "Article 4". */
  readonly number: string;
  readonly heading: string;
  readonly status: ProvisionStatus;
  /** The article's numbered plain text in the live draft. */
  readonly text: string;
  readonly counts: { readonly brackets: number; readonly optionGroups: number; readonly proposals: number };
  readonly proposals: readonly DeskProposal[];
}

/** The compile desk of a consolidated draft in one language. */
export interface DeskView {
  /** The collaboration document of the live draft. */
  readonly document: string;
  readonly articles: readonly DeskArticle[];
}

/** A decision as recorded for the next compilation. */
export interface DecisionRecordedView {
  readonly proposalId: string;
  readonly document: string;
  readonly decision: ProposalDecision;
  /** The provision it is limited to, if any. */
  readonly provision: string | null;
  /** The single change it is limited to, if any. */
  readonly change: string | null;
}

/** What became of a proposal in a compilation. */
export type OutcomeStatus =
  /** Every change is in the text. */
  | 'incorporated'
  /**
   * Some changes are in the text; others stand as options (decided so, or overlapping other incorporated text)
   * or were not retained.
   */
  | 'partially-incorporated'
  /** The changes stand as options (or, for new and deleted provisions, in brackets). */
  | 'presented-as-option'
  | 'not-retained'
  /** Left out: see the conflicts. */
  | 'conflict'
  /** The proposal changes nothing in the base. */
  | 'no-change'
  /** No decision was taken on it. */
  | 'undecided';

/** Why a proposal could not be placed in the current text. */
export type ConflictReason =
  /** A node the proposal changes is no longer in the base. */
  | 'node-deleted'
  /** The words around a change were changed in the base since the proposal was made. */
  | 'context-changed'
  /** A node the proposal adds has an id that the base, or another proposal's different text, already uses. */
  | 'id-in-use'
  /** Applying the proposal would break the treaty schema, e.g. delete every paragraph of an article. */
  | 'invalid-structure'
  /** The proposal's documents repeat a node id. */
  | 'invalid-proposal';

/** What became of one proposal. */
export interface CompileOutcome {
  readonly proposalId: string;
  readonly decision: ProposalDecision | null;
  readonly status: OutcomeStatus;
  /** Whether the proposal was made against another revision than the base, and was placed by id and context. */
  readonly rebased: boolean;
  /** Ids of the nodes of the base where the proposal's changes stand, sorted. */
  readonly targets: readonly string[];
}

/** A proposal the compilation could not place, and why; the proposal is then left out as a whole. */
export interface CompileConflict {
  readonly proposalId: string;
  readonly reason: ConflictReason;
  /** The node (id, or slot such as `p1#text0`) where placing failed, when there is one. */
  readonly target: string | null;
  readonly message: string;
}

/** What a compilation did. */
export interface CompileReport {
  readonly document: string;
  readonly compiled: number;
  readonly outcomes: readonly CompileOutcome[];
  readonly conflicts: readonly CompileConflict[];
}

/** A provision's status as set. */
export interface ProvisionStatusView {
  readonly provisionId: string;
  readonly status: ProvisionStatus;
  /** Why agreed text was reopened; null otherwise. */
  readonly reason: string | null;
}

/** One change of a provision's status. */
export interface StatusChange {
  readonly provisionId: string;
  readonly from: ProvisionStatus;
  readonly to: ProvisionStatus;
  readonly actorId: string;
  readonly at: string;
  /** Why agreed text was reopened; null otherwise. */
  readonly reason: string | null;
}

/** A span of a live document's text with where it came from. */
export interface ProvenanceSpanView {
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

/** A published compilation of proposals. */
export interface PublishedCompilationView {
  readonly id: string;
  readonly proposalIds: readonly string[];
  readonly publishedAt: string;
}

/** An article's number: frozen (`"7.1"`) and as printed in the asked language. */
export interface ArticleNumberView {
  readonly provisionId: string;
  readonly number: string;
  readonly label: string;
  /** Whether the number is stored (frozen), or derived (an article inserted since the last numbering). */
  readonly frozen: boolean;
}

/** The article numbers of a consolidated draft in one language. */
export interface ArticleNumbersView {
  readonly language: Language;
  readonly items: readonly ArticleNumberView[];
}

/** A line of a concordance: an article's number before and after a renumbering, with both labels. */
export interface ConcordanceLine {
  readonly provisionId: string;
  readonly from: string;
  readonly to: string;
  readonly fromLabel: string;
  readonly toLabel: string;
  readonly changed: boolean;
}

/** One article as the Chair follows it in informal consultations. */
export interface ConsultationItem {
  readonly provisionId: string;
  readonly label: string;
  readonly heading: string;
  readonly status: ProvisionStatus;
  /** Proposals received for it (submitted or decided). */
  readonly proposals: number;
  /** Open comment threads anchored in it. */
  readonly comments: number;
}

/** A renumbering of a consolidated draft with its concordance. */
export interface RenumberingView {
  readonly id: string;
  readonly instrumentId: string;
  readonly actorId: string;
  readonly at: string;
  readonly entries: readonly ConcordanceLine[];
}
