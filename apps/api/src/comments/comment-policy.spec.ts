import type { Role, Tier } from '@concord/domain';
import { describe, expect, it } from 'vitest';
import { canSeeThread, decideComment, decideEdit, decideResolve, newThreadAccess, readTarget, type TargetAccess, type ThreadAccess, type Viewer, type Writer } from './comment-policy';

function viewer(userId: string, roles: Role[], delegationId: string | null, committeeId = 'c1'): Writer {
  return { subject: { userId, roles, delegationId, committeeId } };
}

const ANONYMOUS: Viewer = { subject: null };

const PEOPLE = {
  egyptDelegate: viewer('egd', ['delegate'], 'EGY'),
  egyptHead: viewer('egh', ['head-of-delegation'], 'EGY'),
  brazilHead: viewer('brh', ['head-of-delegation'], 'BRA'),
  secretariat: viewer('sec', ['secretariat'], 'SEC'),
  chair: viewer('chr', ['chair'], null),
  observer: viewer('obs', ['observer'], 'COE'),
  admin: viewer('adm', ['admin'], null),
  otherCommittee: viewer('oth', ['delegate'], 'XYZ', 'c2'),
  otherSecretariat: viewer('osec', ['secretariat'], 'SC2', 'c2'),
} as const;
type Person = keyof typeof PEOPLE;

const TARGETS: Record<string, TargetAccess> = {
  consolidated: { committeeId: 'c1', resource: { tier: 'committee' }, tiers: ['delegation', 'committee'] },
  egyptSpace: { committeeId: 'c1', resource: { tier: 'delegation', owners: ['EGY'] }, tiers: ['delegation'] },
  publishedProposal: { committeeId: 'c1', resource: { tier: 'public' }, tiers: ['delegation', 'committee', 'public'] },
};

function thread(tier: Tier, author: Person = 'egyptDelegate'): ThreadAccess {
  const { subject } = PEOPLE[author];
  return { tier, committeeId: 'c1', authorId: subject.userId, authorDelegationId: subject.delegationId };
}

describe(readTarget.name, () => {
  it.each<[string, Person, boolean]>([
    ['consolidated', 'egyptDelegate', true],
    ['consolidated', 'secretariat', true],
    ['consolidated', 'observer', false],
    ['consolidated', 'otherCommittee', false],
    ['egyptSpace', 'egyptHead', true],
    ['egyptSpace', 'brazilHead', false],
    ['egyptSpace', 'secretariat', false],
    ['publishedProposal', 'observer', true],
    ['publishedProposal', 'otherCommittee', true],
  ])('on %s, lets %s read: %s', (target, person, allowed) => {
    expect(readTarget(PEOPLE[person], TARGETS[target]).allowed).toBe(allowed);
  });

  it.each<[string, boolean]>([
    ['consolidated', false],
    ['egyptSpace', false],
    ['publishedProposal', true],
  ])('on %s, lets an anonymous reader read: %s', (target, allowed) => {
    expect(readTarget(ANONYMOUS, TARGETS[target]).allowed).toBe(allowed);
  });

  it('conceals a target of another committee below the public tier', () => {
    expect(readTarget(PEOPLE.otherCommittee, TARGETS.consolidated)).toMatchObject({ allowed: false, concealed: true });
  });
});

describe(canSeeThread.name, () => {
  it.each<[string, Tier, Person, boolean]>([
    ['consolidated', 'delegation', 'egyptDelegate', true],
    ['consolidated', 'delegation', 'egyptHead', true],
    ['consolidated', 'delegation', 'brazilHead', false],
    ['consolidated', 'delegation', 'secretariat', false],
    ['consolidated', 'delegation', 'chair', false],
    ['consolidated', 'delegation', 'admin', false],
    ['consolidated', 'committee', 'brazilHead', true],
    ['consolidated', 'committee', 'secretariat', true],
    ['consolidated', 'committee', 'chair', true],
    ['consolidated', 'committee', 'observer', false],
    ['consolidated', 'committee', 'otherCommittee', false],
    ['publishedProposal', 'committee', 'observer', false],
    ['publishedProposal', 'public', 'observer', true],
    ['publishedProposal', 'delegation', 'observer', false],
    ['egyptSpace', 'delegation', 'egyptHead', true],
    ['egyptSpace', 'delegation', 'secretariat', false],
  ])('on %s, shows a %s-tier thread of an Egyptian delegate to %s: %s', (target, tier, person, visible) => {
    expect(canSeeThread(PEOPLE[person], TARGETS[target], thread(tier))).toBe(visible);
  });

  it.each<[string, Tier, boolean]>([
    ['publishedProposal', 'public', true],
    ['publishedProposal', 'committee', false],
    ['publishedProposal', 'delegation', false],
    ['consolidated', 'committee', false],
  ])('on %s, shows a %s-tier thread to an anonymous reader: %s', (target, tier, visible) => {
    expect(canSeeThread(ANONYMOUS, TARGETS[target], thread(tier))).toBe(visible);
  });
});

describe(decideComment.name, () => {
  it.each<[string, Tier, Person, boolean]>([
    ['consolidated', 'delegation', 'egyptDelegate', true],
    ['consolidated', 'committee', 'egyptDelegate', true],
    ['consolidated', 'delegation', 'secretariat', false],
    ['consolidated', 'committee', 'secretariat', true],
    ['consolidated', 'delegation', 'chair', false],
    ['consolidated', 'committee', 'observer', false],
    ['publishedProposal', 'public', 'observer', true],
    ['publishedProposal', 'committee', 'observer', false],
    ['publishedProposal', 'delegation', 'observer', false],
    ['publishedProposal', 'committee', 'otherCommittee', false],
    ['publishedProposal', 'public', 'otherCommittee', false],
  ])('on %s, lets %s open a %s-tier thread: %s', (target, tier, person, allowed) => {
    const who = PEOPLE[person];
    expect(decideComment(who, newThreadAccess(who, TARGETS[target], tier)).allowed).toBe(allowed);
  });
});

describe(decideResolve.name, () => {
  it.each<[Tier, Person, boolean]>([
    ['committee', 'egyptDelegate', true],
    ['committee', 'egyptHead', true],
    ['committee', 'secretariat', true],
    ['public', 'secretariat', true],
    ['committee', 'brazilHead', false],
    ['committee', 'chair', false],
    ['delegation', 'egyptHead', true],
    ['delegation', 'secretariat', false],
    ['committee', 'otherSecretariat', false],
  ])("lets %s-tier threads of an Egyptian delegate be resolved by %s: %s", (tier, person, allowed) => {
    expect(decideResolve(PEOPLE[person], thread(tier)).allowed).toBe(allowed);
  });
});

describe(decideEdit.name, () => {
  it('lets only the author edit', () => {
    expect(decideEdit(PEOPLE.egyptDelegate, { authorId: 'egd' }).allowed).toBe(true);
    expect(decideEdit(PEOPLE.egyptHead, { authorId: 'egd' })).toEqual({ allowed: false, reason: 'Only its author may edit a comment.' });
  });
});
