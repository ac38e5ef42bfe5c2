import { consolidatedDocument, type Role, spaceDocument, type Subject } from '@concord/domain';
import { describe, expect, it } from 'vitest';
import { documentTiers, mayEdit, mayReply, mayResolve, tiersFor } from './comment-permissions';
import type { CommentView, ThreadView } from './comments-api';

const subject = (roles: Role[], delegationId: string | null, userId = 'me'): Subject => ({ userId, roles, delegationId, committeeId: 'c1' });

const opening: CommentView = {
  id: 't1',
  threadId: 't1',
  authorId: 'author',
  authorName: 'Author',
  authorDelegationId: 'egy',
  body: 'text',
  textWarnings: [],
  createdAt: '2026-05-01T10:00:00.000Z',
  editedAt: null,
};

const thread = (tier: ThreadView['tier']): ThreadView => ({
  id: 't1',
  targetKind: 'document',
  targetId: 'consolidated:i:en',
  provisionId: null,
  tier,
  anchor: null,
  quote: null,
  orphaned: false,
  anchoredText: null,
  resolved: false,
  resolvedAt: null,
  resolvedBy: null,
  comment: opening,
  replies: [],
});

describe(documentTiers.name, () => {
  it.each([
    [spaceDocument('0b6d7f5e-0000-4000-8000-000000000000'), ['delegation']],
    [consolidatedDocument('0b6d7f5e-0000-4000-8000-000000000000', 'en'), ['delegation', 'committee']],
  ])('allows %s threads of %j', (document, tiers) => {
    expect(documentTiers(document)).toEqual(tiers);
  });
});

describe(tiersFor.name, () => {
  it.each([
    ['a delegate', subject(['delegate'], 'egy'), ['delegation', 'committee']],
    ['a head of delegation', subject(['head-of-delegation'], 'egy'), ['delegation', 'committee']],
    ['the secretariat', subject(['secretariat'], 'sec'), ['committee']],
    ['the chair', subject(['chair'], null), ['committee']],
    // An observer writes for its organization, as it drafts the organization's written comments (issue 13).
    ['an observer', subject(['observer'], 'coe'), ['delegation']],
  ])('offers %s the tiers they may write in', (_who, who, tiers) => {
    expect(tiersFor(who, ['delegation', 'committee'])).toEqual(tiers);
  });
});

describe(mayResolve.name, () => {
  it.each([
    ['its author', subject(['secretariat'], null, 'author'), 'delegation', true],
    ['a member of the author’s delegation', subject(['delegate'], 'egy'), 'delegation', true],
    ['another delegation', subject(['head-of-delegation'], 'bra'), 'committee', false],
    ['the secretariat on a committee thread', subject(['secretariat'], 'sec'), 'committee', true],
    ['the secretariat on a delegation thread', subject(['secretariat'], 'sec'), 'delegation', false],
  ] as const)('lets %s resolve a %s thread: %s', (_who, who, tier, allowed) => {
    expect(mayResolve(who, thread(tier))).toBe(allowed);
  });
});

describe(mayReply.name, () => {
  it('lets the delegation reply in its own thread and nobody else', () => {
    expect(mayReply(subject(['head-of-delegation'], 'egy'), thread('delegation'))).toBe(true);
    expect(mayReply(subject(['secretariat'], 'sec'), thread('delegation'))).toBe(false);
    expect(mayReply(subject(['secretariat'], 'sec'), thread('committee'))).toBe(true);
  });
});

describe(mayEdit.name, () => {
  it('lets only the author edit a comment', () => {
    expect(mayEdit(subject(['delegate'], 'egy', 'author'), opening)).toBe(true);
    expect(mayEdit(subject(['delegate'], 'egy'), opening)).toBe(false);
  });
});
