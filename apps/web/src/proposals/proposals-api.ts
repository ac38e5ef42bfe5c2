import type { HistoryActor, Language, ProposalStatus } from '@concord/domain';
import { request, type DraftingSpace } from '../api';

/** One recorded move of a proposal's lifecycle. */
export interface ProposalHistoryEntry {
  readonly from: ProposalStatus | null;
  readonly to: ProposalStatus;
  readonly actorId: string;
  readonly actor: HistoryActor;
  readonly at: string;
}

/** A submitted proposal as the API shows it. */
export interface Proposal {
  readonly id: string;
  readonly committeeId: string;
  readonly instrumentId: string;
  readonly language: Language;
  readonly title: string;
  /** As written by the delegation: rendered as text only. */
  readonly justification: string;
  readonly sponsorDelegationId: string;
  readonly coSponsorIds: readonly string[];
  readonly supporterIds: readonly string[];
  readonly status: ProposalStatus;
  /** Submitted after its session's proposal deadline. */
  readonly late: boolean;
  readonly sessionId: string | null;
  /** The drafting space it was submitted from; null for proposals made another way (such as imports). */
  readonly spaceId: string | null;
  /** The articles it changes. */
  readonly provisionIds: readonly string[];
  /** The base provisions it was made against, as ProseMirror JSON. */
  readonly baseDoc: unknown;
  /** The proposed text of those provisions, as ProseMirror JSON. */
  readonly proposedDoc: unknown;
  /** Bidirectional controls and invisible characters in its text or justification, one English line each. */
  readonly textWarnings: readonly string[];
  readonly supersedesId: string | null;
  readonly submittedAt: string;
  readonly submittedBy: string;
  /** Public since a published compilation of proposals listed it. */
  readonly published: boolean;
  readonly history: readonly ProposalHistoryEntry[];
}

/** What the head of delegation sends to submit a drafting space. */
export interface ProposalSubmission {
  readonly justification: string;
  /** The session it is submitted for; the server picks the current or next one when omitted. */
  readonly sessionId?: string;
  /** An earlier proposal of the delegation that this one replaces. */
  readonly supersedesId?: string;
}

const segment = encodeURIComponent;

/** The proposal and co-sponsorship endpoints of the API. */
export const proposalsApi = {
  list: async (instrumentId?: string) =>
    (
      await request<{ readonly items: readonly Proposal[] }>(
        'GET',
        instrumentId === undefined ? '/api/proposals' : `/api/proposals?instrumentId=${segment(instrumentId)}`,
      )
    ).items,
  get: (id: string) => request<Proposal>('GET', `/api/proposals/${segment(id)}`),
  withdraw: (id: string) => request<Proposal>('POST', `/api/proposals/${segment(id)}/withdraw`),
  support: (id: string) => request<Proposal>('POST', `/api/proposals/${segment(id)}/support`),
  withdrawSupport: (id: string) => request<Proposal>('DELETE', `/api/proposals/${segment(id)}/support`),

  submit: (spaceId: string, submission: ProposalSubmission) =>
    request<Proposal>('POST', `/api/drafting-spaces/${segment(spaceId)}/submit`, submission),
  inviteCoSponsor: (spaceId: string, delegationId: string) =>
    request<DraftingSpace>('POST', `/api/drafting-spaces/${segment(spaceId)}/co-sponsors`, { delegationId }),
  acceptCoSponsorship: (spaceId: string) =>
    request<DraftingSpace>('POST', `/api/drafting-spaces/${segment(spaceId)}/co-sponsors/accept`),
  declineCoSponsorship: (spaceId: string) =>
    request<DraftingSpace>('POST', `/api/drafting-spaces/${segment(spaceId)}/co-sponsors/decline`),
  removeCoSponsor: (spaceId: string, delegationId: string) =>
    request<DraftingSpace>('DELETE', `/api/drafting-spaces/${segment(spaceId)}/co-sponsors/${segment(delegationId)}`),
};
