import createClient from 'openapi-fetch';
import type { paths } from './api-schema.generated';

/** What the scenario read, for the test to check against the server. */
export interface ScenarioResult {
  readonly userEmail: string;
  readonly committeeNames: readonly string[];
  readonly revisionSymbol: string;
  readonly revisionText: string;
  /** The status and code of a request the server refuses, read through the typed error response. */
  readonly refused: { readonly status: number; readonly code: string };
}

/**
 * A short session of a client generated from the OpenAPI description alone: sign in, list the committees, read
 * a published revision. It is type-checked against the generated types by openapi.e2e.ts, so a response schema
 * that does not say what the server sends (a missing field, a wrong type) fails there or here.
 */
export async function runScenario(baseUrl: string, email: string, password: string): Promise<ScenarioResult> {
  const anonymous = createClient<paths>({ baseUrl });
  const signIn = await anonymous.POST('/api/auth/login', { body: { email, password } });
  if (!signIn.data) throw new Error(`Sign-in failed: ${signIn.error?.error.code ?? signIn.response.status}`);
  const { token, user } = signIn.data;

  const api = createClient<paths>({ baseUrl, headers: { Authorization: `Bearer ${token}` } });
  const committees = await api.GET('/api/committees');
  if (!committees.data) throw new Error('Listing committees failed.');
  const names = committees.data.items.map((committee) => committee.name);

  const revisions = await api.GET('/api/public/revisions');
  const first = revisions.data?.items[0];
  if (!first) throw new Error('No published revision to read.');
  const revision = await api.GET('/api/revisions/{id}', { params: { path: { id: first.id }, query: { lang: first.originalLanguage } } });
  if (!revision.data) throw new Error(`Reading revision ${first.symbol} failed.`);
  if (revision.data.verification.status !== 'verified') throw new Error(`Revision ${first.symbol} does not verify.`);

  const missing = await api.GET('/api/proposals/{id}', { params: { path: { id: '00000000-0000-4000-8000-000000000000' } } });
  if (!missing.error) throw new Error('An unknown proposal was answered.');

  return {
    userEmail: user.email,
    committeeNames: names,
    revisionSymbol: revision.data.symbol,
    revisionText: revision.data.text,
    refused: { status: missing.response.status, code: missing.error.error.code },
  };
}
