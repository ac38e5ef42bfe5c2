import { formatAttribution } from '@concord/compile';
import { findSuspiciousCharacters } from '@concord/domain';
import { formatLabel, readableNotes } from '@concord/schema';
import { IdAllocator } from '../revision/eids';
import { formatDate, formatNumber } from '../revision/locale';
import { COMPILATION_CAPTIONS, type CompilationCaptions } from './captions';
import type { CompilationChange, CompilationInput, CompilationProposal, CompilationTextEdit } from './compilation-input';

/**
 * A compilation of proposals laid out once for the HTML and DOCX writers: labels, attributions, dates and the
 * changes of each proposal as runs of kept, inserted and deleted text.
 */

/** A run of the text of a change: kept, inserted or deleted. */
export interface ChangeSegment {
  readonly kind: 'same' | 'inserted' | 'deleted';
  readonly text: string;
}

/** A change as shown: a text with its edits, or the text of provisions added or deleted. */
export type ChangeView =
  | { readonly kind: 'text'; readonly segments: readonly ChangeSegment[] }
  | { readonly kind: 'insert'; readonly text: string }
  | { readonly kind: 'delete'; readonly text: string };

/** A proposal as listed. */
export interface ProposalView {
  readonly id: string;
  readonly eId: string;
  /** "(a)", "(b)", … in the language's enumeration ("(أ)", "(ب)" in abjad order in Arabic). */
  readonly label: string;
  readonly sponsor: string;
  /** "Proposed by …, co-sponsored by …; supported by …". */
  readonly attribution: string;
  readonly late: boolean;
  /** The submission date as the language writes it, and as given. */
  readonly submitted: string;
  readonly submittedAt: string;
  readonly proposedText: string;
  readonly changes: readonly ChangeView[];
  readonly justification: string;
  /** "U+202E RIGHT-TO-LEFT OVERRIDE", once per kind of suspicious character in anything the delegation wrote. */
  readonly suspicious: readonly string[];
}

/** A provision and its proposals as listed. */
export interface ProvisionView {
  readonly id: string;
  readonly eId: string;
  readonly label: string;
  readonly heading: string;
  readonly baseText: string;
  readonly proposals: readonly ProposalView[];
}

/** A compilation laid out for the writers. */
export interface CompilationView {
  readonly captions: CompilationCaptions;
  readonly session: string | null;
  readonly provisions: readonly ProvisionView[];
}

/** A piece of text to print: ordinary text, or a suspicious character made visible as its code point. */
export type VisiblePiece = { readonly text: string } | { readonly codePoint: string; readonly name: string };

/**
 * Text split around bidirectional controls and invisible characters, which are shown by their code point rather
 * than printed: a U+202E printed as itself would make the proposal read differently from what was submitted.
 */
export function visiblePieces(text: string): readonly VisiblePiece[] {
  const pieces: VisiblePiece[] = [];
  let from = 0;
  for (const found of findSuspiciousCharacters(text)) {
    if (found.index > from) pieces.push({ text: text.slice(from, found.index) });
    pieces.push({ codePoint: found.codePoint, name: found.name });
    from = found.index + String.fromCodePoint(Number.parseInt(found.codePoint.slice(2), 16)).length;
  }
  if (from < text.length) pieces.push({ text: text.slice(from) });
  return pieces;
}

/**
 * The runs of a text change: the text before, with each edit's `[from, to)` shown deleted and its insertion shown
 * inserted. Edits are applied in order of position; one that overlaps an earlier one or falls outside the text is
 * ignored rather than garbling the display.
 */
export function changeSegments(before: string, edits: readonly CompilationTextEdit[]): readonly ChangeSegment[] {
  const segments: ChangeSegment[] = [];
  // Edits take whole footnotes, so every piece shows its notes' boundaries in pairs.
  const push = (kind: ChangeSegment['kind'], text: string): void => {
    if (text !== '') segments.push({ kind, text: readableNotes(text) });
  };
  let pos = 0;
  for (const edit of [...edits].sort((a, b) => a.from - b.from || a.to - b.to)) {
    if (edit.from < pos || edit.to < edit.from || edit.to > before.length) continue;
    push('same', before.slice(pos, edit.from));
    push('deleted', before.slice(edit.from, edit.to));
    push('inserted', edit.inserted);
    pos = edit.to;
  }
  push('same', before.slice(pos));
  return segments;
}

