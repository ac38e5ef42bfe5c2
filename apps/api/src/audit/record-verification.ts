import type { DataSource } from 'typeorm';
import { RevisionsRepository } from '../revisions/revisions.repository';
import { checkRevision } from '../revisions/revision-signature';
import { verifyRevision } from '../revisions/revision-verification';
import type { PublicKey } from '../signing/server-key';
import { AuditRepository } from './audit.repository';
import { verifyChain } from './audit.service';

/** A row of the audit log that something signed outside the log names (a revision, a head recorded earlier). */
export interface Pin {
  readonly seq: number;
  readonly hash: string;
  readonly what: string;
}

/** What checking a committee record found: one line per finding, and whether everything held. */
export interface RecordVerdict {
  readonly ok: boolean;
  /** The audit chain's verdict, as `audit:verify` prints it. */
  readonly chain: string;
  readonly rows: number;
  readonly revisions: { readonly verified: number; readonly failed: readonly string[] };
}

/**
 * Checks the audit chain against its signed head, the rows that signed revisions and an earlier head pin, and
 * (with `revisions`) every published revision's hash, signature and publication row. Needs no trust in the
 * database, only in `key`. What `audit:verify`, `verify` and `restore` run.
 */
export async function verifyRecord(dataSource: DataSource, key: PublicKey, options: { readonly head?: Pin; readonly revisions?: boolean } = {}): Promise<RecordVerdict> {
  const audit = new AuditRepository(dataSource);
  const stored = await new RevisionsRepository(dataSource).all();
  const verdict = await verifyChain(audit, key);
  const summary = { verified: 0, failed: [] as string[] };
  if (!verdict.ok) {
    return { ok: false, rows: verdict.rows, chain: `Audit chain BROKEN at row ${verdict.seq}: ${verdict.reason} (${verdict.rows} rows before it are intact)`, revisions: summary };
  }
  // Rolling the whole log back to an earlier signed head leaves it consistent; what was signed outside the log
  // (revisions, a head recorded earlier) still names rows that must be there.
  const pins: Pin[] = [];
  for (const revision of stored) {
    if (revision.auditSeq === null || revision.auditHash === null) continue;
    if (checkRevision(revision, key, 'offline').status === 'verified') pins.push({ seq: revision.auditSeq, hash: revision.auditHash, what: `revision ${revision.symbol}` });
  }
  if (options.head) pins.push(options.head);
  const rows = new Map((await audit.bySeq(pins.map((p) => p.seq))).map((row) => [row.seq, row]));
  for (const pin of pins) {
    const hash = rows.get(pin.seq)?.hash;
    if (hash === pin.hash) continue;
    const broken = `Audit chain BROKEN at row ${pin.seq}: ${pin.what} pins row ${pin.seq} ${hash ? 'with another hash: the log was rewritten' : 'but the log has no such row: it was rolled back'}`;
    return { ok: false, rows: verdict.rows, chain: broken, revisions: summary };
  }
  const chain = `Audit chain intact: ${verdict.rows} rows, signed head ${verdict.rows}:${verdict.lastHash} (key ${key.fingerprint}); ${pins.length} signed pins checked`;
  if (options.revisions) {
    const records = new Map((await audit.bySeq(stored.flatMap((r) => (r.auditSeq === null ? [] : [r.auditSeq])))).map((row) => [row.seq, row]));
    for (const revision of stored) {
      const check = verifyRevision(revision, key, revision.auditSeq === null ? null : (records.get(revision.auditSeq) ?? null));
      if (check.ok) summary.verified += 1;
      else summary.failed.push(`${revision.symbol}: ${check.reason ?? 'failed'}`);
    }
  }
  return { ok: summary.failed.length === 0, rows: verdict.rows, chain, revisions: summary };
}
