import { diffText, type OutlineBlock } from '@concord/compare';
import type { Language } from '@concord/domain';
import type { WordDocument, WordParagraph } from '../import/docx-tracked';
import { decodeRoundTrip } from './round-trip';

/** Why an uploaded Word file cannot be taken into a drafting space at all; nothing is written. */
export class WordMismatchError extends Error {
  override readonly name = 'WordMismatchError';
}

/** One block of the space that the Word file changes: its text before (the merge base) and as Word has it. */
export interface WordIntent {
  readonly key: string;
  /** The block's number ("1.", "(a)"), or `''`. */
  readonly label: string;
  /** The number of the article around it ("Article 3"), or `''`. */
  readonly article: string;
  readonly before: string;
  readonly after: string;
  /** How the paragraph was placed: by the download's hidden id, by its number, or by its text. */
  readonly placedBy: 'id' | 'number' | 'text';
  /** Authors of the tracked changes in the paragraph, if it had any. */
  readonly authors: readonly string[];
}

/** A paragraph of the Word file with changes that could not be placed in the space, and why. */
export interface WordUnplaced {
  /** Its position among the file's paragraphs, from 1. */
  readonly paragraph: number;
  readonly text: string;
  /** Why, as a code a client can put in words of its own. */
  readonly code: 'new-paragraph' | 'joined' | 'split' | 'unknown-id' | 'removed' | 'no-match';
  readonly reason: string;
}

/** What Concord understood of a Word file, before anything is applied. */
export interface WordPlan {
  /** Whether the file is a round-trip download of this space (hidden ids and the downloaded text). */
  readonly roundTrip: boolean;
  /** Whether the file holds tracked changes. */
  readonly tracked: boolean;
  readonly paragraphs: number;
  /** Paragraphs placed on a block of the space, changed or not. */
  readonly matched: number;
  readonly intents: readonly WordIntent[];
  readonly unplaced: readonly WordUnplaced[];
}

/** What a plan is made against: the space, its base text's blocks, and the language. */
export interface WordPlanContext {
  readonly spaceId: string;
  readonly instrumentId: string;
  /** The blocks of the space's base text (`outline` of libs/compare), in document order. */
  readonly blocks: readonly OutlineBlock[];
  readonly language: Language;
}

/** A label printed before a block's text and a tab, as the downloads write it and drafters type it. */
const LEADING_LABEL = /^\s*([^\t\s]{1,12}(?: [^\t\s]{1,12}){0,2})\t/u;

function normalize(text: string): string {
  return text.normalize('NFC').replace(/\s+/gu, ' ').trim();
}

function split(text: string): { label: string; text: string } {
  const found = LEADING_LABEL.exec(text);
  return found ? { label: normalize(found[1] ?? ''), text: text.slice(found[0].length) } : { label: '', text };
}

function sides(paragraph: WordParagraph): { original: string; revised: string } {
  let original = '';
  let revised = '';
  for (const segment of paragraph.segments) {
    if (segment.kind !== 'insert') original += segment.text;
    if (segment.kind !== 'delete') revised += segment.text;
  }
  return { original, revised };
}

function words(text: string): Set<string> {
  return new Set(normalize(text).toLocaleLowerCase().split(/[^\p{L}\p{N}]+/u).filter((w) => w.length > 0));
}

function similarity(a: Set<string>, b: Set<string>): number {
  if (a.size === 0 || b.size === 0) return 0;
  let shared = 0;
  for (const word of a) if (b.has(word)) shared++;
  return shared / (a.size + b.size - shared);
}

function excerpt(text: string): string {
  const flat = normalize(text);
  return flat.length > 120 ? `${flat.slice(0, 117)}…` : flat;
}

const articleOf = (block: OutlineBlock): string => block.provisions[block.provisions.length - 1] ?? '';

/** The number of the article a block stands in ("Article 3"), or `''`. */
function articleLabel(block: OutlineBlock | undefined, blocks: readonly OutlineBlock[]): string {
  if (!block) return '';
  const heading = blocks.find((b) => b.role === 'heading' && b.ownerKind === 'article' && block.provisions.includes(b.ownerId ?? ''));
  return heading?.label ?? '';
}

/**
 * Places the paragraphs of an uploaded Word file on the blocks of a drafting space, and says what each changes.
 *
 * - A round-trip download of this space names its blocks with hidden bookmarks and records the text each had
 *   when downloaded: that text is the merge base, Word's text (tracked changes accepted) the other side, so only
 *   what changed in Word is applied, whether or not tracking was on.
 * - Any other file is placed paragraph by paragraph: after an article's number line ("Article 3"), a paragraph
 *   goes to the block of that article with its number ("2.") if it shares at least a third of its words, else to the one block with the same text, else to
 *   the one block whose words it shares most (at least half, clearly ahead of the next). The side of the tracked
 *   changes before them is the merge base (the base text for a file without tracked changes).
 * - A changed paragraph that cannot be placed this way is listed as unplaced, never guessed; so are paragraphs
 *   split or joined in Word and new paragraphs.
 *
 * @throws WordMismatchError when the file belongs to another space or instrument, nothing in it matches, or none
 *   of its changed paragraphs can be placed.
 */
