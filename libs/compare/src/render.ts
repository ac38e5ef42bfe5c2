import type { BlockComparison, Comparison, ConcordanceRow, DiffPart, ProvisionKind } from './comparison';
import { attributes, CAPTIONS, escapeHtml, type Captions } from './html';

// Revisions come from many hands and end up in browsers: everything taken from a document is escaped, and
// direction is set by `dir` on the root, never by bidi control characters that would leak into copied text.

type Side = 'old' | 'new';

function rootAttributes(comparison: Comparison, className: string): string {
  return attributes({ class: className, lang: comparison.language, dir: comparison.direction });
}

/** The element a block is written as: the title, chapter and article headings as headings, the rest as paragraphs. */
function tagOf(block: BlockComparison): string {
  if (block.role === 'title') return 'h1';
  if (block.role !== 'heading') return 'p';
  return block.ownerKind === 'chapter' ? 'h2' : 'h3';
}

/** The concordance row of the provision a block opens: a chapter or article heading, or a paragraph's text. */
function rowOf(block: BlockComparison, rows: ReadonlyMap<string, ConcordanceRow>): ConcordanceRow | undefined {
  const opens = block.role === 'heading' || block.ownerKind === 'paragraph';
  return opens && block.ownerId !== null ? rows.get(block.ownerId) : undefined;
}

function blockAttributes(block: BlockComparison, rows: ReadonlyMap<string, ConcordanceRow>, captions: Captions): string {
  const moved = rowOf(block, rows)?.moved === true;
  const classes = ['block', block.role, block.ownerKind, block.change];
  if (block.depth > 0) classes.push(`depth-${block.depth}`);
  if (moved) classes.push('moved');
  return attributes({ class: classes.join(' '), 'data-key': block.key, title: moved ? captions.moved : null });
}

function insertion(part: DiffPart): string {
  let out = '';
  let at = 0;
  for (const span of part.provenance) {
    out += escapeHtml(part.text.slice(at, span.from));
    const { kind, ref, delegations, label } = span.provenance;
    const attrs = attributes({
      class: 'provenance',
      'data-kind': kind,
      'data-ref': ref,
      'data-delegations': delegations.length > 0 ? delegations.join(' ') : null,
      title: label || null,
    });
    out += `<span${attrs}>${escapeHtml(part.text.slice(span.from, span.to))}</span>`;
    at = span.to;
  }
  return `<ins>${out}${escapeHtml(part.text.slice(at))}</ins>`;
}

function partHtml(part: DiffPart): string {
  if (part.kind === 'insert') return insertion(part);
  if (part.kind === 'delete') return `<del>${escapeHtml(part.text)}</del>`;
  return escapeHtml(part.text);
}

function numberHtml(inner: string, block: BlockComparison): string {
  if (!inner) return '';
  return block.parts.length > 0 ? `<span class="number">${inner}</span> ` : `<span class="number">${inner}</span>`;
}

/** The number before a block: one label, or the old one struck through and the new one inserted. */
function inlineNumber(block: BlockComparison): string {
  const { oldNumber, newNumber } = block;
  if (oldNumber === newNumber) return numberHtml(escapeHtml(newNumber ?? ''), block);
  const removed = oldNumber ? `<del>${escapeHtml(oldNumber)}</del>` : '';
  const inserted = newNumber ? `<ins>${escapeHtml(newNumber)}</ins>` : '';
  return numberHtml(removed + inserted, block);
}

function rowsById(comparison: Comparison): ReadonlyMap<string, ConcordanceRow> {
  return new Map(comparison.concordance.map((row) => [row.id, row]));
}

/**
 * The comparison as one text with its numbers, deletions in `<del>` and insertions in `<ins>` (inserted
 * text attributed by `span.provenance` elements), in reading order of the newer document. Returns an HTML
 * fragment rooted at a `div` carrying `lang` and `dir`.
 */
export function renderInlineHtml(comparison: Comparison): string {
  const rows = rowsById(comparison);
  const captions = CAPTIONS[comparison.language];
  const lines = comparison.blocks.map((block) => {
    const tag = tagOf(block);
    return `<${tag}${blockAttributes(block, rows, captions)}>${inlineNumber(block)}${block.parts.map(partHtml).join('')}</${tag}>`;
  });
  return `<div${rootAttributes(comparison, 'concord-comparison concord-inline')}>\n${lines.join('\n')}\n</div>\n`;
}

