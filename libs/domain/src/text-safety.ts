/** A character that can make text display differently from what is stored. */
export interface SuspiciousCharacter {
  /** Offset in UTF-16 code units. */
  readonly index: number;
  /** `U+202E` and so on. */
  readonly codePoint: string;
  readonly name: string;
  readonly kind: 'bidi-control' | 'invisible';
}

// Bidirectional embedding, override and isolate controls: the "Trojan Source" characters.
const BIDI: Readonly<Record<number, string>> = {
  0x202a: 'LEFT-TO-RIGHT EMBEDDING',
  0x202b: 'RIGHT-TO-LEFT EMBEDDING',
  0x202c: 'POP DIRECTIONAL FORMATTING',
  0x202d: 'LEFT-TO-RIGHT OVERRIDE',
  0x202e: 'RIGHT-TO-LEFT OVERRIDE',
  0x2066: 'LEFT-TO-RIGHT ISOLATE',
  0x2067: 'RIGHT-TO-LEFT ISOLATE',
  0x2068: 'FIRST STRONG ISOLATE',
  0x2069: 'POP DIRECTIONAL ISOLATE',
};

// Characters with no width that can hide text or split words. U+200C and U+200D are left out: Arabic and Persian
// typography uses them; so are U+200E and U+200F, the plain direction marks that Arabic text legitimately needs.
const INVISIBLE: Readonly<Record<number, string>> = {
  0x00ad: 'SOFT HYPHEN',
  0x034f: 'COMBINING GRAPHEME JOINER',
  0x061c: 'ARABIC LETTER MARK',
  0x115f: 'HANGUL CHOSEONG FILLER',
  0x180e: 'MONGOLIAN VOWEL SEPARATOR',
  0x200b: 'ZERO WIDTH SPACE',
  0x2060: 'WORD JOINER',
  0x2061: 'FUNCTION APPLICATION',
  0x2062: 'INVISIBLE TIMES',
  0x2063: 'INVISIBLE SEPARATOR',
  0x2064: 'INVISIBLE PLUS',
  0xfeff: 'ZERO WIDTH NO-BREAK SPACE',
};

function hex(codePoint: number): string {
  return `U+${codePoint.toString(16).toUpperCase().padStart(4, '0')}`;
}

/**
 * Finds bidirectional controls and invisible characters in text, so that readers can be warned instead of the
 * characters being silently kept or silently dropped. Tag characters (U+E0000 block) count as invisible.
 */
export function findSuspiciousCharacters(text: string): readonly SuspiciousCharacter[] {
  const found: SuspiciousCharacter[] = [];
  let index = 0;
  for (const char of text) {
    const codePoint = char.codePointAt(0) ?? 0;
    const bidi = BIDI[codePoint];
    const invisible = INVISIBLE[codePoint] ?? (codePoint >= 0xe0000 && codePoint <= 0xe007f ? 'TAG CHARACTER' : undefined);
    if (bidi) found.push({ index, codePoint: hex(codePoint), name: bidi, kind: 'bidi-control' });
    else if (invisible) found.push({ index, codePoint: hex(codePoint), name: invisible, kind: 'invisible' });
    index += char.length;
  }
  return found;
}

/** One warning line per distinct suspicious character, for readers of the text. */
export function describeSuspiciousCharacters(text: string): readonly string[] {
  const counts = new Map<string, { name: string; count: number }>();
  for (const c of findSuspiciousCharacters(text)) {
    const entry = counts.get(c.codePoint) ?? { name: c.name, count: 0 };
    entry.count += 1;
    counts.set(c.codePoint, entry);
  }
  return [...counts].map(([codePoint, { name, count }]) => `${codePoint} ${name} appears ${count} time${count === 1 ? '' : 's'}`);
}
