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