export function planWordUpload(word: WordDocument, context: WordPlanContext): WordPlan {
  const instrument = word.properties.get('ConcordInstrument');
  if (instrument && instrument !== context.instrumentId) {
    throw new WordMismatchError('This Word file was downloaded from another instrument; upload it in a drafting space of that instrument.');
  }
  const record = decodeRoundTrip(word.properties);
  if (record && record.space !== context.spaceId) {
    throw new WordMismatchError('This Word file was downloaded from another drafting space; upload it in the space it came from, or upload a copy without its Concord properties.');
  }
  const plan = record ? roundTripPlan(word, record.blocks, context) : placedPlan(word, context);
  if (plan.matched === 0) {
    throw new WordMismatchError('No paragraph of this Word file matches a provision of the drafting space: it looks like the text of another instrument or of other provisions.');
  }
  if (plan.intents.length === 0 && plan.unplaced.length > 0) {
    const count = plan.unplaced.length;
    throw new WordMismatchError(
      `None of the ${count} changed paragraph${count === 1 ? '' : 's'} of this Word file matches a provision of the drafting space by its number or its text, so nothing can be applied (the first: “${plan.unplaced[0]?.text ?? ''}”).`,
    );
  }
  return plan;
}

function authorsOf(paragraph: WordParagraph): string[] {
  return [...new Set(paragraph.segments.flatMap((s) => (s.kind !== 'equal' && s.author ? [s.author] : [])))];
}

function roundTripPlan(word: WordDocument, recorded: readonly { k: string; t: string }[], context: WordPlanContext): WordPlan {
  const byKey = new Map(context.blocks.map((block) => [block.key, block]));
  const intents: WordIntent[] = [];
  const unplaced: WordUnplaced[] = [];
  const seen = new Set<number>();
  let matched = 0;
  word.paragraphs.forEach((paragraph, i) => {
    const { original, revised } = sides(paragraph);
    const changed = original !== revised || paragraph.mark !== null;
    if (paragraph.bookmarks.length === 0) {
      if (paragraph.mark === 'inserted' || (changed && normalize(revised) !== '')) {
        unplaced.push({ paragraph: i + 1, text: excerpt(revised), code: 'new-paragraph', reason: 'a new paragraph typed in Word: add new provisions in Concord' });
      }
      return;
    }
    if (paragraph.bookmarks.length > 1 || paragraph.mark === 'deleted') {
      unplaced.push({ paragraph: i + 1, text: excerpt(revised), code: 'joined', reason: 'paragraphs joined in Word: join them in Concord' });
      paragraph.bookmarks.forEach((b) => seen.add(b));
      return;
    }
    const index = paragraph.bookmarks[0] ?? -1;
    seen.add(index);
    const entry = recorded[index];
    const block = entry ? byKey.get(entry.k) : undefined;
    if (!entry) {
      unplaced.push({ paragraph: i + 1, text: excerpt(revised), code: 'unknown-id', reason: 'its hidden Concord id is not in the file’s record' });
      return;
    }
    matched++;
    const after = split(revised).text;
    if (after === entry.t) return;
    intents.push({ key: entry.k, label: block?.label ?? '', article: articleLabel(block, context.blocks), before: entry.t, after, placedBy: 'id', authors: authorsOf(paragraph) });
  });
  recorded.forEach((entry, index) => {
    if (!seen.has(index) && entry.t !== '') unplaced.push({ paragraph: 0, text: excerpt(entry.t), code: 'removed', reason: 'removed in Word: delete provisions in Concord' });
  });
  return { roundTrip: true, tracked: word.tracked, paragraphs: word.paragraphs.length, matched, intents, unplaced };
}

