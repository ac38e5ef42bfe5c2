import type { Role, Subject } from '@concord/domain';
import { describe, expect, it } from 'vitest';
import { canReadComment, canSeeDispositions, commentTier } from './comment-access';
import type { CommentPeriod } from './comment-period.entity';
import type { WrittenComment } from './written-comment.entity';

const C = 'committee-1';
const who = (roles: Role[], delegationId: string | null, committeeId = C): Subject => ({ userId: 'u', roles, delegationId, committeeId });
const period = (over: Partial<CommentPeriod> = {}): CommentPeriod => ({ tier: 'public', committeeId: C, dispositionsPublishedAt: null, ...over }) as CommentPeriod;
const comment = (over: Partial<WrittenComment> = {}): WrittenComment => ({ committeeId: C, delegationId: 'coe', status: 'submitted', publishedAt: null, ...over }) as WrittenComment;

const observer = who(['observer'], 'coe');
const otherObserver = who(['observer'], 'iso');
const delegate = who(['delegate'], 'egy');
const secretariat = who(['secretariat'], 'sec');
const foreign = who(['delegate'], 'egy', 'committee-2');

describe(canReadComment.name, () => {
  it.each([
    ['its own organization reads a draft', observer, comment({ status: 'draft' }), true],
    ['another delegation does not read a draft', delegate, comment({ status: 'draft' }), false],
    ['the secretariat does not read a draft', secretariat, comment({ status: 'draft' }), false],
    ['its own organization reads it before publication', observer, comment(), true],
    ['another observer does not read it before publication', otherObserver, comment(), false],
    ['a delegate reads it before publication', delegate, comment(), true],
    ['nobody anonymous reads it before publication', null, comment(), false],
    ['anyone reads it once published on a public text', null, comment({ publishedAt: new Date() }), true],
    ['another committee never reads it unpublished', foreign, comment(), false],
  ] as const)('%s', (_when, subject, c, expected) => {
    expect(canReadComment(subject, c, period())).toBe(expected);
  });

  it('keeps a published comment on a committee text from the public', () => {
    const c = comment({ publishedAt: new Date() });
    expect(commentTier(c, period({ tier: 'committee' }))).toBe('committee');
    expect(canReadComment(null, c, period({ tier: 'committee' }))).toBe(false);
  });
});

describe(canSeeDispositions.name, () => {
  it.each([
    ['the commenter at once', observer, period(), true],
    ['the secretariat at once', secretariat, period(), true],
    ['another delegation not before they are published', delegate, period(), false],
    ['another delegation once published', delegate, period({ dispositionsPublishedAt: new Date() }), true],
  ] as const)('shows dispositions to %s', (_when, subject, p, expected) => {
    expect(canSeeDispositions(subject, comment(), p)).toBe(expected);
  });
});
