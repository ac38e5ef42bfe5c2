import { builders, findNodeById, numberDocument } from '@concord/schema';
import type { Node } from 'prosemirror-model';
import { EditorState, TextSelection, type Command } from 'prosemirror-state';
import { describe, expect, it } from 'vitest';
import { agreedLock } from './agreed-lock';
import { deletableProvision, deleteProvision, deletionRefusal, insertArticleAfter, insertParagraphAfter, insertReference, insertSubparagraph, staleReferences } from './structure';
import { sampleDraft } from './test-documents';

const { article, doc, p, sub } = builders;

/** Articles 6, 6 bis and 7 as the secretariat numbered them for the session; 7 is agreed. */
function session(): Node {
  return doc(
    article({ id: 'a6', number: '6' }, p({ id: 'a6p1' }, 'Six.'), p({ id: 'a6p2' }, 'Six again:', sub({ id: 'a6a' }, 'first;'))),
    article({ id: 'b', number: '6.1' }, p({ id: 'bp1' }, 'Bis.')),
    article({ id: 'a7', number: '7', status: 'agreed-ad-referendum' }, p({ id: 'a7p1' }, 'Seven.')),
  );
}

/** The state with the cursor `offset` characters into the first text of the node with `id`. */
function cursorIn(document: Node, id: string, offset = 0): EditorState {
  const found = findNodeById(document, id);
  if (found === null) throw new Error(`no node ${id}`);
  const state = EditorState.create({ doc: document, plugins: [agreedLock()] });
  let textStart = found.pos + 1;
  found.node.descendants((child, pos) => {
    if (textStart === found.pos + 1 && child.isTextblock) textStart = found.pos + 1 + pos + 1;
    return textStart === found.pos + 1;
  });
  if (found.node.isTextblock) textStart = found.pos + 1;
  return state.apply(state.tr.setSelection(TextSelection.create(state.doc, textStart + offset)));
}

function run(command: Command, state: EditorState): EditorState | null {
  let next: EditorState | null = null;
  const handled = command(state, (tr) => {
    next = state.apply(tr);
  });
  return handled ? next : null;
}

function articleLabels(document: Node): string[] {
  const labels = numberDocument(document, 'en');
  const result: string[] = [];
  document.forEach((child) => result.push(labels.get(String(child.attrs['id']))?.label ?? '?'));
  return result;
}

describe(insertArticleAfter.name, () => {
  it('inserts an open article after the current one and stores its session number, 6 ter after 6 bis', () => {
    const next = run(insertArticleAfter, cursorIn(session(), 'bp1'));
    expect(next && articleLabels(next.doc)).toEqual(['Article 6', 'Article 6 bis', 'Article 6 ter', 'Article 7']);
    const inserted = next?.doc.child(2);
    expect(inserted?.attrs).toMatchObject({ number: '6.2', status: 'open' });
    expect(inserted?.firstChild?.attrs['status']).toBe('open');
    // The cursor waits in the new article's text.
    expect(next?.selection.$from.node(1)).toBe(inserted);
  });

  it('is refused between 6 and 6 bis, where no number keeps the order until the secretariat renumbers', () => {
    expect(run(insertArticleAfter, cursorIn(session(), 'a6p1'))).toBeNull();
  });

  it('inserts after an agreed article without touching it', () => {
    const next = run(insertArticleAfter, cursorIn(session(), 'a7p1'));
    expect(next && articleLabels(next.doc)).toEqual(['Article 6', 'Article 6 bis', 'Article 7', 'Article 7 bis']);
  });

  it('leaves an unnumbered text numbered by order', () => {
    const next = run(insertArticleAfter, cursorIn(sampleDraft(), 'a2p2'));
    expect(next?.doc.child(1).childCount).toBe(4);
    expect(next?.doc.child(1).child(3).attrs['number']).toBeNull();
  });

  it('keeps 6 ter when 6 bis is deleted: stored numbers do not shift', () => {
    const inserted = run(insertArticleAfter, cursorIn(session(), 'bp1'));
    const deleted = inserted && run(deleteProvision, cursorIn(inserted.doc, 'bp1'));
    expect(deleted && articleLabels(deleted.doc)).toEqual(['Article 6', 'Article 6 ter', 'Article 7']);
  });
});

