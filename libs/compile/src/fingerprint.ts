import type { Node } from 'prosemirror-model';

/**
 * The words and structure of nodes, without ids, attributes or marks: two proposals that add the same
 * provision under different ids have equal fingerprints, and fold into one attributed text.
 */
export function fingerprint(node: Node): string {
  if (node.isTextblock) return `${node.type.name}${JSON.stringify(node.textContent)}`;
  const children: string[] = [];
  node.forEach((child) => children.push(fingerprint(child)));
  return `${node.type.name}(${children.join(',')})`;
}
