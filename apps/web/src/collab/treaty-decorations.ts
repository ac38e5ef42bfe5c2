import { isProvisionStatus, type Language, type ProvisionStatus } from '@concord/domain';
import type { NumberLabel } from '@concord/schema';
import type { Node } from 'prosemirror-model';
import { Plugin, PluginKey, type EditorState } from 'prosemirror-state';
import { Decoration, DecorationSet, type EditorView } from 'prosemirror-view';
import { numberAgainstBase } from './outline';

/** The interface-language words the decorations show around the text (the numbers are in the text's language). */
export interface DecorationTexts {
  /** The interface language, for the `lang` of those words. */
  readonly language: Language;
  readonly status: (status: ProvisionStatus) => string;
  /** "Proposed by EGY and FRA". */
  readonly sponsors: (codes: readonly string[]) => string;
  /** The label of the option that keeps the base text. */
  readonly baseText: string;
}

/** One piece of the rendering: what it shows and where, so it can be checked without a browser. */
export interface WidgetSpec {
  readonly pos: number;
  readonly side: number;
  /** Changes whenever what the widget shows changes, so ProseMirror redraws it then and only then. */
  readonly key: string;
  readonly render: (document: Document) => HTMLElement;
}

function element(document: Document, tag: string, className: string, text?: string, lang?: Language): HTMLElement {
  const node = document.createElement(tag);
  node.className = className;
  if (text !== undefined) node.textContent = text;
  if (lang !== undefined) node.lang = lang;
  return node;
}

function statusBadge(document: Document, status: ProvisionStatus, texts: DecorationTexts): HTMLElement {
  return element(document, 'span', `status-badge status-${status}`, texts.status(status), texts.language);
}

/** Where the text of a paragraph or subparagraph starts: inside its first text block, else its first child. */
function textStart(node: Node, pos: number): number {
  return node.firstChild?.type.name === 'text_block' ? pos + 2 : pos + 1;
}

function statusOf(node: Node): ProvisionStatus {
  const status: unknown = node.attrs['status'];
  return isProvisionStatus(status) ? status : 'open';
}

/**
 * The widgets that make a treaty document read like one: "Article 3" and "Chapter I" above their headings,
 * paragraph and subparagraph numbers before their text, each article's status (and a paragraph's, once it is no
 * longer open), and "Option 1 — Proposed by …" at the head of each option. Numbers come from
 * `numberDocument` in the text's own language (articles from `base` keep its numbers); nothing is stored in the
 * document.
 */
export function treatyWidgets(
  doc: Node,
  textLanguage: Language,
  texts: DecorationTexts,
  base: Node | null = null,
): readonly WidgetSpec[] {
  const labels: ReadonlyMap<string, NumberLabel> = numberAgainstBase(doc, textLanguage, base);
  const widgets: WidgetSpec[] = [];
  const words = texts.language;
  doc.descendants((node, pos) => {
    if (node.isTextblock) return false;
    const id: unknown = node.attrs['id'];
    const label = typeof id === 'string' ? labels.get(id)?.label : undefined;
    switch (node.type.name) {
      case 'chapter':
        if (label)
          widgets.push({
            pos: pos + 1,
            side: -1,
            key: `chapter:${String(id)}:${label}`,
            render: (document) => element(document, 'div', 'node-label chapter-label', label),
          });
        return true;
      case 'article': {
        const status = statusOf(node);
        widgets.push({
          pos: pos + 1,
          side: -1,
          key: `article:${String(id)}:${label ?? ''}:${status}:${words}`,
          render: (document) => {
            const header = element(document, 'div', 'node-label article-label');
            if (label) header.append(element(document, 'span', 'article-number', label));
            header.append(statusBadge(document, status, texts));
            return header;
          },
        });
        return true;
      }
      case 'paragraph':
      case 'subparagraph': {
        if (label) {
          widgets.push({
            pos: textStart(node, pos),
            side: -1,
            key: `number:${String(id)}:${label}`,
            render: (document) => element(document, 'span', 'provision-number', label),
          });
        }
        const status = statusOf(node);
        if (node.type.name === 'paragraph' && status !== 'open') {
          const first = node.firstChild;
          const end = first?.type.name === 'text_block' ? pos + 1 + first.nodeSize - 1 : pos + 1;
          widgets.push({
            pos: end,
            side: 1,
            key: `paragraph-status:${String(id)}:${status}:${words}`,
            render: (document) => statusBadge(document, status, texts),
          });
        }
        return true;
      }
      case 'option': {
        const sponsors = node.attrs['sponsors'] as readonly string[];
        const isBase = node.attrs['isBase'] === true;
        // Options compiled since options carry their attribution name delegations in the reader's language.
        const named = (node.attrs['attribution'] as Readonly<Record<string, string>> | undefined)?.[texts.language];
        const attribution = isBase ? texts.baseText : named ? named : sponsors.length > 0 ? texts.sponsors(sponsors) : null;
        widgets.push({
          pos: pos + 1,
          side: -1,
          key: `option:${String(id)}:${label ?? ''}:${attribution ?? ''}:${words}`,
          render: (document) => {
            const header = element(document, 'div', 'node-label option-label');
            if (label) header.append(element(document, 'span', 'option-number', label));
            if (attribution !== null) header.append(element(document, 'span', 'option-sponsors', attribution, words));
            return header;
          },
        });
        return true;
      }
      default:
        return true;
    }
  });
  return widgets;
}

function decorationsFor(doc: Node, textLanguage: Language, texts: DecorationTexts, base: Node | null): DecorationSet {
  const decorations = treatyWidgets(doc, textLanguage, texts, base).map((widget) =>
    Decoration.widget(
      widget.pos,
      (view: EditorView) => {
        const dom = widget.render(view.dom.ownerDocument);
        dom.contentEditable = 'false';
        return dom;
      },
      { side: widget.side, key: widget.key, ignoreSelection: true, marks: [] },
    ),
  );
  return DecorationSet.create(doc, decorations);
}

/** The key of {@link treatyDecorations}; a transaction with `{ refresh: true }` under it redraws every label. */
export const treatyDecorationsKey = new PluginKey<DecorationSet>('treatyDecorations');

/**
 * Numbering, status badges and option headings for a treaty document in `textLanguage` (numbered as `base`
 * numbers its articles, when given), recomputed whenever the document changes. `texts` is read at each
 * recomputation, so a change of interface language shows after a `refresh` transaction.
 */
export function treatyDecorations(
  textLanguage: Language,
  texts: () => DecorationTexts,
  base: Node | null = null,
): Plugin<DecorationSet> {
  return new Plugin<DecorationSet>({
    key: treatyDecorationsKey,
    state: {
      init: (_config, state: EditorState) => decorationsFor(state.doc, textLanguage, texts(), base),
      apply: (tr, previous) => {
        const meta: unknown = tr.getMeta(treatyDecorationsKey);
        const refresh = typeof meta === 'object' && meta !== null && 'refresh' in meta;
        return tr.docChanged || refresh ? decorationsFor(tr.doc, textLanguage, texts(), base) : previous;
      },
    },
    props: {
      decorations: (state) => treatyDecorationsKey.getState(state),
    },
  });
}
