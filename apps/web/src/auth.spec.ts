import { describe, expect, it } from 'vitest';
import { safeReturnPath } from './auth';
import { passwordProblem } from './pages/invite-page';

describe(safeReturnPath.name, () => {
  it.each([
    ['/committees/c1', '/committees/c1'],
    ['/committees/c1?tab=x', '/committees/c1?tab=x'],
    [null, '/'],
    ['https://evil.example/', '/'],
    ['//evil.example/', '/'],
    ['/\\evil.example', '/'],
    ['javascript:alert(1)', '/'],
  ])('returns %j as %j', (next, expected) => {
    expect(safeReturnPath(next)).toBe(expected);
  });
});

describe(passwordProblem.name, () => {
  it('refuses a password shorter than 15 characters', () => {
    expect(passwordProblem('short', 'short')).toBe('too-short');
    expect(passwordProblem('fourteen chars', 'fourteen chars')).toBe('too-short');
    expect(passwordProblem('fifteen chars!!', 'fifteen chars!!')).toBeNull();
  });

  it('refuses a confirmation that differs', () => {
    expect(passwordProblem('a long enough password', 'a long enough passwore')).toBe('mismatch');
  });

  it('accepts a long password typed twice', () => {
    expect(passwordProblem('a long enough password', 'a long enough password')).toBeNull();
  });
});
