import type { ProposalAttribution } from './types';

/** Compares strings by code units, the same in every locale (unlike `localeCompare`). */
export function compareStrings(a: string, b: string): number {
  return a < b ? -1 : a > b ? 1 : 0;
}

/** The order in which proposals are treated and their options listed: by sponsor code, then by id. */
export function bySponsorThenId(a: ProposalAttribution, b: ProposalAttribution): number {
  return compareStrings(a.sponsor, b.sponsor) || compareStrings(a.id, b.id);
}
