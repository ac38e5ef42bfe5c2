import type { Language } from '@concord/domain';
import { diffChars, Diff } from 'diff';

/** What happened to a run of text between two versions. */
export type TextChangeKind = 'equal' | 'insert' | 'delete';

/** A run of text that both versions share, that the newer one adds, or that it removes. */
export interface TextChange {
  readonly kind: TextChangeKind;
  readonly text: string;
}

/** Scripts written without spaces between words: each character is a token of its own. */
const UNSPACED = '\\p{sc=Han}\\p{sc=Hiragana}\\p{sc=Katakana}\\p{sc=Thai}\\p{sc=Lao}\\p{sc=Khmer}\\p{sc=Myanmar}';

// Letters of every script with their combining marks (Arabic harakat), digits, the soft hyphen and the
// zero-width (non-)joiners that sit inside words.
const WORD = '\\p{L}\\p{M}\\p{N}_\\u00AD\\u200C\\u200D';

/**
 * The tokens of `diffWordsWithSpace` with words of every script: a newline, a character of an unspaced script,
 * a word, a run of other whitespace, or any other single character (punctuation, brackets).
 */
const TOKEN = new RegExp(`\\r?\\n|[${UNSPACED}]|(?:(?![${UNSPACED}])[${WORD}])+|[^\\S\\r\\n]+|[^]`, 'gu');

/**
 * Splits text into word-diff tokens; joined again they give back the text. Works on logical order, so
 * right-to-left text needs nothing special.
 */
export function tokenize(text: string): string[] {
  return text.match(TOKEN) ?? [];
}

// jsdiff's own `diffWordsWithSpace` counts only Latin letters as word characters and so splits Arabic and
// Cyrillic words into single letters; this is the same diff with a tokenizer that knows every script.
class UnicodeWordDiff extends Diff<string, string> {
  override tokenize(value: string): string[] {
    return tokenize(value);
  }
}

const wordDiff = new UnicodeWordDiff();

/** Options of {@link diffText}. */
export interface DiffTextOptions {
  /**
   * The most tokens inserted and deleted the diff looks for (5,000 unless given). Myers' algorithm costs the
   * length times the edit distance, so past this the texts count as wholly rewritten: one deletion, one insertion.
   */
  readonly maxEditLength?: number;
}

const MAX_EDIT_LENGTH = 5_000;

/**
 * A word-level diff of two texts in `language` (jsdiff, Myers' algorithm): words, spaces and punctuation are
 * tokens, so a changed word is one deletion and one insertion, never a part of a word. Chinese, written
 * without spaces, is compared character by character.
 */
export function diffText(older: string, newer: string, language: Language, options: DiffTextOptions = {}): readonly TextChange[] {
  if (older === newer) return older ? [{ kind: 'equal', text: older }] : [];
  const limit = { maxEditLength: options.maxEditLength ?? MAX_EDIT_LENGTH };
  const changes = language === 'zh' ? diffChars(older, newer, limit) : wordDiff.diff(older, newer, limit);
  if (!changes) {
    return [
      { kind: 'delete', text: older },
      { kind: 'insert', text: newer },
    ].filter((change): change is TextChange => change.text !== '');
  }
  return changes
    .filter((change) => change.value !== '')
    .map((change) => ({ kind: change.added ? 'insert' : change.removed ? 'delete' : 'equal', text: change.value }));
}
