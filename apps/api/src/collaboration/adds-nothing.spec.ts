import { describe, expect, it } from 'vitest';
import * as Y from 'yjs';
import { addsNothing } from './collab.service';

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
