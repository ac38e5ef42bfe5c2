import type { FollowedRemarkView } from '@concord/domain';
import { describe, expect, it } from 'vitest';
import { sampleDraft } from '../collab/test-documents';
import { containingEntries, remarkCounts } from './remark-counts';

function remark(provisionId: string | null, deleted = false): FollowedRemarkView {
  return {
    remark: { provisionId } as FollowedRemarkView['remark'],
    comment: { id: 'c', number: 1, delegationCode: 'EGY', delegationName: 'Egypt', language: 'en', late: false },
    revisionId: 'r',
    revisionSymbol: 'A/AC.291/22',
    currentLabel: deleted ? null : 'Article 2',
    textChanged: false,
    deleted,
    moved: false,
  };
}

describe(containingEntries.name, () => {
  it('puts paragraphs, subparagraphs and options under their article, and a chapter under itself', () => {
    const within = containingEntries(sampleDraft());
    expect(within.get('a2b')).toBe('a2');
    expect(within.get('a2p2')).toBe('a2');
    expect(within.get('o2')).toBe('a3');
    expect(within.get('a1')).toBe('a1');
    expect(within.get('ch1')).toBe('ch1');
  });
});

describe(remarkCounts.name, () => {
  it('counts the remarks on an article and on anything inside it, leaving out general and deleted ones', () => {
    const counts = remarkCounts(sampleDraft(), [remark('a2'), remark('a2a'), remark('a2p2'), remark('a3p1'), remark(null), remark('gone', true), remark('unknown')]);
    expect([...counts.entries()].sort()).toEqual([
      ['a2', 3],
      ['a3', 1],
    ]);
  });
});
