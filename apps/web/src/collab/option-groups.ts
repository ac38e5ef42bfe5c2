import { newNodeId } from '@concord/schema';
import { Fragment, type Mark, type Node } from 'prosemirror-model';
import type { EditorState, Transaction } from 'prosemirror-state';

/**
 * What the secretariat may make options of, read from the selection: two or more sibling paragraphs of an article
 * or subparagraphs of a paragraph (`provisions`, one option each), or the text of one paragraph or subparagraph
 * (`text`: the text and a copy of it to reword).
 */
export type OptionTarget =
  | { readonly kind: 'provisions'; readonly from: number; readonly to: number; readonly count: number }
  | { readonly kind: 'text'; readonly from: number; readonly to: number; readonly count: 2 };

const HOLDS: Readonly<Record<string, string>> = { article: 'paragraph', paragraph: 'subparagraph', subparagraph: 'subparagraph' };

/** The {@link OptionTarget} of the selection, or `null` when it covers nothing options can be made of. */
export function optionTarget(state: EditorState): OptionTarget | null {
  const { $from, $to } = state.selection;
  for (let depth = $from.sharedDepth($to.pos); depth >= 0; depth--) {
    const container = $from.node(depth);
    const wanted = HOLDS[container.type.name];
    if (wanted === undefined) continue;
    const first = $from.index(depth);
    const last = $to.index(depth);
    if (last - first < 1) break;
    const chosen: Node[] = [];
    for (let index = first; index <= last; index++) chosen.push(container.child(index));
    if (!chosen.every((child) => child.type.name === wanted)) return null;
    const start = $from.posAtIndex(first, depth);
    const end = $from.posAtIndex(last + 1, depth);
    return { kind: 'provisions', from: start, to: end, count: chosen.length };
  }
  const block = $from.parent;
  const holder = $from.depth >= 1 ? $from.node(-1) : null;
  if (block.type.name !== 'text_block' || !$from.sameParent($to) || holder === null) return null;
  if (holder.type.name !== 'paragraph' && holder.type.name !== 'subparagraph') return null;
  if ($from.index(-1) !== 0) return null;
  const from = $from.before();
  return { kind: 'text', from, to: from + block.nodeSize, count: 2 };
}

/** Who is behind one option: delegation codes, and the same in words in each language ("Proposed by Egypt"). */
export interface Proponents {
  readonly codes: readonly string[];
  readonly attribution: Readonly<Record<string, string>>;
}

/** The node with fresh ids on its structural nodes and footnotes, and fresh ids for its brackets (the same bracket gets the same new id). */
function freshCopy(node: Node, brackets: Map<string, string> = new Map()): Node {
  const remark = (marks: readonly Mark[]): readonly Mark[] =>
    marks.map((mark) => {
      if (mark.type.name !== 'bracket') return mark;
      const old = String(mark.attrs['id']);
      const id = brackets.get(old) ?? newNodeId();
      brackets.set(old, id);
      return mark.type.create({ id });
    });
  if (node.isText) return node.mark(remark(node.marks));
  const children: Node[] = [];
  node.forEach((child) => children.push(freshCopy(child, brackets)));
  const attrs = 'id' in node.attrs && node.attrs['id'] !== undefined ? { ...node.attrs, id: newNodeId() } : node.attrs;
  return node.type.create(attrs, Fragment.fromArray(children), node.marks);
}

/**
 * Makes the target an option group, each option named after its proponents (`proponents[i]` for option i; a missing
 * entry names nobody). The provisions or text keep their ids, words and provenance; the copy of a text gets fresh ids.
 */
export function buildOptionGroup(state: EditorState, target: OptionTarget, proponents: readonly Proponents[]): Transaction | null {
  const { schema } = state;
  const groupType = schema.nodes['option_group'];
  const optionType = schema.nodes['option'];
  if (groupType === undefined || optionType === undefined) return null;
  const contents: Node[][] = [];
  if (target.kind === 'provisions') {
    state.doc.nodesBetween(target.from, target.to, (node, pos) => {
      if (pos >= target.from && pos + node.nodeSize <= target.to) {
        contents.push([node]);
        return false;
      }
      return true;
    });
  } else {
    const block = state.doc.nodeAt(target.from);
    if (block === null) return null;
    contents.push([block], [freshCopy(block)]);
  }
  if (contents.length < 2) return null;
  const options = contents.map((content, index) =>
    optionType.create(
      { id: newNodeId(), sponsors: [...(proponents[index]?.codes ?? [])], proposalIds: [], isBase: false, attribution: { ...(proponents[index]?.attribution ?? {}) } },
      Fragment.fromArray(content),
    ),
  );
  const group = groupType.create({ id: newNodeId() }, Fragment.fromArray(options));
  return state.tr.replaceWith(target.from, target.to, group).scrollIntoView();
}

/** The option group around the selection, with the index of the option the selection is in. */
export interface EnclosingGroup {
  readonly pos: number;
  readonly node: Node;
  readonly optionIndex: number;
}

/** The innermost option group around the selection, if any. */
export function enclosingGroup(state: EditorState): EnclosingGroup | null {
  const { $from } = state.selection;
  for (let depth = $from.depth; depth > 0; depth--) {
    const node = $from.node(depth);
    if (node.type.name === 'option_group') return { pos: $from.before(depth), node, optionIndex: Math.min($from.index(depth), node.childCount - 1) };
  }
  return null;
}

/**
 * Dissolves the option group at `pos`, keeping option `keep`: its paragraphs, subparagraphs or text take the group's
 * place with their ids, words and provenance. An option of several texts standing for a paragraph's text becomes one
 * text, its parts joined by a space. `null` when there is no group at `pos` or no such option.
 */
export function dissolveOptionGroup(state: EditorState, pos: number, keep: number): Transaction | null {
  const group = state.doc.nodeAt(pos);
  if (group?.type.name !== 'option_group' || keep < 0 || keep >= group.childCount) return null;
  const option = group.child(keep);
  let content = option.content;
  if (option.firstChild?.type.name === 'text_block' && option.childCount > 1) {
    const inline: Node[] = [];
    option.forEach((block, _offset, index) => {
      if (index > 0) inline.push(state.schema.text(' '));
      block.forEach((child) => inline.push(child));
    });
    content = Fragment.from(state.schema.nodes['text_block']?.create(null, Fragment.fromArray(inline)));
  }
  return state.tr.replaceWith(pos, pos + group.nodeSize, content).scrollIntoView();
}
