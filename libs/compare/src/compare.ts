import { isRightToLeft, type Language } from '@concord/domain';
import type { ProvenanceAttrs } from '@concord/schema';
import type { Node } from 'prosemirror-model';
import type { BlockComparison, CompareOptions, Comparison, ConcordanceRow, DiffPart, ProvenanceSpan } from './comparison';
import { outline, readInline, type Outline, type OutlineBlock, type OutlineProvision, type ProvenanceRun } from './outline';
import { longestIncreasingSubsequence, mergeOrder } from './sequence';
import { diffText } from './words';

const NONE: readonly ProvenanceSpan[] = [];

/**
 * Compares two versions of a treaty text in one language, for instance two revisions or a revision and the
 * live draft.
 *
 * - The concordance table matches chapters, articles and paragraphs by stable id and reports each as added,
 *   deleted, moved, renumbered (old number → new number), with changed text or status, or unchanged. Moves
 *   are found against the longest common order, so inserting one article renumbers the following ones
 *   without moving them.
 * - Every text-bearing node is matched by its owner's id and diffed word by word, but only when its text
 *   differs, so the cost follows what changed rather than the length of the document.
 * - Inserted text carries the provenance marks the newer document has on it.
 *
 * Text is compared in logical order, so right-to-left text needs no special handling and gets no
 * bidirectional control characters.
 */
export function compare(older: Node, newer: Node, options: CompareOptions): Comparison {
  const { language } = options;
  const before = outline(older, language, options.numbering);
  const after = outline(newer, language, options.numbering);
  const touched = new Set<string>();
  const blocks = compareBlocks(before, after, language, touched);
  const concordance = concordanceRows(before, after, touched);
  const identical =
    concordance.every((row) => row.unchanged) && blocks.every((block) => block.change === 'unchanged' && block.oldNumber === block.newNumber);
  return { language, direction: isRightToLeft(language) ? 'rtl' : 'ltr', concordance, blocks, identical };
}

/** Compares every block of text, collecting into `touched` the provisions whose words changed. */
function compareBlocks(before: Outline, after: Outline, language: Language, touched: Set<string>): BlockComparison[] {
  const order = mergeOrder(
    before.blocks.map((block) => block.key),
    after.blocks.map((block) => block.key),
    after.blockByKey,
  );
  return order.map((key) => {
    const old = before.blockByKey.get(key);
    const current = after.blockByKey.get(key);
    const compared = compareBlock(old, current, language);
    if (compared.change !== 'unchanged') {
      for (const id of old?.provisions ?? []) touched.add(id);
      for (const id of current?.provisions ?? []) touched.add(id);
    }
    return compared;
  });
}

function compareBlock(old: OutlineBlock | undefined, current: OutlineBlock | undefined, language: Language): BlockComparison {
  const block = current ?? old;
  if (!block) throw new RangeError('compareBlock needs a block on at least one side');
  const head = {
    key: block.key,
    role: block.role,
    ownerId: block.ownerId,
    ownerKind: block.ownerKind,
    provisionId: block.provisions[block.provisions.length - 1] ?? null,
    depth: block.depth,
    oldNumber: old?.label ?? null,
    newNumber: current?.label ?? null,
  };
  if (!old && current) {
    const parts: DiffPart[] = current.text ? [{ kind: 'insert', text: current.text, provenance: provenanceOf(current, 0, current.text.length) }] : [];
    return { ...head, change: 'added', parts };
  }
  if (old && !current) {
    const parts: DiffPart[] = old.text ? [{ kind: 'delete', text: old.text, provenance: NONE }] : [];
    return { ...head, change: 'deleted', parts };
  }
  if (!old || !current || old.text === current.text) {
    return { ...head, change: 'unchanged', parts: block.text ? [{ kind: 'equal', text: block.text, provenance: NONE }] : [] };
  }
  const runs = lazyRuns(current);
  let offset = 0;
  const parts = diffText(old.text, current.text, language).map((change): DiffPart => {
    if (change.kind === 'delete') return { kind: 'delete', text: change.text, provenance: NONE };
    const from = offset;
    offset += change.text.length;
    return { kind: change.kind, text: change.text, provenance: change.kind === 'insert' ? spansIn(runs(), from, offset) : NONE };
  });
  return { ...head, change: 'changed', parts };
}

