import { fromBase64, toBase64 } from 'lib0/buffer';
import type { Node } from 'prosemirror-model';
import type { EditorState } from 'prosemirror-state';
import {
  absolutePositionToRelativePosition,
  ProsemirrorBinding,
  relativePositionToAbsolutePosition,
  ySyncPluginKey,
} from 'y-prosemirror';
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
export type AnchorPlacement =
  /** The range `[from, to)` of the ProseMirror document, and the text it covers now. */
  | { readonly kind: 'placed'; readonly from: number; readonly to: number; readonly text: string }
  /** Its text was deleted. */
  | { readonly kind: 'orphaned' }
  /** It refers to text this page has not received yet (or could not read): the server's word stands. */
  | { readonly kind: 'unknown' };

const ORPHANED: AnchorPlacement = Object.freeze({ kind: 'orphaned' });
const UNKNOWN: AnchorPlacement = Object.freeze({ kind: 'unknown' });

// An encoded relative position is an item id or a type id plus an association: a few dozen bytes at most.
const MAX_ENCODED_POSITION_BYTES = 512;

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
export function decodePosition(base64: string): Y.RelativePosition | null {
  try {
    const bytes = fromBase64(base64);
    if (bytes.length === 0 || bytes.length > MAX_ENCODED_POSITION_BYTES) return null;
    return Y.decodeRelativePosition(bytes);
  } catch {
    return null;
  }
}

/** The text of a range, blocks separated by a line feed, as the server quotes it. */
export function quoteOf(doc: Node, from: number, to: number): string {
  return doc.textBetween(from, to, '\n');
}

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

/** Whether the page's copy of the document holds the item (or type) a relative position refers to. */
function known(doc: Y.Doc, position: Y.RelativePosition): boolean {
  const id = position.item ?? position.type;
  return id === null || Y.getState(doc.store, id.client) > id.clock;
}

/** Whether a type is still part of the live fragment: neither deleted nor under a deleted node. */
function liveIn(type: Y.AbstractType<unknown>, fragment: Y.XmlFragment): boolean {
  let current: Y.AbstractType<unknown> = type;
  while (current !== fragment) {
    const item = current._item;
    if (item === null || item.deleted || !(item.parent instanceof Y.AbstractType)) return false;
    current = item.parent;
  }
  return true;
}

/**
 * Where a stored anchor lies in the editor's document now, by the same rules as the server: orphaned when either
 * end no longer resolves into the live text or when everything between the ends was deleted.
 */
export function placeAnchor(binding: AnchorBinding, doc: Node, anchor: StoredAnchor): AnchorPlacement {
  const start = decodePosition(anchor.start);
  const end = decodePosition(anchor.end);
  if (start === null || end === null) return ORPHANED;
  if (!known(binding.doc, start) || !known(binding.doc, end)) return UNKNOWN;
  for (const position of [start, end]) {
    const absolute = Y.createAbsolutePositionFromRelativePosition(position, binding.doc);
    if (absolute === null || !liveIn(absolute.type, binding.type)) return ORPHANED;
  }
  try {
    const from = relativePositionToAbsolutePosition(binding.doc, binding.type, start, binding.mapping);
    const to = relativePositionToAbsolutePosition(binding.doc, binding.type, end, binding.mapping);
    if (from === null || to === null || from < 0 || to > doc.content.size) return UNKNOWN;
    const text = to <= from ? '' : quoteOf(doc, from, to);
    if (text.trim() === '') return ORPHANED;
    return { kind: 'placed', from, to, text };
  } catch {
    // y-prosemirror reads node sizes from the mapping, which lacks a node the editor has not rendered yet.
    return UNKNOWN;
  }
}
