import { Fragment, Slice, type Node } from 'prosemirror-model';
import { findNodeById } from './query';
import { TranslationError } from './translation';

function idOf(node: Node): string | null {
  const id: unknown = node.attrs['id'];
  return typeof id === 'string' && id !== '' ? id : null;
}

/** The ids of a node and of every node inside it. */
function idsIn(node: Node): string[] {
  const ids: string[] = [];
  const own = idOf(node);
  if (own !== null) ids.push(own);
  node.descendants((child) => {
    const id = idOf(child);
    if (id !== null) ids.push(id);
    return !child.isTextblock;
  });
  return ids;
}

/**
 * Where the node that corresponds to `node` (a node of the original) is in `translation`: by id, or for a node
 * without one (the document, its preamble) the node of the same type at the same place.
 */
function counterpart(translation: Node, parentInTranslation: { node: Node; start: number } | null, node: Node): { node: Node; start: number } | null {
  if (node.type.name === 'doc') return { node: translation, start: 0 };
  const id = idOf(node);
  if (id !== null) {
    const found = findNodeById(translation, id);
    return found ? { node: found.node, start: found.pos + 1 } : null;
  }
  if (!parentInTranslation) return null;
  let result: { node: Node; start: number } | null = null;
  parentInTranslation.node.forEach((child, offset) => {
    if (!result && child.type === node.type) result = { node: child, start: parentInTranslation.start + offset + 1 };
  });
  return result;
}

/**
 * The translation with the node `nodeId` of the original brought into it, at the place that corresponds to its
 * place in the original: after the nearest preceding sibling the translation has, else first where the schema
 * allows. When the node's container is missing too, the outermost missing container is brought with everything
 * in it. What is brought keeps the original's words, to be translated; the translation is returned unchanged when
 * it already has the node.
 *
 * @throws TranslationError when the original has no such node, or part of what would be brought is already
 *   elsewhere in the translation (an id would then be doubled).
 */
export function bringFromOriginal(original: Node, translation: Node, nodeId: string): Node {
  if (findNodeById(translation, nodeId)) return translation;
  const found = findNodeById(original, nodeId);
  if (!found) throw new TranslationError('The original has no such provision.');
  const $pos = original.resolve(found.pos);
  // The chain from the document down to the node, and for each its counterpart in the translation (null once missing).
  const chain: Node[] = [];
  for (let depth = 0; depth <= $pos.depth; depth++) chain.push($pos.node(depth));
  chain.push(found.node);
  let parent: { node: Node; start: number } = { node: translation, start: 0 };
  let index = 1;
  for (; index < chain.length; index++) {
    const here = counterpart(translation, parent, chain[index] as Node);
    if (!here) break;
    parent = here;
  }
  const brought = chain[index] as Node;
  const container = chain[index - 1] as Node;
  const present = new Set(idsIn(translation));
  const doubled = idsIn(brought).filter((id) => present.has(id));
  if (doubled.length > 0) throw new TranslationError(`Part of this provision is already elsewhere in this version (${doubled.join(', ')}); move it back first.`);

  // After the nearest preceding sibling in the original that the translation's container holds.
  const siblings: Node[] = [];
  container.forEach((child) => siblings.push(child));
  const at = siblings.indexOf(brought);
  const targetChildren: Node[] = [];
  parent.node.forEach((child) => targetChildren.push(child));
  let insertAt = -1;
  for (let i = at - 1; i >= 0 && insertAt < 0; i--) {
    const id = idOf(siblings[i] as Node);
    const match = id === null ? -1 : targetChildren.findIndex((child) => idOf(child) === id);
    if (match >= 0) insertAt = match + 1;
  }
  const fits = (i: number): boolean => parent.node.canReplace(i, i, Fragment.from(brought));
  if (insertAt < 0 || !fits(insertAt)) {
    insertAt = -1;
    for (let i = 0; i <= targetChildren.length && insertAt < 0; i++) if (fits(i)) insertAt = i;
  }
  if (insertAt < 0) throw new TranslationError('This version has no place where the provision can stand.');
  let pos = parent.start;
  for (let i = 0; i < insertAt; i++) pos += (targetChildren[i] as Node).nodeSize;
  return translation.replace(pos, pos, new Slice(Fragment.from(brought), 0, 0));
}
