import { describe, expect, it } from 'vitest';
import { resolvePair } from './compare-page';
import type { PublicRevision } from './public-api';
import { groupByInstrument } from './reading-room-page';
import { previousRevision } from './revision-page';

function revision(id: string, instrumentId: string, publishedAt: string, languages: PublicRevision['languages'] = ['en']): PublicRevision {
  return {
    id,
    instrumentId,
    symbol: id,
    date: publishedAt.slice(0, 10),
    tier: 'public',
    originalLanguage: 'en',
    languages,
    titles: { en: `Instrument ${instrumentId}` },
    contentHash: '0'.repeat(64),
    publishedAt,
    verification: { status: 'verified', reason: null },
  };
}

const first = revision('r1', 'i1', '2027-01-10T10:00:00.000Z', ['en', 'fr']);
const second = revision('r2', 'i1', '2027-02-10T10:00:00.000Z', ['en', 'fr', 'ar']);
const third = revision('r3', 'i1', '2027-03-10T10:00:00.000Z', ['en', 'ar']);
const other = revision('x1', 'i2', '2027-04-01T10:00:00.000Z');
// The API lists revisions newest first.
const all = [other, third, second, first];
const none = { older: null, newer: null, language: null };

describe(groupByInstrument.name, () => {
  it('groups revisions by instrument, oldest first, the most recently published instrument first', () => {
    expect(groupByInstrument(all).map((group) => [group.instrumentId, group.revisions.map((r) => r.id)])).toEqual([
      ['i2', ['x1']],
      ['i1', ['r1', 'r2', 'r3']],
    ]);
  });
});

describe(previousRevision.name, () => {
  it('finds the revision of the same instrument published just before', () => {
    expect(previousRevision(third, all)?.id).toBe('r2');
    expect(previousRevision(first, all)).toBeNull();
  });
});

describe(resolvePair.name, () => {
  it('compares the newer revision asked for with the one before it, in the reader’s language when both have it', () => {
    expect(resolvePair(all, { ...none, newer: 'r2' }, 'fr')).toMatchObject({
      older: { id: 'r1' },
      newer: { id: 'r2' },
      languages: ['en', 'fr'],
      language: 'fr',
    });
  });

  it('keeps the older and the language asked for, and falls back to the original language', () => {
    expect(resolvePair(all, { older: 'r1', newer: 'r3', language: 'ar' }, 'ar')).toMatchObject({
      older: { id: 'r1' },
      newer: { id: 'r3' },
      language: 'en',
    });
    expect(resolvePair(all, { older: 'r2', newer: 'r3', language: 'ar' }, 'en')?.language).toBe('ar');
  });

  it('ignores an older revision of another instrument', () => {
    expect(resolvePair(all, { ...none, older: 'x1', newer: 'r3' }, 'en')?.older.id).toBe('r2');
  });

  it('has nothing to compare for an instrument with one revision', () => {
    expect(resolvePair(all, { ...none, newer: 'x1' }, 'en')).toBeNull();
    expect(resolvePair([], none, 'en')).toBeNull();
  });
});
