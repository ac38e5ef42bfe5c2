import type { Node } from 'prosemirror-model';
import { sha256 } from './canonical';

/**
 * For every node with an id, a hash of its own words: the text blocks directly inside it (heading, lead text),
 * not those of its sub-provisions. A translation renders a state of each such node of the original, and goes
 * stale when the original's own words change.
 */
export function ownTextHashes(doc: Node): Map<string, string> {
  const hashes = new Map<string, string>();
  doc.descendants((node) => {
    const id = node.attrs['id'];
    if (typeof id === 'string') {
      const own: string[] = [];
      // A recital is itself a text block; other provisions hold theirs as children.
      if (node.isTextblock) own.push(node.textContent);
      else node.forEach((child) => child.isTextblock && own.push(child.textContent));
      hashes.set(id, sha256(`${node.type.name}\u0000${own.join('\u0000')}`));
    }
    return true;
  });
  return hashes;
}
