import { describe, expect, it } from 'vitest';
import * as Y from 'yjs';
import { article, bracket, chapter, doc, footnote, heading, p, provenance, sub } from './builders';
import { consolidatedDraft } from './fixtures';
import { docFromJSON, docToJSON } from './json';
import { SchemaError } from './schema-error';
import { docFromYFragment, docToYFragment, treatyFragment } from './yjs';

function throughYjs(json: unknown): unknown {
  const ydoc = new Y.Doc();
  docToYFragment(docFromJSON(json), treatyFragment(ydoc));
  return docToJSON(docFromYFragment(treatyFragment(ydoc)));
}

describe(docToYFragment.name, () => {
  it('writes structural ids and attributes as element attributes', () => {
    const ydoc = new Y.Doc();
    const fragment = docToYFragment(consolidatedDraft(), treatyFragment(ydoc));
    const first = fragment.get(0) as Y.XmlElement;
    expect(first.nodeName).toBe('title');
    const chapter = fragment.get(2) as Y.XmlElement;
    expect(chapter.getAttribute('id')).toBe('ch1');
  });

  it('replaces what the fragment held', () => {
    const ydoc = new Y.Doc();
    const fragment = treatyFragment(ydoc);
    docToYFragment(consolidatedDraft(), fragment);
    const small = doc(article({ id: 'a' }, p({ id: 'p' }, 'Only this.')));
    docToYFragment(small, fragment);
    expect(docFromYFragment(fragment).eq(small)).toBe(true);
  });
});

describe(docFromYFragment.name, () => {
  it('round-trips JSON → Y.XmlFragment → JSON identically, with nested brackets, provenance and options', () => {
    const json = docToJSON(consolidatedDraft());
    expect(throughYjs(json)).toEqual(json);
  });

  it('round-trips the kind of a division (a part, a section, an annex) and leaves a chapter without one', () => {
    const json = docToJSON(doc(chapter({ id: 'p1', kind: 'part' }, heading('General')), chapter({ id: 'c1' }, heading('Scope'), article({ id: 'a1' }, p({ id: 'a1p' }, 'Text.')))));
    expect(throughYjs(json)).toEqual(json);
    expect(json.content?.map((node) => node.attrs?.['kind'])).toEqual(['part', 'chapter']);
  });

  it('round-trips a document received by another replica as a Yjs update', () => {
    const json = docToJSON(consolidatedDraft());
    const origin = new Y.Doc();
    docToYFragment(docFromJSON(json), treatyFragment(origin));
    const replica = new Y.Doc();
    Y.applyUpdate(replica, Y.encodeStateAsUpdate(origin));
    expect(docToJSON(docFromYFragment(treatyFragment(replica)))).toEqual(json);
  });

  it.each([
    ['nested', doc(article({ id: 'a' }, p({ id: 'p' }, 'x ', bracket({ id: 'outer' }, 'a ', bracket({ id: 'inner' }, 'b'), ' c'), ' y')))],
    ['identically nested', doc(article({ id: 'a' }, p({ id: 'p' }, bracket({ id: 'one' }, bracket({ id: 'two' }, 'same span')))))],
    ['spanning paragraphs', doc(article({ id: 'a' }, p({ id: 'p' }, bracket({ id: 'long' }, 'first')), p({ id: 'q' }, bracket({ id: 'long' }, 'second')), p({ id: 'r' }, 'x', sub({ id: 's' }, bracket({ id: 'long' }, 'third')))))],
  ])('keeps %s brackets distinct and in canonical order', (_, built) => {
    const json = docToJSON(built);
    expect(throughYjs(json)).toEqual(json);
  });

  it('keeps brackets that overlap without nesting', () => {
    const built = doc(article({ id: 'a' }, p({ id: 'p' }, bracket({ id: 'left' }, 'a ', bracket({ id: 'right' }, 'b')), bracket({ id: 'right' }, ' c'))));
    const json = docToJSON(built);
    expect(throughYjs(json)).toEqual(json);
  });

  it('keeps a footnote with its words, their provenance and brackets', () => {
    const note = footnote({ id: 'n1' }, provenance({ kind: 'edit', ref: 'u1' }, 'See ', bracket({ id: 'b' }, 'annex I')), '.');
    const json = docToJSON(doc(article({ id: 'a' }, p({ id: 'p' }, 'States', note, ' shall act.'))));
    expect(throughYjs(json)).toEqual(json);
  });

  it('merges two people editing one footnote character by character', () => {
    const origin = new Y.Doc();
    docToYFragment(doc(article({ id: 'a' }, p({ id: 'p' }, 'Text', footnote({ id: 'n1' }, 'See annex.')))), treatyFragment(origin));
    const replica = new Y.Doc();
    Y.applyUpdate(replica, Y.encodeStateAsUpdate(origin));
    const noteText = (ydoc: Y.Doc): Y.XmlText => {
      const textBlock = ((treatyFragment(ydoc).get(0) as Y.XmlElement).get(0) as Y.XmlElement).get(0) as Y.XmlElement;
      const element = textBlock.toArray().find((child): child is Y.XmlElement => child instanceof Y.XmlElement && child.nodeName === 'footnote');
      return element?.get(0) as Y.XmlText;
    };
    noteText(origin).insert(0, 'First ');
    noteText(replica).insert('See annex'.length, ' II');
    Y.applyUpdate(origin, Y.encodeStateAsUpdate(replica));
    Y.applyUpdate(replica, Y.encodeStateAsUpdate(origin));
    for (const ydoc of [origin, replica]) {
      expect(docFromYFragment(treatyFragment(ydoc)).textContent).toBe('TextFirst See annex II.');
    }
  });

  it('rejects a fragment that holds no treaty document', () => {
    const ydoc = new Y.Doc();
    expect(() => docFromYFragment(ydoc.getXmlFragment('empty'))).toThrow(SchemaError);
  });

  it('rejects a fragment outside a Y.Doc', () => {
    expect(() => docFromYFragment(new Y.XmlFragment())).toThrow(/does not belong to a Y.Doc/);
  });
});
