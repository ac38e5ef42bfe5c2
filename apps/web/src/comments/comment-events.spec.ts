import { describe, expect, it } from 'vitest';
import { applyCommentEvent, parseCommentEvent, upsertThread, type CommentEvent } from './comment-events';
import type { CommentView, ThreadView } from './comments-api';

const comment = (id: string, body = `body of ${id}`, threadId = 't1'): CommentView => ({
  id,
  threadId,
  authorId: 'u1',
  authorName: 'Mona Saleh',
  authorDelegationId: 'egy',
  body,
  textWarnings: [],
  createdAt: '2026-05-01T10:00:00.000Z',
  editedAt: null,
});

const thread = (id: string, overrides: Partial<ThreadView> = {}): ThreadView => ({
  id,
  targetKind: 'document',
  targetId: 'space:1',
  provisionId: null,
  tier: 'delegation',
  anchor: { start: 'AA==', end: 'AQ==' },
  quote: 'quoted',
  orphaned: false,
  anchoredText: 'quoted',
  resolved: false,
  resolvedAt: null,
  resolvedBy: null,
  comment: comment(id, `body of ${id}`, id),
  replies: [],
  ...overrides,
});

describe(parseCommentEvent.name, () => {
  it('reads a thread event', () => {
    expect(parseCommentEvent('thread-created', JSON.stringify(thread('t1')))).toEqual({ type: 'thread-created', thread: thread('t1') });
  });

  it('reads a comment event', () => {
    const data = JSON.stringify({ threadId: 't1', comment: comment('c2') });
    expect(parseCommentEvent('reply-added', data)).toEqual({ type: 'reply-added', threadId: 't1', comment: comment('c2') });
  });

  it.each([
    ['ready', '{"targetKind":"document"}'],
    ['thread-created', 'not json'],
    ['thread-created', '{"id":"t1"}'],
    ['reply-added', '{"threadId":"t1"}'],
    ['something-else', '{}'],
  ])('ignores %s with data %s', (type, data) => {
    expect(parseCommentEvent(type, data)).toBeNull();
  });
});

describe(applyCommentEvent.name, () => {
  it('adds a new thread at the end, and only once', () => {
    const event: CommentEvent = { type: 'thread-created', thread: thread('t2') };
    const once = applyCommentEvent([thread('t1')], event);
    expect(once.map((t) => t.id)).toEqual(['t1', 't2']);
    expect(applyCommentEvent(once, event)).toEqual(once);
  });

  it('keeps the replies of a thread when its creation is replayed', () => {
    const withReply = thread('t1', { replies: [comment('c2')] });
    expect(applyCommentEvent([withReply], { type: 'thread-created', thread: thread('t1') })).toEqual([withReply]);
  });

  it('adds a reply once, however often it is told', () => {
    const event: CommentEvent = { type: 'reply-added', threadId: 't1', comment: comment('c2') };
    const once = applyCommentEvent([thread('t1')], event);
    expect(once[0]?.replies.map((r) => r.id)).toEqual(['c2']);
    expect(applyCommentEvent(once, event)).toEqual(once);
  });

  it('replaces an edited opening comment and an edited reply', () => {
    const start = [thread('t1', { replies: [comment('c2')] })];
    const first = applyCommentEvent(start, { type: 'comment-edited', threadId: 't1', comment: comment('t1', 'new', 't1') });
    expect(first[0]?.comment.body).toBe('new');
    const second = applyCommentEvent(first, { type: 'comment-edited', threadId: 't1', comment: comment('c2', 'changed') });
    expect(second[0]?.replies[0]?.body).toBe('changed');
  });

  it('does not add an edited comment it does not know', () => {
    const start = [thread('t1')];
    expect(applyCommentEvent(start, { type: 'comment-edited', threadId: 't1', comment: comment('c9') })).toEqual(start);
  });

  it('replaces a resolved or reopened thread in place', () => {
    const start = [thread('t1'), thread('t2')];
    const resolved = applyCommentEvent(start, { type: 'thread-resolved', thread: thread('t1', { resolved: true }) });
    expect(resolved.map((t) => [t.id, t.resolved])).toEqual([
      ['t1', true],
      ['t2', false],
    ]);
  });
});

describe(upsertThread.name, () => {
  it('appends a thread it does not know', () => {
    expect(upsertThread([], thread('t1')).map((t) => t.id)).toEqual(['t1']);
  });
});
