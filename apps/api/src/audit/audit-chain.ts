import { createHash } from 'node:crypto';

/** The hash the first row links to. */
export const GENESIS_HASH = '0'.repeat(64);

/** The fields of an audit row that its hash covers. */
export interface ChainedFields {
  readonly seq: number;
  readonly at: Date;
  readonly actorId: string | null;
  readonly action: string;
  readonly entityType: string;
  readonly entityId: string;
  readonly before: string | null;
  readonly after: string | null;
  readonly prevHash: string;
}

/** A stored audit row: the fields its hash covers, and that hash. */
export interface ChainedRow extends ChainedFields {
  readonly hash: string;
}

/** SHA-256 over a fixed-order JSON array of the row's fields, so the same row always hashes the same. */
export function chainHash(row: ChainedFields): string {
  const canonical = JSON.stringify([
    row.seq,
    row.at.toISOString(),
    row.actorId,
    row.action,
    row.entityType,
    row.entityId,
    row.before,
    row.after,
    row.prevHash,
  ]);
  return createHash('sha256').update(canonical).digest('hex');
}

/** Where a chain first breaks, or that it holds. */
export type ChainVerdict =
  | { readonly ok: true; readonly rows: number; readonly lastHash: string }
  | { readonly ok: false; readonly rows: number; readonly seq: number; readonly reason: string };

/** Checks rows in order, page by page; stops at the first broken link. */
export class ChainVerifier {
  private expectedSeq = 1;
  private prevHash = GENESIS_HASH;
  private count = 0;
  private broken: ChainVerdict | null = null;

  /** Feeds the next rows; returns false once the chain is broken. */
  feed(rows: readonly (ChainedFields & { readonly hash: string })[]): boolean {
    for (const row of rows) {
      if (this.broken) return false;
      if (row.seq !== this.expectedSeq) {
        this.broken = this.fail(this.expectedSeq, `row ${this.expectedSeq} is missing (next row is ${row.seq})`);
      } else if (row.prevHash !== this.prevHash) {
        this.broken = this.fail(row.seq, `row ${row.seq} does not link to the hash of row ${row.seq - 1}`);
      } else if (chainHash(row) !== row.hash) {
        this.broken = this.fail(row.seq, `row ${row.seq} was altered: its content no longer matches its hash`);
      } else {
        this.count += 1;
        this.expectedSeq += 1;
        this.prevHash = row.hash;
      }
    }
    return this.broken === null;
  }

  verdict(): ChainVerdict {
    return this.broken ?? { ok: true, rows: this.count, lastHash: this.prevHash };
  }

  private fail(seq: number, reason: string): ChainVerdict {
    return { ok: false, rows: this.count, seq, reason };
  }
}

/**
 * What the server key signs for the chain's head: its newest row's sequence number and hash, and what the server
 * found altered when it appended (null while nothing was).
 */
export function auditHeadPayload(seq: number, hash: string, tampered: string | null = null): string {
  return JSON.stringify(['concord.audit-head', 1, seq, hash, tampered]);
}

/** A stored head: the newest row as the server signed it. */
export interface SignedHead {
  readonly seq: number;
  readonly hash: string;
  readonly signature: string;
  readonly tampered?: string | null;
}

/**
 * Why the end of a chain (its last row number and hash, after its links were checked) does not match the signed
 * head, or null when it does. Hashes alone can be recomputed by anyone who can write to the database; the
 * signature cannot be made without the key, so this is what catches a recomputed chain and deleted last rows.
 */
export function headMismatch(
  end: { readonly rows: number; readonly lastHash: string },
  head: SignedHead | null,
  verify: (payload: string, signature: string) => boolean,
): { readonly seq: number; readonly reason: string } | null {
  if (!head) {
    return end.rows === 0 ? null : { seq: end.rows, reason: 'the signed head of the chain is missing: the last rows may have been deleted with it' };
  }
  if (!verify(auditHeadPayload(head.seq, head.hash, head.tampered ?? null), head.signature)) {
    return { seq: head.seq, reason: `the signed head (row ${head.seq}) does not carry a valid signature of this server's key` };
  }
  if (head.seq > end.rows) {
    return { seq: end.rows + 1, reason: `the log ends at row ${end.rows} but the signed head is row ${head.seq}: the last rows were deleted` };
  }
  if (head.seq < end.rows) {
    return { seq: head.seq + 1, reason: `rows ${head.seq + 1} to ${end.rows} follow the signed head: they were added without the server key` };
  }
  if (head.hash !== end.lastHash) {
    return { seq: head.seq, reason: `row ${head.seq} differs from the signed head: the log was rewritten and its hashes recomputed` };
  }
  if (head.tampered) return { seq: head.seq, reason: `the server found the log altered when appending (${head.tampered})` };
  return null;
}
