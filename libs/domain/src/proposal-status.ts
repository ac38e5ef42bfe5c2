import { isMemberOf } from './constant-list';

/** The lifecycle of a proposal: `draft → submitted →` one of the six terminal outcomes. */
export const PROPOSAL_STATUSES = [
  'draft',
  'submitted',
  'withdrawn',
  'incorporated',
  'partially-incorporated',
  'presented-as-option',
  'not-retained',
  'superseded',
] as const;

/** The status of a proposal. */
export type ProposalStatus = (typeof PROPOSAL_STATUSES)[number];

/** The outcomes of a submitted proposal; once in one of these, a proposal never changes status again. */
export const TERMINAL_PROPOSAL_STATUSES = [
  'withdrawn',
  'incorporated',
  'partially-incorporated',
  'presented-as-option',
  'not-retained',
  'superseded',
] as const satisfies readonly ProposalStatus[];

/** For each status, the statuses a proposal may move to next. */
export const PROPOSAL_TRANSITIONS = {
  draft: ['submitted'],
  submitted: TERMINAL_PROPOSAL_STATUSES,
  withdrawn: [],
  incorporated: [],
  'partially-incorporated': [],
  'presented-as-option': [],
  'not-retained': [],
  superseded: [],
} as const satisfies { readonly [S in ProposalStatus]: readonly ProposalStatus[] };

/** Whether `value` is a proposal status. */
export function isProposalStatus(value: unknown): value is ProposalStatus {
  return isMemberOf(PROPOSAL_STATUSES, value);
}

/** Whether a proposal in status `from` may move to status `to`. */
export function canTransition(from: ProposalStatus, to: ProposalStatus): boolean {
  const next: readonly ProposalStatus[] = PROPOSAL_TRANSITIONS[from];
  return next.includes(to);
}

/**
 * Who changed a proposal's status, as a negotiation names it: the delegation a member acted for, or the
 * secretariat, the bureau or the administration; never a person's name, which the public may read once the
 * proposal is published.
 */
export type HistoryActor =
  | { readonly body: 'delegation'; readonly delegationId: string }
  | { readonly body: 'secretariat' | 'bureau' | 'administration' };
