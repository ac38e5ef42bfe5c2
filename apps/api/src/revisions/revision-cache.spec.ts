import { describe, expect, it } from 'vitest';
import { revisionCacheControl, revisionValidator } from './revision-cache';

const HASH_A = 'a'.repeat(64);
const HASH_B = 'b'.repeat(64);

describe(revisionValidator.name, () => {
  it('is a strong ETag that depends on the content hashes and the representation only', () => {
    const etag = revisionValidator([HASH_A], 'revision:en', true).etag;
    expect(etag).toMatch(/^"[A-Za-z0-9_-]{43}"$/);
    expect(revisionValidator([HASH_A], 'revision:en', false).etag).toBe(etag);
    expect(revisionValidator([HASH_B], 'revision:en', true).etag).not.toBe(etag);
    expect(revisionValidator([HASH_A], 'revision:fr', true).etag).not.toBe(etag);
    expect(revisionValidator([HASH_A, HASH_B], 'compare::', true).etag).not.toBe(revisionValidator([HASH_B, HASH_A], 'compare::', true).etag);
  });
});

describe(revisionCacheControl.name, () => {
  it.each([
    [true, 'file', 'public, max-age=31536000, immutable'],
    [true, 'api', 'public, max-age=86400, immutable'],
    [false, 'file', 'private, no-cache'],
    [false, 'api', 'private, no-cache'],
  ] as const)('shared %s, %s: %s', (shared, representation, expected) => {
    expect(revisionCacheControl({ etag: '"x"', shared }, representation)).toBe(expected);
  });
});
