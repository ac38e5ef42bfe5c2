/**
 * Tiny builders for treaty documents, in the manner of `prosemirror-test-builder`, for tests and fixtures:
 *
 * ```ts
 * doc(title('Convention'), article(heading('Scope'), p('Text with ', bracket('unagreed words'), '.')))
 * ```
 *
 * A builder takes an optional attributes object first (`article({ id: 'a1' }, …)`), then children. Strings
 * become text; a string given to a block that holds blocks becomes a `text_block`. Structural nodes get a
 * fresh id unless one is given.
 */
import { Fragment, type Attrs, type Mark, type Node } from 'prosemirror-model';
import { canonicalizeBrackets } from './brackets';
import { newNodeId } from './ids';
import { treatySchema, type ProvenanceAttrs } from './schema';

/** A child given to a builder: a node, a run of marked text, or a plain string. */
export type Child = Node | MarkedText | string;

/** Text carrying marks, produced by the mark builders {@link bracket} and {@link provenance}. */
export interface MarkedText {
  readonly nodes: readonly Node[];
}

type Args = readonly [Partial<Attrs> | Child | undefined, ...Child[]];

function isMarkedText(value: unknown): value is MarkedText {
  return typeof value === 'object' && value !== null && 'nodes' in value;
}

function split(args: Args): { attrs: Attrs; children: Child[] } {
  const [first, ...rest] = args;
  if (first === undefined) return { attrs: {}, children: rest };
  if (typeof first === 'string' || isMarkedText(first) || isNode(first)) return { attrs: {}, children: [first, ...rest] };
  return { attrs: first as Attrs, children: rest };
}

function isNode(value: unknown): value is Node {
  return typeof value === 'object' && value !== null && 'type' in value && 'nodeSize' in value;
}

function inline(children: readonly Child[]): Node[] {
  return children.flatMap((child) => {
    if (typeof child === 'string') return child ? [treatySchema.text(child)] : [];
    if (isMarkedText(child)) return [...child.nodes];
    return [child];
  });
}

function blocks(children: readonly Child[]): Node[] {
  return children.flatMap((child) => {
    if (typeof child === 'string' || isMarkedText(child)) return [textBlock(child)];
    return [child];
  });
}

function withId(attrs: Attrs): Attrs {
  return { ...attrs, id: attrs['id'] ?? newNodeId() };
}

function create(name: string, attrs: Attrs, content: readonly Node[]): Node {
  return treatySchema.node(name, attrs, Fragment.fromArray([...content]));
}

/** A `doc` node, its nested brackets in canonical order. */
export function doc(...children: Node[]): Node {
  return canonicalizeBrackets(create('doc', {}, children));
}

/** A `title`. */
export function title(...children: Child[]): Node {
  return create('title', {}, inline(children));
}

/** A `preamble` of recitals; strings become recitals. */
export function preamble(...children: Child[]): Node {
  return create('preamble', {}, children.map((child) => (isNode(child) ? child : recital(child))));
}

/** A `recital` (preambular paragraph). */
export function recital(...args: Args): Node {
  const { attrs, children } = split(args);
  return create('recital', withId(attrs), inline(children));
}

/** A `chapter`; its first child must be a heading. */
export function chapter(...args: Args): Node {
  const { attrs, children } = split(args);
  return create('chapter', withId(attrs), blocks(children));
}

/** A `heading` of an article or chapter. */
export function heading(...children: Child[]): Node {
  return create('heading', {}, inline(children));
}

/** An `article` (attrs: `id`, `status`). */
export function article(...args: Args): Node {
  const { attrs, children } = split(args);
  return create('article', withId(attrs), blocks(children));
}

/** A `paragraph` (attrs: `id`, `status`); leading strings and marked text become its text. */
export function p(...args: Args): Node {
  const { attrs, children } = split(args);
  return create('paragraph', withId(attrs), leadText(children));
}

/** A `subparagraph`; leading strings and marked text become its text. */
export function sub(...args: Args): Node {
  const { attrs, children } = split(args);
  return create('subparagraph', withId(attrs), leadText(children));
}

/**
 * The content of a paragraph or subparagraph: its leading inline children become its text_block, unless it
 * opens with an option group standing for its text; the rest are its subparagraphs and option groups.
 */
function leadText(children: readonly Child[]): Node[] {
  const firstBlock = children.findIndex((child) => isNode(child) && !child.isInline);
  const lead = firstBlock < 0 ? children : children.slice(0, firstBlock);
  const rest = firstBlock < 0 ? [] : children.slice(firstBlock);
  const first = rest[0];
  const textInOptions = lead.length === 0 && isNode(first) && first.type.name === 'option_group';
  return [...(textInOptions ? [] : [textBlock(...lead)]), ...blocks(rest)];
}

/** A `text_block`. */
export function textBlock(...children: Child[]): Node {
  return create('text_block', {}, inline(children));
}

/** An `option_group` of options. */
export function options(...args: Args): Node {
  const { attrs, children } = split(args);
  return create('option_group', withId(attrs), blocks(children));
}

/** An `option` (attrs: `id`, `sponsors`, `proposalIds`, `isBase`); strings become text_blocks. */
export function option(...args: Args): Node {
  const { attrs, children } = split(args);
  return create('option', withId(attrs), blocks(children));
}

function marked(mark: Mark, children: readonly Child[]): MarkedText {
  return { nodes: inline(children).map((node) => node.mark(mark.addToSet(node.marks))) };
}

/** Text inside a bracket (attrs: `id`, fresh unless given); brackets nest by nesting the builders. */
export function bracket(...args: readonly [{ readonly id?: string } | Child, ...Child[]]): MarkedText {
  const [first, ...rest] = args;
  const hasAttrs = typeof first === 'object' && !isNode(first) && !isMarkedText(first);
  const id = hasAttrs ? ((first as { id?: string }).id ?? newNodeId()) : newNodeId();
  const children = hasAttrs ? rest : [first as Child, ...rest];
  return marked(treatySchema.marks.bracket.create({ id }), children);
}

/** Words referring to the provision `target` (an `xref` mark). */
export function xref(target: string, ...children: Child[]): MarkedText {
  return marked(treatySchema.marks.xref.create({ target }), children);
}

/** Text carrying a provenance mark. */
export function provenance(attrs: Partial<ProvenanceAttrs> & Pick<ProvenanceAttrs, 'kind' | 'ref'>, ...children: Child[]): MarkedText {
  return marked(treatySchema.marks.provenance.create(attrs), children);
}

/** A `footnote` standing in text (attrs: `id`, fresh unless given); its children are the note's words. */
export function footnote(...args: Args): Node {
  const { attrs, children } = split(args);
  return create('footnote', withId(attrs), inline(children));
}
