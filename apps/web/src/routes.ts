import type { Language } from '@concord/domain';

/** The address of a committee's dashboard. */
export function committeePath(committeeId: string): string {
  return `/committees/${encodeURIComponent(committeeId)}`;
}

/** The address of an instrument's live consolidated draft in one language. */
export function consolidatedDraftPath(committeeId: string, instrumentId: string, language: Language): string {
  return `${committeePath(committeeId)}/instruments/${encodeURIComponent(instrumentId)}/draft/${language}`;
}

/** The address of a drafting space. */
export function draftingSpacePath(id: string): string {
  return `/drafting-spaces/${encodeURIComponent(id)}`;
}
