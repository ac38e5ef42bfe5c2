import { ApiError } from '../api';
import { en } from './en';
import type { StringKey, Translate } from './strings';

function isStringKey(key: string): key is StringKey {
  return Object.hasOwn(en, key);
}

/**
 * The message to show for a failed request: the interface's own translation when the error code is one the
 * interface knows (so an Arabic reader does not get an English sentence), otherwise the server's message, which
 * names the actual problem (a validation failure, an expired invitation).
 */
export function describeError(error: unknown, t: Translate): string {
  if (!(error instanceof ApiError)) return t('error.unknown');
  const key = `error.${error.code}`;
  if (isStringKey(key)) return t(key);
  return error.message;
}
