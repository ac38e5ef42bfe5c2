import { findNodeById } from '@concord/schema';
import type { Node } from 'prosemirror-model';
import { Plugin, PluginKey, TextSelection } from 'prosemirror-state';
import { Decoration, DecorationSet, type EditorView } from 'prosemirror-view';

interface Highlight {
  /** The id of the highlighted node, or `null` for none. */
  readonly id: string | null;
  readonly decorations: DecorationSet;
}

const highlightKey = new PluginKey<Highlight>('navigationHighlight');

/** How long the provision the reader jumped to stays highlighted. */
const HIGHLIGHT_MS = 1800;

function highlight(doc: Node, id: string | null): Highlight {
  const found = id === null ? null : findNodeById(doc, id);
  if (found === null) return { id: null, decorations: DecorationSet.empty };
  const decoration = Decoration.node(found.pos, found.pos + found.node.nodeSize, { class: 'is-navigated' });
  return { id, decorations: DecorationSet.create(doc, [decoration]) };
}

/**
 * Marks the node the reader jumped to with `is-navigated` for a moment, so the eye finds it after the scroll. The
 * node is followed by id: y-prosemirror renders a co-editor's change by replacing the whole text, through which
 * no position survives.
 */
export function navigationHighlight(): Plugin<Highlight> {
  return new Plugin<Highlight>({
    key: highlightKey,
    state: {
      init: () => ({ id: null, decorations: DecorationSet.empty }),
      apply: (tr, previous) => {
        const meta: unknown = tr.getMeta(highlightKey);
        if (meta === null || typeof meta === 'string') return highlight(tr.doc, meta);
        return tr.docChanged && previous.id !== null ? highlight(tr.doc, previous.id) : previous;
      },
    },
    props: { decorations: (state) => highlightKey.getState(state)?.decorations },
  });
}

/**
 * Scrolls the text to the node with `id` and highlights it briefly; an editor also gets the cursor at the start
 * of the node's text, so typing continues there.
 */
export function goToNode(view: EditorView, id: string, options: { readonly smooth: boolean }): void {
  const found = findNodeById(view.state.doc, id);
  if (found === null) return;
  const tr = view.state.tr.setMeta(highlightKey, id);
  if (view.editable) tr.setSelection(TextSelection.near(view.state.doc.resolve(found.pos + 1)));
  view.dispatch(tr);
  const dom = view.nodeDOM(found.pos);
  if (dom instanceof HTMLElement) dom.scrollIntoView({ block: 'start', behavior: options.smooth ? 'smooth' : 'auto' });
  if (view.editable) view.focus();
  window.setTimeout(() => {
    if (!view.isDestroyed && highlightKey.getState(view.state)?.id === id) {
      view.dispatch(view.state.tr.setMeta(highlightKey, null));
    }
  }, HIGHLIGHT_MS);
}
