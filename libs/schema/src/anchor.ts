import { fromBase64 } from 'lib0/buffer';
import type { Node } from 'prosemirror-model';
import { relativePositionToAbsolutePosition } from 'y-prosemirror';
import * as Y from 'yjs';

/*
 * Comment anchors: a range of a live document held by two Yjs relative positions, resolved by one set of rules
 * on the server (which holds every stored update) and in the editor (whose copy may lag behind).
 *
 * Imported as `@concord/schema/anchor`, not through the library's index: it needs Yjs at run time, which the
 * reading room's pages must not load with the schema.
 */

/** y-prosemirror's map from Yjs types to the ProseMirror nodes made from them. */
export type ProsemirrorMapping = Parameters<typeof relativePositionToAbsolutePosition>[3];

/** Where an anchor lies in one copy of its document. */
export type AnchorPlacement =
  /** The range `[from, to)` of the ProseMirror document, and the text it covers now. */
  | { readonly kind: 'placed'; readonly from: number; readonly to: number; readonly text: string }
  /** Its text was deleted: an end no longer lies in the live text, or nothing is left between the ends. */
  | { readonly kind: 'orphaned' }
  /** It refers to text this copy has not received (or cannot map to positions): a fuller copy decides. */
  | { readonly kind: 'unknown' };

/** The document an anchor is resolved in: its Yjs state, the fragment of the text, and the ProseMirror view of it. */
export interface AnchorDocument {
  readonly doc: Y.Doc;
  readonly fragment: Y.XmlFragment;
  readonly mapping: ProsemirrorMapping;
  readonly pm: Node;
}

const ORPHANED: AnchorPlacement = Object.freeze({ kind: 'orphaned' });
const UNKNOWN: AnchorPlacement = Object.freeze({ kind: 'unknown' });

// An encoded relative position is an item id or a type id plus an association: a few dozen bytes at most.
const MAX_ENCODED_POSITION_BYTES = 512;

/** Decodes the base64 of `Y.encodeRelativePosition`, or `null` when it is not one. */
export function decodeAnchorPosition(base64: string): Y.RelativePosition | null {
  try {
    const bytes = fromBase64(base64);
    if (bytes.length === 0 || bytes.length > MAX_ENCODED_POSITION_BYTES) return null;
    return Y.decodeRelativePosition(bytes);
  } catch {
    return null;
  }
}

/** The text of a range, blocks separated by a line feed: how an anchor's quote is taken. */
export function quoteOf(doc: Node, from: number, to: number): string {
  return doc.textBetween(from, to, '\n');
}

/**
 * Whether two quotes of a range say the same, ignoring white space: editors differ in how they separate blocks
 * (`textBetween(from, to)` runs paragraphs together, `textBetween(from, to, '\n')` puts a line feed between them).
 */
export function sameText(a: string, b: string): boolean {
  return a.replace(/\s+/gu, '') === b.replace(/\s+/gu, '');
}

/** Whether this copy of the document holds the item (or type) a relative position refers to. */
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
 * Where the range between two relative positions lies in a copy of its document. It is orphaned when either end
 * no longer resolves into the live text (its item was garbage-collected, or the node holding it was deleted) or
 * when everything between the ends was deleted; unknown when this copy lacks what an end refers to or cannot map
 * it to a position (a node the schema refused, or one not rendered yet).
 */
export function placeAnchor(document: AnchorDocument, start: Y.RelativePosition, end: Y.RelativePosition): AnchorPlacement {
  const { doc, fragment, mapping, pm } = document;
  if (!known(doc, start) || !known(doc, end)) return UNKNOWN;
  for (const position of [start, end]) {
    const absolute = Y.createAbsolutePositionFromRelativePosition(position, doc);
    if (absolute === null || !liveIn(absolute.type, fragment)) return ORPHANED;
  }
  try {
    const from = relativePositionToAbsolutePosition(doc, fragment, start, mapping);
    const to = relativePositionToAbsolutePosition(doc, fragment, end, mapping);
    if (from === null || to === null || from < 0 || to > pm.content.size) return UNKNOWN;
    const text = to <= from ? '' : quoteOf(pm, from, to);
    if (sameText(text, '')) return ORPHANED;
    return { kind: 'placed', from, to, text };
  } catch {
    // y-prosemirror reads node sizes from the mapping, which lacks any node it could not map.
    return UNKNOWN;
  }
}
