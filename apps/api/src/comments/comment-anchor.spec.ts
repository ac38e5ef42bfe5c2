import { builders, docToYFragment, PROSEMIRROR_FRAGMENT, treatySchema } from '@concord/schema';
import { decodeAnchorPosition, sameText } from '@concord/schema/anchor';
import { describe, expect, it } from 'vitest';
import { absolutePositionToRelativePosition, initProseMirrorDoc } from 'y-prosemirror';
import * as Y from 'yjs';
import { anchorResolver } from './comment-anchor';

const { article, doc, heading, p } = builders;

function treaty(): Y.Doc {
  const ydoc = new Y.Doc();
  const text = doc(
    article({ id: 'a1' }, heading('Scope'), p({ id: 'p1' }, 'The quick brown fox jumps over the lazy dog.'), p({ id: 'p2' }, 'Second paragraph.')),
  );
  docToYFragment(text, ydoc.getXmlFragment(PROSEMIRROR_FRAGMENT));
  return ydoc;
}

/** What the editor does: ProseMirror positions of a phrase turned into encoded Yjs relative positions. */
function anchor(ydoc: Y.Doc, phrase: string): { start: string; end: string } {
  const fragment = ydoc.getXmlFragment(PROSEMIRROR_FRAGMENT);
  const { doc: pm, mapping } = initProseMirrorDoc(fragment, treatySchema);
  let from = -1;
  pm.descendants((node, pos) => {
    const at = node.isText ? (node.text ?? '').indexOf(phrase) : -1;
    if (from < 0 && at >= 0) from = pos + at;
  });
  if (from < 0) throw new Error(`no "${phrase}"`);
  const encode = (pos: number) => Buffer.from(Y.encodeRelativePosition(absolutePositionToRelativePosition(pos, fragment, mapping))).toString('base64');
  return { start: encode(from), end: encode(from + phrase.length) };
}

/** The Y.XmlText holding `contains`. */
function textOf(ydoc: Y.Doc, contains: string): Y.XmlText {
  const walk = (type: Y.XmlFragment | Y.XmlElement): Y.XmlText | null => {
    for (const child of type.toArray()) {
      if (child instanceof Y.XmlText && child.toString().includes(contains)) return child;
      if (child instanceof Y.XmlElement) {
        const found = walk(child);
        if (found) return found;
      }
    }
    return null;
  };
  const found = walk(ydoc.getXmlFragment(PROSEMIRROR_FRAGMENT));
  if (!found) throw new Error(`no text "${contains}"`);
  return found;
}

function resolve(ydoc: Y.Doc, range: { start: string; end: string }) {
  const start = decodeAnchorPosition(range.start);
  const end = decodeAnchorPosition(range.end);
  if (!start || !end) throw new Error('undecodable');
  return anchorResolver(ydoc, PROSEMIRROR_FRAGMENT)(start, end);
}

describe(anchorResolver.name, () => {
  it('resolves an anchor to the text it covers', () => {
    const ydoc = treaty();
    expect(resolve(ydoc, anchor(ydoc, 'brown fox'))).toMatchObject({ orphaned: false, text: 'brown fox' });
  });

  it('keeps covering the same words when text is inserted and deleted around them', () => {
    const ydoc = treaty();
    const range = anchor(ydoc, 'brown fox');
    const text = textOf(ydoc, 'brown fox');
    text.insert(0, 'Indeed, ');
    text.delete(text.toString().indexOf('lazy'), 5);
    text.insert(text.toString().indexOf(' over'), ' gladly');
    textOf(ydoc, 'Second').insert(0, 'A ');
    expect(resolve(ydoc, range)).toMatchObject({ orphaned: false, text: 'brown fox' });
  });

  it('takes in text typed at the very end of the range, as y-prosemirror anchors the end to the next character', () => {
    const ydoc = treaty();
    const range = anchor(ydoc, 'brown fox');
    const text = textOf(ydoc, 'brown fox');
    text.insert(text.toString().indexOf(' jumps'), 'es');
    expect(resolve(ydoc, range)).toMatchObject({ orphaned: false, text: 'brown foxes' });
  });

  it('survives a round trip through an encoded update, as the server copies a document', () => {
    const ydoc = treaty();
    const range = anchor(ydoc, 'lazy dog');
    const copy = new Y.Doc();
    Y.applyUpdate(copy, Y.encodeStateAsUpdate(ydoc));
    expect(resolve(copy, range)).toMatchObject({ orphaned: false, text: 'lazy dog' });
  });

  it('covers a range across paragraphs with a line feed between them', () => {
    const ydoc = treaty();
    const fragment = ydoc.getXmlFragment(PROSEMIRROR_FRAGMENT);
    const { doc: pm, mapping } = initProseMirrorDoc(fragment, treatySchema);
    let from = -1;
    let to = -1;
    pm.descendants((node, pos) => {
      if (node.isText && node.text?.includes('lazy dog.')) from = pos + node.text.indexOf('lazy');
      if (node.isText && node.text?.startsWith('Second')) to = pos + 'Second'.length;
    });
    const encode = (pos: number) => Y.encodeRelativePosition(absolutePositionToRelativePosition(pos, fragment, mapping));
    const result = anchorResolver(ydoc, PROSEMIRROR_FRAGMENT)(Y.decodeRelativePosition(encode(from)), Y.decodeRelativePosition(encode(to)));
    expect(result).toMatchObject({ orphaned: false, text: 'lazy dog.\nSecond' });
  });

  it('orphans an anchor whose text was deleted', () => {
    const ydoc = treaty();
    const range = anchor(ydoc, 'brown fox');
    const text = textOf(ydoc, 'brown fox');
    text.delete(text.toString().indexOf('brown fox'), 'brown fox'.length);
    expect(resolve(ydoc, range)).toEqual({ orphaned: true });
  });

  it('orphans an anchor whose paragraph was deleted', () => {
    const ydoc = treaty();
    const range = anchor(ydoc, 'Second');
    const articleElement = ydoc.getXmlFragment(PROSEMIRROR_FRAGMENT).get(0) as Y.XmlElement;
    articleElement.delete(2, 1);
    expect(resolve(ydoc, range)).toEqual({ orphaned: true });
  });

  it('orphans an anchor in a document that does not hold its items', () => {
    const range = anchor(treaty(), 'brown fox');
    expect(resolve(treaty(), range)).toEqual({ orphaned: true });
  });
});

describe(decodeAnchorPosition.name, () => {
  it.each([
    ['empty', ''],
    ['too long', Buffer.alloc(600, 1).toString('base64')],
  ])('refuses %s input', (_what, input) => {
    expect(decodeAnchorPosition(input)).toBeNull();
  });
});

describe(sameText.name, () => {
  it.each([
    ['brown fox', 'brown  fox', true],
    ['dog.\nSecond', 'dog.Second', true],
    ['brown fox', 'brown box', false],
  ])('compares %j and %j ignoring white space: %s', (a, b, expected) => {
    expect(sameText(a, b)).toBe(expected);
  });
});
