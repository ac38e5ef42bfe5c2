import type { Language, ProvisionStatus } from '@concord/domain';
import { request } from '../api';

/** One article as the Chair follows it in informal consultations (GET /api/instruments/:id/consultations). */
export interface ConsultationItem {
  readonly provisionId: string;
  readonly label: string;
  readonly heading: string;
  readonly status: ProvisionStatus;
  readonly proposals: number;
  readonly comments: number;
}

/** A line of a concordance: an article's number before and after a renumbering. */
export interface ConcordanceLine {
  readonly provisionId: string;
  readonly from: string;
  readonly to: string;
  readonly fromLabel: string;
  readonly toLabel: string;
  readonly changed: boolean;
}

export interface Renumbering {
  readonly id: string;
  readonly at: string;
  readonly entries: readonly ConcordanceLine[];
}

const segment = encodeURIComponent;
const instrumentPath = (id: string) => `/api/instruments/${segment(id)}`;

/** The Chair's desk and the numbering of an instrument (apps/api numbering and compilation). */
export const chairApi = {
  consultations: async (instrumentId: string, language: Language) =>
    (await request<{ items: readonly ConsultationItem[] }>('GET', `${instrumentPath(instrumentId)}/consultations?lang=${segment(language)}`)).items,
  renumberings: async (instrumentId: string, language: Language) =>
    (await request<{ items: readonly Renumbering[] }>('GET', `${instrumentPath(instrumentId)}/renumberings?lang=${segment(language)}`)).items,
  renumber: (instrumentId: string) => request<Renumbering>('POST', `${instrumentPath(instrumentId)}/renumber`),
};
