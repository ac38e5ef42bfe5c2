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

  it('translates a validation failure, and gives an English reader the server’s precise sentence', () => {
    const error = new ApiError(400, 'validation-failed', 'The request was not accepted: title is empty: fill it in. Correct this and send it again.');
    expect(describeError(error, translator('en'))).toBe(error.message);
    expect(describeError(error, translator('ar'))).toBe('لم يُقبل بعض ما أدخلته. تحقّق من حقول النموذج ثم أرسله مرة أخرى.');
    expect(describeError(error, translator('zh'))).toBe('您输入的部分内容未被接受。请检查表单各栏后重新提交。');
  });

  it('translates the codes of the language versions and the publication desk in the six languages', () => {
    const error = new ApiError(409, 'language-exists', 'The instrument already has a fr version.');
    expect(describeError(error, translator('en'))).toBe('This text already has a version in that language. Open it from the list of language versions.');
    expect(describeError(error, translator('ru'))).toMatch(/^У этого текста уже есть версия/);
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
