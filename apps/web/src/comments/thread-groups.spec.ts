import { describe, expect, it } from 'vitest';
import type { AnchorPlacement } from './anchors';
import type { ThreadView } from './comments-api';
import { groupThreads } from './thread-groups';

const thread = (id: string, createdAt: string, overrides: Partial<ThreadView> = {}): ThreadView => ({
  id,
  targetKind: 'document',
  targetId: 'space:1',
  provisionId: null,
  tier: 'delegation',
  anchor: { start: id, end: id },
  quote: `quote ${id}`,
  orphaned: false,
  anchoredText: null,
  resolved: false,
  resolvedAt: null,
  resolvedBy: null,
  comment: {
    id,
    threadId: id,
    authorId: 'u',
    authorName: 'U',
    authorDelegationId: 'd',
    body: 'b',
    textWarnings: [],
    createdAt,
    editedAt: null,
  },
  replies: [],
  ...overrides,
});

const places: Record<string, AnchorPlacement> = {
  late: { kind: 'placed', from: 40, to: 45, text: 'later' },
  early: { kind: 'placed', from: 3, to: 9, text: 'sooner' },
  gone: { kind: 'orphaned' },
  unsure: { kind: 'unknown' },
  done: { kind: 'placed', from: 20, to: 22, text: 'ok' },
};
const place = (t: ThreadView): AnchorPlacement => places[t.id] ?? { kind: 'unknown' };

describe(groupThreads.name, () => {
  const threads = [
    thread('late', '2026-05-01T10:00:00Z'),
    thread('gone', '2026-05-01T09:00:00Z'),
    thread('early', '2026-05-01T11:00:00Z'),
    thread('unsure', '2026-05-01T08:00:00Z', { orphaned: true }),
    thread('done', '2026-05-01T07:00:00Z', { resolved: true }),
    thread('fresh', '2026-05-01T12:00:00Z'),
  ];

  it('lists open threads in the order of the text, unplaced ones last', () => {
    expect(groupThreads(threads, place).open.map((t) => t.id)).toEqual(['early', 'late', 'fresh']);
  });

  it('folds resolved threads apart', () => {
    expect(groupThreads(threads, place).resolved.map((t) => t.id)).toEqual(['done']);
  });

  it('lists threads whose text is gone as orphaned, oldest first, trusting the server when the page cannot tell', () => {
    expect(groupThreads(threads, place).orphaned.map((t) => t.id)).toEqual(['unsure', 'gone']);
  });

  it('gives the ranges of placed threads', () => {
    expect(groupThreads(threads, place).ranges.get('early')).toEqual({ from: 3, to: 9, text: 'sooner' });
  });

  it('orders by time when there is no editor', () => {
    expect(groupThreads(threads, null).open.map((t) => t.id)).toEqual(['gone', 'late', 'early', 'fresh']);
  });
});
