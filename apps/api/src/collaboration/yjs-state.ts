import { treatyFragment } from '@concord/schema';
import * as Y from 'yjs';
import { type AgreedGuardOptions, touchedAgreedProvisions } from './agreed-guard';
import type { StoredDocument } from './collab.repository';
import { findSchemaViolation } from './schema-guard';

/*
 * What the collaboration server does with Yjs state, as plain functions over a Y.Doc: the same code runs on the
 * main thread for ordinary documents and in a document's worker thread for large ones (document-host.ts).
 */

/**
 * Applies updates in one transaction without asking Yjs what they changed: for loading, where nobody listens and
 * encoding the whole content as one more update would be wasted.
 */
export function applyQuietly(doc: Y.Doc, updates: readonly Uint8Array[]): void {
  doc.transact(() => {
    for (const update of updates) Y.applyUpdate(doc, update);
  });
}

/** A stored document's updates in the order they apply: the snapshot when there is one, then the log. */
export const storedUpdates = (stored: StoredDocument): readonly Uint8Array[] => (stored.snapshot ? [stored.snapshot, ...stored.updates] : stored.updates);

/** Builds one state update from a stored snapshot and log. */
export function foldStored(stored: StoredDocument): Uint8Array {
  const doc = new Y.Doc();
  applyQuietly(doc, storedUpdates(stored));
  const state = Y.encodeStateAsUpdate(doc);
  doc.destroy();
  return state;
}

/**
 * The stored document as one update, encoded from its loaded copy when that copy holds everything stored, which
 * is far cheaper than replaying snapshot and log into a new document (for a 2 MiB document, about 20 ms instead
 * of 100 to 500, all of it on the event loop). The copy can lack something only when another instance stored it
 * and its relay has not arrived yet; then the stored document is replayed. `knownSnapshotSeq` names the snapshot
 * the copy was loaded from or compacted into: it need not be checked again.
 */
export function foldLoaded(doc: Y.Doc, stored: StoredDocument, knownSnapshotSeq: number): Uint8Array {
  const unchecked = stored.snapshotSeq !== knownSnapshotSeq ? storedUpdates(stored) : stored.updates;
  if (unchecked.length === 0 || addsNothing(doc, Y.mergeUpdates([...unchecked]))) return Y.encodeStateAsUpdate(doc);
  return foldStored(stored);
}

export function isEmptyUpdate(update: Uint8Array): boolean {
  const decoded = Y.decodeUpdate(update);
  return decoded.structs.length === 0 && decoded.ds.clients.size === 0;
}

/**
 * Whether applying an update would leave a document as it is: no struct it lacks, no deletion it has not made.
 * A stock y-websocket client answers sync step 1 with a step 2 that always carries its whole delete set, so a
 * reader whose copy holds deleted text sends such an update on every reconnect; it must not count as a write.
 */
export function addsNothing(doc: Y.Doc, update: Uint8Array): boolean {
  const decoded = Y.decodeUpdate(Y.diffUpdate(update, Y.encodeStateVector(doc)));
  if (decoded.structs.length > 0) return false;
  if (decoded.ds.clients.size === 0) return true;
  const deleted = Y.snapshot(doc).ds.clients;
  for (const [client, ranges] of decoded.ds.clients) {
    const known = deleted.get(client) ?? [];
    for (const range of ranges) {
      // The document's delete set is sorted and merged, so one known range must cover each new one.
      const cover = known.find((k) => k.clock <= range.clock && range.clock + range.len <= k.clock + k.len);
      if (!cover) return false;
    }
  }
  return true;
}

/**
 * Applies updates to a document as one change and returns what they changed, as Yjs encodes it for its 'update'
 * event (only what the document lacked), or null when they changed nothing.
 */
export function applyUpdates(doc: Y.Doc, updates: readonly Uint8Array[]): Uint8Array | null {
  const changes: Uint8Array[] = [];
  const listener = (update: Uint8Array): void => {
    changes.push(update);
  };
  doc.on('update', listener);
  try {
    doc.transact(() => {
      for (const update of updates) Y.applyUpdate(doc, update);
    });
  } finally {
    doc.off('update', listener);
  }
  if (changes.length === 0) return null;
  return changes.length === 1 ? changes[0] : Y.mergeUpdates(changes);
}

/** The outcome of applying a client's update under the server's checks. */
export type CheckedApply =
  /** Applied; what it changed (only what the document lacked), or null when it changed nothing. */
  | { readonly kind: 'applied'; readonly changed: Uint8Array | null }
  /**
   * Refused, and the document left as it was. `missing`: it depends on changes the document does not hold (the
   * client reconnects and syncs again); otherwise it does not apply, or leaves text the treaty schema refuses.
   */
  | { readonly kind: 'refused'; readonly reason: string; readonly missing: boolean; readonly agreed?: readonly string[] };

/** How a document's changes are checked beyond the schema. */
export interface CheckOptions {
  /** Refuse changes that touch agreed provisions (consolidated drafts), and what may pass all the same. */
  readonly agreedLock?: AgreedGuardOptions | null;
}

