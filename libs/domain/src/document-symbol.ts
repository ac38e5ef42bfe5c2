/** A UN document symbol split into the symbol of the document and its revision number. */
export interface DocumentSymbol {
  /** The symbol without a trailing `/Rev.N`, e.g. `A/AC.291/22`. */
  readonly base: string;
  /** The revision number; 0 for the original document. */
  readonly revision: number;
}

/** Thrown when a string is not a well-formed document symbol. */
export class SymbolError extends Error {
  /** The rejected input. */
  readonly symbol: string;

  constructor(symbol: string, message: string) {
    super(message);
    this.name = 'SymbolError';
    this.symbol = symbol;
  }
}

// The series letters (A, E, S, UNODC, CTOC, …) come first, then upper-case parts such as `AC.291`, `74`,
// `L.1` or `S-26`, and the mixed-case suffixes the UN uses for addenda, corrigenda and revisions.
const SERIES = /^[A-Z]+$/;
const PART = /^[A-Z0-9]+(?:[.-][A-Z0-9]+)*$/;
const SUFFIX = /^(?:Add|Corr|Amend|Rev)\.[1-9][0-9]*$/;
const REVISION = /^Rev\.([1-9][0-9]*)$/;

function reject(symbol: string, problem: string): never {
  throw new SymbolError(symbol, `Invalid document symbol "${symbol}": ${problem}`);
}

function checkBase(symbol: string, parts: readonly string[]): void {
  const [series = '', ...rest] = parts;
  if (!SERIES.test(series)) reject(symbol, `it must start with a series in capital letters, not "${series}"`);
  if (rest.length === 0) reject(symbol, 'expected a series and at least one more part, such as "A/RES/74/247"');
  const bad = rest.find((part) => !PART.test(part) && !SUFFIX.test(part));
  if (bad !== undefined) reject(symbol, `"${bad}" is not a valid part`);
}

/**
 * Parses a document symbol such as `A/AC.291/22/Rev.1` into `{ base: 'A/AC.291/22', revision: 1 }`. Only a
 * trailing `/Rev.N` counts as the revision; `/Add.N` and `/Corr.N` stay part of the base.
 * @throws {SymbolError} when the input is empty, contains whitespace or empty parts, or a part is malformed.
 */
export function parseSymbol(symbol: string): DocumentSymbol {
  if (symbol === '') reject(symbol, 'it is empty');
  if (/\s/.test(symbol)) reject(symbol, 'it contains whitespace');
  if (symbol.startsWith('/')) reject(symbol, 'it starts with a slash');
  if (symbol.endsWith('/')) reject(symbol, 'it ends with a slash');
  if (symbol.includes('//')) reject(symbol, 'it contains an empty part ("//")');

  const parts = symbol.split('/');
  const last = parts[parts.length - 1] ?? '';
  if (/^Rev\./.test(last) && !REVISION.test(last)) {
    reject(symbol, `"${last}" is not a revision; revisions are numbered from Rev.1`);
  }
  const revision = REVISION.exec(last);
  const baseParts = revision === null ? parts : parts.slice(0, -1);
  checkBase(symbol, baseParts);
  return { base: baseParts.join('/'), revision: revision === null ? 0 : Number(revision[1]) };
}

/**
 * Formats a parsed symbol back into a string: the base alone for revision 0, otherwise `base/Rev.N`.
 * @throws {SymbolError} when the base is not a symbol without revision or the revision is not a whole number ≥ 0.
 */
export function formatSymbol(symbol: DocumentSymbol): string {
  const { base, revision } = symbol;
  if (!Number.isSafeInteger(revision) || revision < 0) {
    throw new SymbolError(base, `Invalid revision ${revision} for "${base}": expected a whole number from 0`);
  }
  if (parseSymbol(base).revision !== 0) {
    throw new SymbolError(base, `Invalid document symbol base "${base}": it already ends in a revision`);
  }
  return revision === 0 ? base : `${base}/Rev.${revision}`;
}

/** The symbol of the next revision: `A/AC.291/22` → `A/AC.291/22/Rev.1`, `…/Rev.1` → `…/Rev.2`. */
export function nextRevisionSymbol(symbol: string): string {
  const { base, revision } = parseSymbol(symbol);
  return formatSymbol({ base, revision: revision + 1 });
}