/** One side of a block: its number there and the parts that side has. */
function sideCell(block: BlockComparison, side: Side): string {
  const number = side === 'old' ? block.oldNumber : block.newNumber;
  if (number === null) return '<td class="absent"></td>';
  const other = side === 'old' ? block.newNumber : block.oldNumber;
  const renumbered = other !== null && other !== number;
  const omitted = side === 'old' ? 'insert' : 'delete';
  const text = block.parts
    .filter((part) => part.kind !== omitted)
    .map(partHtml)
    .join('');
  const label = number ? `<span class="${renumbered ? 'number renumbered' : 'number'}">${escapeHtml(number)}</span>${text ? ' ' : ''}` : '';
  return `<td class="${side}">${label}${text}</td>`;
}

/**
 * The comparison as a two-column table, the older text in the first column and the newer in the second,
 * one row per block of text: deletions marked in the first, insertions in the second. In Arabic the table
 * is `dir="rtl"`, so the first column stands on the right. Returns an HTML fragment.
 */
export function renderSideBySideHtml(comparison: Comparison): string {
  const rows = rowsById(comparison);
  const captions = CAPTIONS[comparison.language];
  const head = `<thead><tr><th scope="col">${escapeHtml(captions.previousText)}</th><th scope="col">${escapeHtml(captions.newText)}</th></tr></thead>`;
  const body = comparison.blocks.map((block) => `<tr${blockAttributes(block, rows, captions)}>${sideCell(block, 'old')}${sideCell(block, 'new')}</tr>`);
  return `<table${rootAttributes(comparison, 'concord-comparison concord-side-by-side')}>\n${head}\n<tbody>\n${body.join('\n')}\n</tbody>\n</table>\n`;
}

/** Options of {@link renderConcordanceHtml}. */
export interface ConcordanceHtmlOptions {
  /** The kinds of provision to list; all by default (for instance `['article']` for a table of articles). */
  readonly kinds?: readonly ProvisionKind[];
}

function citation(number: string | null, parent: string | null): string {
  if (number === null) return '<td class="absent">—</td>';
  const own = number ? `<span class="number">${escapeHtml(number)}</span>` : '';
  if (parent === null) return `<td>${own}</td>`;
  return `<td><span class="parent">${escapeHtml(parent)}</span>${own ? ` ${own}` : ''}</td>`;
}

const FLAGS = [
  ['added', 'added', 'added'],
  ['deleted', 'deleted', 'deleted'],
  ['moved', 'moved', 'moved'],
  ['renumbered', 'renumbered', 'renumbered'],
  ['textChanged', 'textChanged', 'text-changed'],
  ['statusChanged', 'statusChanged', 'status-changed'],
  ['unchanged', 'unchanged', 'unchanged'],
] as const satisfies readonly (readonly [keyof ConcordanceRow, keyof Captions, string])[];

/**
 * The concordance table: per provision, its number in the older and in the newer document (a paragraph
 * under the number of its article) and what changed. Returns an HTML fragment rooted at a `table` carrying
 * `lang` and `dir`.
 */
export function renderConcordanceHtml(comparison: Comparison, options: ConcordanceHtmlOptions = {}): string {
  const captions = CAPTIONS[comparison.language];
  const kinds = options.kinds ?? ['chapter', 'article', 'paragraph'];
  const head = [captions.previousNumber, captions.newNumber, captions.changes].map((caption) => `<th scope="col">${escapeHtml(caption)}</th>`).join('');
  const body = comparison.concordance
    .filter((row) => kinds.includes(row.kind))
    .map((row) => {
      const flags = FLAGS.filter(([flag]) => row[flag]);
      const classes = [row.kind, ...flags.map(([, , className]) => className)].join(' ');
      const changes = flags.map(([, caption]) => captions[caption]).join(captions.separator);
      const cells = citation(row.oldNumber, row.oldParentNumber) + citation(row.newNumber, row.newParentNumber) + `<td>${escapeHtml(changes)}</td>`;
      return `<tr${attributes({ class: classes, 'data-id': row.id })}>${cells}</tr>`;
    });
  return `<table${rootAttributes(comparison, 'concord-concordance')}>\n<thead><tr>${head}</tr></thead>\n<tbody>\n${body.join('\n')}\n</tbody>\n</table>\n`;
}
