import type { Role, Subject } from '@concord/domain';
import { describe, expect, it } from 'vitest';
import { accessLevel, type DocumentRules } from './document-access';

const consolidated: DocumentRules = {
  read: { tier: 'committee', committeeId: 'c1' },
  write: { action: 'edit-consolidated', resource: { tier: 'committee', committeeId: 'c1' } },
  reasons: { read: 'read-only', write: 'secretariat' },
};

const space: DocumentRules = {
  read: { tier: 'delegation', committeeId: 'c1', owners: ['EGY', 'BRA', 'IND'] },
  write: { action: 'edit-draft', resource: { tier: 'delegation', committeeId: 'c1', owners: ['EGY', 'BRA'] } },
  reasons: { read: 'invited', write: 'owner' },
};

function subject(roles: Role[], delegationId: string | null, committeeId = 'c1'): Subject {
  return { userId: 'u', roles, delegationId, committeeId };
}

describe(accessLevel.name, () => {
  it.each<[string, Subject | null, DocumentRules, string | null]>([
    ['the secretariat writes a consolidated draft', subject(['secretariat'], null), consolidated, 'write:secretariat'],
    ['a delegate reads it', subject(['delegate'], 'EGY'), consolidated, 'read:read-only'],
    ['another committee does not know it', subject(['secretariat'], null, 'c2'), consolidated, null],
    ['an observer does not know it', subject(['observer'], null), consolidated, null],
    ['anonymous does not know it', null, consolidated, null],
    ['an owner writes a drafting space', subject(['delegate'], 'EGY'), space, 'write:owner'],
    ['an accepted co-sponsor writes it', subject(['head-of-delegation'], 'BRA'), space, 'write:owner'],
    ['an invited delegation reads it', subject(['delegate'], 'IND'), space, 'read:invited'],
    ['another delegation does not know it', subject(['delegate'], 'FRA'), space, null],
    ['the secretariat does not know it', subject(['secretariat'], null), space, null],
  ])('%s', (_what, who, rules, expected) => {
    const access = accessLevel(who, rules);
    expect(access ? `${access.level}:${access.reason}` : null).toBe(expected);
  });
});
