import { newNodeId } from '@concord/schema';
import type { Node } from 'prosemirror-model';
import { Plugin, PluginKey, type EditorState, type Transaction } from 'prosemirror-state';
import { Decoration, DecorationSet, type EditorView, type NodeView } from 'prosemirror-view';

/** A footnote of a document, numbered in document order from 1. */
export interface FootnoteEntry {
  readonly id: string;
  readonly pos: number;
  readonly number: number;
  readonly node: Node;
}

/** The footnotes of a document in document order. */
export function listFootnotes(doc: Node): readonly FootnoteEntry[] {
  const notes: FootnoteEntry[] = [];
  doc.descendants((node, pos) => {
    if (node.type.name !== 'footnote') return true;
    const id: unknown = node.attrs['id'];
    notes.push({ id: typeof id === 'string' ? id : '', pos, number: notes.length + 1, node });
    return false;
  });
  return notes;
}

/** Where a footnote would go: at the end of the selection, if that is in the text of a paragraph, subparagraph or recital. */
export function footnotePlace(state: EditorState): number | null {
  const { $to } = state.selection;
  const parent = $to.parent;
  if (parent.type.name === 'recital') return $to.pos;
  if (parent.type.name !== 'text_block') return null;
  return $to.pos;
}

/** Inserts a footnote reading `text` where {@link footnotePlace} says; `null` when there is no place or no text. */
export function insertFootnote(state: EditorState, text: string, id: string = newNodeId()): Transaction | null {
  const pos = footnotePlace(state);
  const words = text.trim();
  const type = state.schema.nodes['footnote'];
  if (pos === null || words === '' || type === undefined) return null;
  return state.tr.insert(pos, type.create({ id }, state.schema.text(words))).scrollIntoView();
}

/** The footnote at `pos`, if there is one. */
function footnoteAt(state: EditorState, pos: number): Node | null {
  const node = state.doc.nodeAt(pos);
  return node?.type.name === 'footnote' ? node : null;
}

/**
 * Rewords the footnote at `pos`: only the words between the unchanged beginning and end are replaced, so that what
 * a co-editor types in the same note meanwhile merges and the unchanged words keep their provenance. `null` when
 * there is no footnote there or the new text is empty.
 */
export function rewordFootnote(state: EditorState, pos: number, text: string): Transaction | null {
  const node = footnoteAt(state, pos);
  const after = text.trim();
  if (node === null || after === '') return null;
  const before = node.textContent;
  let start = 0;
  while (start < before.length && start < after.length && before[start] === after[start]) start++;
  let end = 0;
  while (end < before.length - start && end < after.length - start && before[before.length - 1 - end] === after[after.length - 1 - end]) end++;
  const from = pos + 1 + start;
  const to = pos + 1 + before.length - end;
  const middle = after.slice(start, after.length - end);
  const tr = state.tr;
  if (middle === '') tr.delete(from, to);
  else tr.insertText(middle, from, to);
  return tr;
}

/** Removes the footnote at `pos`; `null` when there is none. */
export function removeFootnote(state: EditorState, pos: number): Transaction | null {
  const node = footnoteAt(state, pos);
  return node === null ? null : state.tr.delete(pos, pos + node.nodeSize);
}

/** What a footnote marker shows: its number in the text's numerals, and its accessible name. */
export interface FootnoteMarkerTexts {
  readonly number: (n: number) => string;
  readonly label: (n: number) => string;
}

const footnoteNumbersKey = new PluginKey<DecorationSet>('footnoteNumbers');

function numbering(doc: Node): DecorationSet {
  return DecorationSet.create(
    doc,
    listFootnotes(doc).map((note) => Decoration.node(note.pos, note.pos + note.node.nodeSize, {}, { footnoteNumber: note.number })),
  );
}

function numberIn(decorations: readonly Decoration[]): number {
  for (const decoration of decorations) {
    const spec: unknown = decoration.spec;
    if (typeof spec === 'object' && spec !== null && 'footnoteNumber' in spec && typeof spec.footnoteNumber === 'number') return spec.footnoteNumber;
  }
  return 0;
}

/**
 * A footnote drawn as its numbered marker, a button (the note's words are listed after the text and edited in a
 * form): ProseMirror edits inline nodes with content only through a node view of their own.
 */
class FootnoteView implements NodeView {
  readonly dom: HTMLElement;
  private readonly button: HTMLButtonElement;

  constructor(
    private node: Node,
    decorations: readonly Decoration[],
    private readonly texts: () => FootnoteMarkerTexts,
    private readonly onOpen: (id: string) => void,
  ) {
    const document = globalThis.document;
    this.dom = document.createElement('sup');
    this.dom.className = 'footnote-ref';
    this.dom.contentEditable = 'false';
    this.button = document.createElement('button');
    this.button.type = 'button';
    this.button.className = 'footnote-marker';
    this.button.addEventListener('click', (event) => {
      event.preventDefault();
      this.onOpen(String(this.node.attrs['id']));
    });
    this.dom.append(this.button);
    this.draw(numberIn(decorations));
  }

  private draw(number: number): void {
    const texts = this.texts();
    this.button.textContent = texts.number(number);
    this.button.setAttribute('aria-label', texts.label(number));
    this.button.dataset['footnote'] = String(this.node.attrs['id']);
  }

  update(node: Node, decorations: readonly Decoration[]): boolean {
    if (node.type !== this.node.type) return false;
    this.node = node;
    this.draw(numberIn(decorations));
    return true;
  }

  // The marker's button handles its own clicks and keys; the editor neither selects nor types into it.
  stopEvent(event: Event): boolean {
    return event.target === this.button;
  }

  ignoreMutation(): boolean {
    return true;
  }
}

/**
 * Draws every footnote as its marker numbered in document order ("3", "٣" in Arabic), a button that calls `onOpen`
 * with the note's id. `texts` is read whenever a marker is drawn.
 */
export function footnoteMarkers(texts: () => FootnoteMarkerTexts, onOpen: (id: string) => void): Plugin<DecorationSet> {
  return new Plugin<DecorationSet>({
    key: footnoteNumbersKey,
    state: {
      init: (_config, state) => numbering(state.doc),
      apply: (tr, previous) => (tr.docChanged ? numbering(tr.doc) : previous),
    },
    props: {
      decorations: (state) => footnoteNumbersKey.getState(state),
      nodeViews: {
        footnote: (node, _view: EditorView, _getPos, decorations) => new FootnoteView(node, decorations, texts, onOpen),
      },
    },
  });
}
