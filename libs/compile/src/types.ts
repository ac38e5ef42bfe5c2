import type { ConflictReason, Language, Localized, OutcomeStatus, ProposalDecision } from '@concord/domain';
import type { Node } from 'prosemirror-model';

/** What the secretariat decided to do with a proposal when compiling. */
export type Decision = ProposalDecision;

/**
 * A decision on part of a proposal: its changes to one provision (an article, or the title, preamble or a
 * chapter heading, by the key {@link provisionOf} gives) or, with `change`, one single change there (by the key
 * {@link changeKeys} gives), accepted or rejected as in Word. The narrowest decision that covers a change wins:
 * a change's, then its provision's, then the proposal's.
 */
export interface ScopedDecision {
  readonly proposalId: string;
  readonly provision: string;
  /** The change's key, or `null` for every change of the proposal to the provision. */
  readonly change: string | null;
  readonly decision: Decision;
}

/** The text a compilation starts from: the current consolidated draft or a published revision. */
export interface CompileBase {
  /** The text, a document of the treaty schema. */
  readonly doc: Node;
  /** The id of the revision the text is; a revision id names exactly one text. */
  readonly revisionId: string;
  /** How readers know the base, e.g. its document symbol "A/AC.291/22"; the label of its provenance. */
  readonly label: string;
}

/** Who is behind a proposal, as the footnotes name them. */
export interface ProposalAttribution {
  readonly id: string;
  /** Code of the proposing delegation. */
  readonly sponsor: string;
  /** Codes of the delegations that accepted co-sponsorship. */
  readonly coSponsors: readonly string[];
  /** Codes of the delegations that later aligned with the proposal. */
  readonly supporters: readonly string[];
}

/** A submitted proposal: the text a delegation proposes for some provisions of the base it was made against. */
export interface Proposal extends ProposalAttribution {
  /** The revision the proposal was made against; it may be older than the base being compiled. */
  readonly baseRevisionId: string;
  /** The text of that revision. Proposals made against one revision should share one `Node`, indexed once. */
  readonly baseDoc: Node;
  /**
   * The proposed text of the targeted provisions: a treaty document holding the articles (or preamble, title)
   * the proposal changes, existing nodes with the ids they have in `baseDoc`, new nodes with new ids.
   * Articles and chapters it leaves out are not targeted; inside a targeted article, a node left out is deleted.
   */
  readonly proposedDoc: Node;
  /** When the proposal was submitted (ISO 8601). */
  readonly submittedAt: string;
}

/** A delegation as footnotes name it: its names in the official languages and, for a group, its members. */
export interface DelegationInfo {
  readonly names: Localized;
  /** Codes of the member delegations of a group ("the European Union and its member States"). */
  readonly members?: readonly string[];
}

/** Options of {@link compile}. */
export interface CompileOptions {
  /** Whether text incorporated from proposals is put in brackets, as not yet agreed (default `false`). */
  readonly bracketIncorporated?: boolean;
  /** The language of the provenance labels written into the document (default English). */
  readonly language?: Language;
}

/** Everything a compilation depends on. */
export interface CompileInput {
  readonly base: CompileBase;
  readonly proposals: readonly Proposal[];
  /**
   * The decision for each proposal as a whole, by proposal id. A proposal with neither this nor a scoped
   * decision is left out and reported undecided; a change no decision covers is left out.
   */
  readonly decisions: ReadonlyMap<string, Decision>;
  /** Decisions per provision and per change, which take precedence over the proposal's. */
  readonly scopedDecisions?: readonly ScopedDecision[];
  /** Delegations by code, for the labels of provenance; codes stand in for names that are not given. */
  readonly delegations?: ReadonlyMap<string, DelegationInfo>;
  readonly options?: CompileOptions;
}

/** Why a proposal could not be placed in the current text (the API's contract, see `@concord/domain`). */
export type { ConflictReason };

/** A proposal the compilation could not place, and why; the proposal is then left out as a whole. */
export interface Conflict {
  readonly proposalId: string;
  readonly reason: ConflictReason;
  /** The node (id, or slot such as `p1#text0`) where placing failed, when there is one. */
  readonly target: string | null;
  readonly message: string;
}

/** What became of a proposal (the API's contract, see `@concord/domain`). */
export type { OutcomeStatus };

/** The outcome of one proposal. */
export interface ProposalOutcome {
  readonly proposalId: string;
  readonly decision: Decision | null;
  readonly status: OutcomeStatus;
  /** Whether the proposal was made against another revision than the base, and was placed by id and context. */
  readonly rebased: boolean;
  /** Ids of the nodes of the base where the proposal's changes stand, sorted. */
  readonly targets: readonly string[];
}

/** The result of {@link compile}: the consolidated text and what became of each proposal. */
export interface CompileResult {
  readonly doc: Node;
  /** One per proposal, ordered by proposal id. */
  readonly outcomes: readonly ProposalOutcome[];
  /** Ordered by proposal id. */
  readonly conflicts: readonly Conflict[];
}
