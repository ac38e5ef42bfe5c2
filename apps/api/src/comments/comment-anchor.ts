import type { Language } from '@concord/domain';
import { numberDocument, treatySchema } from '@concord/schema';
import { placeAnchor } from '@concord/schema/anchor';
import type { Node as ProseMirrorNode } from 'prosemirror-model';
import { initProseMirrorDoc } from 'y-prosemirror';
import type * as Y from 'yjs';

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
    const pm = map();
    if (!pm) return ORPHANED;
    const placed = placeAnchor({ doc, fragment, mapping: pm.mapping, pm: pm.doc }, start, end);
    // The server holds every stored update, so an anchor it cannot place (`unknown` to a lagging editor) is lost.
    if (placed.kind !== 'placed') return ORPHANED;
    const { from, to, text } = placed;
    return { orphaned: false, from, to, text, ...(language ? { article: articleAt(pm.doc, from, language) } : {}) };
  };
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
