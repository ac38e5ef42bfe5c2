import { describe, expect, it } from 'vitest';
import { ChainVerifier, GENESIS_HASH, chainHash } from './audit-chain';

function chain(length: number) {
  const rows = [];
  let prevHash = GENESIS_HASH;
  for (let seq = 1; seq <= length; seq += 1) {
    const row = { seq, at: new Date(Date.UTC(2026, 10, 24, 12, 0, seq)), actorId: 'u1', action: 'delegation.create', entityType: 'delegation', entityId: `d${seq}`, before: null, after: `{"code":"D${seq}"}`, prevHash };
    const hash = chainHash(row);
    rows.push({ ...row, hash });
    prevHash = hash;
  }
  return rows;
}

describe(ChainVerifier.name, () => {
  it('accepts an intact chain fed page by page', () => {
    const rows = chain(5);
    const verifier = new ChainVerifier();
    expect(verifier.feed(rows.slice(0, 2))).toBe(true);
    expect(verifier.feed(rows.slice(2))).toBe(true);
    expect(verifier.verdict()).toEqual({ ok: true, rows: 5, lastHash: rows[4].hash });
  });

  it('accepts an empty log', () => {
    expect(new ChainVerifier().verdict()).toEqual({ ok: true, rows: 0, lastHash: GENESIS_HASH });
  });

  it.each([
    ['an altered field', (rows: ReturnType<typeof chain>) => (rows[2] = { ...rows[2], action: 'delegation.delete' }), 3, 'row 3 was altered: its content no longer matches its hash'],
    ['an altered timestamp', (rows: ReturnType<typeof chain>) => (rows[1] = { ...rows[1], at: new Date(0) }), 2, 'row 2 was altered: its content no longer matches its hash'],
    ['a deleted row', (rows: ReturnType<typeof chain>) => rows.splice(3, 1), 4, 'row 4 is missing (next row is 5)'],
    ['a re-hashed row that no longer links', (rows: ReturnType<typeof chain>) => {
      const forged = { ...rows[1], after: '{"code":"FORGED"}' };
      rows[1] = { ...forged, hash: chainHash(forged) };
    }, 3, 'row 3 does not link to the hash of row 2'],
  ])('reports the first broken link after %s', (_what, tamper, seq, reason) => {
    const rows = chain(6);
    tamper(rows);
    const verifier = new ChainVerifier();
    expect(verifier.feed(rows)).toBe(false);
    expect(verifier.verdict()).toEqual({ ok: false, rows: seq - 1, seq, reason });
  });
});