describe(insertParagraphAfter.name, () => {
  it('inserts an open paragraph with a fresh id after the current one', () => {
    const next = run(insertParagraphAfter, cursorIn(session(), 'a6p1'));
    const paragraphs: unknown[] = [];
    next?.doc.child(0).forEach((child) => paragraphs.push([child.attrs['id'], child.attrs['status'], child.textContent]));
    expect(paragraphs).toHaveLength(3);
    expect(paragraphs[1]).toEqual([expect.stringMatching(/.+/), 'open', '']);
    expect(paragraphs[2]).toEqual(['a6p2', 'open', 'Six again:first;']);
  });

  it('is refused in an agreed article', () => {
    expect(run(insertParagraphAfter, cursorIn(session(), 'a7p1'))).toBeNull();
  });
});

describe(insertSubparagraph.name, () => {
  it('inserts a subparagraph after the current one', () => {
    const next = run(insertSubparagraph, cursorIn(session(), 'a6a'));
    expect(next?.doc.child(0).child(1).childCount).toBe(3);
    expect(next?.doc.child(0).child(1).child(1).attrs['id']).toBe('a6a');
  });

  it("starts a paragraph's subparagraphs from its own text", () => {
    const next = run(insertSubparagraph, cursorIn(session(), 'a6p1'));
    expect(next?.doc.child(0).child(0).child(1).type.name).toBe('subparagraph');
  });
});

describe(deleteProvision.name, () => {
  it('deletes the innermost provision that may go: a subparagraph, then a paragraph', () => {
    expect(deletableProvision(cursorIn(session(), 'a6a'))?.id).toBe('a6a');
    expect(deletableProvision(cursorIn(session(), 'a6p1'))?.id).toBe('a6p1');
  });

  it('deletes the article when the cursor is in its lone paragraph', () => {
    expect(deletableProvision(cursorIn(session(), 'bp1'))).toMatchObject({ kind: 'article', id: 'b' });
  });

  it('refuses to delete an agreed provision and says why', () => {
    const state = cursorIn(session(), 'a7p1');
    expect(deletionRefusal(state)).toBe('agreed');
    expect(run(deleteProvision, state)).toBeNull();
  });

  it('refuses to delete the only article of a text', () => {
    const state = cursorIn(doc(article({ id: 'only' }, p({ id: 'op' }, 'Only.'))), 'op');
    expect(deletionRefusal(state)).toBe('last-provision');
  });
});

describe(insertReference.name, () => {
  it('inserts the words of a reference carrying the xref mark, and what is typed next is plain', () => {
    const state = cursorIn(session(), 'a6p1', 'Six'.length);
    const next = run(insertReference('b', 'article 6 bis'), state);
    const text = next?.doc.child(0).child(0).firstChild;
    const marked: unknown[] = [];
    text?.forEach((node) => marked.push([node.text, node.marks.map((mark) => mark.attrs['target'])]));
    expect(marked).toEqual([['Six', []], ['article 6 bis', ['b']], ['.', []]]);
    expect(next?.storedMarks?.some((mark) => mark.type.name === 'xref') ?? false).toBe(false);
  });

  it('is refused in agreed text', () => {
    expect(run(insertReference('b', 'article 6 bis'), cursorIn(session(), 'a7p1'))).toBeNull();
  });
});

describe(staleReferences.name, () => {
  const referring = (words: string) =>
    doc(
      article({ id: 'a6', number: '6' }, p({ id: 'a6p1' }, 'Six.'), p({ id: 'a6p2' }, 'Again.')),
      article({ id: 'a7', number: '7' }, p({ id: 'a7p1' }, 'See ', builders.xref('a6p2', words), ' and ', builders.xref('gone', 'article 9'), '.')),
    );

  it('finds the references whose words no longer name their provision, and those to a deleted one', () => {
    expect(staleReferences(referring('article 6, paragraph 3'), 'en').map(({ target, current }) => [target, current])).toEqual([
      ['a6p2', 'article 6, paragraph 2'],
      ['gone', null],
    ]);
  });

  it('leaves the references that read right, whatever their capital', () => {
    expect(staleReferences(referring('Article 6, paragraph 2'), 'en').map(({ target }) => target)).toEqual(['gone']);
  });

  it('finds a reference gone stale when a paragraph is inserted before the one it names', () => {
    const next = run(insertParagraphAfter, cursorIn(referring('article 6, paragraph 2'), 'a6p1'));
    expect(next && staleReferences(next.doc, 'en').map(({ current }) => current)).toEqual(['article 6, paragraph 3', null]);
  });
});
