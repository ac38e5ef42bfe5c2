import { ApiError } from '../api';
import { en } from './en';
import type { StringKey, Translate } from './strings';

function isStringKey(key: string): key is StringKey {
  return Object.hasOwn(en, key);
}

/**
 * Codes whose server message names the precise problem in English ("title is empty: fill it in"); an English
 * reader gets that sentence, readers of the other languages the interface's general translation of the code.
 */
const PRECISE_IN_ENGLISH = new Set(['validation-failed', 'import-failed', 'password-rejected', 'invalid-dates']);

/**
 * The message to show for a failed request: the interface's own translation when the error code is one the
 * interface knows (so an Arabic reader does not get an English sentence), otherwise the server's message, which
 * names the actual problem (an expired invitation).
 */
export function describeError(error: unknown, t: Translate): string {
  if (!(error instanceof ApiError)) return t('error.unknown');
  const key = `error.${error.code}`;
  if (!isStringKey(key)) return error.message;
  const translated = t(key);
  // The English table's own sentence means the reader reads English: the server's precise one serves better.
  if (PRECISE_IN_ENGLISH.has(error.code) && translated === en[key] && error.message.trim() !== '') return error.message;
  return translated;
}
