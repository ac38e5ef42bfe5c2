import type { Node } from 'prosemirror-model';
import { Plugin, PluginKey, type EditorState } from 'prosemirror-state';
import { Decoration, DecorationSet, type EditorView } from 'prosemirror-view';
import { fromYjs } from '../collab/read-only';
import { anchorOfRange, bindingOf, placeStoredAnchor, quoteOf, type AnchorPlacement } from './anchors';
import type { NewAnchor, StoredAnchor } from './comments-api';

/** A thread's range to draw in the text. */
export interface HighlightAnchor extends StoredAnchor {
  readonly id: string;
}

/** The text the reader has selected, when it holds any. */
export interface TextSelectionSummary {
  readonly from: number;
  readonly to: number;
  readonly quote: string;
}

/** What the page around an editor follows of it. */
export interface EditorSnapshot {
  /** The live editor, once it is bound to its shared document. */
  readonly view: EditorView | null;
  /** Goes up (shortly) after the text changes, so that lists in the order of the text can be redone. */
  readonly docVersion: number;
  readonly selection: TextSelectionSummary | null;
}

interface HighlightState {
  readonly anchors: readonly HighlightAnchor[];
  readonly focusedId: string | null;
  /** The range a comment is being written on, before it has a thread. */
  readonly pending: { readonly from: number; readonly to: number } | null;
  readonly decorations: DecorationSet;
}

type HighlightMeta = Omit<HighlightState, 'decorations'>;

const highlightKey = new PluginKey<HighlightState>('commentHighlights');

/** How long after a change of the text the page is told, so that typing stays smooth in long texts. */
const DOC_NOTICE_MS = 150;

/** The decorations of the threads' ranges: each placed thread marked, the focused one (and a pending range) stronger. */
function highlights(state: EditorState, meta: HighlightMeta): HighlightState {
  const binding = bindingOf(state);
  const decorations: Decoration[] = [];
  if (binding !== null) {
    for (const anchor of meta.anchors) {
      const placement = placeStoredAnchor(binding, state.doc, anchor);
      if (placement.kind !== 'placed') continue;
      const focused = anchor.id === meta.focusedId;
      decorations.push(
        Decoration.inline(
          placement.from,
          placement.to,
          { class: focused ? 'comment-range comment-range-focused' : 'comment-range' },
          { threadId: anchor.id },
        ),
      );
    }
  }
  const size = state.doc.content.size;
  if (meta.pending !== null && meta.pending.to <= size) {
    decorations.push(Decoration.inline(meta.pending.from, meta.pending.to, { class: 'comment-range comment-range-pending' }));
  }
  return { ...meta, decorations: DecorationSet.create(state.doc, decorations) };
}

function sameSelection(a: TextSelectionSummary | null, b: TextSelectionSummary | null): boolean {
  return a === b || (a !== null && b !== null && a.from === b.from && a.to === b.to && a.quote === b.quote);
}

/**
 * Connects a live editor to the comments beside it: a ProseMirror plugin (given to the editor) that draws the
 * threads' ranges, reports the reader's selection and the changes of the text, turns a click on commented text
 * into the focus of its thread, and takes Ctrl+Alt+M to comment; and methods to anchor a selection and to place
 * anchors. Follow it with `useSyncExternalStore(bridge.subscribe, bridge.getSnapshot)`.
 */
export class EditorBridge {
  /** The reader clicked text that a thread is about. */
  onActivateThread: (threadId: string) => void = () => undefined;
  /** The reader pressed Ctrl+Alt+M (⌘⌥M) in the text. */
  onCommentShortcut: () => void = () => undefined;
  readonly plugin: Plugin<HighlightState>;

  private view: EditorView | null = null;
  private meta: HighlightMeta = { anchors: [], focusedId: null, pending: null };
  private snapshot: EditorSnapshot = { view: null, docVersion: 0, selection: null };
  private readonly listeners = new Set<() => void>();
  private docTimer: ReturnType<typeof setTimeout> | undefined;

