import { builders as b, docFromYFragment, docToYFragment, treatyFragment } from '@concord/schema';
import * as encoding from 'lib0/encoding';
import { describe, expect, it } from 'vitest';
import * as Y from 'yjs';
import { applyChecked } from './yjs-state';

/** A server copy holding a small treaty text with brackets, provenance and options. */
function serverDoc(): Y.Doc {
  const doc = new Y.Doc();
  const treaty = b.doc(
    b.title('Convention'),
    b.article({ id: 'a1' }, b.heading('Scope'), b.p({ id: 'a1p1' }, 'The ', b.bracket({ id: 'br1' }, 'States'), ' shall act.')),
    b.article({ id: 'a2' }, b.p({ id: 'a2p1' }, b.provenance({ kind: 'proposal', ref: 'p-1', delegations: ['EGY'] }, 'Second article.'))),
  );
  docToYFragment(treaty, treatyFragment(doc));
  return doc;
}

/** A client's copy of the server's document. */
function replica(of: Y.Doc): Y.Doc {
  const copy = new Y.Doc();
  Y.applyUpdate(copy, Y.encodeStateAsUpdate(of));
  return copy;
}

/** What a client's edit sends: the difference it made to its copy. */
function edit(server: Y.Doc, change: (fragment: Y.XmlFragment, doc: Y.Doc) => void): Uint8Array {
  const client = replica(server);
  const before = Y.encodeStateVector(client);
  change(treatyFragment(client), client);
  return Y.encodeStateAsUpdate(client, before);
}

const text = (doc: Y.Doc) => docFromYFragment(treatyFragment(doc)).textContent;

/** The first text_block's XmlText (article 1, paragraph 1). */
function firstText(fragment: Y.XmlFragment): Y.XmlText {
  const article = fragment.get(1) as Y.XmlElement;
  const paragraph = article.get(1) as Y.XmlElement;
  return (paragraph.get(0) as Y.XmlElement).get(0) as Y.XmlText;
}

/** The first text_block element (article 1, paragraph 1). */
function firstTextBlock(fragment: Y.XmlFragment): Y.XmlElement {
  return firstText(fragment).parent as Y.XmlElement;
}

/** A footnote element as y-prosemirror writes one: its id as an attribute, its words in a text of its own. */
function footnoteElement(id: string, words: string): Y.XmlElement {
  const note = new Y.XmlElement('footnote');
  note.setAttribute('id', id);
  note.insert(0, [new Y.XmlText(words)]);
  return note;
}

/** An update Y.decodeUpdate reads but Y.applyUpdate throws on: an item whose parent is a later item of its own client. */
function unappliable(): Uint8Array {
  const e = encoding.createEncoder();
  encoding.writeVarUint(e, 1);
  encoding.writeVarUint(e, 1);
  encoding.writeVarUint(e, 987654);
  encoding.writeVarUint(e, 0);
  encoding.writeUint8(e, 4);
  encoding.writeVarUint(e, 0);
  encoding.writeVarUint(e, 987654);
  encoding.writeVarUint(e, 5);
  encoding.writeVarString(e, 'x');
  encoding.writeVarUint(e, 0);
  return encoding.toUint8Array(e);
}

