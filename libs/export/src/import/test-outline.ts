import { docFromJSON, inlineToText, type DocJSON } from '@concord/schema';
import type { Node } from 'prosemirror-model';

/**
 * A one-line-per-node outline of an imported document for compact expectations: the node type, indented by
 * depth, and its own text (brackets as [ ]): `chapter General provisions`, `  article Purpose`, `    paragraph …`.
 */
export function outline(json: DocJSON): string[] {
  const lines: string[] = [];
  const visit = (node: Node, depth: number): void => {
    const first = node.firstChild;
    switch (node.type.name) {
      case 'title':
      case 'recital':
        lines.push(`${'  '.repeat(depth)}${node.type.name} ${inlineToText(node)}`);
        return;
      case 'chapter':
      case 'article':
      case 'paragraph':
      case 'subparagraph': {
        const own = first && (first.type.name === 'heading' || first.type.name === 'text_block') ? inlineToText(first) : '';
        lines.push(`${'  '.repeat(depth)}${node.type.name}${own ? ` ${own}` : ''}`);
        node.forEach((child) => visit(child, depth + 1));
        return;
      }
      default:
        node.forEach((child) => visit(child, depth));
    }
  };
  visit(docFromJSON(json), 0);
  return lines;
}

/** The outline without texts: node types by depth. */
export function shape(json: DocJSON): string[] {
  return outline(json).map((line) => /^\s*\S+/.exec(line)?.[0] ?? line);
}
