import { treatySchema } from '@concord/schema';
import { Fragment, type Mark, type Node } from 'prosemirror-model';
import { attributionCodes, attributionOf } from './attribution';
import { fingerprint } from './fingerprint';
import { bracketMark, joinText, mapText, restamp, splice, withProvenance, type Splice } from './inline';
import type { PlacedEdit, Placement } from './place';
import { childKeys, ownerId, ROOT_SLOT, structuralIds, type Slot, type SlotIndex } from './slots';
import type { Conflict, ConflictReason, Proposal } from './types';

/** A retained proposal: its decision and its rank in the order of sponsor code, then id. */
export interface Entry {
  readonly proposal: Proposal;
  readonly decision: 'incorporate' | 'present-as-option';
  readonly rank: number;
}

/** A retained proposal and its changes placed in the base. */
export interface Placed {
  readonly entry: Entry;
  readonly placement: Placement;
}

/** What assembling needs besides the proposals. */
export interface AssemblyContext {
  readonly current: SlotIndex;
  readonly baseMark: Mark;
  readonly bracketIncorporated: boolean;
  /** The provenance mark of text put forward by these proposals (in rank order). */
  readonly markFor: (entries: readonly Entry[]) => Mark;
  /** Who is behind an option put forward by these proposals, in words, by language. */
  readonly attributionFor: (entries: readonly Entry[]) => Readonly<Record<string, string>>;
}

/** The assembled text, or the proposals that broke it; and which proposals stand in the text or as options. */
export interface Assembly {
  readonly doc: Node;
  readonly failures: readonly Conflict[];
  /** Proposals with changes made in the text itself. */
  readonly direct: ReadonlySet<string>;
  /** Proposals with changes standing as options or in brackets. */
  readonly optioned: ReadonlySet<string>;
}

/** One formulation of a text: the edits that one or several proposals (identical in these edits) make. */
interface Formulation {
  readonly entries: readonly Entry[];
  readonly edits: readonly PlacedEdit[];
  readonly incorporate: boolean;
}

/** One option of a text being assembled. */
interface Alternative {
  readonly isBase: boolean;
  readonly entries: Entry[];
  readonly content: Fragment;
}

interface Span {
  readonly from: number;
  readonly to: number;
}

const OPTION_SITES: ReadonlySet<string> = new Set(['paragraph', 'subparagraph']);

function push<K, V>(map: Map<K, V[]>, key: K, value: V): void {
  const list = map.get(key);
  if (list) list.push(value);
  else map.set(key, [value]);
}

function byRank(a: Entry, b: Entry): number {
  return a.rank - b.rank;
}

/**
 * Whether two edits of one text overlap: they replace common characters, or one inserts inside or right next
 * to what the other replaces or inserts. Words inserted against replaced words ("The Member States" against
 * "The Parties") are competing formulations, not parts to merge.
 */
function spansOverlap(a: Span, b: Span): boolean {
  if (a.from === a.to) return b.from <= a.from && a.from <= b.to;
  if (b.from === b.to) return a.from <= b.from && b.from <= a.to;
  return a.from < b.to && b.from < a.to;
}

function editsOverlap(a: readonly Span[], b: readonly Span[]): boolean {
  return a.some((x) => b.some((y) => spansOverlap(x, y)));
}

function signature(edits: readonly PlacedEdit[]): string {
  return JSON.stringify(edits.map((edit) => [edit.from, edit.to, edit.inserted]));
}

/**
 * Builds the consolidated text from the base and the placed proposals, in one walk of the base. Proposals that
 * make a container invalid (or add an id another proposal's different text adds) are returned as failures.
 */
