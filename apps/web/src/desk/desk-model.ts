import { findSuspiciousCharacters, isLanguage, nextRevisionSymbol, type Language } from '@concord/domain';
import { readableNotes } from '@concord/schema';
import type { Decision, DeskArticle, DeskProposal, RevisionSummary, TextEditView } from './desk-api';

/** A run of a changed text: kept, deleted or inserted. */
export interface Segment {
  readonly kind: 'same' | 'deleted' | 'inserted';
  readonly text: string;
}

function push(segments: Segment[], kind: Segment['kind'], positional: string): void {
  // Edits take whole footnotes, so every piece shows its notes' boundaries in pairs.
  const text = readableNotes(positional);
  if (text === '') return;
  const last = segments[segments.length - 1];
  if (last !== undefined && last.kind === kind) segments[segments.length - 1] = { kind, text: last.text + text };
  else segments.push({ kind, text });
}

/**
 * The text `before` with a proposal's edits shown in place: each edit's `[from, to)` of `before` as deleted, its
 * new words as inserted, the rest kept. Edits that do not fit `before` (out of range, overlapping, or naming other
 * words than it holds) are never guessed at: the whole text is then shown as replaced by `after`.
 */
export function editSegments(before: string, after: string, edits: readonly TextEditView[]): readonly Segment[] {
  const sorted = [...edits].sort((a, b) => a.from - b.from || a.to - b.to);
  const segments: Segment[] = [];
  let cursor = 0;
  for (const edit of sorted) {
    const fits =
      edit.from >= cursor && edit.to >= edit.from && edit.to <= before.length && before.slice(edit.from, edit.to) === edit.deleted;
    if (!fits) {
      const replaced: Segment[] = [];
      push(replaced, 'deleted', before);
      push(replaced, 'inserted', after);
      return replaced;
    }
    push(segments, 'same', before.slice(cursor, edit.from));
    push(segments, 'deleted', edit.deleted);
    push(segments, 'inserted', edit.inserted);
    cursor = edit.to;
  }
  push(segments, 'same', before.slice(cursor));
  return segments;
}

function isRecord(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null;
}

/**
 * The texts of the blocks of a node given as ProseMirror JSON (an inserted or deleted provision), one string per
 * block that holds text, in document order.
 */
export function nodeTexts(json: unknown): readonly string[] {
  const blocks: string[] = [];
  const visit = (node: unknown): void => {
    if (!isRecord(node) || !Array.isArray(node['content'])) return;
    const children: readonly unknown[] = node['content'];
    const inline = children.filter((child) => isRecord(child) && child['type'] === 'text');
    if (inline.length > 0) {
      const text = inline.map((child) => (isRecord(child) && typeof child['text'] === 'string' ? child['text'] : '')).join('');
      if (text.trim() !== '') blocks.push(text);
    }
    for (const child of children) if (!(isRecord(child) && child['type'] === 'text')) visit(child);
  };
  visit(json);
  return blocks;
}

/** A piece of text as the desk shows it: plain words, or a character that would otherwise be invisible. */
export type TextPiece =
  | { readonly kind: 'text'; readonly text: string }
  | { readonly kind: 'hidden'; readonly text: string; readonly codePoint: string; readonly name: string };

/**
 * Splits text around bidirectional controls and invisible characters, so that the desk can show each as a visible
 * marker: a proposal cannot then read differently on screen from what it would put in the treaty.
 */
export function revealHidden(text: string): readonly TextPiece[] {
  const pieces: TextPiece[] = [];
  let cursor = 0;
  for (const found of findSuspiciousCharacters(text)) {
    if (found.index > cursor) pieces.push({ kind: 'text', text: text.slice(cursor, found.index) });
    const length = (text.codePointAt(found.index) ?? 0) > 0xffff ? 2 : 1;
    pieces.push({ kind: 'hidden', text: text.slice(found.index, found.index + length), codePoint: found.codePoint, name: found.name });
    cursor = found.index + length;
  }
  if (cursor < text.length) pieces.push({ kind: 'text', text: text.slice(cursor) });
  return pieces;
}

