import { treatySchema, PROSEMIRROR_FRAGMENT } from '@concord/schema';
import { absolutePositionToRelativePosition, initProseMirrorDoc } from 'y-prosemirror';
import * as Y from 'yjs';

/** The fragment the editor binds to. */
export const FRAGMENT = PROSEMIRROR_FRAGMENT;

/** A comment anchor as the web editor sends it. */
export interface Anchor {
  readonly start: string;
  readonly end: string;
  readonly quote: string;
}

/**
 * Anchors the first occurrence of `phrase` the way the web editor does: ProseMirror positions of the selection,
 * turned into Yjs relative positions by y-prosemirror with the binding's mapping, then base64.
 */
export function anchorPhrase(doc: Y.Doc, phrase: string): Anchor {
  const fragment = doc.getXmlFragment(FRAGMENT);
  const { doc: pm, mapping } = initProseMirrorDoc(fragment, treatySchema);
  let from = -1;
  pm.descendants((node, pos) => {
    const at = from < 0 && node.isText ? (node.text ?? '').indexOf(phrase) : -1;
    if (at >= 0) from = pos + at;
  });
  if (from < 0) throw new Error(`"${phrase}" is not in the document`);
  const to = from + phrase.length;
  const encode = (pos: number) => Buffer.from(Y.encodeRelativePosition(absolutePositionToRelativePosition(pos, fragment, mapping))).toString('base64');
  return { start: encode(from), end: encode(to), quote: pm.textBetween(from, to) };
}

/** The plain text of a Y.XmlText, without the formatting tags `toString()` writes. */
export function plain(text: Y.XmlText): string {
  return text
    .toDelta()
    .map((op: { insert: unknown }) => (typeof op.insert === 'string' ? op.insert : '\uFFFC'))
    .join('');
}

/** Every Y.XmlText of the document, in order. */
export function texts(doc: Y.Doc): Y.XmlText[] {
  const found: Y.XmlText[] = [];
  const walk = (type: Y.XmlFragment | Y.XmlElement) => {
    for (const child of type.toArray()) {
      if (child instanceof Y.XmlText) found.push(child);
      else if (child instanceof Y.XmlElement) walk(child);
    }
  };
  walk(doc.getXmlFragment(FRAGMENT));
  return found;
}

/** The Y.XmlText that holds `phrase`. */
export function textHolding(doc: Y.Doc, phrase: string): Y.XmlText {
  const found = texts(doc).find((t) => plain(t).includes(phrase));
  if (!found) throw new Error(`no text holds "${phrase}"`);
  return found;
}
