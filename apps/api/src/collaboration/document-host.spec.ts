import { describe, expect, it } from 'vitest';
import * as Y from 'yjs';
import type { StoredDocument } from './collab.repository';
import { LocalHost } from './document-host';

function stored(): { doc: Y.Doc; stored: StoredDocument } {
  const doc = new Y.Doc();
  doc.getText('notes').insert(0, 'hello');
  const update = Y.encodeStateAsUpdate(doc);
  return { doc, stored: { snapshot: null, updates: [update], snapshotSeq: 0, lastSeq: 1 } };
}

const text = (state: Uint8Array): string => {
  const doc = new Y.Doc();
  Y.applyUpdate(doc, state);
  return doc.getText('notes').toString();
};

describe(LocalHost.name, () => {
  it('folds through its folder when it has one, never encoding its copy', async () => {
    const { doc, stored: document } = stored();
    const folded = new Uint8Array([1, 2, 3]);
    const host = new LocalHost(doc, () => Promise.resolve(folded));
    expect(await host.fold(document, 0)).toBe(folded);
  });

  it('folds on its own thread when the folder fails', async () => {
    const { doc, stored: document } = stored();
    const host = new LocalHost(doc, () => Promise.reject(new Error('the fold worker stopped (exit code 1)')));
    expect(text(await host.fold(document, 0))).toBe('hello');
  });
});
