import { diffWordsWithSpace } from 'diff';

/** A replaced range of words: `[from, to)` of the old text became `[newFrom, newTo)` of the new one. */
export interface WordEdit {
  readonly from: number;
  readonly to: number;
  readonly newFrom: number;
  readonly newTo: number;
}

/**
 * The word-level edits that turn `before` into `after` (jsdiff's `diffWordsWithSpace`), in order. Edits that
 * only whitespace separates are joined, so that "shall adopt" → "may take" is one replacement of a phrase, and
 * another proposal inserting between those two words overlaps it.
 */
export function wordEdits(before: string, after: string): readonly WordEdit[] {
  if (before === after) return [];
  const edits: WordEdit[] = [];
  let from = 0;
  let newFrom = 0;
  let open: { from: number; to: number; newFrom: number; newTo: number } | null = null;
  const flush = (): void => {
    if (!open) return;
    const last = edits[edits.length - 1];
    if (last && /^\s+$/.test(before.slice(last.to, open.from))) {
      edits[edits.length - 1] = { from: last.from, to: open.to, newFrom: last.newFrom, newTo: open.newTo };
    } else {
      edits.push(open);
    }
    open = null;
  };
  for (const change of diffWordsWithSpace(before, after)) {
    const length = change.value.length;
    if (!change.added && !change.removed) {
      flush();
      from += length;
      newFrom += length;
      continue;
    }
    open ??= { from, to: from, newFrom, newTo: newFrom };
    if (change.removed) {
      from += length;
      open.to = from;
    } else {
      newFrom += length;
      open.newTo = newFrom;
    }
  }
  flush();
  return edits;
}

/** A stretch of text that two versions share: `[from, to)` of the old text is `[newFrom, …)` of the new one. */
interface Common {
  readonly from: number;
  readonly to: number;
  readonly newFrom: number;
}

/**
 * Maps ranges of an old version of a text onto a newer version, for rebasing a change made against the old
 * one. A range maps when it and its context (the word on each side) stand unchanged in the new version.
 */
export class TextMapping {
  private constructor(
    private readonly before: string,
    private readonly common: readonly Common[],
  ) {}

  /** The mapping from `before` to `after`. */
  static between(before: string, after: string): TextMapping {
    if (before === after) return new TextMapping(before, [{ from: 0, to: before.length, newFrom: 0 }]);
    const common: Common[] = [];
    let from = 0;
    let newFrom = 0;
    for (const change of diffWordsWithSpace(before, after)) {
      const length = change.value.length;
      if (!change.added && !change.removed) common.push({ from, to: from + length, newFrom });
      if (!change.added) from += length;
      if (!change.removed) newFrom += length;
    }
    return new TextMapping(before, common);
  }

  /** Where `[from, to)` of the old text stands in the new text, or `null` when it or its context changed. */
  map(from: number, to: number): { readonly from: number; readonly to: number } | null {
    const start = contextStart(this.before, from);
    const end = contextEnd(this.before, to);
    const segment = this.segmentAt(start);
    if (!segment || end > segment.to) return null;
    const shift = segment.newFrom - segment.from;
    return { from: from + shift, to: to + shift };
  }

  /** The last common stretch starting at or before `pos`, if it reaches `pos`. */
  private segmentAt(pos: number): Common | null {
    let low = 0;
    let high = this.common.length - 1;
    let found: Common | null = null;
    while (low <= high) {
      const middle = (low + high) >> 1;
      const segment = this.common[middle] as Common;
      if (segment.from <= pos) {
        found = segment;
        low = middle + 1;
      } else {
        high = middle - 1;
      }
    }
    return found && pos <= found.to ? found : null;
  }
}

function isSpace(text: string, index: number): boolean {
  return /\s/.test(text.charAt(index));
}

/** Where the word before `pos` (and the space after it) begins. */
function contextStart(text: string, pos: number): number {
  let at = pos;
  while (at > 0 && isSpace(text, at - 1)) at--;
  while (at > 0 && !isSpace(text, at - 1)) at--;
  return at;
}

/** Where the word after `pos` (and the space before it) ends. */
function contextEnd(text: string, pos: number): number {
  let at = pos;
  while (at < text.length && isSpace(text, at)) at++;
  while (at < text.length && !isSpace(text, at)) at++;
  return at;
}