describe(applyChecked.name, () => {
  it('applies typing in a paragraph and returns what it changed', () => {
    const server = serverDoc();
    const update = edit(server, (fragment) => firstText(fragment).insert(0, 'Now '));
    const { doc, result } = applyChecked(server, update);
    expect(result.kind).toBe('applied');
    expect(doc).toBe(server);
    expect(text(doc)).toContain('Now The States shall act.');
  });

  it('applies a new article built the way the editor builds it', () => {
    const server = serverDoc();
    const update = edit(server, (fragment) => {
      const added = b.doc(b.article({ id: 'a3' }, b.p({ id: 'a3p1' }, 'Third.')));
      const scratch = new Y.Doc();
      docToYFragment(added, scratch.getXmlFragment('x'));
      fragment.insert(fragment.length, [(scratch.getXmlFragment('x').get(0) as Y.XmlElement).clone()]);
    });
    const { doc, result } = applyChecked(server, update);
    expect(result).toMatchObject({ kind: 'applied' });
    expect(text(doc)).toContain('Third.');
  });

  it('applies a footnote inserted into a text, and typing in its words', () => {
    const server = serverDoc();
    const inserted = applyChecked(server, edit(server, (fragment) => firstTextBlock(fragment).insert(1, [footnoteElement('n1', 'See annex.')])));
    expect(inserted.result.kind).toBe('applied');
    const typed = applyChecked(inserted.doc, edit(inserted.doc, (fragment) => ((firstTextBlock(fragment).get(1) as Y.XmlElement).get(0) as Y.XmlText).insert(9, ' I')));
    expect(typed.result.kind).toBe('applied');
    expect(text(typed.doc)).toBe('ConventionScopeThe States shall act.See annex I.Second article.');
  });

  it.each([
    ['a footnote in a heading', (f: Y.XmlFragment) => ((f.get(1) as Y.XmlElement).get(0) as Y.XmlElement).insert(1, [footnoteElement('n1', 'x')])],
    ['a footnote inside a footnote', (f: Y.XmlFragment) => {
      const outer = footnoteElement('n1', 'x');
      outer.insert(1, [footnoteElement('n2', 'y')]);
      firstTextBlock(f).insert(1, [outer]);
    }],
    ['a cross-reference in a footnote\'s words', (f: Y.XmlFragment) => {
      const words = new Y.XmlText();
      words.insert(0, 'see', { xref: { target: 'a2' } });
      const note = new Y.XmlElement('footnote');
      note.insert(0, [words]);
      firstTextBlock(f).insert(1, [note]);
    }],
    ['a footnote with an unknown attribute', (f: Y.XmlFragment) => {
      const note = footnoteElement('n1', 'x');
      note.setAttribute('onclick', 'x');
      firstTextBlock(f).insert(1, [note]);
    }],
  ])('refuses %s', (_what, change) => {
    const server = serverDoc();
    const expected = text(server);
    const { doc, result } = applyChecked(server, edit(server, change));
    expect(result).toMatchObject({ kind: 'refused', missing: false });
    expect(text(doc)).toBe(expected);
  });

  it.each([
    ['a script element at the root', (f: Y.XmlFragment) => f.insert(0, [new Y.XmlElement('script')])],
    ['an unknown element inside an article', (f: Y.XmlFragment) => (f.get(1) as Y.XmlElement).insert(1, [new Y.XmlElement('iframe')])],
    ['an unknown attribute', (f: Y.XmlFragment) => (f.get(1) as Y.XmlElement).setAttribute('onclick', 'x')],
    ['an invalid status', (f: Y.XmlFragment) => (f.get(1) as Y.XmlElement).setAttribute('status', 'done')],
    ['deleting every article', (f: Y.XmlFragment) => f.delete(0, f.length)],
    ['a paragraph without its text block', (f: Y.XmlFragment) => ((f.get(1) as Y.XmlElement).get(1) as Y.XmlElement).delete(0, 1)],
    ['an unknown mark', (f: Y.XmlFragment) => firstText(f).format(0, 3, { script: {} })],
    ['a bracket without its id', (f: Y.XmlFragment) => firstText(f).format(0, 3, { 'bracket--AAAAAAAA': {} })],
    ['an embed in text', (f: Y.XmlFragment) => firstText(f).insertEmbed(0, { image: 'x' })],
    ['text in an article', (f: Y.XmlFragment) => (f.get(1) as Y.XmlElement).insert(0, [new Y.XmlText('loose')])],
    ['a map inside the text', (f: Y.XmlFragment) => (f.get(1) as Y.XmlElement).insert(0, [new Y.XmlHook('hook') as unknown as Y.XmlElement])],
  ])('refuses %s and leaves the document as it was', (_what, change) => {
    const server = serverDoc();
    const before = Y.encodeStateAsUpdate(server);
    const expected = text(server);
    const { doc, result } = applyChecked(server, edit(server, change));
    expect(result).toMatchObject({ kind: 'refused', missing: false });
    expect(text(doc)).toBe(expected);
    expect(Y.encodeStateAsUpdate(doc)).toEqual(before);
  });

  it('restores what a refused update deleted, and keeps accepting valid updates afterwards', () => {
    const server = serverDoc();
    const expected = text(server);
    const poisoned = edit(server, (fragment) => {
      firstText(fragment).delete(0, 4);
      fragment.insert(0, [new Y.XmlElement('script')]);
    });
    const first = applyChecked(server, poisoned);
    expect(first.result.kind).toBe('refused');
    expect(text(first.doc)).toBe(expected);
    const next = applyChecked(first.doc, edit(first.doc, (fragment) => firstText(fragment).insert(0, 'Then ')));
    expect(next.result.kind).toBe('applied');
    expect(text(next.doc)).toBe(expected.replace('The States', 'Then The States'));
  });

  it('refuses an update that decodes but does not apply', () => {
    const server = serverDoc();
    const before = Y.encodeStateAsUpdate(server);
    expect(() => Y.decodeUpdate(unappliable())).not.toThrow();
    const { doc, result } = applyChecked(server, unappliable());
    expect(result).toMatchObject({ kind: 'refused', missing: false });
    expect(Y.encodeStateAsUpdate(doc)).toEqual(before);
  });

  it('refuses an update that depends on changes the server lacks, as missing', () => {
    const server = serverDoc();
    const client = replica(server);
    const first = edit(client, (fragment) => firstText(fragment).insert(0, 'A'));
    Y.applyUpdate(client, first);
    const second = edit(client, (fragment) => firstText(fragment).insert(1, 'B'));
    const { doc, result } = applyChecked(server, second);
    expect(result).toMatchObject({ kind: 'refused', missing: true });
    expect(doc.store.pendingStructs).toBeNull();
  });

  it('accepts changes to shared types other than the treaty text', () => {
    const server = serverDoc();
    const { result } = applyChecked(server, edit(server, (_f, d) => d.getText('notes').insert(0, 'free text')));
    expect(result.kind).toBe('applied');
  });
});
