import { builders, docToYFragment, treatyFragment, treatySchema } from '@concord/schema';
import { describe, expect, it } from 'vitest';
import { initProseMirrorDoc } from 'y-prosemirror';
import * as Y from 'yjs';
import { anchorOfRange, decodePosition, placeStoredAnchor, type AnchorBinding } from './anchors';

const { article, doc, heading, p } = builders;

/** A shared document holding one article, and a way to see it as the editor does after each change. */
function shared() {
  const ydoc = new Y.Doc();
  const fragment = treatyFragment(ydoc);
  docToYFragment(
    doc(article({ id: 'a1' }, heading('Sovereignty'), p({ id: 'p1' }, 'States Parties shall respect sovereignty.'))),
    fragment,
  );
  const view = () => {
    const { doc: pm, mapping } = initProseMirrorDoc(fragment, treatySchema);
    const binding: AnchorBinding = { doc: ydoc, type: fragment, mapping };
    return { pm, binding };
  };
  return { ydoc, fragment, view };
}

/** The ProseMirror range of the first occurrence of `phrase`. */
function rangeOf(pm: ReturnType<ReturnType<typeof shared>['view']>['pm'], phrase: string): { from: number; to: number } {
  let from = -1;
  pm.descendants((node, pos) => {
    const at = from < 0 && node.isText ? (node.text ?? '').indexOf(phrase) : -1;
    if (at >= 0) from = pos + at;
  });
  return { from, to: from + phrase.length };
}

/** The Y.XmlText of the paragraph's text. */
function paragraphText(fragment: Y.XmlFragment): Y.XmlText {
  const found: Y.XmlText[] = [];
  const walk = (type: Y.XmlFragment | Y.XmlElement) => {
    for (const child of type.toArray()) {
      if (child instanceof Y.XmlText) found.push(child);
      else if (child instanceof Y.XmlElement) walk(child);
    }
  };
  walk(fragment);
  const text = found.find((candidate) => candidate.toString().includes('States Parties'));
  if (text === undefined) throw new Error('no paragraph text');
  return text;
}

describe(anchorOfRange.name, () => {
  it('anchors a selection with two relative positions and its quote', () => {
    const { view } = shared();
    const { pm, binding } = view();
    const { from, to } = rangeOf(pm, 'respect sovereignty');
    const anchor = anchorOfRange(binding, pm, from, to);
    expect(anchor?.quote).toBe('respect sovereignty');
    expect(decodePosition(anchor?.start ?? '')).not.toBeNull();
    expect(decodePosition(anchor?.end ?? '')).not.toBeNull();
  });

  it('refuses an empty range', () => {
    const { view } = shared();
    const { pm, binding } = view();
    expect(anchorOfRange(binding, pm, 5, 5)).toBeNull();
  });
});

describe(placeStoredAnchor.name, () => {
  it('follows its words through an insertion before them', () => {
    const { fragment, view } = shared();
    const before = view();
    const anchor = anchorOfRange(before.binding, before.pm, ...Object.values(rangeOf(before.pm, 'respect sovereignty')) as [number, number]);
    if (anchor === null) throw new Error('no anchor');
    paragraphText(fragment).insert(0, 'All ');
    const after = view();
    const placed = placeStoredAnchor(after.binding, after.pm, anchor);
    expect(placed.kind).toBe('placed');
    if (placed.kind === 'placed') expect(after.pm.textBetween(placed.from, placed.to)).toBe('respect sovereignty');
  });

  it('is orphaned once its words are deleted', () => {
    const { fragment, view } = shared();
    const before = view();
    const { from, to } = rangeOf(before.pm, 'respect sovereignty');
    const anchor = anchorOfRange(before.binding, before.pm, from, to);
    if (anchor === null) throw new Error('no anchor');
    const text = paragraphText(fragment);
    text.delete(text.toString().indexOf('respect'), 'respect sovereignty'.length);
    const after = view();
    expect(placeStoredAnchor(after.binding, after.pm, anchor)).toEqual({ kind: 'orphaned' });
  });

  it('is orphaned once the whole paragraph is deleted', () => {
    const { fragment, view } = shared();
    const before = view();
    const { from, to } = rangeOf(before.pm, 'respect sovereignty');
    const anchor = anchorOfRange(before.binding, before.pm, from, to);
    if (anchor === null) throw new Error('no anchor');
    const articleElement = fragment.get(0) as Y.XmlElement;
    articleElement.delete(1, 1);
    const after = view();
    expect(placeStoredAnchor(after.binding, after.pm, anchor)).toEqual({ kind: 'orphaned' });
  });

  it('cannot tell about text this copy has not received yet', () => {
    const { view } = shared();
    const other = shared();
    const theirs = other.view();
    const { from, to } = rangeOf(theirs.pm, 'respect sovereignty');
    const anchor = anchorOfRange(theirs.binding, theirs.pm, from, to);
    if (anchor === null) throw new Error('no anchor');
    const mine = view();
    expect(placeStoredAnchor(mine.binding, mine.pm, anchor)).toEqual({ kind: 'unknown' });
  });

  it('is orphaned when its positions cannot be read', () => {
    const { view } = shared();
    const { pm, binding } = view();
    expect(placeStoredAnchor(binding, pm, { start: '!!!', end: '' })).toEqual({ kind: 'orphaned' });
  });
});
