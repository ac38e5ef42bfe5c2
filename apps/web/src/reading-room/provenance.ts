import { PROVENANCE_KINDS, type ProvenanceAttrs, type ProvenanceKind } from '@concord/schema';
import type { Mark, Node } from 'prosemirror-model';

/** What a reader is told a span of text comes from: a delegation, the base text, the secretariat, or nobody known. */
export type OriginKind = 'delegation' | 'base' | 'edit' | 'translation' | 'none';

/**
 * The origin a span of text is counted and coloured under. Proposed text counts for its first delegation, the
 * proposer (a provenance mark lists the proposer first, then co-sponsors and supporters); every base text counts
 * as one origin, every secretariat edit as another, and every translation (whatever it renders) as a third.
 */
export interface Origin {
  /** `delegation:EGY`, `base`, `edit`, `translation` or `none`. */
  readonly key: string;
  readonly kind: OriginKind;
  /** The delegation's code, for `delegation` origins. */
  readonly delegation: string | null;
}

/** One origin's share of a text. */
export interface ProvenanceShare extends Origin {
  /** Characters (Unicode code points) of the text from this origin. */
  readonly characters: number;
  /** `characters` over all the characters of the text, between 0 and 1. */
  readonly share: number;
}

/** The origin of text with no provenance mark (a text never compiled, or typed where nothing attributed it). */
export const NO_ORIGIN: Origin = { key: 'none', kind: 'none', delegation: null };

function isProvenanceKind(value: unknown): value is ProvenanceKind {
  return (PROVENANCE_KINDS as readonly unknown[]).includes(value);
}

/** The attributes of a provenance mark, checked, or `null` when the mark is not one. */
export function provenanceAttrs(mark: Mark): ProvenanceAttrs | null {
  if (mark.type.name !== 'provenance') return null;
  const { kind, ref, delegations, label } = mark.attrs;
  if (!isProvenanceKind(kind)) return null;
  return {
    kind,
    ref: typeof ref === 'string' ? ref : '',
    delegations: Array.isArray(delegations) ? delegations.filter((code): code is string => typeof code === 'string') : [],
    label: typeof label === 'string' ? label : '',
  };
}

/** The provenance of a text node, if it has one. */
export function provenanceOfText(node: Node): ProvenanceAttrs | null {
  for (const mark of node.marks) {
    const attrs = provenanceAttrs(mark);
    if (attrs !== null) return attrs;
  }
  return null;
}

/** The origin a provenance mark counts for; see {@link Origin}. */
export function originOf(attrs: ProvenanceAttrs | null): Origin {
  if (attrs === null) return NO_ORIGIN;
  switch (attrs.kind) {
    case 'base':
      return { key: 'base', kind: 'base', delegation: null };
    case 'edit':
      return { key: 'edit', kind: 'edit', delegation: null };
    case 'translation':
      return { key: 'translation', kind: 'translation', delegation: null };
    case 'proposal': {
      const proposer = attrs.delegations[0];
      return proposer === undefined ? NO_ORIGIN : { key: `delegation:${proposer}`, kind: 'delegation', delegation: proposer };
    }
  }
}

const KIND_ORDER: Readonly<Record<OriginKind, number>> = { base: 0, delegation: 1, translation: 2, edit: 3, none: 4 };

/**
 * The share of a document's characters by origin (see {@link Origin}), every text counted once, options and
 * bracketed text included: the base text first, then delegations from the largest share down (ties by code),
 * then translation, secretariat edits and unattributed text. An empty document has no shares.
 */
export function provenanceShares(doc: Node): readonly ProvenanceShare[] {
  const counts = new Map<string, { origin: Origin; characters: number }>();
  let total = 0;
  doc.descendants((node) => {
    if (!node.isText) return true;
    const characters = [...(node.text ?? '')].length;
    if (characters === 0) return false;
    const origin = originOf(provenanceOfText(node));
    const entry = counts.get(origin.key) ?? { origin, characters: 0 };
    entry.characters += characters;
    counts.set(origin.key, entry);
    total += characters;
    return false;
  });
  return [...counts.values()]
    .map(({ origin, characters }) => ({ ...origin, characters, share: characters / total }))
    .sort(
      (a, b) =>
        KIND_ORDER[a.kind] - KIND_ORDER[b.kind] ||
        b.characters - a.characters ||
        (a.delegation ?? '').localeCompare(b.delegation ?? ''),
    );
}

/** The colours of an origin: `strong` for bars, swatches and underlines, `tint` behind highlighted text. */
export interface OriginColor {
  readonly strong: string;
  readonly tint: string;
}

/**
 * Colours for delegations, each at least 4.5:1 against white (so they also serve as text colours) and told apart
 * by hue; tints are light enough for black text to keep its contrast.
 */
export const DELEGATION_PALETTE: readonly OriginColor[] = [
  { strong: '#1f5fa8', tint: '#dce8f6' },
  { strong: '#b3401f', tint: '#f8e0d8' },
  { strong: '#2e7031', tint: '#ddefdc' },
  { strong: '#7a3b9e', tint: '#ecdff4' },
  { strong: '#8a5a00', tint: '#f6ead0' },
  { strong: '#b0185a', tint: '#f8dbe7' },
  { strong: '#00706a', tint: '#d5efed' },
  { strong: '#4d5b12', tint: '#e8eccf' },
  { strong: '#3d44a8', tint: '#e0e1f5' },
  { strong: '#8c3d3d', tint: '#f2dede' },
];

