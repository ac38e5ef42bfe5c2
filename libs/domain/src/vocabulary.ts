import { isMemberOf } from './constant-list';

/** What a user does in the system; a user may hold several roles and gets the union of their rights. */
export const ROLES = ['delegate', 'head-of-delegation', 'secretariat', 'chair', 'observer', 'admin'] as const;

/** A user's role. */
export type Role = (typeof ROLES)[number];

/**
 * Visibility tiers, narrowest first: `delegation` (the owning delegations only), `committee` (delegations,
 * secretariat, bureau) and `public` (everyone).
 */
export const TIERS = ['delegation', 'committee', 'public'] as const;

/** The visibility tier of a record. */
export type Tier = (typeof TIERS)[number];

/** What kind of body a delegation is: a Member State, a group of States, an observer organization or the secretariat. */
export const DELEGATION_KINDS = ['member-state', 'group', 'observer-organization', 'secretariat'] as const;

/** The kind of a delegation. */
export type DelegationKind = (typeof DELEGATION_KINDS)[number];

/**
 * The kinds of delegation a role may belong to, for the roles that act for their delegation (the policy opens its
 * delegation-tier records to them): a delegate or head speaks for a Member State or a group, an observer for an
 * observer organization. Other roles act for no delegation, whichever they belong to.
 */
const KINDS_ACTED_FOR: Readonly<Partial<Record<Role, readonly DelegationKind[]>>> = {
  delegate: ['member-state', 'group'],
  'head-of-delegation': ['member-state', 'group'],
  observer: ['observer-organization'],
};

/**
 * The first of `roles` that may not belong to a delegation of `kind`, or null when all may. An observer account
 * attached to a Member State would open that State's drafts to whoever created it.
 */
export function roleUnfitForDelegation(roles: readonly Role[], kind: string): Role | null {
  return roles.find((role) => !isMemberOf(KINDS_ACTED_FOR[role] ?? DELEGATION_KINDS, kind)) ?? null;
}

/** How far negotiation of one provision of a consolidated draft has come. */
export const PROVISION_STATUSES = ['open', 'informally-agreed', 'agreed-ad-referendum'] as const;

/** The negotiation status of a provision. */
export type ProvisionStatus = (typeof PROVISION_STATUSES)[number];

/** Whether a status locks its provision: agreed text is edited only after the provision is reopened. */
export function isAgreedStatus(status: unknown): boolean {
  return status === 'informally-agreed' || status === 'agreed-ad-referendum';
}

/** Whether `value` is a role. */
export function isRole(value: unknown): value is Role {
  return isMemberOf(ROLES, value);
}

/** Whether `value` is a visibility tier. */
export function isTier(value: unknown): value is Tier {
  return isMemberOf(TIERS, value);
}

/** Whether `value` is a delegation kind. */
export function isDelegationKind(value: unknown): value is DelegationKind {
  return isMemberOf(DELEGATION_KINDS, value);
}

/** Whether `value` is a provision status. */
export function isProvisionStatus(value: unknown): value is ProvisionStatus {
  return isMemberOf(PROVISION_STATUSES, value);
}
