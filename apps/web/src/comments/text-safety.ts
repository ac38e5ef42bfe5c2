import { findSuspiciousCharacters, type SuspiciousCharacter } from '@concord/domain';

/** A piece of user-written text as the page shows it: ordinary text, or one flagged character made visible. */
export type SafeSegment =
  | { readonly kind: 'text'; readonly text: string }
  | { readonly kind: 'suspicious'; readonly codePoint: string; readonly name: string; readonly type: SuspiciousCharacter['kind'] };

/**
 * Splits text at its bidirectional controls and invisible characters, so that each can be shown as a visible
 * token ("U+202E") instead of silently reordering or hiding what follows it. The text itself is kept as written.
 */
export function safeSegments(text: string): readonly SafeSegment[] {
  const segments: SafeSegment[] = [];
  let at = 0;
  for (const found of findSuspiciousCharacters(text)) {
    if (found.index > at) segments.push({ kind: 'text', text: text.slice(at, found.index) });
    segments.push({ kind: 'suspicious', codePoint: found.codePoint, name: found.name, type: found.kind });
    // Tag characters lie beyond the Basic Multilingual Plane: two UTF-16 code units.
    at = found.index + String.fromCodePoint(text.codePointAt(found.index) ?? 0).length;
  }
  if (at < text.length) segments.push({ kind: 'text', text: text.slice(at) });
  return segments;
}

/** One warning of the server about a text, read back into its parts so that it can be said in the reader's language. */
export interface TextWarning {
  /** Which text of a proposal it is about (`text`, `justification`); `null` for a comment's single body. */
  readonly field: string | null;
  readonly codePoint: string;
  readonly name: string;
  readonly count: number;
}

// The server writes "[field: ]U+202E RIGHT-TO-LEFT OVERRIDE appears 2 times" (describeSuspiciousCharacters).
const WARNING = /^(?:([a-z]+): )?(U\+[0-9A-F]{4,6}) (.+) appears (\d+) times?$/;

/** Reads a warning line of the server; `null` when it is not in the expected form (the page then shows it as written). */
export function parseTextWarning(line: string): TextWarning | null {
  const match = WARNING.exec(line);
  if (match === null) return null;
  const [, field, codePoint, name, count] = match;
  if (codePoint === undefined || name === undefined || count === undefined) return null;
  return { field: field ?? null, codePoint, name, count: Number(count) };
}