function placedPlan(word: WordDocument, context: WordPlanContext): WordPlan {
  const blocks = context.blocks;
  const headings = new Map<string, OutlineBlock>();
  for (const block of blocks) if (block.role === 'heading' && block.label) headings.set(normalize(block.label).toLocaleLowerCase(), block);
  const taken = new Set<string>();
  const vocabulary = new Map(blocks.map((block) => [block.key, words(block.text)]));
  const intents: WordIntent[] = [];
  const unplaced: WordUnplaced[] = [];
  let matched = 0;
  let article: OutlineBlock | null = null;

  const inArticle = (block: OutlineBlock): boolean => article === null || block.provisions.includes(articleOf(article));
  const unique = (found: OutlineBlock[]): OutlineBlock | null => (found.length === 1 ? (found[0] ?? null) : null);

  word.paragraphs.forEach((paragraph, i) => {
    const { original, revised } = sides(paragraph);
    const heading = headings.get(normalize(original).toLocaleLowerCase());
    if (heading && original === revised) {
      // A number line alone says where the next paragraphs go, not that the file is of this text.
      article = heading;
      return;
    }
    const changed = original !== revised;
    const { label, text } = split(original);
    const after = split(revised).text;
    if (normalize(text) === '' && !changed) return;
    if (paragraph.mark !== null) {
      unplaced.push({ paragraph: i + 1, text: excerpt(revised || original), code: paragraph.mark === 'inserted' ? 'split' : 'joined', reason: paragraph.mark === 'inserted' ? 'a paragraph split or added in Word: make structural changes in Concord' : 'paragraphs joined in Word: join them in Concord' });
      return;
    }
    const open = blocks.filter((block) => !taken.has(block.key) && block.role !== 'title' && block.role !== 'footnote');
    const target = normalize(text);
    let placedBy: WordIntent['placedBy'] = 'number';
    let block: OutlineBlock | null = null;
    if (article && label) {
      // A number alone is not enough: the text must still be recognisably that paragraph's, never a guess.
      const numbered = unique(open.filter((b) => inArticle(b) && b.role === 'text' && normalize(b.label).endsWith(label)));
      if (numbered && similarity(words(text), vocabulary.get(numbered.key) ?? new Set()) >= 0.3) block = numbered;
    }
    if (!block) {
      placedBy = 'text';
      block = unique(open.filter((b) => inArticle(b) && normalize(b.text) === target)) ?? unique(open.filter((b) => normalize(b.text) === target));
    }
    if (!block && target !== '') {
      const mine = words(text);
      const scored = open
        .filter(inArticle)
        .map((b) => ({ b, score: similarity(mine, vocabulary.get(b.key) ?? new Set()) }))
        .sort((x, y) => y.score - x.score);
      const [best, second] = scored;
      if (best && best.score >= 0.5 && best.score - (second?.score ?? 0) >= 0.15) block = best.b;
    }
    if (!block) {
      if (changed) unplaced.push({ paragraph: i + 1, text: excerpt(revised || original), code: 'no-match', reason: 'no provision of the space has this number or text' });
      return;
    }
    taken.add(block.key);
    matched++;
    // Without tracked changes, the space's base text is what the file changed.
    const before = changed ? text : block.text;
    if (before === after) return;
    intents.push({ key: block.key, label: block.label, article: articleLabel(block, blocks), before, after, placedBy, authors: authorsOf(paragraph) });
  });
  return { roundTrip: false, tracked: word.tracked, paragraphs: word.paragraphs.length, matched, intents, unplaced };
}

/** A replacement of live text `from`–`to` by `insert`, in UTF-16 offsets of the live block's text. */
export interface LiveEdit {
  readonly from: number;
  readonly to: number;
  readonly insert: string;
}

/** The edits to make to the live text, and what Word changed where members changed the text too. */
export interface ThreeWayResult {
  readonly edits: readonly LiveEdit[];
  readonly conflicts: readonly { readonly before: string; readonly word: string; readonly live: string }[];
}

interface Hunk {
  readonly from: number;
  readonly to: number;
  readonly insert: string;
}

function hunks(older: string, newer: string, language: Language): Hunk[] {
  const out: Hunk[] = [];
  let at = 0;
  let open: { from: number; to: number; insert: string } | null = null;
  for (const change of diffText(older, newer, language)) {
    if (change.kind === 'equal') {
      if (open) out.push(open);
      open = null;
      at += change.text.length;
      continue;
    }
    open ??= { from: at, to: at, insert: '' };
    if (change.kind === 'delete') {
      at += change.text.length;
      open.to = at;
    } else {
      open.insert += change.text;
    }
  }
  if (open) out.push(open);
  return out;
}

/**
 * A three-way merge of one block of text: what Word changed (`before` → `word`) is made on the live text
 * where the live text still has what Word changed; a change Word made where members changed the text too is
 * a conflict, left out and reported (unless both made the same change). Changes are found word by word.
 */
export function threeWay(before: string, wordText: string, live: string, language: Language): ThreeWayResult {
  const mine = hunks(before, wordText, language);
  if (before === live) return { edits: mine, conflicts: [] };
  const theirs = hunks(before, live, language);
  const edits: LiveEdit[] = [];
  const conflicts: Array<{ before: string; word: string; live: string }> = [];
  for (const hunk of mine) {
    let shift = 0;
    let clash: Hunk | null = null;
    for (const other of theirs) {
      const overlaps = other.from < hunk.to && hunk.from < other.to;
      const touches = other.from === hunk.from || (hunk.from === hunk.to && other.from <= hunk.from && hunk.from <= other.to && other.from !== other.to && hunk.from !== other.from && hunk.from !== other.to);
      if (overlaps || touches) {
        clash = other;
        break;
      }
      if (other.to <= hunk.from) shift += other.insert.length - (other.to - other.from);
    }
    if (clash) {
      const same = clash.from === hunk.from && clash.to === hunk.to && clash.insert === hunk.insert;
      if (!same) conflicts.push({ before: before.slice(hunk.from, hunk.to), word: hunk.insert, live: clash.insert });
      continue;
    }
    edits.push({ from: hunk.from + shift, to: hunk.to + shift, insert: hunk.insert });
  }
  return { edits, conflicts };
}
