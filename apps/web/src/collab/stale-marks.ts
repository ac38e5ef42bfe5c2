import type { Node } from 'prosemirror-model';
import { Plugin, PluginKey } from 'prosemirror-state';
import { Decoration, DecorationSet } from 'prosemirror-view';

/** What the stale marks show: the node ids of a language version that do not render the original, and why. */
export interface StaleMarks {
  /** Node id → reason (`unconfirmed`, `changed`). */
  readonly nodes: ReadonlyMap<string, string>;
  /** The badge's words for a reason, in the interface language. */
  readonly label: (reason: string) => string;
  readonly language: string;
  /**
   * Stale nodes whose own words are still the original's (never translated), and the original's language: their
   * words are marked as that language, so that English left in an Arabic version reads left to right.
   */
  readonly untranslated?: { readonly nodes: ReadonlySet<string>; readonly language: string; readonly dir: 'ltr' | 'rtl' };
}

/**
 * Decorations for a language version's stale nodes: a class on the node (a bar in the margin) and a badge before
 * its own words, saying why it is stale; own words still in the original's language carry its language and
 * direction. Nothing is stored in the document.
 */
export function staleDecorations(doc: Node, marks: StaleMarks): DecorationSet {
  const decorations: Decoration[] = [];
  doc.descendants((node, pos) => {
    const id = node.attrs['id'];
    const reason = typeof id === 'string' ? marks.nodes.get(id) : undefined;
    if (reason !== undefined) {
      decorations.push(Decoration.node(pos, pos + node.nodeSize, { class: `stale-translation stale-${reason}`, 'data-stale': reason }));
      if (typeof id === 'string' && marks.untranslated?.nodes.has(id)) {
        const attrs = { lang: marks.untranslated.language, dir: marks.untranslated.dir };
        // An inline isolate: the block keeps the version's direction (its number and bar stay where they are).
        const words = (start: number, block: Node) => block.content.size > 0 && decorations.push(Decoration.inline(start + 1, start + 1 + block.content.size, attrs));
        if (node.isTextblock) words(pos, node);
        else node.forEach((child, offset) => void (child.isTextblock && words(pos + 1 + offset, child)));
      }
      const at = node.isTextblock ? pos + 1 : node.firstChild?.isTextblock ? pos + 2 : pos + 1;
      decorations.push(
        Decoration.widget(
          at,
          (view) => {
            const badge = view.dom.ownerDocument.createElement('span');
            badge.className = `stale-badge stale-${reason}`;
            badge.lang = marks.language;
            badge.contentEditable = 'false';
            badge.textContent = marks.label(reason);
            return badge;
          },
          { side: -1, key: `stale-${String(id)}-${reason}-${marks.label(reason)}`, ignoreSelection: true },
        ),
      );
    }
    return !node.isTextblock;
  });
  return DecorationSet.create(doc, decorations);
}

/** The plugin that draws {@link staleDecorations}; give a new plugin when the stale nodes change. */
export function staleMarks(marks: StaleMarks): Plugin {
  return new Plugin({
    key: new PluginKey('staleMarks'),
    props: { decorations: (state) => staleDecorations(state.doc, marks) },
  });
}
