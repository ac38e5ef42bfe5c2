import { positionalText, treatySchema } from '@concord/schema';
import { Fragment, Mark, type Node } from 'prosemirror-model';

const provenanceType = treatySchema.marks.provenance;
const bracketType = treatySchema.marks.bracket;

/** A bracket mark. */
export function bracketMark(id: string): Mark {
  return bracketType.create({ id });
}

/** The proposal ids a provenance mark names: one, or several where identical formulations were folded. */
export function provenanceRefs(mark: Mark): readonly string[] {
  return String(mark.attrs['ref']).split(' ').filter((ref) => ref.length > 0);
}

/** The provenance mark of a text node, if it has one. */
export function provenanceOf(node: Node): Mark | null {
  return node.marks.find((mark) => mark.type === provenanceType) ?? null;
}

/** The bracket marks of a text node. */
export function bracketsOf(node: Node): readonly Mark[] {
  return node.marks.filter((mark) => mark.type === bracketType);
}

/** Text with `fallback` as provenance unless it already has one; a footnote's words each so. */
export function withProvenance(text: Node, fallback: Mark): Node {
  if (!text.isText) return mapText(text, (words) => withProvenance(words, fallback));
  return provenanceOf(text) ? text : text.mark(fallback.addToSet(text.marks));
}

/**
 * Text with `provenance` in place of whatever provenance it had, and the given brackets added. A footnote itself
 * carries no marks (y-prosemirror would not keep them): its words are restamped instead.
 */
export function restamp(text: Node, provenance: Mark, brackets: readonly Mark[]): Node {
  if (!text.isText) return mapText(text, (words) => restamp(words, provenance, brackets));
  let marks = provenance.addToSet(provenanceType.removeFromSet(text.marks));
  for (const bracket of brackets) marks = bracket.addToSet(marks);
  return text.mark(marks);
}

/** Every text inside a node mapped by `map`, the node itself returned when nothing changed. */
export function mapText(node: Node, map: (text: Node) => Node): Node {
  if (node.isText) return map(node);
  let changed = false;
  const children: Node[] = [];
  node.forEach((child) => {
    const mapped = mapText(child, map);
    changed ||= mapped !== child;
    children.push(mapped);
  });
  return changed ? node.copy(joinText(children)) : node;
}

/** The nodes as a fragment, adjacent texts with the same marks joined, so equal texts serialize equally. */
export function joinText(nodes: readonly Node[]): Fragment {
  const joined: Node[] = [];
  for (const node of nodes) {
    const last = joined[joined.length - 1];
    if (last?.isText && node.isText && Mark.sameSet(last.marks, node.marks)) {
      joined[joined.length - 1] = treatySchema.text(`${last.text ?? ''}${node.text ?? ''}`, last.marks);
    } else {
      joined.push(node);
    }
  }
  return Fragment.fromArray(joined);
}

/** A replacement to make in a text: `[from, to)` of the base becomes `content`, stamped and bracketed. */
export interface Splice {
  readonly from: number;
  readonly to: number;
  readonly content: readonly Node[];
  readonly provenance: Mark;
  readonly bracket: Mark | null;
}

/** Inline content cut into its leading spaces, its words, and its trailing spaces. */
function trimmedContent(content: readonly Node[]): { lead: Node[]; core: Node[]; tail: Node[] } {
  const fragment = Fragment.fromArray([...content]);
  const text = positionalText(fragment);
  const start = text.length - text.trimStart().length;
  const end = text.trimEnd().length;
  if (start >= end) return { lead: [...content], core: [], tail: [] };
  const nodes = (from: number, to: number): Node[] => {
    const out: Node[] = [];
    if (to > from) fragment.cut(from, to).forEach((node) => out.push(node));
    return out;
  };
  return { lead: nodes(0, start), core: nodes(start, end), tail: nodes(end, text.length) };
}

/** The brackets of the character at `offset` of a text's content, none outside it. */
function bracketsAt(content: Fragment, offset: number): readonly Mark[] {
  if (offset < 0 || offset >= content.size) return [];
  let found: readonly Mark[] = [];
  let pos = 0;
  content.forEach((child) => {
    if (offset >= pos && offset < pos + child.nodeSize) found = bracketsOf(child);
    pos += child.nodeSize;
  });
  return found;
}

/**
 * The inline content of `base` with the splices made (sorted, not overlapping), its own text keeping its
 * provenance or taking `baseProvenance`. Text spliced in strictly inside a bracket takes that bracket, so a
 * bracket around the place of a change still encloses the changed words.
 */
export function splice(base: Node, splices: readonly Splice[], baseProvenance: Mark): Fragment {
  const content = base.content;
  const out: Node[] = [];
  const keep = (from: number, to: number): void => {
    if (to > from) content.cut(from, to).forEach((text) => out.push(withProvenance(text, baseProvenance)));
  };
  let pos = 0;
  for (const change of splices) {
    keep(pos, change.from);
    const left = bracketsAt(content, change.from - 1);
    const right = bracketsAt(content, change.to);
    const enclosing = left.filter((mark) => right.some((other) => other.eq(mark)));
    if (change.bracket) {
      // The bracket hugs the words: spaces at either end of the inserted text stay outside it.
      const { lead, core, tail } = trimmedContent(change.content);
      for (const text of lead) out.push(restamp(text, change.provenance, enclosing));
      for (const text of core) out.push(restamp(text, change.provenance, [...enclosing, change.bracket]));
      for (const text of tail) out.push(restamp(text, change.provenance, enclosing));
    } else {
      for (const text of change.content) out.push(restamp(text, change.provenance, enclosing));
    }
    pos = change.to;
  }
  keep(pos, content.size);
  return joinText(out);
}
