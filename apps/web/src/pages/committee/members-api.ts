import type { Role } from '@concord/domain';
import { request } from '../../api';

/** A member of a delegation as its head sees it. */
export interface Member {
  readonly userId: string;
  readonly displayName: string;
  readonly email: string;
  readonly roles: readonly Role[];
  /** `pending` until the head confirms a member someone else added; such a member sees none of the drafts. */
  readonly membership: 'confirmed' | 'pending';
  /** Whether the member has set a password from its invitation. */
  readonly active: boolean;
  /** Who invited the member; null for accounts the system created. */
  readonly addedBy: { readonly id: string; readonly displayName: string } | null;
  readonly addedAt: string;
}

const segment = encodeURIComponent;
const base = (delegationId: string) => `/api/delegations/${segment(delegationId)}/members`;

/** The members endpoints, open to the delegation's head only. */
export const membersApi = {
  list: async (delegationId: string) => (await request<{ items: readonly Member[] }>('GET', base(delegationId))).items,
  confirm: (delegationId: string, userId: string) => request<Member>('POST', `${base(delegationId)}/${segment(userId)}/confirm`),
  remove: (delegationId: string, userId: string) => request<void>('DELETE', `${base(delegationId)}/${segment(userId)}`),
};