/**
 * Applies a client's update only if it applies in full (no exception, nothing left waiting for changes the
 * document lacks) and leaves the treaty text valid against the treaty schema, checked on what it touched only.
 * Otherwise the document is put back as it was: garbage collection is held off for the one transaction, so that
 * what it deleted can be restored, and a refused update costs one rebuild of the document (as much as loading
 * it). With `options.agreedLock`, an update that touches an agreed provision is refused the same way (its `agreed`
 * lists them). Returns the document to keep using: `doc` itself, or its rebuilt copy (and `doc` is destroyed).
 */
export function applyChecked(doc: Y.Doc, update: Uint8Array, options: CheckOptions = {}): { readonly doc: Y.Doc; readonly result: CheckedApply } {
  const fragment = treatyFragment(doc);
  const pendingBefore = doc.store.pendingStructs?.update ?? null;
  const pendingDsBefore = doc.store.pendingDs;
  const transactions: Y.Transaction[] = [];
  const changes: Uint8Array[] = [];
  const onTransaction = (transaction: Y.Transaction): void => {
    transactions.push(transaction);
  };
  const onUpdate = (change: Uint8Array): void => {
    changes.push(change);
  };
  const gc = doc.gc;
  doc.gc = false;
  doc.on('afterTransaction', onTransaction);
  doc.on('update', onUpdate);
  let problem: { reason: string; missing: boolean; agreed?: readonly string[] } | null = null;
  try {
    Y.applyUpdate(doc, update);
  } catch (error) {
    problem = { reason: `update does not apply: ${error instanceof Error ? error.message : String(error)}`, missing: false };
  } finally {
    doc.off('afterTransaction', onTransaction);
    doc.off('update', onUpdate);
    doc.gc = gc;
  }
  if (!problem && ((pendingBefore === null && doc.store.pendingStructs !== null) || (pendingDsBefore === null && doc.store.pendingDs !== null))) {
    problem = { reason: 'update depends on changes the server does not hold', missing: true };
  }
  if (!problem) {
    const violation = findSchemaViolation(fragment, transactions);
    if (violation) problem = { reason: `the treaty schema refuses it: ${violation}`, missing: false };
  }
  if (!problem && options.agreedLock) {
    const agreed = touchedAgreedProvisions(transactions, options.agreedLock);
    if (agreed.length > 0) problem = { reason: 'agreed', missing: false, agreed };
  }
  if (problem) {
    return { doc: rollBack(doc, transactions, pendingBefore, pendingDsBefore), result: { kind: 'refused', ...problem } };
  }
  if (gc) for (const transaction of transactions) Y.tryGc(transaction.deleteSet, doc.store, doc.gcFilter);
  const changed = changes.length === 0 ? null : changes.length === 1 ? changes[0] : Y.mergeUpdates(changes);
  return { doc, result: { kind: 'applied', changed } };
}

/**
 * The document as it was before the given transactions: every struct it held then, with every deletion except
 * those the transactions made, and what was waiting for missing changes then.
 */
function rollBack(doc: Y.Doc, transactions: readonly Y.Transaction[], pending: Uint8Array | null, pendingDs: Uint8Array | null): Y.Doc {
  if (transactions.length === 0 && doc.store.pendingStructs === null && doc.store.pendingDs === null) return doc;
  const before = transactions.length > 0 ? transactions[0].beforeState : Y.decodeStateVector(Y.encodeStateVector(doc));
  let deleted = Y.createDeleteSetFromStructStore(doc.store);
  for (const transaction of transactions) deleted = subtract(deleted, transaction.deleteSet);
  const gc = doc.gc;
  doc.gc = false;
  const restored = Y.createDocFromSnapshot(doc, Y.createSnapshot(deleted, before), new Y.Doc({ gc }));
  doc.gc = gc;
  doc.destroy();
  for (const waiting of [pending, pendingDs]) if (waiting) Y.applyUpdate(restored, waiting);
  return restored;
}

type DeleteSet = ReturnType<typeof Y.createDeleteSet>;

/** The ranges of `from` not in `remove`; both sorted and merged per client, as Yjs keeps them. */
function subtract(from: DeleteSet, remove: DeleteSet): DeleteSet {
  const result = Y.createDeleteSet();
  for (const [client, ranges] of from.clients) {
    const cuts = [...(remove.clients.get(client) ?? [])].sort((a, b) => a.clock - b.clock);
    const kept: Array<{ clock: number; len: number }> = [];
    for (const range of ranges) {
      let start = range.clock;
      const end = range.clock + range.len;
      for (const cut of cuts) {
        const cutEnd = cut.clock + cut.len;
        if (cutEnd <= start || cut.clock >= end) continue;
        if (cut.clock > start) kept.push({ clock: start, len: cut.clock - start });
        start = Math.max(start, cutEnd);
      }
      if (start < end) kept.push({ clock: start, len: end - start });
    }
    if (kept.length > 0) result.clients.set(client, kept as DeleteSet['clients'] extends Map<number, infer R> ? R : never);
  }
  return result;
}
