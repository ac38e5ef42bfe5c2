import { findNodeById, inlineToText } from '@concord/schema';
import type { Node } from 'prosemirror-model';
import { provenanceOf } from '../inline';

function children(node: Node): Node[] {
  const list: Node[] = [];
  node.forEach((child) => list.push(child));
  return list;
}

/** A textblock's text, a footnote as `^{its words}`. */
function inline(node: Node): string {
  return inlineToText(node, (note) => `^{${inlineToText(note)}}`);
}

function renderOption(option: Node): string {
  const who = option.attrs['isBase'] === true ? 'base' : (option.attrs['sponsors'] as readonly string[]).join('+');
  return `${who}: ${children(option).map(renderBlock).join(' ¶ ')}`;
}

function renderBlock(node: Node): string {
  switch (node.type.name) {
    case 'option_group':
      return `{${children(node).map(renderOption).join(' | ')}}`;
    case 'heading':
      return `«${inline(node)}»`;
    case 'paragraph':
    case 'subparagraph': {
      const [lead, ...rest] = children(node);
      const head = lead ? renderBlock(lead) : '';
      return [head, ...rest.map((child) => (child.type.name === 'subparagraph' ? `(${renderBlock(child)})` : renderBlock(child)))].join(' ');
    }
    case 'article':
    case 'chapter': {
      const [first, ...rest] = children(node);
      const blocks = first?.type.name === 'heading' ? rest : children(node);
      const head = first?.type.name === 'heading' ? `${renderBlock(first)} ` : '';
      return `${String(node.attrs['id'])}: ${head}${blocks.map(renderBlock).join(' ¶ ')}`;
    }
    default:
      return node.isTextblock ? inline(node) : children(node).map(renderBlock).join(' ¶ ');
  }
}

/**
 * A document on one line, for one-line expectations: articles as `a1: «Heading» First paragraph ¶ Second (sub)`,
 * separated by ` § ` (only the article with `articleId` when given); brackets as `[…]`; option groups as `{base: … | EGY+BRA: …}`; recitals and title as text.
 */
export function render(doc: Node, articleId?: string): string {
  if (articleId !== undefined) {
    const found = findNodeById(doc, articleId);
    return found ? renderBlock(found.node) : `no ${articleId}`;
  }
  return children(doc)
    .flatMap((node) => (node.type.name === 'chapter' ? children(node).filter((child) => child.type.name === 'article') : [node]))
    .map(renderBlock)
    .join(' § ');
}

/**
 * The text of a document as runs of one provenance, `ref"text"` (`-"text"` where text has none), e.g.
 * `rev1"The " P1"all " rev1"States"`, a footnote's runs inside `^{ … }`; texts are separated by ` / `.
 */
export function origins(doc: Node): string {
  const blocks: string[] = [];
  doc.descendants((node) => {
    if (!node.isTextblock) return true;
    const runs: string[] = [];
    const run = (text: Node): void => {
      if (text.type.name === 'footnote') {
        runs.push('^{');
        text.forEach(run);
        runs.push('}');
        return;
      }
      const ref = provenanceOf(text)?.attrs['ref'] as string | undefined;
      runs.push(`${ref ?? '-'}${JSON.stringify(text.text ?? '')}`);
    };
    node.forEach(run);
    blocks.push(runs.join(' '));
    return false;
  });
  return blocks.join(' / ');
}

/** How many characters of a document lack exactly one provenance mark. */
export function unattributed(doc: Node): number {
  let count = 0;
  doc.descendants((node) => {
    if (node.isText && node.marks.filter((mark) => mark.type.name === 'provenance').length !== 1) count += node.text?.length ?? 0;
    return true;
  });
  return count;
}
