import { describe, expect, it } from 'vitest';
import { IntQueryPipe } from './int-query.pipe';

describe(IntQueryPipe.name, () => {
  const pipe = new IntQueryPipe('limit', { min: 1, max: 500, default: 50 });

  it.each([
    [undefined, 50],
    ['1', 1],
    ['500', 500],
    [7, 7],
  ])('reads %j as %i', (value, expected) => {
    expect(pipe.transform(value)).toBe(expected);
  });

  it.each(['0', '501', '-1', '-99999999999', '1.5', '1e3', 'abc', '', ' 5', ['5', '6'], '9999999999', 1.5, -3, 501, Number.NaN])('refuses %j with a 400 naming the parameter', (value) => {
    expect(() => pipe.transform(value)).toThrow('limit must be a whole number between 1 and 500.');
  });
});