/** The provenance runs of a block, read from its node the first time they are needed. */
function lazyRuns(block: OutlineBlock): () => readonly ProvenanceRun[] {
  let runs: ProvenanceRun[] | null = null;
  return () => {
    if (runs) return runs;
    runs = [];
    if (block.node) readInline(block.node, runs);
    return runs;
  };
}

function provenanceOf(block: OutlineBlock, from: number, to: number): readonly ProvenanceSpan[] {
  return spansIn(lazyRuns(block)(), from, to);
}

/** The provenance of characters `from`–`to` of a block's text, relative to `from`, adjacent equal marks merged. */
function spansIn(runs: readonly ProvenanceRun[], from: number, to: number): readonly ProvenanceSpan[] {
  const spans: ProvenanceSpan[] = [];
  let last: ProvenanceRun | null = null;
  for (const run of runs) {
    if (run.to <= from) continue;
    if (run.from >= to) break;
    const start = Math.max(run.from, from) - from;
    const end = Math.min(run.to, to) - from;
    const previous = spans[spans.length - 1];
    if (previous && last && previous.to === start && last.mark.eq(run.mark)) {
      spans[spans.length - 1] = { ...previous, to: end };
    } else {
      spans.push({ from: start, to: end, provenance: provenanceAttrs(run) });
    }
    last = run;
  }
  return spans.length > 0 ? spans : NONE;
}

function provenanceAttrs(run: ProvenanceRun): ProvenanceAttrs {
  const { kind, ref, delegations, label } = run.mark.attrs;
  return { kind, ref, delegations, label };
}

function concordanceRows(before: Outline, after: Outline, touched: ReadonlySet<string>): ConcordanceRow[] {
  const moved = movedProvisions(before, after);
  const order = mergeOrder(
    before.provisions.map((provision) => provision.id),
    after.provisions.map((provision) => provision.id),
    after.provisionById,
  );
  return order.map((id) => concordanceRow(before.provisionById.get(id), after.provisionById.get(id), moved, touched));
}

function concordanceRow(
  old: OutlineProvision | undefined,
  current: OutlineProvision | undefined,
  moved: ReadonlySet<string>,
  touched: ReadonlySet<string>,
): ConcordanceRow {
  const provision = current ?? old;
  if (!provision) throw new RangeError('concordanceRow needs a provision on at least one side');
  const both = old !== undefined && current !== undefined;
  const flags = {
    moved: both && moved.has(provision.id),
    renumbered: both && old.label !== current.label,
    textChanged: both && touched.has(provision.id),
    statusChanged: both && old.status !== current.status,
  };
  return {
    id: provision.id,
    kind: provision.kind,
    oldNumber: old?.label ?? null,
    newNumber: current?.label ?? null,
    oldParentNumber: old?.parentLabel ?? null,
    newParentNumber: current?.parentLabel ?? null,
    oldStatus: old?.status ?? null,
    newStatus: current?.status ?? null,
    added: old === undefined,
    deleted: current === undefined,
    ...flags,
    unchanged: both && !flags.moved && !flags.renumbered && !flags.textChanged && !flags.statusChanged,
  };
}

/**
 * The provisions in both documents that left the order the two share. Provisions are grouped by what their
 * order is relative to (the document for chapters and articles, the article for paragraphs); within a group,
 * those on a longest increasing run of old positions stayed and the others moved. A provision whose group
 * changed moved.
 */
function movedProvisions(before: Outline, after: Outline): ReadonlySet<string> {
  const moved = new Set<string>();
  const groups = new Map<string, { ids: string[]; positions: number[] }>();
  for (const provision of after.provisions) {
    const old = before.provisionById.get(provision.id);
    if (!old) continue;
    if (old.kind !== provision.kind || old.container !== provision.container) {
      moved.add(provision.id);
      continue;
    }
    const key = `${provision.kind}/${provision.container}`;
    const group = groups.get(key) ?? { ids: [], positions: [] };
    group.ids.push(provision.id);
    group.positions.push(old.index);
    groups.set(key, group);
  }
  for (const { ids, positions } of groups.values()) {
    const stayed = longestIncreasingSubsequence(positions);
    ids.forEach((id, position) => {
      if (!stayed.has(position)) moved.add(id);
    });
  }
  return moved;
}
