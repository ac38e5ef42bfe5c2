import type { Comparison } from '@concord/compare';
import type { ItemList, Language, PublishedCompilationSummary, RevisionSummary as PublicRevision, RevisionText as PublicRevisionText, RevisionVerification as Verification } from '@concord/domain';
import { api, networkError, request, toApiError, type Delegation } from '../api';

/** A published revision as the observers' API lists it, in one language, and what checking its hash found. */
export type { RevisionSummary as PublicRevision, RevisionText as PublicRevisionText, RevisionVerification as Verification } from '@concord/domain';

/** A published compilation of proposals. */
export type PublishedCompilation = PublishedCompilationSummary;

/** The renderings of a comparison the server writes as HTML. */
export type ComparisonView = 'side-by-side' | 'inline';

/** The download formats of a revision. */
export const EXPORT_FORMATS = ['akn', 'docx', 'html'] as const;
export type ExportFormat = (typeof EXPORT_FORMATS)[number];

/** The formats of a published compilation. */
export type CompilationFormat = 'html' | 'docx';

/** The Atom feed of new public revisions and compilations. */
export const FEED_URL = '/api/public/feed.atom';

const segment = encodeURIComponent;

/**
 * Fetches an HTML fragment the server renders (a comparison). Failures arrive as the API's JSON errors, and are
 * thrown as `ApiError` like any other.
 */
export async function requestHtml(path: string): Promise<string> {
  let response: Response;
  try {
    response = await fetch(path, { credentials: 'include', headers: { Accept: 'text/html, application/json' } });
  } catch {
    throw networkError();
  }
  let text: string;
  try {
    text = await response.text();
  } catch {
    throw networkError();
  }
  const html = response.headers.get('content-type')?.includes('text/html') ?? false;
  if (response.ok && html) return text;
  let body: unknown = text;
  try {
    body = JSON.parse(text) as unknown;
  } catch {
    // Not JSON: `toApiError` reports an unexpected response.
  }
  throw toApiError(response.status, body);
}

/** The address of a revision's download in a language and format. */
export function exportUrl(revisionId: string, language: Language, format: ExportFormat): string {
  return `/api/public/revisions/${segment(revisionId)}/export?lang=${segment(language)}&format=${format}`;
}

/** The address of the comparison of two public revisions as a Word document with tracked changes. */
export function comparisonDocxUrl(olderId: string, newerId: string, language: Language): string {
  return `/api/public/revisions/${segment(olderId)}/compare/${segment(newerId)}/docx?lang=${segment(language)}`;
}

/** The address of a published compilation in a format. */
export function compilationUrl(compilationId: string, format: CompilationFormat): string {
  return `/api/public/compilations/${segment(compilationId)}?format=${format}`;
}

/** The observers' API (`/api/public`): everything here works without signing in. */
export const publicApi = {
  revisions: async () => (await request<ItemList<PublicRevision>>('GET', '/api/public/revisions')).items,
  revision: (idOrSymbol: string, language?: Language) =>
    request<PublicRevisionText>(
      'GET',
      `/api/public/revisions/${segment(idOrSymbol)}${language === undefined ? '' : `?lang=${segment(language)}`}`,
    ),
  verify: (id: string) => request<Verification>('GET', `/api/public/revisions/${segment(id)}/verify`),
  comparison: (older: string, newer: string, language: Language) =>
    request<Comparison>(
      'GET',
      `/api/public/revisions/${segment(older)}/compare/${segment(newer)}?lang=${segment(language)}&format=json`,
    ),
  comparisonHtml: (older: string, newer: string, language: Language, view: ComparisonView) =>
    requestHtml(`/api/public/revisions/${segment(older)}/compare/${segment(newer)}?lang=${segment(language)}&format=${view}`),
  compilations: async () => (await request<ItemList<PublishedCompilation>>('GET', '/api/public/compilations')).items,

  /** Every committee's delegations (public), to name the delegations that provenance cites by code. */
  allDelegations: async (): Promise<readonly Delegation[]> => {
    const committees = await api.committees();
    const lists = await Promise.all(committees.map((committee) => api.delegations(committee.id)));
    return lists.flat();
  },
};
