import type { Language } from '@concord/domain';
import { LOCALES } from '../i18n/format';

/** A comment's time, short enough for the margin: "12 May 2026, 14:03". */
export function formatCommentTime(instant: string, language: Language, timeZone?: string): string {
  const value = Date.parse(instant);
  if (Number.isNaN(value)) return instant;
  return new Intl.DateTimeFormat(LOCALES[language], {
    dateStyle: 'medium',
    timeStyle: 'short',
    ...(timeZone === undefined ? {} : { timeZone }),
  }).format(value);
}
