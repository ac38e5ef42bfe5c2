import { describe, expect, it } from 'vitest';
import * as Y from 'yjs';
import type { StoredDocument } from './collab.repository';
import { addsNothing, applyUpdates, foldLoaded } from './yjs-state';

function replica(of: Y.Doc): Y.Doc {
  const copy = new Y.Doc();
  Y.applyUpdate(copy, Y.encodeStateAsUpdate(of));
  return copy;
}

describe(addsNothing.name, () => {
  const server = new Y.Doc();
  server.getText('t').insert(0, 'The States Parties shall cooperate.');
  server.getText('t').delete(4, 7);
  const reader = replica(server);

  it("accepts a reader's sync step 2 that only repeats deletions the document has", () => {
    const step2 = Y.encodeStateAsUpdate(reader, Y.encodeStateVector(server));
    expect(Y.decodeUpdate(step2).ds.clients.size).toBeGreaterThan(0);
    expect(addsNothing(server, step2)).toBe(true);
  });

  it('refuses an update with new text', () => {
    const writer = replica(server);
    const before = Y.encodeStateVector(writer);
    writer.getText('t').insert(0, 'X');
    expect(addsNothing(server, Y.encodeStateAsUpdate(writer, before))).toBe(false);
  });

  it('refuses an update that deletes text the document still has', () => {
    const writer = replica(server);
    writer.getText('t').delete(0, 3);
    expect(addsNothing(server, Y.encodeStateAsUpdate(writer, Y.encodeStateVector(server)))).toBe(false);
  });
});

/** A document typed in three steps, each step one stored update. */
function history(): { readonly doc: Y.Doc; readonly updates: Uint8Array[] } {
  const doc = new Y.Doc();
  const updates: Uint8Array[] = [];
  doc.on('update', (update: Uint8Array) => updates.push(update));
  const text = doc.getText('t');
  text.insert(0, 'The States Parties');
  text.insert(18, ' to this Convention');
  text.delete(0, 4);
  return { doc, updates };
}

const stored = (snapshot: Uint8Array | null, updates: readonly Uint8Array[], snapshotSeq: number): StoredDocument => ({
  snapshot,
  updates,
  snapshotSeq,
  lastSeq: snapshotSeq + updates.length,
});

const textOf = (state: Uint8Array): string => {
  const doc = new Y.Doc();
  Y.applyUpdate(doc, state);
  return doc.getText('t').toString();
};

describe(foldLoaded.name, () => {
  it('encodes the loaded copy when it holds every stored update', () => {
    const { doc, updates } = history();
    expect(foldLoaded(doc, stored(null, updates, 0), 0)).toEqual(Y.encodeStateAsUpdate(doc));
  });

  it('replays the stored document when the copy lacks a stored insertion or deletion', () => {
    const { doc, updates } = history();
    for (const lacking of [1, 2]) {
      const copy = new Y.Doc();
      for (const update of updates.filter((_, i) => i !== lacking)) Y.applyUpdate(copy, update);
      const folded = foldLoaded(copy, stored(null, updates, 0), 0);
      expect(textOf(folded)).toBe(doc.getText('t').toString());
    }
  });

  it('checks a snapshot that another instance wrote, and trusts the one the copy came from', () => {
    const { doc, updates } = history();
    const theirs = Y.encodeStateAsUpdate(doc);
    const copy = new Y.Doc();
    Y.applyUpdate(copy, updates[0]);
    expect(textOf(foldLoaded(copy, stored(theirs, [], 7), 3))).toBe('States Parties to this Convention');
    // Known: the copy was loaded from that snapshot, so encoding the copy is enough.
    const loaded = new Y.Doc();
    Y.applyUpdate(loaded, theirs);
    expect(foldLoaded(loaded, stored(theirs, [], 7), 7)).toEqual(Y.encodeStateAsUpdate(loaded));
  });
});

describe(applyUpdates.name, () => {
  it('returns only what the document lacked, and null when it lacked nothing', () => {
    const { doc, updates } = history();
    const copy = new Y.Doc();
    Y.applyUpdate(copy, updates[0]);
    const changed = applyUpdates(copy, updates);
    expect(changed).not.toBeNull();
    expect(copy.getText('t').toString()).toBe(doc.getText('t').toString());
    // The change carries the second insertion and the deletion, not the first insertion again.
    const replay = new Y.Doc();
    Y.applyUpdate(replay, updates[0]);
    Y.applyUpdate(replay, changed ?? new Uint8Array());
    expect(replay.getText('t').toString()).toBe('States Parties to this Convention');
    expect(Y.decodeUpdate(changed ?? new Uint8Array()).structs.every((struct) => struct.id.clock >= 18)).toBe(true);
    expect(applyUpdates(copy, updates)).toBeNull();
  });
});
