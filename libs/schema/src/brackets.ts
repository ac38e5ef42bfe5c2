import { Fragment, type Mark, type Node } from 'prosemirror-model';

interface Extent {
  readonly from: number;
  readonly to: number;
}

function bracketId(mark: Mark): string {
  return String(mark.attrs['id']);
}

function mapText(node: Node, map: (text: Node) => Node): Node {
  if (node.isText) return map(node);
  let changed = false;
  const children: Node[] = [];
  node.forEach((child) => {
    const mapped = mapText(child, map);
    changed ||= mapped !== child;
    children.push(mapped);
  });
  return changed ? node.copy(Fragment.fromArray(children)) : node;
}

/**
 * The same document with the bracket marks of every text node in canonical order: outer brackets (those that
 * open earlier, or open at the same place and close later) before inner ones, ties broken by id.
 *
 * Brackets do not exclude one another, so ProseMirror keeps them in the order they were added, and Yjs in the
 * order its formatting attributes happen to come back. A canonical order makes equal texts serialize to
 * equal JSON, which content hashes and round trips rely on. Returns the input when it is already canonical.
 */
export function canonicalizeBrackets(doc: Node): Node {
  const extents = new Map<string, Extent>();
  let needed = false;
  doc.descendants((node, pos) => {
    if (!node.isText) return true;
    let count = 0;
    for (const mark of node.marks) {
      if (mark.type.name !== 'bracket') continue;
      count++;
      const id = bracketId(mark);
      const extent = extents.get(id);
      const to = pos + node.nodeSize;
      extents.set(id, extent ? { from: Math.min(extent.from, pos), to: Math.max(extent.to, to) } : { from: pos, to });
    }
    needed ||= count > 1;
    return false;
  });
  if (!needed) return doc;

  const compare = (a: Mark, b: Mark): number => {
    const ea = extents.get(bracketId(a));
    const eb = extents.get(bracketId(b));
    if (ea && eb && ea.from !== eb.from) return ea.from - eb.from;
    if (ea && eb && ea.to !== eb.to) return eb.to - ea.to;
    return bracketId(a) < bracketId(b) ? -1 : bracketId(a) > bracketId(b) ? 1 : 0;
  };
  return mapText(doc, (text) => {
    const brackets = text.marks.filter((mark) => mark.type.name === 'bracket');
    if (brackets.length < 2) return text;
    const sorted = [...brackets].sort(compare);
    if (sorted.every((mark, i) => mark === brackets[i])) return text;
    // Marks are ordered by type rank, so one type's marks are contiguous: put the sorted brackets in their place.
    const first = text.marks.indexOf(brackets[0] as Mark);
    const others = text.marks.filter((mark) => mark.type.name !== 'bracket');
    return text.mark([...others.slice(0, first), ...sorted, ...others.slice(first)]);
  });
}
