import { describe, expect, it } from 'vitest';
import { hygieneProblem } from './input-hygiene';
import { jsonComplexity } from './json-limits';

describe(jsonComplexity.name, () => {
  const nest = (depth: number): unknown => JSON.parse(`${'['.repeat(depth)}${']'.repeat(depth)}`);

  it.each([
    [nest(32), null],
    [nest(33), /nested more than 32/],
    [JSON.parse(`${'{"a":'.repeat(200_000)}1${'}'.repeat(200_000)}`), /nested more than 32/],
    [{ a: Array.from({ length: 10_001 }, () => 0) }, /more than 10000 items/],
    [Object.fromEntries(Array.from({ length: 1_001 }, (_, i) => [`k${i}`, 0])), /more than 1000 keys/],
    [{ doc: { content: [{ content: [{ text: 'x' }] }] } }, null],
  ])('measures case %#', (value, expected) => {
    const problem = jsonComplexity(value);
    if (expected === null) expect(problem).toBeNull();
    else expect(problem).toMatch(expected);
  });
});

describe(hygieneProblem.name, () => {
  it.each([
    [JSON.parse('{"__proto__":{"admin":true}}'), /reserved name "__proto__"/],
    [{ titles: { en: 'x' }, constructor: { a: 1 } }, /reserved name "constructor"/],
    [{ a: [{ prototype: 1 }] }, /reserved name "prototype"/],
    [{ body: 'a\u0000b' }, /NUL/],
    ['\u0000', /NUL/],
  ])('refuses case %#', (value, expected) => {
    expect(hygieneProblem(value)).toMatch(expected);
  });

  it('accepts ordinary bodies, including keys that merely contain a reserved word', () => {
    expect(hygieneProblem({ constructorName: 'x', list: [1, 'two', null], nested: { proto: true } })).toBeNull();
  });
});
