import * as Y from 'yjs';
import type { StoredDocument } from './collab.repository';

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

/** A stored document's updates in the order they apply: the snapshot (if any), then the log. */
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
