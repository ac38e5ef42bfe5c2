import type { Language } from '@concord/domain';
import { numberDocument, treatySchema } from '@concord/schema';
import type { Node as ProseMirrorNode } from 'prosemirror-model';
import { initProseMirrorDoc, relativePositionToAbsolutePosition } from 'y-prosemirror';
import * as Y from 'yjs';

/** Where an anchor lies in a document's current state. */
export type AnchorResolution =
  | {
      readonly orphaned: false;
      /** ProseMirror positions of the range in the current document. */
      readonly from: number;
      readonly to: number;
      /** The text the range covers now, blocks separated by a line feed. */
      readonly text: string;
      /** The article the range starts in and its current number ("Article 2 bis"), when the language is known. */
      readonly article?: { readonly id: string; readonly label: string } | null;
    }
  | { readonly orphaned: true };

const ORPHANED: AnchorResolution = Object.freeze({ orphaned: true });

// An encoded relative position is an item id or a type id plus an association: a few dozen bytes at most.
const MAX_ENCODED_POSITION_BYTES = 512;

/** Decodes the base64 of `Y.encodeRelativePosition`, or null when it is not one. */
export function decodeRelativePosition(base64: string): Y.RelativePosition | null {
  const bytes = Buffer.from(base64, 'base64');
  if (bytes.length === 0 || bytes.length > MAX_ENCODED_POSITION_BYTES) return null;
  try {
    return Y.decodeRelativePosition(bytes);
  } catch {
    return null;
  }
}

/** Whether a resolved position's type is part of the live fragment: not deleted, nor under a deleted node. */
function liveIn(type: Y.AbstractType<unknown>, fragment: Y.XmlFragment): boolean {
  let current: Y.AbstractType<unknown> = type;
  while (current !== fragment) {
    const item = current._item;
    if (item === null || item.deleted || !(item.parent instanceof Y.AbstractType)) return false;
    current = item.parent;
  }
  return true;
}

/** Resolves anchors against one document state; see {@link anchorResolver}. */
export type AnchorResolver = (start: Y.RelativePosition, end: Y.RelativePosition) => AnchorResolution;

/**
 * Resolves ranges anchored by two Yjs relative positions (made by y-prosemirror's
 * `absolutePositionToRelativePosition` in the editor) against a document's current state, which must not change
 * while the resolver is used. An anchor is orphaned when either end no longer resolves into the live text (its
 * item was garbage-collected, or the node holding it was deleted), or when everything between the ends was deleted.
 */
export function anchorResolver(doc: Y.Doc, fragmentName: string, language?: Language): AnchorResolver {
  const fragment = doc.getXmlFragment(fragmentName);
  // Mapping the fragment to a ProseMirror document is the costly part; it is done once, for the first anchor.
  let mapped: ReturnType<typeof initProseMirrorDoc> | null | undefined;
  const map = () => {
    if (mapped === undefined) {
      try {
        mapped = initProseMirrorDoc(fragment, treatySchema);
      } catch {
        // A fragment that is no valid treaty document cannot be mapped to positions; nothing is anchored in it.
        mapped = null;
      }
    }
    return mapped;
  };
  return (start, end) => {
    for (const position of [start, end]) {
      const absolute = Y.createAbsolutePositionFromRelativePosition(position, doc);
      if (absolute === null || !liveIn(absolute.type, fragment)) return ORPHANED;
    }
    const pm = map();
    if (!pm) return ORPHANED;
    try {
      const from = relativePositionToAbsolutePosition(doc, fragment, start, pm.mapping);
      const to = relativePositionToAbsolutePosition(doc, fragment, end, pm.mapping);
      if (from === null || to === null || from < 0 || to > pm.doc.content.size || to <= from) return ORPHANED;
      const text = pm.doc.textBetween(from, to, '\n');
      if (sameText(text, '')) return ORPHANED;
      return { orphaned: false, from, to, text, ...(language ? { article: articleAt(pm.doc, from, language) } : {}) };
    } catch {
      // y-prosemirror reads node sizes from the mapping, which lacks any node the schema refused.
      return ORPHANED;
    }
  };
}

/**
 * Whether two quotes of a range say the same, ignoring white space: editors differ in how they separate blocks
 * (`textBetween(from, to)` runs paragraphs together, `textBetween(from, to, '\n')` puts a line feed between them).
 */
export function sameText(a: string, b: string): boolean {
  return a.replace(/\s+/gu, '') === b.replace(/\s+/gu, '');
}

/** The article a position lies in, with its current number in a language. */
function articleAt(doc: ProseMirrorNode, pos: number, language: Language): { id: string; label: string } | null {
  const $pos = doc.resolve(pos);
  for (let depth = $pos.depth; depth > 0; depth--) {
    const node = $pos.node(depth);
    const id: unknown = node.attrs['id'];
    if (node.type.name === 'article' && typeof id === 'string') return { id, label: numberDocument(doc, language).get(id)?.label ?? '' };
  }
  return null;
}
