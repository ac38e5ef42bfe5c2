import type { MemberView } from '@concord/domain';
import { request } from '../../api';

/** A member of a delegation as its head sees it. */
export type Member = MemberView;

const segment = encodeURIComponent;
const base = (delegationId: string) => `/api/delegations/${segment(delegationId)}/members`;

/** The members endpoints, open to the delegation's head only. */
export const membersApi = {
  list: async (delegationId: string) => (await request<{ items: readonly Member[] }>('GET', base(delegationId))).items,
  confirm: (delegationId: string, userId: string) => request<Member>('POST', `${base(delegationId)}/${segment(userId)}/confirm`),
  remove: (delegationId: string, userId: string) => request<void>('DELETE', `${base(delegationId)}/${segment(userId)}`),
};
