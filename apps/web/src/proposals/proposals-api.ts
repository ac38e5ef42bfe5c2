import type { CoSponsorRequest, ProposalHistoryEntry, ProposalSubmissionRequest, ProposalView } from '@concord/domain';
import { request, type DraftingSpace } from '../api';

export type { ProposalHistoryEntry };

/** A submitted proposal as the API shows it. */
export type Proposal = ProposalView;

/** What the head of delegation sends to submit a drafting space. */
export type ProposalSubmission = ProposalSubmissionRequest;

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
    request<DraftingSpace>('POST', `/api/drafting-spaces/${segment(spaceId)}/co-sponsors`, { delegationId } satisfies CoSponsorRequest),
  acceptCoSponsorship: (spaceId: string) =>
    request<DraftingSpace>('POST', `/api/drafting-spaces/${segment(spaceId)}/co-sponsors/accept`),
  declineCoSponsorship: (spaceId: string) =>
    request<DraftingSpace>('POST', `/api/drafting-spaces/${segment(spaceId)}/co-sponsors/decline`),
  removeCoSponsor: (spaceId: string, delegationId: string) =>
    request<DraftingSpace>('DELETE', `/api/drafting-spaces/${segment(spaceId)}/co-sponsors/${segment(delegationId)}`),
};
