import { describe, expect, it } from 'vitest';
import { SymbolError, formatSymbol, nextRevisionSymbol, parseSymbol } from './document-symbol';
import { show, titled } from './testing/titled';

// prettier-ignore
const VALID = [
  { symbol: 'A/AC.291/22',             base: 'A/AC.291/22',             revision: 0 },
  { symbol: 'A/AC.291/22/Rev.1',       base: 'A/AC.291/22',             revision: 1 },
  { symbol: 'A/AC.291/22/Rev.12',      base: 'A/AC.291/22',             revision: 12 },
  { symbol: 'A/RES/74/247',            base: 'A/RES/74/247',            revision: 0 },
  { symbol: 'UNODC/CCPCJ/EG.4/2020/2', base: 'UNODC/CCPCJ/EG.4/2020/2', revision: 0 },
  { symbol: 'A/AC.291/22/Add.1',       base: 'A/AC.291/22/Add.1',       revision: 0 },
  { symbol: 'A/AC.291/22/Corr.1',      base: 'A/AC.291/22/Corr.1',      revision: 0 },
  { symbol: 'A/AC.291/22/Add.1/Rev.2', base: 'A/AC.291/22/Add.1',       revision: 2 },
  { symbol: 'A/AC.291/22/Rev.1/Add.1', base: 'A/AC.291/22/Rev.1/Add.1', revision: 0 },
  { symbol: 'A/RES/S-26/2',            base: 'A/RES/S-26/2',            revision: 0 },
  { symbol: 'S/2020/1',                base: 'S/2020/1',                revision: 0 },
];

// prettier-ignore
const INVALID = [
  { symbol: '',                  problem: 'it is empty' },
  { symbol: '   ',               problem: 'it contains whitespace' },
  { symbol: ' A/AC.291/22',      problem: 'it contains whitespace' },
  { symbol: 'A/AC.291/ 22',      problem: 'it contains whitespace' },
  { symbol: 'hello world',       problem: 'it contains whitespace' },
  { symbol: 'A/AC.291//22',      problem: 'it contains an empty part ("//")' },
  { symbol: 'A/AC.291/22/',      problem: 'it ends with a slash' },
  { symbol: '/A/AC.291/22',      problem: 'it starts with a slash' },
  { symbol: 'hello/world',       problem: 'it must start with a series in capital letters, not "hello"' },
  { symbol: 'A/ac.291/22',       problem: '"ac.291" is not a valid part' },
  { symbol: 'A/AC..291/22',      problem: '"AC..291" is not a valid part' },
  { symbol: 'A/AC.291/22/rev.1', problem: '"rev.1" is not a valid part' },
  { symbol: 'A',                 problem: 'expected a series and at least one more part, such as "A/RES/74/247"' },
  { symbol: 'A/Rev.1',           problem: 'expected a series and at least one more part, such as "A/RES/74/247"' },
  { symbol: 'A/AC.291/22/Rev.0', problem: '"Rev.0" is not a revision; revisions are numbered from Rev.1' },
  { symbol: 'A/AC.291/22/Rev.',  problem: '"Rev." is not a revision; revisions are numbered from Rev.1' },
];

// prettier-ignore
const FORMATTED = [
  { base: 'A/AC.291/22',       revision: 0, symbol: 'A/AC.291/22' },
  { base: 'A/AC.291/22',       revision: 1, symbol: 'A/AC.291/22/Rev.1' },
  { base: 'A/AC.291/22/Add.1', revision: 3, symbol: 'A/AC.291/22/Add.1/Rev.3' },
];

// prettier-ignore
const UNFORMATTABLE = [
  { base: 'A/AC.291/22',       revision: -1 },
  { base: 'A/AC.291/22',       revision: 1.5 },
  { base: 'A/AC.291/22',       revision: Number.NaN },
  { base: 'A/AC.291/22/Rev.1', revision: 1 },
  { base: 'a/ac.291',          revision: 0 },
];

// prettier-ignore
const NEXT = [
  { symbol: 'A/AC.291/22',             next: 'A/AC.291/22/Rev.1' },
  { symbol: 'A/AC.291/22/Rev.1',       next: 'A/AC.291/22/Rev.2' },
  { symbol: 'A/AC.291/22/Rev.9',       next: 'A/AC.291/22/Rev.10' },
  { symbol: 'UNODC/CCPCJ/EG.4/2020/2', next: 'UNODC/CCPCJ/EG.4/2020/2/Rev.1' },
];

describe(parseSymbol.name, () => {
  it.each(titled(VALID, (c) => `reads base ${c.base} and revision ${c.revision} when given ${c.symbol}`))(
    '%s',
    (_title, { symbol, base, revision }) => {
      expect(parseSymbol(symbol)).toEqual({ base, revision });
    },
  );

  it.each(titled(INVALID, (c) => `throws a SymbolError saying ${show(c.problem)} when given ${show(c.symbol)}`))(
    '%s',
    (_title, { symbol, problem }) => {
      expect(() => parseSymbol(symbol)).toThrow(`Invalid document symbol "${symbol}": ${problem}`);
      expect(() => parseSymbol(symbol)).toThrow(SymbolError);
    },
  );

  it('throws an error that carries its name and the rejected input when the symbol is malformed', () => {
    expect(() => parseSymbol('A//1')).toThrow(expect.objectContaining({ name: 'SymbolError', symbol: 'A//1' }));
  });
});

describe(formatSymbol.name, () => {
  it.each(titled(FORMATTED, (c) => `writes ${c.symbol} when given revision ${c.revision} of ${c.base}`))(
    '%s',
    (_title, { base, revision, symbol }) => {
      expect(formatSymbol({ base, revision })).toBe(symbol);
      expect(parseSymbol(symbol)).toEqual({ base, revision });
    },
  );

  it.each(titled(UNFORMATTABLE, (c) => `throws a SymbolError when given revision ${c.revision} of ${show(c.base)}`))(
    '%s',
    (_title, { base, revision }) => {
      expect(() => formatSymbol({ base, revision })).toThrow(SymbolError);
    },
  );
});

describe(nextRevisionSymbol.name, () => {
  it.each(titled(NEXT, (c) => `returns ${c.next} when given ${c.symbol}`))('%s', (_title, { symbol, next }) => {
    expect(nextRevisionSymbol(symbol)).toBe(next);
  });

  it('throws a SymbolError when the symbol is malformed', () => {
    expect(() => nextRevisionSymbol('A/AC.291/22/')).toThrow(SymbolError);
  });
});