const FIXED_COLORS: Readonly<Record<Exclude<OriginKind, 'delegation'>, OriginColor>> = {
  base: { strong: '#5f6368', tint: '#eceef0' },
  edit: { strong: '#1d1d1b', tint: '#fff1b8' },
  translation: { strong: '#2f5d62', tint: '#dcecee' },
  none: { strong: '#8a8d90', tint: '#f5f6f7' },
};

function hashCode(text: string): number {
  let hash = 0;
  for (const char of text) hash = (hash * 31 + (char.codePointAt(0) ?? 0)) >>> 0;
  return hash;
}

/**
 * A colour for each origin. A delegation keeps the palette slot its code hashes to, so it has the same colour
 * in every revision, unless another delegation of the same text took it first (codes in alphabetical order);
 * then it takes the next free slot. Only beyond ten delegations do colours repeat.
 */
export function originColors(origins: readonly Origin[]): ReadonlyMap<string, OriginColor> {
  const colors = new Map<string, OriginColor>();
  const taken = new Set<number>();
  const delegations = [...new Set(origins.flatMap((origin) => (origin.delegation === null ? [] : [origin.delegation])))].sort();
  for (const code of delegations) {
    const preferred = hashCode(code) % DELEGATION_PALETTE.length;
    let slot = preferred;
    for (let step = 0; step < DELEGATION_PALETTE.length && taken.has(slot); step++) {
      slot = (preferred + step + 1) % DELEGATION_PALETTE.length;
    }
    taken.add(slot);
    colors.set(`delegation:${code}`, DELEGATION_PALETTE[slot] ?? FIXED_COLORS.none);
  }
  for (const origin of origins) {
    if (origin.kind !== 'delegation') colors.set(origin.key, FIXED_COLORS[origin.kind]);
  }
  return colors;
}

/** The colour of an origin in `colors`, with a neutral one for an origin the map lacks. */
export function colorOf(colors: ReadonlyMap<string, OriginColor>, key: string): OriginColor {
  return colors.get(key) ?? FIXED_COLORS.none;
}

/** A run of inline content: text, or a mark (bracket, provenance) around further runs. */
export type InlineItem =
  | { readonly type: 'text'; readonly text: string }
  | { readonly type: 'mark'; readonly mark: Mark; readonly children: readonly InlineItem[] }
  /** A footnote of the text, where its marker stands. */
  | { readonly type: 'note'; readonly node: Node };

interface OpenMark {
  readonly mark: Mark;
  readonly children: InlineItem[];
}

interface Extent {
  readonly from: number;
  readonly to: number;
}

/**
 * The marks of each text of a block, brackets put outer first (opening earlier, or at the same place and closing
 * later; ties by id), so that nested brackets nest. Documents read with `docFromJSON` are already in this order;
 * this keeps the rendering right for any other.
 */
function orderedMarks(block: Node): readonly (readonly Mark[])[] {
  const extents = new Map<string, Extent>();
  block.forEach((child, offset) => {
    for (const mark of child.marks) {
      if (mark.type.name !== 'bracket') continue;
      const id = String(mark.attrs['id']);
      const extent = extents.get(id);
      const to = offset + child.nodeSize;
      extents.set(id, extent ? { from: Math.min(extent.from, offset), to: Math.max(extent.to, to) } : { from: offset, to });
    }
  });
  const outerFirst = (a: Mark, b: Mark): number => {
    const ea = extents.get(String(a.attrs['id']));
    const eb = extents.get(String(b.attrs['id']));
    if (ea && eb && ea.from !== eb.from) return ea.from - eb.from;
    if (ea && eb && ea.to !== eb.to) return eb.to - ea.to;
    return String(a.attrs['id']).localeCompare(String(b.attrs['id']));
  };
  const result: (readonly Mark[])[] = [];
  block.forEach((child) => {
    const brackets = child.marks.filter((mark) => mark.type.name === 'bracket').sort(outerFirst);
    let next = 0;
    // One type's marks are contiguous (marks are ordered by type rank): the sorted brackets take their places.
    result.push(child.marks.map((mark) => (mark.type.name === 'bracket' ? (brackets[next++] as Mark) : mark)));
  });
  return result;
}

/**
 * The inline content of a text block as a tree of marks, the way ProseMirror's DOM serializer nests them: a mark
 * shared by neighbouring texts is opened once around all of them, so a bracket around several differently
 * attributed words stays one bracket, and nested brackets nest. Where two brackets overlap without nesting, the
 * inner one is closed and reopened where they cross.
 */
export function inlineTree(block: Node): readonly InlineItem[] {
  const root: InlineItem[] = [];
  const stack: OpenMark[] = [];
  const container = (): InlineItem[] => stack[stack.length - 1]?.children ?? root;
  const marksOf = orderedMarks(block);
  block.forEach((child, _offset, index) => {
    if (child.type.name === 'footnote') {
      // The marker stays inside the brackets that go on after it, never inside attributed text (whose span is a
      // button of its own).
      const after = marksOf[index + 1] ?? [];
      let keep = 0;
      while (keep < stack.length && stack[keep]?.mark.type.name === 'bracket' && after.some((mark) => mark.eq((stack[keep] as OpenMark).mark))) keep++;
      stack.length = keep;
      container().push({ type: 'note', node: child });
      return;
    }
    if (!child.isText) return;
    const marks = marksOf[index] ?? child.marks;
    let keep = 0;
    while (keep < stack.length && keep < marks.length && stack[keep]?.mark.eq(marks[keep] as Mark)) keep++;
    stack.length = keep;
    for (const mark of marks.slice(keep)) {
      const open: OpenMark = { mark, children: [] };
      container().push({ type: 'mark', mark, children: open.children });
      stack.push(open);
    }
    container().push({ type: 'text', text: child.text ?? '' });
  });
  return root;
}
