import { describe, expect, it } from 'vitest';
import { absolutePositionToRelativePosition, initProseMirrorDoc } from 'y-prosemirror';
import * as Y from 'yjs';
import { decodeAnchorPosition, placeAnchor, sameText } from './anchor';
import * as builders from './builders';
import { treatySchema } from './schema';
import { docToYFragment, treatyFragment } from './yjs';

const { article, doc, heading, p } = builders;

/** A shared treaty document and the ProseMirror view of it, as the server and the editor each hold one. */
function copy(ydoc: Y.Doc) {
  const fragment = treatyFragment(ydoc);
  const { doc: pm, mapping } = initProseMirrorDoc(fragment, treatySchema);
  return { doc: ydoc, fragment, mapping, pm };
}

function treaty(): Y.Doc {
  const ydoc = new Y.Doc();
  docToYFragment(doc(article({ id: 'a1' }, heading('Scope'), p({ id: 'p1' }, 'The quick brown fox.'))), treatyFragment(ydoc));
  return ydoc;
}

/** Relative positions of a phrase, as the editor makes them. */
function range(ydoc: Y.Doc, phrase: string): [Y.RelativePosition, Y.RelativePosition] {
  const { fragment, mapping, pm } = copy(ydoc);
  let from = -1;
  pm.descendants((node, pos) => {
    const at = node.isText ? (node.text ?? '').indexOf(phrase) : -1;
    if (from < 0 && at >= 0) from = pos + at;
  });
  const relative = (pos: number) => absolutePositionToRelativePosition(pos, fragment, mapping) as Y.RelativePosition;
  return [relative(from), relative(from + phrase.length)];
}

/** The Y.XmlText holding `phrase`. */
function textHolding(type: Y.XmlFragment | Y.XmlElement, phrase: string): Y.XmlText | null {
  for (const child of type.toArray()) {
    if (child instanceof Y.XmlText && child.toString().includes(phrase)) return child;
    const found = child instanceof Y.XmlElement ? textHolding(child, phrase) : null;
    if (found) return found;
  }
  return null;
}

describe('anchor', () => {
  it('places a range with the text it covers', () => {
    const ydoc = treaty();
    const [start, end] = range(ydoc, 'brown');
    expect(placeAnchor(copy(ydoc), start, end)).toMatchObject({ kind: 'placed', text: 'brown' });
  });

  it('orphans a range whose text was deleted', () => {
    const ydoc = treaty();
    const [start, end] = range(ydoc, 'quick brown ');
    const text = textHolding(treatyFragment(ydoc), 'quick');
    text?.delete(text.toString().indexOf('quick'), 'quick brown '.length);
    expect(placeAnchor(copy(ydoc), start, end)).toEqual({ kind: 'orphaned' });
  });

  it('does not know a range in a copy that lacks its text, where a fuller copy decides', () => {
    const ydoc = treaty();
    const [start, end] = range(ydoc, 'fox');
    const lagging = new Y.Doc();
    docToYFragment(doc(article({ id: 'a1' }, heading('Scope'), p({ id: 'p1' }, 'Other.'))), treatyFragment(lagging));
    expect(placeAnchor(copy(lagging), start, end)).toEqual({ kind: 'unknown' });
  });

  it('decodes only what an encoded relative position can be', () => {
    const [start] = range(treaty(), 'fox');
    const encoded = Buffer.from(Y.encodeRelativePosition(start)).toString('base64');
    expect(decodeAnchorPosition(encoded)).not.toBeNull();
    expect(decodeAnchorPosition('')).toBeNull();
    expect(decodeAnchorPosition('!!!')).toBeNull();
    expect(decodeAnchorPosition(Buffer.alloc(600, 1).toString('base64'))).toBeNull();
  });

  it.each([
    ['one\ntwo', 'onetwo', true],
    [' \n', '', true],
    ['one', 'two', false],
  ])('compares quotes %j and %j ignoring white space', (a, b, same) => {
    expect(sameText(a, b)).toBe(same);
  });
});
