import type { ConcordanceLine, ConsultationItem, Language, RenumberingView } from '@concord/domain';
import { request } from '../api';

export type { ConcordanceLine, ConsultationItem };

export type Renumbering = RenumberingView;

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