  constructor() {
    this.plugin = new Plugin<HighlightState>({
      key: highlightKey,
      state: {
        init: (_config, state) => highlights(state, this.meta),
        apply: (tr, previous, _old, state) => {
          const meta = tr.getMeta(highlightKey) as HighlightMeta | undefined;
          if (meta !== undefined) return highlights(state, meta);
          if (!tr.docChanged) return previous;
          // y-prosemirror renders a co-editor's change by replacing the whole text, through which no decoration
          // survives mapping: the ranges are found again from their Yjs positions, which the binding has updated.
          if (fromYjs(tr)) return highlights(state, previous);
          return { ...previous, decorations: previous.decorations.map(tr.mapping, tr.doc) };
        },
      },
      props: {
        decorations: (state) => highlightKey.getState(state)?.decorations,
        handleClick: (view, pos) => {
          const found = highlightKey.getState(view.state)?.decorations.find(pos, pos) ?? [];
          const spec = found.map((decoration) => decoration.spec as { threadId?: unknown }).find((candidate) => typeof candidate.threadId === 'string');
          if (spec !== undefined) this.onActivateThread(String(spec.threadId));
          // The click still places the cursor (or starts a selection) as usual.
          return false;
        },
        handleKeyDown: (_view, event) => {
          if (!((event.ctrlKey || event.metaKey) && event.altKey && event.code === 'KeyM')) return false;
          this.onCommentShortcut();
          return true;
        },
      },
      view: (view) => {
        this.attach(view);
        return {
          update: (updated, previous) => this.updated(updated, previous),
          destroy: () => this.detach(view),
        };
      },
    });
  }

  readonly subscribe = (listener: () => void): (() => void) => {
    this.listeners.add(listener);
    return () => {
      this.listeners.delete(listener);
    };
  };

  readonly getSnapshot = (): EditorSnapshot => this.snapshot;

  /** Draws these threads' ranges, the focused one stronger, and the range a comment is being written on. */
  setHighlights(anchors: readonly HighlightAnchor[], focusedId: string | null, pending: TextSelectionSummary | null): void {
    this.meta = { anchors, focusedId, pending: pending === null ? null : { from: pending.from, to: pending.to } };
    const view = this.view;
    if (view !== null && !view.isDestroyed) view.dispatch(view.state.tr.setMeta(highlightKey, this.meta));
  }

  /** Where an anchor lies in the text now; `unknown` while there is no editor. */
  place(anchor: StoredAnchor): AnchorPlacement {
    const view = this.view;
    const binding = view === null ? null : bindingOf(view.state);
    if (view === null || binding === null) return { kind: 'unknown' };
    return placeStoredAnchor(binding, view.state.doc, anchor);
  }

  /** The anchor of a range of the text (the reader's selection, taken when they asked to comment). */
  anchorOf(range: TextSelectionSummary): NewAnchor | null {
    const view = this.view;
    const binding = view === null ? null : bindingOf(view.state);
    if (view === null || binding === null || range.to > view.state.doc.content.size) return null;
    return anchorOfRange(binding, view.state.doc, range.from, range.to);
  }

  /** The editor's document now. */
  doc(): Node | null {
    return this.view?.state.doc ?? null;
  }

  /** Scrolls the text to a position, so the reader sees the range a thread is about. */
  reveal(pos: number, smooth: boolean): void {
    const view = this.view;
    if (view === null || pos > view.state.doc.content.size) return;
    const { node } = view.domAtPos(pos);
    const element = node instanceof Element ? node : node.parentElement;
    element?.scrollIntoView({ block: 'center', behavior: smooth ? 'smooth' : 'auto' });
  }

  /** Gives the keyboard back to the text (after a comment is posted or cancelled). */
  focusText(): void {
    this.view?.focus();
  }

  private publish(next: Partial<EditorSnapshot>): void {
    this.snapshot = { ...this.snapshot, ...next };
    for (const listener of this.listeners) listener();
  }

  private attach(view: EditorView): void {
    this.view = view;
    this.publish({ view, docVersion: this.snapshot.docVersion + 1, selection: null });
  }

  private detach(view: EditorView): void {
    if (this.view !== view) return;
    clearTimeout(this.docTimer);
    this.view = null;
    this.publish({ view: null, selection: null });
  }

  private updated(view: EditorView, previous: EditorState): void {
    const { from, to, empty } = view.state.selection;
    const quote = empty ? '' : quoteOf(view.state.doc, from, to);
    const selection = quote.trim() === '' ? null : { from, to, quote };
    if (!sameSelection(selection, this.snapshot.selection)) this.publish({ selection });
    if (view.state.doc === previous.doc) return;
    clearTimeout(this.docTimer);
    this.docTimer = setTimeout(() => this.publish({ docVersion: this.snapshot.docVersion + 1 }), DOC_NOTICE_MS);
  }
}
