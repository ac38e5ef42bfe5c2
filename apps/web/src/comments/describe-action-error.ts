import { ApiError } from '../api';
import { describeError } from '../i18n/describe-error';
import { en } from '../i18n/en';
import type { StringKey, Translate } from '../i18n/strings';

function isStringKey(key: string): key is StringKey {
  return Object.hasOwn(en, key);
}

/** The tables' sections that explain the error codes of proposals and comments. */
const SECTIONS = ['comments.error.', 'proposal.error.'] as const;

/**
 * The message for a failed proposal or comment request: the interface's translation of its error code
 * (`comments.error.invalid-anchor`, `proposal.error.empty-proposal`), else what `describeError` says.
 */
export function describeActionError(error: unknown, t: Translate): string {
  if (error instanceof ApiError) {
    for (const section of SECTIONS) {
      const key = `${section}${error.code}`;
      if (isStringKey(key)) return t(key);
    }
  }
  return describeError(error, t);
}
