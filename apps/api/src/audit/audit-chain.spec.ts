import { describe, expect, it } from 'vitest';
import { generateKeyPairSync, sign, verify } from 'node:crypto';
import { ChainVerifier, GENESIS_HASH, auditHeadPayload, chainHash, headMismatch, type SignedHead } from './audit-chain';

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

const { privateKey, publicKey } = generateKeyPairSync('ed25519');
const signHead = (seq: number, hash: string): SignedHead => ({ seq, hash, signature: sign(null, Buffer.from(auditHeadPayload(seq, hash)), privateKey).toString('base64') });
const check = (payload: string, signature: string) => verify(null, Buffer.from(payload), publicKey, Buffer.from(signature, 'base64'));

/** Feeds rows to a verifier and checks the end against a head, as audit:verify does. */
function verdictWithHead(rows: ReturnType<typeof chain>, head: SignedHead | null) {
  const verifier = new ChainVerifier();
  verifier.feed(rows);
  const verdict = verifier.verdict();
  if (!verdict.ok) return verdict;
  return headMismatch(verdict, head, check) ?? 'intact';
}

/** Rewrites row `index` and recomputes every later hash, as anyone with write access to the table can. */
function recompute(rows: ReturnType<typeof chain>, index: number) {
  let prevHash = rows[index].prevHash;
  for (let i = index; i < rows.length; i += 1) {
    const row = { ...rows[i], prevHash, after: i === index ? '{"code":"FORGED"}' : rows[i].after };
    rows[i] = { ...row, hash: chainHash(row) };
    prevHash = rows[i].hash;
  }
}

describe(headMismatch.name, () => {
  it('accepts a chain whose end is the signed head, and an empty chain with none', () => {
    const rows = chain(6);
    expect(verdictWithHead(rows, signHead(6, rows[5].hash))).toBe('intact');
    expect(verdictWithHead([], null)).toBe('intact');
  });

  it.each([
    ['a rewritten row with every later hash recomputed', (rows: ReturnType<typeof chain>) => recompute(rows, 2), 6, 'row 6 differs from the signed head: the log was rewritten and its hashes recomputed'],
    ['the last rows deleted', (rows: ReturnType<typeof chain>) => rows.splice(4), 5, 'the log ends at row 4 but the signed head is row 6: the last rows were deleted'],
    ['every row deleted', (rows: ReturnType<typeof chain>) => rows.splice(0), 1, 'the log ends at row 0 but the signed head is row 6: the last rows were deleted'],
    ['rows appended after the head', (rows: ReturnType<typeof chain>) => {
      const row = { ...rows[5], seq: 7, prevHash: rows[5].hash };
      rows.push({ ...row, hash: chainHash(row) });
    }, 7, 'rows 7 to 7 follow the signed head: they were added without the server key'],
  ])('catches %s', (_what, tamper, seq, reason) => {
    const rows = chain(6);
    const head = signHead(6, rows[5].hash);
    tamper(rows);
    expect(verdictWithHead(rows, head)).toEqual({ seq, reason });
  });

  it('catches a missing head, and a head signed with another key or altered', () => {
    const rows = chain(6);
    expect(verdictWithHead(rows, null)).toEqual({ seq: 6, reason: 'the signed head of the chain is missing: the last rows may have been deleted with it' });
    recompute(rows, 1);
    const stranger = generateKeyPairSync('ed25519').privateKey;
    const forged = { seq: 6, hash: rows[5].hash, signature: sign(null, Buffer.from(auditHeadPayload(6, rows[5].hash)), stranger).toString('base64') };
    expect(verdictWithHead(rows, forged)).toEqual({ seq: 6, reason: "the signed head (row 6) does not carry a valid signature of this server's key" });
    const moved = { ...signHead(5, rows[4].hash), seq: 6, hash: rows[5].hash };
    expect(verdictWithHead(rows, moved)).toMatchObject({ seq: 6, reason: expect.stringContaining('does not carry a valid signature') });
  });

  it('fails a head that says the server found the log altered, and one whose flag was removed', () => {
    const rows = chain(6);
    const flagged = { seq: 6, hash: rows[5].hash, tampered: 'before row 6: the last rows were deleted', signature: sign(null, Buffer.from(auditHeadPayload(6, rows[5].hash, 'before row 6: the last rows were deleted')), privateKey).toString('base64') };
    expect(verdictWithHead(rows, flagged)).toEqual({ seq: 6, reason: 'the server found the log altered when appending (before row 6: the last rows were deleted)' });
    expect(verdictWithHead(rows, { ...flagged, tampered: null })).toMatchObject({ reason: expect.stringContaining('does not carry a valid signature') });
  });

  it('cannot tell a rollback to an earlier signed head (the residual risk that revisions and recorded heads cover)', () => {
    const rows = chain(6);
    const earlier = signHead(4, rows[3].hash);
    rows.splice(4);
    expect(verdictWithHead(rows, earlier)).toBe('intact');
  });
});
