import { describe, expect, it } from 'vitest';
import { ApiError } from '../api';
import { translator } from '../i18n/strings';
import { describeActionError } from './describe-action-error';

describe(describeActionError.name, () => {
  it.each([
    ['empty-proposal', 'en', 'The text does not change the base text yet: there is nothing to propose.'],
    ['invalid-anchor', 'fr', 'Le texte sélectionné a changé depuis votre sélection. Sélectionnez-le à nouveau.'],
    ['forbidden', 'en', 'You do not have permission to do this.'],
  ] as const)('translates %s in %s', (code, language, message) => {
    expect(describeActionError(new ApiError(422, code, 'server words'), translator(language))).toBe(message);
  });

  it('falls back to the server’s message for a code the interface does not know', () => {
    expect(describeActionError(new ApiError(400, 'validation-failed', 'body must not be empty'), translator('en'))).toBe(
      'body must not be empty',
    );
  });
});
