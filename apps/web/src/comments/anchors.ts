import { decodeAnchorPosition, placeAnchor, quoteOf, type AnchorPlacement } from '@concord/schema/anchor';
import { toBase64 } from 'lib0/buffer';
import type { Node } from 'prosemirror-model';
import type { EditorState } from 'prosemirror-state';
import { absolutePositionToRelativePosition, ProsemirrorBinding, ySyncPluginKey } from 'y-prosemirror';
import * as Y from 'yjs';
import type { NewAnchor, StoredAnchor } from './comments-api';

/** y-prosemirror's map from Yjs types to the ProseMirror nodes rendered from them. */
type ProsemirrorMapping = ProsemirrorBinding['mapping'];

/** What maps ProseMirror positions to Yjs relative positions and back: the shared document, its fragment, the mapping. */
export interface AnchorBinding {
  readonly doc: Y.Doc;
  readonly type: Y.XmlFragment;
  readonly mapping: ProsemirrorMapping;
}

/** Where an anchor lies in the text as this page has it now. */
export type { AnchorPlacement };

const ORPHANED: AnchorPlacement = Object.freeze({ kind: 'orphaned' });

/** The y-prosemirror binding of an editor state, or `null` before the editor is bound to its shared document. */
export function bindingOf(state: EditorState): AnchorBinding | null {
  const sync: unknown = ySyncPluginKey.getState(state);
  if (typeof sync !== 'object' || sync === null || !('binding' in sync)) return null;
  const binding = sync.binding;
  return binding instanceof ProsemirrorBinding ? binding : null;
}

/** Base64 of `Y.encodeRelativePosition` for a ProseMirror position, as the server expects an anchor's ends. */
export function encodePosition(binding: AnchorBinding, pos: number): string {
  const relative = absolutePositionToRelativePosition(pos, binding.type, binding.mapping) as Y.RelativePosition;
  return toBase64(Y.encodeRelativePosition(relative));
}

/** Decodes the base64 of `Y.encodeRelativePosition`, or `null` when it is not one. */
export const decodePosition = decodeAnchorPosition;

export { quoteOf };

/**
 * The anchor of the range `[from, to)` of the editor's document: its two ends as Yjs relative positions (so that
 * it follows the text through everyone's edits) and the text it covers. `null` for a range without text.
 */
export function anchorOfRange(binding: AnchorBinding, doc: Node, from: number, to: number): NewAnchor | null {
  if (to <= from) return null;
  const quote = quoteOf(doc, from, to);
  if (quote.trim() === '') return null;
  return { start: encodePosition(binding, from), end: encodePosition(binding, to), quote };
}

/**
 * Where a stored anchor lies in the editor's document now, by the server's rules (`placeAnchor` of
 * `@concord/schema`); `unknown` while the page lacks what an end refers to, and the server's word stands.
 */
export function placeStoredAnchor(binding: AnchorBinding, doc: Node, anchor: StoredAnchor): AnchorPlacement {
  const start = decodeAnchorPosition(anchor.start);
  const end = decodeAnchorPosition(anchor.end);
  if (start === null || end === null) return ORPHANED;
  return placeAnchor({ doc: binding.doc, fragment: binding.type, mapping: binding.mapping, pm: doc }, start, end);
}
