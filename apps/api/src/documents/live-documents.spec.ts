import { consolidatedDocument } from '@concord/domain';
import { builders, docToText, docToYFragment, treatyFragment } from '@concord/schema';
import type { Node } from 'prosemirror-model';
import { describe, expect, it } from 'vitest';
import * as Y from 'yjs';
import type { CollabService } from '../collaboration/collab.service';
import type { CatalogueEntry, DocumentCatalogue } from './document-catalogue';
import { LiveDocuments } from './live-documents';

const { article, doc, heading, p } = builders;
const DOCUMENT = consolidatedDocument('0b6d7f5e-1c2d-4e3f-8a9b-0c1d2e3f4a5b', 'en');
const start = doc(article({ id: 'a1' }, heading('Scope'), p({ id: 'p1' }, 'This Convention applies.')));

/**
 * A collaboration server that keeps one document in memory: `change` seeds it from the initial content the first
 * time, edits a copy and applies the difference, as the real one does before storing and relaying it.
 */
function fakeCollab(): { collab: CollabService; stored: Y.Doc } {
  const stored = new Y.Doc();
  const collab = {
    snapshotOf: () => {
      const copy = new Y.Doc();
      Y.applyUpdate(copy, Y.encodeStateAsUpdate(stored));
      return Promise.resolve(copy);
    },
    change: async (_document: string, initialContent: () => Promise<Node>, mutate: (doc: Y.Doc) => void) => {
      if (treatyFragment(stored).length === 0) docToYFragment(await initialContent(), treatyFragment(stored));
      const scratch = new Y.Doc();
      Y.applyUpdate(scratch, Y.encodeStateAsUpdate(stored));
      const before = Y.encodeStateVector(scratch);
      mutate(scratch);
      const update = Y.encodeStateAsUpdate(scratch, before);
      Y.applyUpdate(stored, update);
      return update;
    },
  } as Pick<CollabService, 'snapshotOf' | 'change'>;
  return { collab: collab as CollabService, stored };
}

function documents(): { live: LiveDocuments; stored: Y.Doc } {
  const { collab, stored } = fakeCollab();
  const entry = { name: DOCUMENT, initialContent: () => Promise.resolve(start) } as CatalogueEntry;
  const catalogue = { require: () => Promise.resolve(entry) } as Pick<DocumentCatalogue, 'require'>;
  return { live: new LiveDocuments(collab, catalogue as DocumentCatalogue), stored };
}

describe(LiveDocuments.name, () => {
  it('reads what a document starts from while nothing is stored', async () => {
    const { live } = documents();
    expect(docToText(await live.read(DOCUMENT), 'en')).toContain('This Convention applies.');
  });

  it('returns what the edit returned, and reads the changed text afterwards', async () => {
    const { live } = documents();
    const result = await live.change(DOCUMENT, (edit) => {
      const before = edit.text().textContent;
      edit.replace(doc(article({ id: 'a1' }, heading('Scope'), p({ id: 'p1' }, 'This Convention applies to States Parties.'))));
      return before.length;
    });
    expect(result).toBe('ScopeThis Convention applies.'.length);
    expect(docToText(await live.read(DOCUMENT), 'en')).toContain('applies to States Parties.');
  });

  it('lets an edit that throws refuse the change', async () => {
    const { live, stored } = documents();
    await live.read(DOCUMENT);
    await expect(
      live.change(DOCUMENT, (edit) => {
        edit.replace(doc(article({ id: 'a1' }, heading('Gone'), p({ id: 'p1' }, 'Gone.'))));
        throw new Error('refused');
      }),
    ).rejects.toThrow('refused');
    expect(treatyFragment(stored).toString()).not.toContain('Gone');
  });
});