export function assemble(placed: readonly Placed[], context: AssemblyContext): Assembly {
  const { current, baseMark, markFor } = context;
  const texts = new Map<string, { entry: Entry; edits: readonly PlacedEdit[] }[]>();
  const runs = new Map<string, { entry: Entry; nodes: readonly Node[] }[]>();
  const deletes = new Map<string, Entry[]>();
  for (const { entry, placement } of placed) {
    for (const text of placement.texts) push(texts, text.site, { entry, edits: text.edits });
    for (const insert of placement.inserts) push(runs, insert.anchor, { entry, nodes: insert.nodes });
    for (const key of placement.deletes) push(deletes, key, entry);
  }

  // For each node some proposal deletes: the proposals that change something inside it.
  const touched = new Map<string, Set<string>>();
  if (deletes.size > 0) {
    const touch = (from: Slot | null | undefined, entry: Entry): void => {
      for (let at = from; at; at = at.parent) {
        if (!deletes.has(at.key)) continue;
        const set = touched.get(at.key) ?? new Set<string>();
        set.add(entry.proposal.id);
        touched.set(at.key, set);
      }
    };
    for (const { entry, placement } of placed) {
      for (const text of placement.texts) touch(current.slots.get(text.site), entry);
      for (const insert of placement.inserts) touch(current.slots.get(insert.container), entry);
      for (const key of placement.deletes) touch(current.slots.get(key)?.parent, entry);
    }
  }

  const direct = new Set<string>();
  const optioned = new Set<string>();
  const failures = new Map<string, Conflict>();
  const fail = (entries: readonly Entry[], reason: ConflictReason, target: string | null, message: string): void => {
    for (const { proposal } of entries) {
      if (!failures.has(proposal.id)) failures.set(proposal.id, { proposalId: proposal.id, reason, target, message });
    }
  };
  const usedIds = new Map<string, readonly Entry[]>();

  const baseText = (node: Node): Node => mapText(node, (text) => withProvenance(text, baseMark));

  /** The splices of a formulation; each edit's words are attributed to every proposal making that very edit. */
  const splicesOf = (formulation: Formulation, owners: ReadonlyMap<string, readonly Entry[]>, bracketScope: string | null): Splice[] => {
    const first = formulation.entries[0]?.proposal.id ?? '';
    return formulation.edits.map((edit, index) => ({
      from: edit.from,
      to: edit.to,
      content: edit.content,
      provenance: markFor(owners.get(signature([edit])) ?? formulation.entries),
      bracket: bracketScope === null ? null : bracketMark(`inc:${first}:${bracketScope}:${index}`),
    }));
  };
  const sorted = (splices: Splice[]): Splice[] => splices.sort((a, b) => a.from - b.from || a.to - b.to);

  /** The text of a site with the proposals' edits: merged, as an option group, or as bracketed alternatives. */
  const buildSite = (slot: Slot, contributions: readonly { entry: Entry; edits: readonly PlacedEdit[] }[]): Node => {
    // A formulation is incorporated when any of its proposals is: an option identical to incorporated text
    // would only repeat it.
    const groups = new Map<string, Formulation>();
    const owners = new Map<string, Entry[]>();
    for (const { entry, edits } of contributions) {
      const key = signature(edits);
      const group = groups.get(key);
      const incorporate = entry.decision === 'incorporate';
      if (group) groups.set(key, { entries: [...group.entries, entry], edits: group.edits, incorporate: group.incorporate || incorporate });
      else groups.set(key, { entries: [entry], edits, incorporate });
      for (const edit of edits) push(owners, signature([edit]), entry);
    }
    const formulations = [...groups.values()];
    const incorporated = formulations.filter((formulation) => formulation.incorporate);
    // Incorporated formulations that overlap one another compete; the others merge into the text.
    const contested = new Set<Formulation>();
    incorporated.forEach((a, i) => {
      for (const b of incorporated.slice(i + 1)) {
        if (!editsOverlap(a.edits, b.edits)) continue;
        contested.add(a);
        contested.add(b);
      }
    });
    // Where any text stands as an option, every formulation stands as one: an option holds exactly what its
    // proposals propose, and the base's option exactly the base, so incorporated words are never shown as
    // part of a formulation that did not propose them.
    const optionSite = formulations.some((formulation) => !formulation.incorporate) || contested.size > 0;
    const scopeOf = (formulation: Formulation, suffix: string): string | null =>
      formulation.incorporate && context.bracketIncorporated ? `${slot.key}${suffix}` : null;
    if (!optionSite) {
      for (const formulation of formulations) formulation.entries.forEach(({ proposal }) => direct.add(proposal.id));
      const splices = formulations.flatMap((formulation) => splicesOf(formulation, owners, scopeOf(formulation, '')));
      return slot.node.copy(splice(slot.node, sorted(splices), baseMark));
    }
    for (const formulation of formulations) formulation.entries.forEach(({ proposal }) => optioned.add(proposal.id));

    const options: Alternative[] = [];
    if (formulations.some((formulation) => !formulation.incorporate)) {
      options.push({ isBase: true, entries: [], content: splice(slot.node, [], baseMark) });
    }
    const ranked = [...formulations].sort((a, b) => byRank(a.entries[0] as Entry, b.entries[0] as Entry));
    for (const formulation of ranked) {
      const scope = scopeOf(formulation, `@${formulation.entries[0]?.proposal.id ?? ''}`);
      const content = splice(slot.node, sorted(splicesOf(formulation, owners, scope)), baseMark);
      options.push({ isBase: false, entries: [...formulation.entries], content });
    }

    // Alternatives that read the same are one option, attributed to all their proposals.
    const folded = new Map<string, Alternative>();
    for (const option of options) {
      const text = option.content.textBetween(0, option.content.size);
      const same = folded.get(text);
      if (same) folded.set(text, { isBase: same.isBase || option.isBase, entries: [...same.entries, ...option.entries].sort(byRank), content: same.content });
      else folded.set(text, option);
    }
    const distinct = [...folded.values()];
    if (distinct.length === 1) {
      const [only] = distinct as [Alternative];
      only.entries.forEach(({ proposal }) => direct.add(proposal.id));
      return slot.node.copy(only.content);
    }

    const parent = slot.parent?.node.type.name ?? '';
    if (slot.node.type.name === 'text_block' && OPTION_SITES.has(parent)) {
      const groupId = `${ownerId(slot) ?? slot.key}/options`;
      return treatySchema.nodes.option_group.create(
        { id: groupId },
        distinct.map((option) =>
          treatySchema.nodes.option.create(
            {
              id: option.isBase ? `${groupId}/base` : `${groupId}/${option.entries[0]?.proposal.id ?? ''}`,
              sponsors: attributionCodes(attributionOf(option.entries.map((entry) => entry.proposal))),
              proposalIds: option.entries.map((entry) => entry.proposal.id).sort(),
              isBase: option.isBase,
              attribution: option.isBase ? {} : context.attributionFor(option.entries),
            },
            treatySchema.nodes.text_block.create(null, option.content),
          ),
        ),
      );
    }
    const parts: Node[] = [];
    distinct.forEach((option, index) => {
      const bracket = bracketMark(`alt:${slot.key}:${index + 1}`);
      option.content.forEach((text) => parts.push(text.mark(bracket.addToSet(text.marks))));
    });
    return slot.node.copy(joinText(parts));
  };

  /** The new nodes at an anchor, identical runs once, in rank order. */
  const emitRuns = (anchor: string, blame: Entry[]): Node[] => {
    const contributions = runs.get(anchor);
    if (!contributions) return [];
    const groups = new Map<string, { entries: Entry[]; nodes: readonly Node[] }>();
    for (const { entry, nodes } of contributions) {
      const key = nodes.map(fingerprint).join('|');
      const group = groups.get(key);
      if (group) group.entries.push(entry);
      else groups.set(key, { entries: [entry], nodes });
    }
    const out: Node[] = [];
    for (const { entries, nodes } of groups.values()) {
      blame.push(...entries);
      const ids = structuralIds(nodes);
      const clash = ids.find((id) => usedIds.has(id));
      if (clash !== undefined) {
        const message = `Two proposals add different text under the id ${clash}`;
        fail([...entries, ...(usedIds.get(clash) ?? [])], 'id-in-use', clash, message);
        continue;
      }
      for (const id of ids) usedIds.set(id, entries);
      const asOption = entries.some((entry) => entry.decision === 'present-as-option');
      const bracketed = asOption || (context.bracketIncorporated && entries.some((entry) => entry.decision === 'incorporate'));
      for (const { decision, proposal } of entries) (decision === 'incorporate' ? direct : optioned).add(proposal.id);
      const mark = markFor(entries);
      const brackets = bracketed ? [bracketMark(`ins:${entries[0]?.proposal.id ?? ''}:${anchor}`)] : [];
      for (const node of nodes) out.push(mapText(node, (text) => restamp(text, mark, brackets)));
    }
    return out;
  };

  /** What becomes of a node some proposals delete: removed, or kept in brackets when contested or an option. */
  const fate = (key: string): 'keep' | 'remove' | 'bracket' => {
    const deleters = deletes.get(key);
    if (!deleters) return 'keep';
    const own = new Set(deleters.map((entry) => entry.proposal.id));
    const contested = [...(touched.get(key) ?? [])].some((id) => !own.has(id));
    if (!contested && deleters.every((entry) => entry.decision === 'incorporate')) {
      for (const { proposal } of deleters) direct.add(proposal.id);
      return 'remove';
    }
    for (const { proposal } of deleters) optioned.add(proposal.id);
    return 'bracket';
  };

  const build = (slot: Slot): Node => {
    const { node } = slot;
    if (node.isTextblock) {
      const contributions = texts.get(slot.key);
      return contributions ? buildSite(slot, contributions) : baseText(node);
    }
    const keys = childKeys(node, slot.key);
    const children: Node[] = [];
    // The children had no node been removed, to tell whether removals or insertions broke the content.
    const unremoved: Node[] = [];
    const inserters: Entry[] = [];
    const removers: Entry[] = [];
    const emit = (anchor: string): void => {
      const nodes = emitRuns(anchor, inserters);
      children.push(...nodes);
      unremoved.push(...nodes);
    };
    node.forEach((child, _offset, index) => {
      const key = keys[index] as string;
      emit(`before:${key}`);
      const childSlot = current.slots.get(key);
      const built = childSlot ? build(childSlot) : baseText(child);
      const what = fate(key);
      if (what === 'remove') {
        removers.push(...(deletes.get(key) ?? []));
        unremoved.push(built);
      } else {
        const bracket = bracketMark(`del:${key}`);
        const kept = what === 'bracket' ? mapText(built, (text) => text.mark(bracket.addToSet(text.marks))) : built;
        children.push(kept);
        unremoved.push(kept);
      }
      emit(`after:${key}`);
    });
    emit(`end:${slot.key}`);
    const content = Fragment.fromArray(children);
    if (node.type.validContent(content)) return node.copy(content);
    const culprits = removers.length > 0 && node.type.validContent(Fragment.fromArray(unremoved)) ? removers : [...inserters, ...removers];
    if (culprits.length === 0) throw new Error(`Assembling ${slot.key} gave invalid content with no proposal to blame`);
    const where = ownerId(slot) ?? slot.key;
    fail(culprits, 'invalid-structure', where, `The changes would leave ${where} with content the treaty schema does not allow`);
    return node;
  };

  const root = current.slots.get(ROOT_SLOT);
  const doc = root ? build(root) : current.doc;
  return { doc, failures: [...failures.values()], direct, optioned };
}