/** Each proposal on the desk once, though a proposal on two articles is listed under both. */
export function uniqueProposals(articles: readonly DeskArticle[]): readonly DeskProposal[] {
  const byId = new Map<string, DeskProposal>();
  for (const article of articles) for (const proposal of article.proposals) if (!byId.has(proposal.id)) byId.set(proposal.id, proposal);
  return [...byId.values()];
}

/** The proposals whose recorded decision the next compilation will apply. */
export function pendingDecisions(articles: readonly DeskArticle[]): readonly DeskProposal[] {
  const decided = (p: DeskProposal): boolean => p.decision !== null || p.provisionDecision !== null || p.changes.some((c) => c.decision !== null);
  const ids = new Set(articles.flatMap((a) => a.proposals).filter((p) => p.status === 'submitted' && decided(p) && !p.compiled).map((p) => p.id));
  return uniqueProposals(articles).filter((p) => ids.has(p.id));
}

/** The desk with one proposal's decision changed, under every article that lists it. */
export function withDecision(articles: readonly DeskArticle[], proposalId: string, decision: Decision): readonly DeskArticle[] {
  return articles.map((article) =>
    article.proposals.some((p) => p.id === proposalId)
      ? { ...article, proposals: article.proposals.map((p) => (p.id === proposalId ? { ...p, decision, compiled: false } : p)) }
      : article,
  );
}

/**
 * The desk with a decision on one proposal's changes to one article (`change` null) or on one single change
 * there; a decision on the article replaces those on its single changes, as the server does.
 */
export function withScopedDecision(articles: readonly DeskArticle[], proposalId: string, articleId: string, change: string | null, decision: Decision): readonly DeskArticle[] {
  return articles.map((article) => {
    if (!article.proposals.some((p) => p.id === proposalId)) return article;
    return {
      ...article,
      proposals: article.proposals.map((p) => {
        if (p.id !== proposalId) return p;
        if (article.id !== articleId) return { ...p, compiled: false };
        if (change === null) return { ...p, compiled: false, provisionDecision: decision, changes: p.changes.map((c) => ({ ...c, decision: null })) };
        return { ...p, compiled: false, changes: p.changes.map((c) => (c.key === change ? { ...c, decision } : c)) };
      }),
    };
  });
}

/** The article to show first: the one asked for, else the first with proposals, else the first. */
export function selectedArticle(articles: readonly DeskArticle[], requested: string | null): DeskArticle | undefined {
  return (
    articles.find((a) => a.id === requested) ?? articles.find((a) => a.counts.proposals > 0) ?? articles[0]
  );
}

/**
 * The symbol the next publication gets: `/Rev.N+1` of the latest revision, or `null` for the first publication,
 * whose symbol the secretariat gives.
 */
export function nextSymbol(revisions: readonly RevisionSummary[]): string | null {
  const latest = [...revisions].sort((a, b) => b.publishedAt.localeCompare(a.publishedAt))[0];
  if (latest === undefined) return null;
  try {
    return nextRevisionSymbol(latest.symbol);
  } catch {
    return null;
  }
}

/** A local calendar date as `YYYY-MM-DD`, the form of a document's date. */
export function calendarDate(date: Date): string {
  const pad = (n: number) => String(n).padStart(2, '0');
  return `${date.getFullYear()}-${pad(date.getMonth() + 1)}-${pad(date.getDate())}`;
}

/** The per-language counts of a `stale-translations` error's details (`['fr: 12', 'ar: 3']`). */
export function staleCounts(details: readonly string[]): readonly { readonly language: Language; readonly count: number }[] {
  return details.flatMap((detail) => {
    const match = /^([a-z]{2}):\s*(\d+)$/.exec(detail.trim());
    if (match === null || !isLanguage(match[1])) return [];
    return [{ language: match[1], count: Number(match[2]) }];
  });
}
