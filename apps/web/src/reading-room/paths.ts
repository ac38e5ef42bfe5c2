import type { Language } from '@concord/domain';

/** The reading room: public revisions and compilations, open to everyone. */
export const READING_ROOM_PATH = '/reading-room';

/** The address of a public revision, in a language of its text (its original language when none is given). */
export function revisionPath(revisionId: string, textLanguage?: Language): string {
  const base = `${READING_ROOM_PATH}/revisions/${encodeURIComponent(revisionId)}`;
  return textLanguage === undefined ? base : `${base}/${textLanguage}`;
}

/** What the comparison page shows. */
export type CompareTab = 'side-by-side' | 'inline' | 'concordance';

/** The comparison page's choices, each optional: the page picks sensible defaults for what is missing. */
export interface CompareChoice {
  readonly older?: string;
  readonly newer?: string;
  readonly language?: Language;
  readonly view?: CompareTab;
}

/** The address of the comparison of two revisions. */
export function comparePath(choice: CompareChoice = {}): string {
  const query = new URLSearchParams();
  if (choice.older !== undefined) query.set('older', choice.older);
  if (choice.newer !== undefined) query.set('newer', choice.newer);
  if (choice.language !== undefined) query.set('lang', choice.language);
  if (choice.view !== undefined) query.set('view', choice.view);
  const search = query.toString();
  return `${READING_ROOM_PATH}/compare${search === '' ? '' : `?${search}`}`;
}
