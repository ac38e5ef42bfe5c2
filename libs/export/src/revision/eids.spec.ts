import { describe, expect, it } from 'vitest';
import { IdAllocator, organizationId, sanitizeId } from './eids';

describe(sanitizeId.name, () => {
  it.each([
    ['a1', 'a1'],
    ['3f2a9c1e-7b4d-4e2a-9c1e-7b4d4e2a9c1e', '3f2a9c1e-7b4d-4e2a-9c1e-7b4d4e2a9c1e'],
    ['a_b', 'a_5f_b'],
    ['a b', 'a_20_b'],
    ['ç', '_e7_'],
    ['', '_'],
  ])('writes %j as %j', (id, expected) => {
    expect(sanitizeId(id)).toBe(expected);
  });

  it('never sanitizes two ids to the same string', () => {
    expect(sanitizeId('a_5f_b')).not.toBe(sanitizeId('a_b'));
  });
});

describe(IdAllocator.name, () => {
  it('prefixes ids and numbers repeats and nodes without ids in document order', () => {
    const ids = new IdAllocator(['preamble']);
    expect(ids.allocate('art', 'a1', 1)).toBe('art_a1');
    expect(ids.allocate('art', 'a1', 2)).toBe('art_a1_2');
    expect(ids.allocate('art', null, 3)).toBe('art_n3');
    expect(ids.claim('preamble')).toBe('preamble_2');
  });
});

describe(organizationId.name, () => {
  it.each([
    ['EGY', 'EGY'],
    ['EU', 'EU'],
    ['77', '_77'],
  ])('gives the delegation %s the eId %s', (code, expected) => {
    expect(organizationId(code)).toBe(expected);
  });
});
