import { builders as b, docFromYFragment, docToYFragment, treatyFragment, treatySchema } from '@concord/schema';
import type { Node } from 'prosemirror-model';
import { Transform } from 'prosemirror-transform';
import { updateYFragment } from 'y-prosemirror';
import { describe, expect, it } from 'vitest';
import * as Y from 'yjs';
import { touchedAgreedProvisions } from './agreed-guard';
import { applyChecked } from './yjs-state';

/** Article 1 agreed ad referendum, article 2 open with paragraph 2.2 informally agreed. */
const draft = b.doc(
  b.article({ id: 'a1', status: 'agreed-ad-referendum' }, b.p({ id: 'a1p1' }, 'Agreed text.')),
  b.article({ id: 'a2' }, b.p({ id: 'a2p1' }, 'Open text.'), b.p({ id: 'a2p2', status: 'informally-agreed' }, 'Settled text.')),
);

function server(): Y.Doc {
  const doc = new Y.Doc();
  docToYFragment(draft, treatyFragment(doc));
  return doc;
}

/** What a client sends after editing its copy of the server's document as `edit` says. */
function clientUpdate(from: Y.Doc, edit: (doc: Node) => Node): Uint8Array {
  const client = new Y.Doc();
  Y.applyUpdate(client, Y.encodeStateAsUpdate(from));
  const before = Y.encodeStateVector(client);
  const fragment = treatyFragment(client);
  const edited = edit(docFromYFragment(fragment));
  updateYFragment(client, fragment, edited, { mapping: new Map(), isOMark: new Map() });
  return Y.encodeStateAsUpdate(client, before);
}

/** The document with the text of the paragraph `id` replaced by `text`. */
const retype = (id: string, text: string) => (doc: Node) => {
  let result = doc;
  doc.descendants((node, pos) => {
    if (node.attrs['id'] !== id) return true;
    const block = node.firstChild;
    if (!block) return false;
    result = new Transform(doc).replaceWith(pos + 2, pos + 2 + block.content.size, treatySchema.text(text)).doc;
    return false;
  });
  return result;
};

/** The document with the node `id` given other attributes. */
const setAttrs = (id: string, attrs: Record<string, unknown>) => (doc: Node) => {
  let pos = -1;
  doc.descendants((node, at) => {
    if (node.attrs['id'] === id) pos = at;
    return pos < 0;
  });
  const node = doc.nodeAt(pos);
  if (!node) throw new Error(`no node ${id}`);
  return new Transform(doc).setNodeMarkup(pos, undefined, { ...node.attrs, ...attrs }).doc;
};

/** The document without its first article. */
const dropFirstArticle = (doc: Node) => doc.copy(doc.content.cut(doc.child(0).nodeSize));

const locked = { agreedLock: {} };

/** Where the node `id` starts. */
const posOf = (doc: Node, id: string): number => {
  let pos = -1;
  doc.descendants((node, at) => {
    if (node.attrs['id'] === id) pos = at;
    return pos < 0;
  });
  return pos;
};

/** The document with a footnote at the end of the text of paragraph `id`. */
const noteIn = (id: string) => (doc: Node) => {
  const pos = posOf(doc, id);
  const end = pos + 1 + (doc.nodeAt(pos)?.child(0).nodeSize ?? 2) - 1;
  return new Transform(doc).insert(end, b.footnote({ id: 'n1' }, 'A note.')).doc;
};

/** The document with article 2's two paragraphs made options, as the secretariat's tool makes them. */
const optionsOfArticle2 = (doc: Node) => {
  const article = doc.child(1);
  const from = posOf(doc, 'a2') + 1;
  const options = b.options({ id: 'g1' }, b.option({ id: 'o1' }, article.child(0)), b.option({ id: 'o2' }, article.child(1)));
  return new Transform(doc).replaceWith(from, from + article.content.size, options).doc;
};

describe(touchedAgreedProvisions.name, () => {
  it('refuses typing in an agreed article and leaves the document as it was', () => {
    const doc = server();
    const before = Y.encodeStateVector(doc);
    const { doc: kept, result } = applyChecked(doc, clientUpdate(doc, retype('a1p1', 'Changed text.')), locked);
    expect(result).toMatchObject({ kind: 'refused', reason: 'agreed', agreed: ['a1'] });
    expect(docFromYFragment(treatyFragment(kept)).textContent).toContain('Agreed text.');
    expect(Y.encodeStateVector(kept)).toEqual(before);
  });

  it('refuses typing in an informally agreed paragraph of an open article', () => {
    const doc = server();
    const { result } = applyChecked(doc, clientUpdate(doc, retype('a2p2', 'Other text.')), locked);
    expect(result).toMatchObject({ kind: 'refused', agreed: ['a2p2'] });
  });

  it.each([
    ['a footnote inserted into an informally agreed paragraph', noteIn('a2p2'), ['a2p2']],
    ['options made of an open paragraph and an agreed one', optionsOfArticle2, ['a2p2']],
  ])('refuses %s', (_what, edit, agreed) => {
    const doc = server();
    const { result } = applyChecked(doc, clientUpdate(doc, edit), locked);
    expect(result).toMatchObject({ kind: 'refused', reason: 'agreed', agreed });
  });

  it('accepts a footnote inserted into an open paragraph beside an agreed one', () => {
    const doc = server();
    const { doc: after, result } = applyChecked(doc, clientUpdate(doc, noteIn('a2p1')), locked);
    expect(result.kind).toBe('applied');
    expect(docFromYFragment(treatyFragment(after)).textContent).toContain('Open text.A note.');
  });

  it('accepts typing in an open paragraph beside an agreed one', () => {
    const doc = server();
    const { result } = applyChecked(doc, clientUpdate(doc, retype('a2p1', 'Open text, amended.')), locked);
    expect(result.kind).toBe('applied');
  });

  it('refuses deleting an agreed article', () => {
    const doc = server();
    const { result } = applyChecked(doc, clientUpdate(doc, dropFirstArticle), locked);
    expect(result).toMatchObject({ kind: 'refused', agreed: ['a1'] });
  });

  it("refuses a client's change of status, out of agreed or into it", () => {
    const first = server();
    const reopen = applyChecked(first, clientUpdate(first, setAttrs('a1', { status: 'open' })), locked);
    expect(reopen.result).toMatchObject({ kind: 'refused', agreed: ['a1'] });
    const doc = server();
    const agree = applyChecked(doc, clientUpdate(doc, setAttrs('a2p1', { status: 'informally-agreed' })), locked);
    expect(agree.result).toMatchObject({ kind: 'refused', agreed: ['a2p1'] });
  });

  it("lets the server's status change through, and nothing else with it", () => {
    const doc = server();
    const { result } = applyChecked(doc, clientUpdate(doc, setAttrs('a1', { status: 'open' })), { agreedLock: { statusChanges: true } });
    expect(result.kind).toBe('applied');
  });

  it('refuses inserting a new provision that claims to be agreed', () => {
    const doc = server();
    const insert = (d: Node) => d.copy(d.content.append(b.doc(b.article({ id: 'a9', status: 'agreed-ad-referendum' }, b.p({ id: 'a9p' }, 'Sneaked in.'))).content));
    const { result } = applyChecked(doc, clientUpdate(doc, insert), locked);
    expect(result).toMatchObject({ kind: 'refused', agreed: ['a9'] });
  });

  it('locks nothing in a document checked without the lock (a drafting space)', () => {
    const doc = server();
    const { result } = applyChecked(doc, clientUpdate(doc, retype('a1p1', 'Changed text.')));
    expect(result.kind).toBe('applied');
  });
});