function isRecord(value: unknown): value is Readonly<Record<string, unknown>> {
  return typeof value === 'object' && value !== null;
}

/**
 * The text of a node as a proposal record stores it: ProseMirror JSON (`{ type, content, text }`) or a
 * ProseMirror node (read through its `toJSON`). Blocks are separated by line breaks; anything else gives ''.
 */
export function nodeText(node: unknown): string {
  return textOf(node, false);
}

function textOf(node: unknown, fromJSON: boolean): string {
  if (!isRecord(node)) return '';
  if (typeof node['text'] === 'string') return node['text'];
  const content = node['content'];
  const toJSON = node['toJSON'];
  // A ProseMirror node keeps its children in a Fragment, not an array: read it as its JSON.
  if (!Array.isArray(content)) return typeof toJSON === 'function' && !fromJSON ? textOf((toJSON as () => unknown).call(node), true) : '';
  const children = content as readonly unknown[];
  const inline = children.every((child) => isRecord(child) && typeof child['text'] === 'string');
  return children
    .map((child) => textOf(child, false))
    .filter((text) => text !== '')
    .join(inline ? '' : '\n');
}

function changeView(change: CompilationChange): ChangeView {
  switch (change.kind) {
    case 'text':
      return { kind: 'text', segments: changeSegments(change.before, change.edits) };
    case 'insert':
      return { kind: 'insert', text: change.nodes.map((node) => nodeText(node)).filter((text) => text !== '').join('\n') };
    case 'delete':
      return { kind: 'delete', text: nodeText(change.node) };
  }
}

function suspiciousIn(proposal: CompilationProposal, changes: readonly ChangeView[]): readonly string[] {
  const texts = [
    proposal.proposedText,
    proposal.justification,
    ...changes.flatMap((change) => (change.kind === 'text' ? change.segments.map((segment) => segment.text) : [change.text])),
  ];
  const names = new Map<string, string>();
  for (const text of texts) for (const found of findSuspiciousCharacters(text)) names.set(found.codePoint, found.name);
  return [...names].map(([codePoint, name]) => `${codePoint} ${name}`);
}

/** Lays out a compilation: provisions in the order given, proposals labelled (a), (b), … in that order. */
export function compilationView(input: CompilationInput): CompilationView {
  const { language } = input;
  const captions = COMPILATION_CAPTIONS[language];
  const ids = new IdAllocator(['notes']);
  let ordinal = 0;
  const provisions = input.provisions.map(
    (provision): ProvisionView => ({
      id: provision.id,
      eId: ids.allocate('provision', provision.id, ++ordinal),
      label: provision.label,
      heading: provision.heading,
      baseText: provision.baseText,
      proposals: provision.proposals.map((proposal, index): ProposalView => {
        const changes = proposal.changes.map(changeView);
        return {
          id: proposal.id,
          eId: ids.allocate('proposal', proposal.id, ++ordinal),
          label: formatLabel('subparagraph', index + 1, language, 1),
          sponsor: proposal.sponsor,
          // Names are given rather than codes; formatAttribution prints what it cannot look up as it is.
          attribution: formatAttribution({ proposers: [proposal.sponsor], coSponsors: proposal.coSponsors, supporters: proposal.supporters }, language),
          late: proposal.late,
          submitted: formatDate(proposal.submittedAt, language),
          submittedAt: proposal.submittedAt,
          proposedText: proposal.proposedText,
          changes,
          justification: proposal.justification,
          suspicious: suspiciousIn(proposal, changes),
        };
      }),
    }),
  );
  const session = input.session ? captions.session(formatNumber(input.session.number, language), input.session.title) : null;
  return { captions, session, provisions };
}
