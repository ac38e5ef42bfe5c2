import { describe, expect, it } from 'vitest';
import { ApiError, networkError } from '../api';
import { describeError } from './describe-error';
import { translator } from './strings';

describe(describeError.name, () => {
  it('translates an error code the interface knows', () => {
    const error = new ApiError(401, 'invalid-credentials', 'Invalid email or password');
    expect(describeError(error, translator('en'))).toBe('The email or password is incorrect.');
    expect(describeError(error, translator('fr'))).toBe('L’adresse électronique ou le mot de passe est incorrect.');
  });

  it('shows the server’s message for other codes', () => {
    const error = new ApiError(410, 'invitation-expired', 'This invitation has expired.');
    expect(describeError(error, translator('ru'))).toBe('This invitation has expired.');
  });

  it('says the server cannot be reached, in the reader’s language', () => {
    expect(describeError(networkError(), translator('en'))).toBe(
      'The server cannot be reached. Check your connection and try again.',
    );
    expect(describeError(networkError(), translator('es'))).toMatch(/^No se puede acceder al servidor/);
  });

  it('does not show the text of an unexpected exception', () => {
    expect(describeError(new Error('x is undefined'), translator('en'))).toBe('Something went wrong. Try again.');
  });
});
