import { describe, expect, it } from 'vitest';
import { isAction } from './action';
import { show, titled } from './testing/titled';
import { DELEGATION_KINDS, isDelegationKind, isProvisionStatus, isRole, isTier, ROLES, roleUnfitForDelegation } from './vocabulary';

const GUARD_CASES = [
  { guard: isRole, value: 'head-of-delegation', expected: true },
  { guard: isRole, value: 'observer', expected: true },
  { guard: isRole, value: 'president', expected: false },
  { guard: isRole, value: null, expected: false },
  { guard: isTier, value: 'committee', expected: true },
  { guard: isTier, value: 'private', expected: false },
  { guard: isTier, value: 1, expected: false },
  { guard: isDelegationKind, value: 'observer-organization', expected: true },
  { guard: isDelegationKind, value: 'ngo', expected: false },
  { guard: isProvisionStatus, value: 'agreed-ad-referendum', expected: true },
  { guard: isProvisionStatus, value: 'agreed', expected: false },
  { guard: isAction, value: 'view-audit', expected: true },
  { guard: isAction, value: 'delete', expected: false },
  { guard: isAction, value: {}, expected: false },
] as const;

describe('vocabulary type guards', () => {
  it.each(titled(GUARD_CASES, (c) => `${c.guard.name} returns ${c.expected} when given ${show(c.value)}`))(
    '%s',
    (_title, { guard, value, expected }) => {
      expect(guard(value)).toBe(expected);
    },
  );
});

describe('roleUnfitForDelegation', () => {
  it('lets delegates and heads belong to Member States and groups, observers to observer organizations only', () => {
    const fits = Object.fromEntries(ROLES.map((role) => [role, DELEGATION_KINDS.filter((kind) => roleUnfitForDelegation([role], kind) === null)]));
    expect(fits).toEqual({
      delegate: ['member-state', 'group'],
      'head-of-delegation': ['member-state', 'group'],
      secretariat: [...DELEGATION_KINDS],
      chair: [...DELEGATION_KINDS],
      observer: ['observer-organization'],
      admin: [...DELEGATION_KINDS],
    });
  });

  it('names the first role of several that does not fit, and refuses a kind it does not know', () => {
    expect(roleUnfitForDelegation(['secretariat', 'observer', 'delegate'], 'member-state')).toBe('observer');
    expect(roleUnfitForDelegation(['delegate', 'head-of-delegation'], 'group')).toBeNull();
    expect(roleUnfitForDelegation([], 'member-state')).toBeNull();
    expect(roleUnfitForDelegation(['chair'], 'parliament')).toBe('chair');
  });
});
