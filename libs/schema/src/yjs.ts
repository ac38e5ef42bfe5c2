import type { Node } from 'prosemirror-model';
import { prosemirrorToYXmlFragment, yXmlFragmentToProsemirrorJSON } from 'y-prosemirror';
import type * as Y from 'yjs';
import { docFromJSON, type DocFromJSONOptions } from './json';
import { SchemaError, SchemaErrorCode } from './schema-error';

/**
 * The name of the `Y.XmlFragment` that holds a live document's treaty text: the one y-prosemirror binds the web
 * editor to, and the one the server reads, compiles and checks.
 */
export const PROSEMIRROR_FRAGMENT = 'prosemirror';

/** The fragment of a Yjs document that holds its treaty text (see {@link PROSEMIRROR_FRAGMENT}). */
export function treatyFragment(doc: Y.Doc): Y.XmlFragment {
  return doc.getXmlFragment(PROSEMIRROR_FRAGMENT);
}

/**
 * Writes a treaty document into a `Y.XmlFragment` (the shared type a y-prosemirror editor binds to), replacing
 * what the fragment held. Overlapping brackets are stored as distinct Yjs formatting attributes, the way
 * y-prosemirror stores marks that do not exclude themselves.
 *
 * Meant for seeding a new collaborative document (an import, a compiled draft); a live document is changed
 * through its editors instead, so that concurrent edits merge.
 */
export function docToYFragment(doc: Node, fragment: Y.XmlFragment): Y.XmlFragment {
  return prosemirrorToYXmlFragment(doc, fragment);
}

/**
 * Reads the treaty document held by a `Y.XmlFragment`, without modifying the fragment. The fragment must
 * belong to a `Y.Doc`.
 *
 * Ids are not required by default (`requireIds: false`): an editor may have created a node a moment before
 * assigning its id; use `findIdConflicts` / `assignMissingIds` where ids must be complete.
 *
 * @throws SchemaError when the fragment does not hold a valid treaty document.
 */
export function docFromYFragment(fragment: Y.XmlFragment, options: DocFromJSONOptions = {}): Node {
  if (!fragment.doc) {
    throw new SchemaError(SchemaErrorCode.InvalidJson, 'Cannot read a Y.XmlFragment that does not belong to a Y.Doc');
  }
  return docFromJSON(yXmlFragmentToProsemirrorJSON(fragment), { requireIds: false, ...options });
}
