import type { Language } from '@concord/domain';
import { committeePath } from '../routes';

/** The address of the secretariat's compile desk for an instrument's consolidated draft in one language. */
export function compileDeskPath(committeeId: string, instrumentId: string, language: Language): string {
  return `${committeePath(committeeId)}/instruments/${encodeURIComponent(instrumentId)}/desk/${language}`;
}
