import type { Language } from '@concord/domain';
import type { Fragment, Node } from 'prosemirror-model';
import { formatLabel, numberDocument, type NumberingOptions, type NumberLabel } from './numbering';

const INDENT = '    ';

/**
 * The inline content of a textblock as plain text, unagreed text in square brackets. A bracket that overlaps
 * another without nesting is closed and reopened where they cross, so the brackets always balance. A footnote
 * is written as `note` renders it, by default not at all (plain text has no place for notes).
 */
export function inlineToText(node: Node, note: (footnote: Node) => string = () => ''): string {
  let out = '';
  const open: string[] = [];
  node.forEach((child) => {
    const ids = child.marks.filter((mark) => mark.type.name === 'bracket').map((mark) => String(mark.attrs['id']));
    let keep = 0;
    while (keep < open.length && ids.includes(open[keep] ?? '')) keep++;
    const reopened = open.slice(keep).filter((id) => ids.includes(id));
    out += ']'.repeat(open.length - keep);
    open.length = keep;
    for (const id of [...reopened, ...ids.filter((id) => !open.includes(id) && !reopened.includes(id))]) {
      open.push(id);
      out += '[';
    }
    out += child.type.name === 'footnote' ? note(child) : (child.text ?? '');
  });
  return out + ']'.repeat(open.length);
}

function children(node: Node): Node[] {
  const result: Node[] = [];
  node.forEach((child) => result.push(child));
  return result;
}

/** Puts `prefix` in front of a block's text, after its indentation. */
function prefixed(block: string, prefix: string): string {
  const indent = /^ */.exec(block)?.[0] ?? '';
  return `${indent}${prefix}${block.slice(indent.length)}`;
}

function joinLabel(label: string, text: string): string {
  if (!label) return text;
  return text ? `${label} ${text}` : label;
}

/**
 * A plain-text rendering of a treaty document in a language, numbered: the title, the recitals, "Chapter I"
 * and "Article 1" each followed by its heading on the next line, numbered paragraphs, indented subparagraphs
 * with their labels, unagreed text in [square brackets], and each option of a group as "Option 1: …".
 * Blocks are separated by a blank line; the text ends with a newline. `importText` reads it back.
 */
export function docToText(doc: Node, language: Language, options: NumberingOptions = {}): string {
  const labels = numberDocument(doc, language, options);
  const labelOf = (node: Node): NumberLabel | undefined => labels.get(String(node.attrs['id']));

  const renderOptions = (group: Node, indent: number): string[] =>
    children(group).flatMap((option, index) => {
      const blocks = renderItems(children(option), indent);
      const label = labelOf(option)?.label ?? formatLabel('option', index + 1, language, 0, options);
      const [first = INDENT.repeat(indent), ...rest] = blocks;
      return [prefixed(first, `${label}: `), ...rest];
    });

  const renderProvision = (node: Node, indent: number): string[] => {
    const label = labelOf(node)?.label ?? '';
    const [head, ...rest] = children(node);
    const blocks: string[] = [];
    if (head?.type.name === 'option_group') {
      // Options standing for the provision's text: the first follows the label, the others align under it.
      const [first = '', ...others] = renderOptions(head, indent + 1);
      blocks.push(INDENT.repeat(indent) + joinLabel(label, first.slice(INDENT.length * (indent + 1))), ...others);
    } else {
      blocks.push(INDENT.repeat(indent) + joinLabel(label, head ? inlineToText(head) : ''));
    }
    return [...blocks, ...renderItems(rest, indent + 1)];
  };

  const renderItems = (items: readonly Node[], indent: number): string[] =>
    items.flatMap((item) => {
      switch (item.type.name) {
        case 'paragraph':
        case 'subparagraph':
          return renderProvision(item, indent);
        case 'option_group':
          return renderOptions(item, indent);
        case 'text_block':
          return [INDENT.repeat(indent) + inlineToText(item)];
        default:
          return [];
      }
    });

  const renderHeaded = (node: Node): string[] => {
    const [head, ...rest] = children(node);
    const label = labelOf(node)?.label ?? '';
    if (head?.type.name !== 'heading') return [label, ...renderItems(children(node), 0)];
    const heading = inlineToText(head);
    const block = heading ? `${label}\n${heading}` : label;
    return node.type.name === 'chapter' ? [block, ...rest.flatMap(renderHeaded)] : [block, ...renderItems(rest, 0)];
  };

  const blocks = children(doc).flatMap((node) => {
    switch (node.type.name) {
      case 'title':
        return [inlineToText(node)];
      case 'preamble':
        return children(node).map((recital) => inlineToText(recital));
      case 'chapter':
      case 'article':
        return renderHeaded(node);
      default:
        return [];
    }
  });
  return `${blocks.join('\n\n')}\n`;
}

/** What stands for a footnote's opening and closing in {@link positionalText}. */
export const NOTE_BOUNDARY = '\uFFFC';

/**
 * The text of inline content with one character per position, so that offsets into it are positions in the
 * content: a footnote stands as {@link NOTE_BOUNDARY}, its words, {@link NOTE_BOUNDARY}. Without footnotes it is
 * the plain text.
 */
export function positionalText(content: Fragment): string {
  let out = '';
  content.forEach((child) => {
    if (child.isText) out += child.text ?? '';
    else if (child.type.name === 'footnote') out += NOTE_BOUNDARY + positionalText(child.content) + NOTE_BOUNDARY;
    else out += NOTE_BOUNDARY.repeat(child.nodeSize);
  });
  return out;
}

/** The `[from, to)` positions of the footnotes (and any other inline node) directly in inline content. */
export function inlineNodeSpans(content: Fragment): ReadonlyArray<readonly [number, number]> {
  const spans: Array<readonly [number, number]> = [];
  content.forEach((child, offset) => {
    if (!child.isText) spans.push([offset, offset + child.nodeSize]);
  });
  return spans;
}

/**
 * A positional text made readable: each footnote's boundaries shown as superscript parentheses around its words,
 * "States⁽See annex.⁾ shall". A piece of a positional text that holds whole notes only reads as well as the whole.
 */
export function readableNotes(text: string): string {
  let open = false;
  return text.replace(/\uFFFC/g, () => {
    open = !open;
    return open ? '⁽' : '⁾';
  });
}
