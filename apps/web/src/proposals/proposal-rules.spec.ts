import type { Role, Subject } from '@concord/domain';
import { describe, expect, it } from 'vitest';
import type { Delegation, DraftingSpace, Session } from '../api';
import { invitable, isLate, mayAnswerInvitation, maySubmit, mayWithdraw, proposalsOfSpace, sessionFor, supportAction } from './proposal-rules';
import type { Proposal } from './proposals-api';

const subject = (roles: Role[], delegationId: string | null): Subject => ({ userId: 'me', roles, delegationId, committeeId: 'c1' });

const session = (number: number, startDate: string, endDate: string, proposalDeadline: string): Session => ({
  id: `s${number}`,
  committeeId: 'c',
  number,
  title: `Session ${number}`,
  venue: 'Vienna',
  startDate,
  endDate,
  proposalDeadline,
});

const space: DraftingSpace = {
  id: 'space',
  document: 'space:space',
  title: 'Article 4',
  language: 'en',
  instrumentId: 'i1',
  ownerDelegationId: 'egy',
  coSponsorIds: ['bra'],
  invitedCoSponsorIds: ['fra'],
  provisionIds: ['a4'],
  createdAt: '2026-05-01T10:00:00Z',
};

const proposal = (overrides: Partial<Proposal> = {}): Proposal => ({
  id: 'p1',
  committeeId: 'c',
  instrumentId: 'i1',
  language: 'en',
  title: 'Article 4',
  justification: 'Because.',
  sponsorDelegationId: 'egy',
  coSponsorIds: ['bra'],
  supporterIds: [],
  status: 'submitted',
  late: false,
  sessionId: 's1',
  spaceId: 'space',
  provisionIds: ['a4'],
  baseRef: 'live',
  baseDoc: null,
  changes: [],
  proposedDoc: null,
  textWarnings: [],
  supersedesId: null,
  submittedAt: '2026-05-02T10:00:00Z',
  submittedBy: 'u',
  published: false,
  history: [],
  ...overrides,
});

describe(sessionFor.name, () => {
  const sessions = [session(2, '2026-09-01', '2026-09-10', '2026-08-01T00:00:00Z'), session(1, '2026-06-01', '2026-06-10', '2026-05-10T00:00:00Z')];

  it.each([
    ['2026-05-01T00:00:00Z', 's1'],
    ['2026-06-05T00:00:00Z', 's1'],
    ['2026-07-01T00:00:00Z', 's2'],
    ['2027-01-01T00:00:00Z', 's2'],
  ])('on %s picks %s', (now, id) => {
    expect(sessionFor(sessions, new Date(now))?.id).toBe(id);
  });

  it('has none without sessions', () => {
    expect(sessionFor([], new Date())).toBeNull();
  });
});

describe(isLate.name, () => {
  it('is late after the deadline only', () => {
    const first = session(1, '2026-06-01', '2026-06-10', '2026-05-10T00:00:00Z');
    expect(isLate(first, new Date('2026-05-09T23:59:00Z'))).toBe(false);
    expect(isLate(first, new Date('2026-05-10T00:01:00Z'))).toBe(true);
    expect(isLate(null, new Date())).toBe(false);
  });
});

describe(proposalsOfSpace.name, () => {
  it('finds the proposals submitted from the space, newest first, whatever their title', () => {
    const found = proposalsOfSpace(
      [
        proposal({ id: 'old', submittedAt: '2026-05-01T00:00:00Z', title: 'Article 4 (first reading)' }),
        proposal({ id: 'other-space', spaceId: 'another' }),
        proposal({ id: 'imported', spaceId: null }),
        proposal({ id: 'new', submittedAt: '2026-05-03T00:00:00Z' }),
      ],
      space,
    );
    expect(found.map((p) => p.id)).toEqual(['new', 'old']);
  });
});

describe(maySubmit.name, () => {
  it.each([
    ['the owner’s head', subject(['head-of-delegation'], 'egy'), true],
    ['the owner’s delegate', subject(['delegate'], 'egy'), false],
    ['a co-sponsor’s head', subject(['head-of-delegation'], 'bra'), false],
    ['the secretariat', subject(['secretariat'], 'sec'), false],
  ])('lets %s submit: %s', (_who, who, allowed) => {
    expect(maySubmit(who, space)).toBe(allowed);
  });
});

describe(mayAnswerInvitation.name, () => {
  it('lets only the head of an invited delegation answer', () => {
    expect(mayAnswerInvitation(subject(['head-of-delegation'], 'fra'), space)).toBe(true);
    expect(mayAnswerInvitation(subject(['delegate'], 'fra'), space)).toBe(false);
    expect(mayAnswerInvitation(subject(['head-of-delegation'], 'bra'), space)).toBe(false);
  });
});

describe(mayWithdraw.name, () => {
  it.each([
    ['the sponsor’s head on a submitted proposal', subject(['head-of-delegation'], 'egy'), proposal(), true],
    ['the sponsor’s delegate', subject(['delegate'], 'egy'), proposal(), false],
    ['a co-sponsor’s head', subject(['head-of-delegation'], 'bra'), proposal(), false],
    ['the sponsor’s head on a withdrawn proposal', subject(['head-of-delegation'], 'egy'), proposal({ status: 'withdrawn' }), false],
    ['the sponsor’s head on a published proposal', subject(['head-of-delegation'], 'egy'), proposal({ published: true }), false],
  ])('lets %s withdraw: %s', (_who, who, target, allowed) => {
    expect(mayWithdraw(who, target)).toBe(allowed);
  });
});

describe(supportAction.name, () => {
  it.each([
    ['another delegation’s head', subject(['head-of-delegation'], 'eu'), proposal(), 'support'],
    ['a supporter’s head', subject(['head-of-delegation'], 'eu'), proposal({ supporterIds: ['eu'] }), 'withdraw-support'],
    ['another delegation’s head, on a withdrawn proposal', subject(['head-of-delegation'], 'eu'), proposal({ status: 'withdrawn' }), null],
    ['another delegation’s delegate', subject(['delegate'], 'eu'), proposal(), null],
    ['the sponsor’s head', subject(['head-of-delegation'], 'egy'), proposal(), null],
    ['a co-sponsor’s head', subject(['head-of-delegation'], 'bra'), proposal(), null],
    ['the secretariat', subject(['secretariat'], null), proposal(), null],
  ] as const)('offers %s: %s', (_who, who, target, action) => {
    expect(supportAction(who, target)).toBe(action);
  });
});

describe(invitable.name, () => {
  const delegation = (id: string, kind: Delegation['kind']): Delegation => ({
    id,
    committeeId: 'c',
    code: id.toUpperCase(),
    kind,
    names: { en: id },
    groupIds: [],
  });

  it('offers Member States and groups not already owning, co-sponsoring or invited', () => {
    const all = [
      delegation('egy', 'member-state'),
      delegation('bra', 'member-state'),
      delegation('fra', 'member-state'),
      delegation('eu', 'group'),
      delegation('deu', 'member-state'),
      delegation('sec', 'secretariat'),
      delegation('coe', 'observer-organization'),
    ];
    expect(invitable(space, all).map((d) => d.id)).toEqual(['eu', 'deu']);
  });
});
