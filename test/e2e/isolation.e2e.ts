import { consolidatedDocument, spaceDocument } from '@concord/domain';
import { treatyFragment } from '@concord/schema';
import { createHash, randomBytes } from 'node:crypto';
import { appendFileSync } from 'node:fs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { closed, firstMessage, provider, rawSocket, relayed, synced } from '../support/collab';
import { BACKENDS } from '../support/databases';
import { client, login, startServer, type TestServer } from '../support/server';
import { replaceText } from '../support/treaty-edit';

type Json = Record<string, unknown>;

/**
 * Suite (a) of issue 12: committee isolation. The demo committee is committee 1. An administrator sets up a second
 * committee through the real API (delegations, invitations accepted by their users); then every role of committee 2,
 * and an anonymous visitor, tries every endpoint of the OpenAPI document, every collaboration document and every
 * event stream on committee 1's records. Nothing of committee 1 may be read, each refusal answers as if the record
 * did not exist (404; 401 when anonymous; 403 only on committee 1's public records: the committee, its sessions and
 * delegations), and the database is unchanged after every refused call.
 */

const ADMIN = 'admin@concord.test';
const C1_EMAILS = [
  'secretariat@concord.test',
  'chair@concord.test',
  'egypt.head@concord.test',
  'egypt.delegate@concord.test',
  'eu.head@concord.test',
  'france.delegate@concord.test',
  'brazil.head@concord.test',
  'observer@concord.test',
];

const MARK = randomBytes(4).toString('hex');
// Words that only committee 1's committee- and delegation-tier records contain.
const SECRET_TITLE = `Isolation instrument ${MARK}`;
const SECRET_CLAUSE = `cooperate in good faith ${MARK}`;
const SECRET_DRAFT_TITLE = `Confidential fallback ${MARK}`;
const SECRET_DRAFT_TEXT = `quintessential sovereign reservation ${MARK}`;
const SECRET_COMMENT = `Committee-only remark ${MARK}`;
const SECRET_PERIOD = `Isolation call for comments ${MARK}`;
const SECRET_WRITTEN = `Unpublished written remark ${MARK}`;

/** Committee 2's callers: every role, and nobody signed in. */
const CALLERS = ['secretariat', 'chair', 'head', 'delegate', 'observer', 'anonymous'] as const;
type Caller = (typeof CALLERS)[number];
type Member = Exclude<Caller, 'anonymous'>;

/** What a refused call answers: the same status for every signed-in role of committee 2, and for an anonymous one. */
interface Expect {
  readonly signedIn: number;
  readonly anonymous: number;
}
const ABSENT: Expect = { signedIn: 404, anonymous: 401 };
/** Committee 1's public records (the committee, its sessions and delegations): known to all, changed by none. */
const REFUSED_PUBLIC: Expect = { signedIn: 403, anonymous: 401 };
const READ_PUBLIC: Expect = { signedIn: 200, anonymous: 200 };

/**
 * How a call is made: the path (with `{name}` filled from the ids of committee 1), its query, body, and what it may
 * answer. `writes` marks a call that is allowed to write (it acts on the caller's own session, not on committee 1).
 */
interface Call {
  readonly path: string;
  readonly query?: string;
  readonly body?: (ids: Ids) => unknown;
  readonly expect: Expect | ((caller: Caller) => number);
  readonly writes?: boolean;
  /** A fresh sign-in is used, since the call ends the session it is made with. */
  readonly ownSession?: boolean;
  /** Why the body is not searched for committee 1's records (owned by another part of the issue). */
  readonly unchecked?: string;
}

type Ids = Record<string, string>;

const PASSWORD = `Isolation-${randomBytes(12).toString('base64url')}`;
const someUuid = '00000000-0000-4000-8000-000000000000';

/**
 * Every operation of the OpenAPI document, by "METHOD path" exactly as the document writes it. A new endpoint
 * without a row here fails the suite, so that isolation is decided for it.
 */
const CALLS: Readonly<Record<string, Call>> = {
  // Signing in and out concerns only the caller; nothing of committee 1 shows.
  'POST /api/auth/login': { path: '/api/auth/login', body: () => ({ email: 'secretariat@concord.test', password: 'not-the-password-9x' }), expect: { signedIn: 401, anonymous: 401 } },
  'POST /api/auth/logout': { path: '/api/auth/logout', expect: { signedIn: 204, anonymous: 401 }, writes: true, ownSession: true },
  'GET /api/auth/me': { path: '/api/auth/me', expect: { signedIn: 200, anonymous: 401 } },
  // One's own e-mail settings: they name no committee.
  'GET /api/auth/me/mail': { path: '/api/auth/me/mail', expect: { signedIn: 200, anonymous: 401 } },
  'PUT /api/auth/me/mail': { path: '/api/auth/me/mail', body: () => ({ delivery: 'daily', language: 'fr' }), expect: { signedIn: 200, anonymous: 401 }, writes: true },
  // The outbox is for administrators only, of any committee.
  'GET /api/admin/mail': { path: '/api/admin/mail', expect: { signedIn: 403, anonymous: 401 } },
  'POST /api/admin/mail/{id}/retry': { path: `/api/admin/mail/${someUuid}/retry`, expect: { signedIn: 403, anonymous: 401 } },
  'POST /api/auth/invitations': {
    path: '/api/auth/invitations',
    body: (ids) => ({ email: `intruder.${MARK}@example.org`, displayName: 'Intruder', roles: ['delegate'], delegationId: ids.egypt, committeeId: ids.committee }),
    expect: REFUSED_PUBLIC,
  },
  'POST /api/auth/accept-invitation': { path: '/api/auth/accept-invitation', body: () => ({ token: 'A'.repeat(43), password: PASSWORD }), expect: { signedIn: 410, anonymous: 410 } },
  'GET /api/committees/{committeeId}/users': { path: '/api/committees/{committee}/users', expect: ABSENT },

  'GET /api/committees': { path: '/api/committees', expect: READ_PUBLIC },
  'POST /api/committees': { path: '/api/committees', body: () => ({ name: `Rogue ${MARK}`, symbolPrefix: 'A/AC.999' }), expect: REFUSED_PUBLIC },
  'GET /api/committees/{id}': { path: '/api/committees/{committee}', expect: READ_PUBLIC },
  'PATCH /api/committees/{id}': { path: '/api/committees/{committee}', body: () => ({ description: 'taken over' }), expect: REFUSED_PUBLIC },
  'GET /api/committees/{id}/sessions': { path: '/api/committees/{committee}/sessions', expect: READ_PUBLIC },
  'POST /api/committees/{id}/sessions': {
    path: '/api/committees/{committee}/sessions',
    body: () => ({ number: 77, title: 'Rogue session', venue: 'Nowhere', startDate: '2031-01-01', endDate: '2031-01-02', proposalDeadline: '2030-12-01T00:00:00Z' }),
    expect: REFUSED_PUBLIC,
  },
  'GET /api/sessions/{id}': { path: '/api/sessions/{session}', expect: READ_PUBLIC },
  'PATCH /api/sessions/{id}': { path: '/api/sessions/{session}', body: () => ({ venue: 'Elsewhere' }), expect: REFUSED_PUBLIC },
  'GET /api/committees/{committeeId}/delegations': { path: '/api/committees/{committee}/delegations', expect: READ_PUBLIC },
  'POST /api/committees/{committeeId}/delegations': {
    path: '/api/committees/{committee}/delegations',
    body: () => ({ code: 'ROGUE', kind: 'member-state', names: { en: 'Rogue' } }),
    expect: REFUSED_PUBLIC,
  },
  'GET /api/delegations/{id}': { path: '/api/delegations/{egypt}', expect: READ_PUBLIC },
  'PATCH /api/delegations/{id}': { path: '/api/delegations/{egypt}', body: () => ({ names: { en: 'Renamed' } }), expect: REFUSED_PUBLIC },
  // A delegation's members are its own business: another committee does not learn who they are.
  'GET /api/delegations/{id}/members': { path: '/api/delegations/{egypt}/members', expect: ABSENT },
  'POST /api/delegations/{id}/members/{userId}/confirm': { path: '/api/delegations/{egypt}/members/{egyptDelegate}/confirm', expect: ABSENT },
  'DELETE /api/delegations/{id}/members/{userId}': { path: '/api/delegations/{egypt}/members/{egyptDelegate}', expect: ABSENT },

  'GET /api/audit': {
    path: '/api/audit',
    expect: (caller) => (caller === 'anonymous' ? 401 : caller === 'secretariat' ? 200 : 403),
  },
  'GET /api/audit/verify': { path: '/api/audit/verify', expect: (caller) => (caller === 'anonymous' ? 401 : caller === 'secretariat' ? 200 : 403) },

  'GET /api/committees/{committeeId}/instruments': { path: '/api/committees/{committee}/instruments', expect: ABSENT },
  'POST /api/committees/{committeeId}/instruments/import': {
    path: '/api/committees/{committee}/instruments/import',
    body: () => ({ titles: { en: 'Rogue text' }, originalLanguage: 'en', format: 'markdown', content: '## Article 1\n\nRogue.\n' }),
    expect: REFUSED_PUBLIC,
  },
  'GET /api/instruments/{id}': { path: '/api/instruments/{instrument}', expect: ABSENT },
  'PATCH /api/instruments/{id}': { path: '/api/instruments/{instrument}', body: () => ({ titles: { en: 'Renamed' } }), expect: ABSENT },
  'GET /api/instruments/{id}/text': { path: '/api/instruments/{instrument}/text', query: 'lang=en', expect: ABSENT },

  'POST /api/instruments/{instrumentId}/drafting-spaces': {
    path: '/api/instruments/{instrument}/drafting-spaces',
    body: (ids) => ({ title: 'Rogue draft', language: 'en', provisionIds: [ids.article] }),
    expect: ABSENT,
  },
  'GET /api/drafting-spaces': { path: '/api/drafting-spaces', expect: { signedIn: 200, anonymous: 401 } },
  'GET /api/drafting-spaces/{id}': { path: '/api/drafting-spaces/{space}', expect: ABSENT },
  'POST /api/drafting-spaces/{id}/submit': { path: '/api/drafting-spaces/{space}/submit', body: () => ({ justification: 'Rogue.' }), expect: ABSENT },
  'POST /api/drafting-spaces/{id}/co-sponsors': { path: '/api/drafting-spaces/{space}/co-sponsors', body: (ids) => ({ delegationId: ids.france }), expect: ABSENT },
  'POST /api/drafting-spaces/{id}/co-sponsors/accept': { path: '/api/drafting-spaces/{space}/co-sponsors/accept', expect: ABSENT },
  'POST /api/drafting-spaces/{id}/co-sponsors/decline': { path: '/api/drafting-spaces/{space}/co-sponsors/decline', expect: ABSENT },
  'DELETE /api/drafting-spaces/{id}/co-sponsors/{delegationId}': { path: '/api/drafting-spaces/{space}/co-sponsors/{france}', expect: ABSENT },

  'GET /api/proposals': { path: '/api/proposals', query: 'instrumentId={instrument}', expect: { signedIn: 200, anonymous: 401 } },
  'GET /api/proposals/{id}': { path: '/api/proposals/{proposal}', expect: ABSENT },
  'GET /api/proposals/{id}/compare/docx': { path: '/api/proposals/{proposal}/compare/docx', expect: ABSENT },
  'GET /api/drafting-spaces/{id}/docx': { path: '/api/drafting-spaces/{space}/docx', expect: ABSENT },
  'POST /api/drafting-spaces/{id}/word/preview': { path: '/api/drafting-spaces/{space}/word/preview', body: () => ({}), expect: ABSENT },
  'POST /api/drafting-spaces/{id}/word/apply': { path: '/api/drafting-spaces/{space}/word/apply', body: () => ({ digest: '0'.repeat(64) }), expect: ABSENT },
  'POST /api/proposals/{id}/withdraw': { path: '/api/proposals/{proposal}/withdraw', expect: ABSENT },
  'POST /api/proposals/{id}/outcome': { path: '/api/proposals/{proposal}/outcome', body: () => ({ status: 'not-retained' }), expect: ABSENT },
  'POST /api/proposals/{id}/support': { path: '/api/proposals/{proposal}/support', expect: ABSENT },
  'DELETE /api/proposals/{id}/support': { path: '/api/proposals/{proposal}/support', expect: ABSENT },

  'GET /api/instruments/{id}/desk': { path: '/api/instruments/{instrument}/desk', query: 'lang=en', expect: ABSENT },
  'PUT /api/proposals/{id}/decision': { path: '/api/proposals/{proposal}/decision', body: () => ({ language: 'en', decision: 'incorporate' }), expect: ABSENT },
  'POST /api/instruments/{id}/compile': { path: '/api/instruments/{instrument}/compile', body: () => ({ language: 'en' }), expect: ABSENT },
  'PUT /api/instruments/{id}/provisions/{provisionId}/status': {
    path: '/api/instruments/{instrument}/provisions/{article}/status',
    body: () => ({ language: 'en', status: 'agreed-ad-referendum' }),
    expect: ABSENT,
  },
  'GET /api/instruments/{id}/provisions/status-history': { path: '/api/instruments/{instrument}/provisions/status-history', query: 'lang=en', expect: ABSENT },
  'GET /api/instruments/{id}/numbers': { path: '/api/instruments/{instrument}/numbers', query: 'lang=en', expect: ABSENT },
  'GET /api/instruments/{id}/consultations': { path: '/api/instruments/{instrument}/consultations', query: 'lang=en', expect: ABSENT },
  'POST /api/instruments/{id}/renumber': { path: '/api/instruments/{instrument}/renumber', expect: ABSENT },
  'GET /api/instruments/{id}/renumberings': { path: '/api/instruments/{instrument}/renumberings', query: 'lang=en', expect: ABSENT },
  'GET /api/documents/{document}/provenance': { path: '/api/documents/{consolidated}/provenance', query: 'from=0&to=20', expect: ABSENT },

  'GET /api/instruments/{id}/compilation': { path: '/api/instruments/{instrument}/compilation', query: 'lang=en', expect: ABSENT },
  'POST /api/instruments/{id}/compilation/publish': { path: '/api/instruments/{instrument}/compilation/publish', body: () => ({ language: 'en' }), expect: ABSENT },
  'POST /api/instruments/{id}/revisions': {
    path: '/api/instruments/{instrument}/revisions',
    body: (ids) => ({ tier: 'public', symbol: `${ids.prefix}/78`, date: '2030-01-01', confirmStale: true }),
    expect: ABSENT,
  },
  // Public: an instrument's revisions the caller may read, which of committee 1's committee-tier revision is none.
  'GET /api/instruments/{id}/revisions': { path: '/api/instruments/{instrument}/revisions', expect: READ_PUBLIC },
  'GET /api/revisions/{id}': { path: '/api/revisions/{revision}', expect: { signedIn: 404, anonymous: 404 } },
  'GET /api/revisions/{id}/verify': { path: '/api/revisions/{revision}/verify', expect: { signedIn: 404, anonymous: 404 } },
  'GET /api/revisions/{id}/signed': { path: '/api/revisions/{revision}/signed', expect: { signedIn: 404, anonymous: 404 } },
  'GET /api/revisions/{id}/compare/{other}': { path: '/api/revisions/{revision}/compare/live', expect: { signedIn: 404, anonymous: 404 } },
  'GET /api/revisions/{id}/compare/{other}/docx': { path: '/api/revisions/{revision}/compare/live/docx', expect: { signedIn: 404, anonymous: 404 } },
  'GET /api/revisions/{id}/export': { path: '/api/revisions/{revision}/export', query: 'format=html', expect: { signedIn: 404, anonymous: 404 } },
  'POST /api/instruments/{id}/languages': { path: '/api/instruments/{instrument}/languages', body: () => ({ language: 'fr' }), expect: ABSENT },
  'GET /api/instruments/{id}/languages/stale': { path: '/api/instruments/{instrument}/languages/stale', query: 'lang=fr', expect: ABSENT },
  'POST /api/instruments/{id}/languages/confirm': {
    path: '/api/instruments/{instrument}/languages/confirm',
    query: 'lang=fr',
    body: (ids) => ({ nodeIds: [ids.article] }),
    expect: ABSENT,
  },
  'POST /api/instruments/{id}/languages/translate': {
    path: '/api/instruments/{instrument}/languages/translate',
    query: 'lang=fr',
    body: (ids) => ({ nodeId: ids.article, texts: ['Portée'] }),
    expect: ABSENT,
  },

  'GET /api/public/revisions': { path: '/api/public/revisions', expect: READ_PUBLIC },
  'GET /api/public/revisions/{id}': { path: '/api/public/revisions/{revision}', expect: { signedIn: 404, anonymous: 404 } },
  'GET /api/public/revisions/{id}/verify': { path: '/api/public/revisions/{revision}/verify', expect: { signedIn: 404, anonymous: 404 } },
  'GET /api/public/revisions/{id}/signed': { path: '/api/public/revisions/{revision}/signed', expect: { signedIn: 404, anonymous: 404 } },
  // The server's public key is for everyone: it names no committee.
  'GET /api/public/signing-key': { path: '/api/public/signing-key', expect: READ_PUBLIC },
  'GET /api/public/revisions/{id}/compare/{other}': { path: '/api/public/revisions/{revision}/compare/{revision}', expect: { signedIn: 404, anonymous: 404 } },
  'GET /api/public/revisions/{id}/compare/{other}/docx': { path: '/api/public/revisions/{revision}/compare/{revision}/docx', expect: { signedIn: 404, anonymous: 404 } },
  'GET /api/public/revisions/{id}/export': { path: '/api/public/revisions/{revision}/export', query: 'format=html', expect: { signedIn: 404, anonymous: 404 } },
  'GET /api/public/compilations': { path: '/api/public/compilations', expect: READ_PUBLIC },
  'GET /api/public/compilations/{id}': { path: `/api/public/compilations/${someUuid}`, expect: { signedIn: 404, anonymous: 404 } },
  'GET /api/public/feed.atom': { path: '/api/public/feed.atom', expect: READ_PUBLIC },
  'GET /api/health': { path: '/api/health', expect: READ_PUBLIC },
  // The committee's record: committee 2's secretariat is not committee 1's.
  'GET /api/committees/{committeeId}/archive': { path: '/api/committees/{committee}/archive', expect: ABSENT },
  'GET /api/health/live': { path: '/api/health/live', expect: READ_PUBLIC },
  'GET /api/health/ready': { path: '/api/health/ready', expect: READ_PUBLIC },
  // Only the scraper's METRICS_TOKEN opens the metrics; this server has none, so they do not exist for anyone.
  'GET /api/metrics': { path: '/api/metrics', expect: { signedIn: 404, anonymous: 404 } },

  // Comments: committee 1's committee-tier thread on its proposal, and the stream of its consolidated draft.
  'GET /api/comments': { path: '/api/comments', query: 'targetKind=proposal&targetId={proposal}', expect: ABSENT },
  'GET /api/comments/stream': { path: '/api/comments/stream', query: 'targetKind=document&targetId={consolidated}', expect: ABSENT },
  'POST /api/comments': { path: '/api/comments', body: (ids) => ({ targetKind: 'proposal', targetId: ids.proposal, tier: 'committee', body: 'Rogue comment.' }), expect: ABSENT },
  'GET /api/comments/{id}': { path: '/api/comments/{comment}', expect: ABSENT },
  'PATCH /api/comments/{id}': { path: '/api/comments/{comment}', body: () => ({ body: 'Rewritten.' }), expect: ABSENT },
  'POST /api/comments/{id}/replies': { path: '/api/comments/{comment}/replies', body: () => ({ body: 'Rogue reply.' }), expect: ABSENT },
  'POST /api/comments/{id}/resolve': { path: '/api/comments/{comment}/resolve', expect: ABSENT },
  'POST /api/comments/{id}/reopen': { path: '/api/comments/{comment}/reopen', expect: ABSENT },

  // Comment periods (issue 13): committee 1's period on its committee revision, Egypt's unpublished written
  // comment and its remark; the public side; and the caller's own inbox (committee 1's item is unknown to others).
  'POST /api/comment-periods': {
    path: '/api/comment-periods',
    body: (ids) => ({ targetKind: 'revision', targetId: ids.revision, title: 'Rogue period', deadline: '2031-01-01T00:00:00Z', publication: 'on-arrival', allowObservers: false }),
    expect: ABSENT,
  },
  'GET /api/comment-periods': { path: '/api/comment-periods', expect: { signedIn: 200, anonymous: 401 } },
  'GET /api/comment-periods/{id}': { path: '/api/comment-periods/{period}', expect: ABSENT },
  'POST /api/comment-periods/{id}/extend': { path: '/api/comment-periods/{period}/extend', body: () => ({ deadline: '2032-01-01T00:00:00Z' }), expect: ABSENT },
  'POST /api/comment-periods/{id}/close': { path: '/api/comment-periods/{period}/close', expect: ABSENT },
  'POST /api/comment-periods/{id}/publish': { path: '/api/comment-periods/{period}/publish', expect: ABSENT },
  'GET /api/comment-periods/{id}/written-comments': { path: '/api/comment-periods/{period}/written-comments', expect: ABSENT },
  'POST /api/comment-periods/{id}/written-comments': { path: '/api/comment-periods/{period}/written-comments', body: () => ({ language: 'en', remarks: [{ body: 'Rogue remark.' }] }), expect: ABSENT },
  'GET /api/comment-periods/{id}/matrix': { path: '/api/comment-periods/{period}/matrix', query: 'format=csv', expect: ABSENT },
  'GET /api/comment-periods/{id}/compilation': { path: '/api/comment-periods/{period}/compilation', query: 'format=html', expect: ABSENT },
  'GET /api/written-comments/{id}': { path: '/api/written-comments/{writtenComment}', expect: ABSENT },
  'PUT /api/written-comments/{id}': { path: '/api/written-comments/{writtenComment}', body: () => ({ language: 'en', remarks: [{ body: 'Rewritten.' }] }), expect: ABSENT },
  'DELETE /api/written-comments/{id}': { path: '/api/written-comments/{writtenComment}', expect: ABSENT },
  'POST /api/written-comments/{id}/submit': { path: '/api/written-comments/{writtenComment}/submit', expect: ABSENT },
  'POST /api/written-remarks/{id}/dispositions': { path: '/api/written-remarks/{remark}/dispositions', body: () => ({ disposition: 'accepted', response: 'Rogue.' }), expect: ABSENT },
  'GET /api/revisions/{id}/written-comments': { path: '/api/revisions/{revision}/written-comments', expect: ABSENT },
  'GET /api/public/comment-periods': { path: '/api/public/comment-periods', expect: READ_PUBLIC },
  'GET /api/public/comment-periods/{id}': { path: '/api/public/comment-periods/{period}', expect: { signedIn: 404, anonymous: 404 } },
  'GET /api/public/comment-periods/{id}/written-comments': { path: '/api/public/comment-periods/{period}/written-comments', expect: { signedIn: 404, anonymous: 404 } },
  'GET /api/public/comment-periods/{id}/matrix': { path: '/api/public/comment-periods/{period}/matrix', query: 'format=xlsx', expect: { signedIn: 404, anonymous: 404 } },
  'GET /api/public/comment-periods/{id}/compilation': { path: '/api/public/comment-periods/{period}/compilation', query: 'format=docx', expect: { signedIn: 404, anonymous: 404 } },
  'GET /api/public/revisions/{id}/written-comments': { path: '/api/public/revisions/{revision}/written-comments', expect: { signedIn: 404, anonymous: 404 } },
  'GET /api/public/comments.atom': { path: '/api/public/comments.atom', expect: READ_PUBLIC },
  'GET /api/inbox': { path: '/api/inbox', expect: { signedIn: 200, anonymous: 401 } },
  // The caller's own inbox stream opens (with nothing of committee 1 in it).
  'GET /api/inbox/stream': { path: '/api/inbox/stream', expect: { signedIn: 200, anonymous: 401 } },
  'POST /api/inbox/read-all': { path: '/api/inbox/read-all', expect: { signedIn: 200, anonymous: 401 } },
  'POST /api/inbox/{id}/read': { path: '/api/inbox/{inboxItem}/read', expect: ABSENT },
};

/** Further event streams of committee 1 (the OpenAPI row above tries the consolidated draft's). */
const STREAMS = ['targetKind=proposal&targetId={proposal}', 'targetKind=document&targetId={spaceDocument}', 'targetKind=revision&targetId={revision}'];

function fill(template: string, ids: Ids): string {
  return template.replace(/\{(\w+)\}/g, (_m, key: string) => {
    const value = ids[key];
    if (value === undefined) throw new Error(`no id for {${key}}`);
    return encodeURIComponent(value);
  });
}

function expected(call: Call, caller: Caller): number {
  if (typeof call.expect === 'function') return call.expect(caller);
  return caller === 'anonymous' ? call.expect.anonymous : call.expect.signedIn;
}

interface Answer {
  readonly status: number;
  readonly text: string;
}

/**
 * One HTTP call, reading at most the first chunk of an event stream (a stream that opens is itself the failure the
 * caller reports, so it is not read to its end).
 */
async function call(server: TestServer, method: string, path: string, token: string | undefined, body: unknown): Promise<Answer> {
  const controller = new AbortController();
  const timer = setTimeout(() => controller.abort(), 10_000);
  try {
    const response = await fetch(`${server.url}${path}`, {
      method,
      signal: controller.signal,
      headers: { ...(body === undefined ? {} : { 'content-type': 'application/json' }), ...(token ? { authorization: `Bearer ${token}` } : {}) },
      body: body === undefined ? undefined : JSON.stringify(body),
    });
    if ((response.headers.get('content-type') ?? '').includes('text/event-stream')) {
      const reader = response.body?.getReader();
      const first = reader ? await reader.read() : { value: undefined };
      controller.abort();
      return { status: response.status, text: first.value ? Buffer.from(first.value).toString() : '' };
    }
    return { status: response.status, text: await response.text() };
  } finally {
    clearTimeout(timer);
  }
}

/** Row counts and a hash of every row of every table: equal fingerprints mean nothing was written. */
async function fingerprint(server: TestServer): Promise<Record<string, string>> {
  const postgres = server.db.options.type === 'postgres';
  const tables = postgres
    ? ((await server.db.query(`SELECT tablename AS name FROM pg_tables WHERE schemaname = 'public' ORDER BY tablename`)) as { name: string }[])
    : ((await server.db.query(`SELECT name FROM sqlite_master WHERE type = 'table' AND name NOT LIKE 'sqlite_%' ORDER BY name`)) as { name: string }[]);
  const prints: Record<string, string> = {};
  for (const { name } of tables) {
    const rows = (await server.db.query(`SELECT * FROM "${name}"`)) as Json[];
    const lines = rows.map((row) => JSON.stringify(row)).sort();
    prints[name] = `${rows.length}:${createHash('sha256').update(lines.join('\n')).digest('hex').slice(0, 16)}`;
  }
  return prints;
}

/** Accepts an invitation with the link's token and returns the new user's bearer token. */
async function invite(server: TestServer, adminToken: string, input: Json): Promise<string> {
  const invited = await client(server, adminToken).post('/api/auth/invitations', input);
  if (invited.status !== 201) throw new Error(`invitation failed: ${invited.status} ${JSON.stringify(invited.body)}`);
  const accepted = await client(server).post('/api/auth/accept-invitation', { token: invited.body.token, password: PASSWORD });
  if (accepted.status !== 200) throw new Error(`accepting the invitation failed: ${accepted.status} ${JSON.stringify(accepted.body)}`);
  return String(accepted.body.token);
}

for (const backend of BACKENDS) {
  describe.skipIf(backend.skip !== null)(`Committee isolation on ${backend.name}${backend.skip ? ` (${backend.skip})` : ''}`, () => {
    let server: TestServer;
    const ids: Ids = {};
    const tokens: Partial<Record<Member, string>> = {};
    const emails: Partial<Record<Member, string>> = {};
    let secrets: string[] = [];
    let current: Record<string, string> = {};

    beforeAll(async () => {
      // No document is unloaded (and compacted) in the middle of the suite, which would be a write nobody asked for.
      server = await startServer(await backend.create(), { LOGIN_ATTEMPTS_PER_MINUTE: '1000', COLLAB_IDLE_UNLOAD_MS: '3600000' });
      const admin = await login(server, ADMIN);
      const secretariat1 = await login(server, 'secretariat@concord.test');
      const head1 = await login(server, 'egypt.head@concord.test');
      ids.egyptDelegate = String(((await client(server, await login(server, 'egypt.delegate@concord.test')).get('/api/auth/me')).body.user as Json).id);
      const as1 = client(server, secretariat1);

      // Committee 1 and a text of its own that nothing public mentions.
      const committees = (await as1.get('/api/committees')).body.items as Json[];
      ids.committee = String(committees[0].id);
      ids.prefix = String(committees[0].symbolPrefix);
      ids.session = String(((await as1.get(`/api/committees/${ids.committee}/sessions`)).body.items as Json[])[0].id);
      const delegations = (await as1.get(`/api/committees/${ids.committee}/delegations`)).body.items as Json[];
      ids.egypt = String(delegations.find((d) => d.code === 'EGY')?.id);
      ids.france = String(delegations.find((d) => d.code === 'FRA')?.id);
      ids.demoInstrument = String(((await as1.get(`/api/committees/${ids.committee}/instruments`)).body.items as Json[])[0].id);
      const imported = await as1.post(`/api/committees/${ids.committee}/instruments/import`, {
        titles: { en: SECRET_TITLE },
        originalLanguage: 'en',
        format: 'markdown',
        content: `## Article 1\n\nThe Parties shall ${SECRET_CLAUSE}.\n\n## Article 2\n\nEach Party shall report annually.\n`,
      });
      expect(imported.status).toBe(201);
      ids.instrument = String(imported.body.id);
      ids.consolidated = consolidatedDocument(ids.instrument, 'en');
      const text = await as1.get(`/api/instruments/${ids.instrument}/text?lang=en`);
      const articles = ((text.body.doc as Json).content as Json[]).filter((n) => n.type === 'article');
      ids.article = String((articles[0].attrs as Json).id);

      // Egypt's confidential draft, and a submitted proposal with a committee-tier comment on it.
      const asHead = client(server, head1);
      const space = await asHead.post(`/api/instruments/${ids.instrument}/drafting-spaces`, { title: SECRET_DRAFT_TITLE, language: 'en', provisionIds: [ids.article] });
      expect(space.status).toBe(201);
      ids.space = String(space.body.id);
      ids.spaceDocument = String(space.body.document);
      const writer = provider(server, ids.spaceDocument, head1);
      await synced(writer);
      replaceText(writer.doc, SECRET_CLAUSE, SECRET_DRAFT_TEXT);
      await relayed(server, ids.spaceDocument, head1, (doc) => treatyFragment(doc).toString().includes(SECRET_DRAFT_TEXT));
      writer.destroy();
      const submitted = await asHead.post(`/api/drafting-spaces/${ids.space}/submit`, { justification: `Because ${MARK}.` });
      expect(submitted.status).toBe(201);
      ids.proposal = String(submitted.body.id);
      const comment = await asHead.post('/api/comments', { targetKind: 'proposal', targetId: ids.proposal, tier: 'committee', body: SECRET_COMMENT });
      expect(comment.status).toBe(201);
      ids.comment = String(comment.body.id);
      const revision = await as1.post(`/api/instruments/${ids.instrument}/revisions`, { tier: 'committee', symbol: `${ids.prefix}/77`, date: '2030-01-01' });
      expect(revision.status).toBe(201);
      ids.revision = String(revision.body.id);
      const period = await as1.post('/api/comment-periods', { targetKind: 'revision', targetId: ids.revision, title: SECRET_PERIOD, deadline: '2031-01-01T00:00:00Z', publication: 'at-close', allowObservers: false });
      expect(period.status).toBe(201);
      ids.period = String(period.body.id);
      const written = await asHead.post(`/api/comment-periods/${ids.period}/written-comments`, { language: 'en', remarks: [{ body: SECRET_WRITTEN }] });
      expect(written.status).toBe(201);
      ids.writtenComment = String(written.body.id);
      ids.remark = String((written.body.remarks as Json[])[0].id);
      expect((await asHead.post(`/api/written-comments/${ids.writtenComment}/submit`)).status).toBe(200);
      ids.inboxItem = String(((await client(server, head1).get('/api/inbox')).body.items as Json[])[0].id);

      // Committee 2, set up by the administrator with every role, each user accepting their own invitation.
      const asAdmin = client(server, admin);
      const committee2 = await asAdmin.post('/api/committees', { name: `Second committee ${MARK}`, symbolPrefix: 'A/AC.292' });
      expect(committee2.status).toBe(201);
      ids.committee2 = String(committee2.body.id);
      const delegation = async (code: string, kind: string) => {
        const made = await asAdmin.post(`/api/committees/${ids.committee2}/delegations`, { code, kind, names: { en: code } });
        expect(made.status).toBe(201);
        return String(made.body.id);
      };
      const state2 = await delegation('ISO', 'member-state');
      const observers2 = await delegation('ISO-OBS', 'observer-organization');
      const people: Record<Member, Json> = {
        secretariat: { roles: ['secretariat'] },
        chair: { roles: ['chair'] },
        head: { roles: ['head-of-delegation'], delegationId: state2 },
        delegate: { roles: ['delegate'], delegationId: state2 },
        observer: { roles: ['observer'], delegationId: observers2 },
      };
      for (const [member, person] of Object.entries(people) as [Member, Json][]) {
        emails[member] = `${member}.${MARK}@second.example`;
        tokens[member] = await invite(server, admin, { email: emails[member], displayName: `Second ${member}`, committeeId: ids.committee2, ...person });
      }

      const users = (await as1.get(`/api/committees/${ids.committee}/users`)).body.items as Json[];
      secrets = [
        ...new Set([
          ...C1_EMAILS,
          ...users.map((u) => String(u.email)),
          ids.demoInstrument,
          ids.instrument,
          ids.article,
          ids.space,
          ids.proposal,
          ids.comment,
          ids.revision,
          ids.period,
          ids.writtenComment,
          ids.remark,
          ids.inboxItem,
          SECRET_PERIOD,
          SECRET_WRITTEN,
          `${ids.prefix}/77`,
          SECRET_TITLE,
          SECRET_CLAUSE,
          SECRET_DRAFT_TITLE,
          SECRET_DRAFT_TEXT,
          SECRET_COMMENT,
        ]),
      ];
      current = await fingerprint(server);
    });
    afterAll(async () => server?.close());

    /** What of committee 1 the answer carries that the request did not itself name. */
    function leakedBy(text: string, sent: string): string[] {
      return secrets.filter((secret) => !sent.includes(secret) && !sent.includes(encodeURIComponent(secret)) && text.includes(secret));
    }

    /** The tables written since the last fingerprint. */
    async function written(): Promise<string[]> {
      const after = await fingerprint(server);
      const changed = Object.keys({ ...current, ...after }).filter((table) => current[table] !== after[table]);
      current = after;
      return changed;
    }

    /**
     * Checks one refused (or harmless) call: its status, that it carries nothing of committee 1, and that it wrote
     * nothing. All three are checked (softly), so that a failure reports everything the call did wrong.
     */
    function verdict(what: string, outcome: number | string, wanted: number | string, leaked: readonly string[] | null, tables: readonly string[] | null, text: string): void {
      // ISOLATION_REPORT names a file to record every outcome in, to compare two builds (see the report of issue 12).
      if (process.env.ISOLATION_REPORT) {
        appendFileSync(process.env.ISOLATION_REPORT, `${JSON.stringify({ backend: backend.name, what, outcome, wanted, leaked, wrote: tables })}\n`);
      }
      expect.soft(outcome, `${what}: ${text.slice(0, 300)}`).toBe(wanted);
      if (leaked) expect.soft(leaked, `${what} answered with committee 1's records`).toEqual([]);
      if (tables) expect.soft(tables, `${what} wrote to the database`).toEqual([]);
    }

    it('has a row for every operation of the OpenAPI document, and none for an operation it lacks', async () => {
      const document = (await client(server).get('/api/docs-json')).body as { paths: Record<string, Record<string, unknown>> };
      const operations = Object.entries(document.paths).flatMap(([path, item]) =>
        Object.keys(item)
          .filter((method) => ['get', 'post', 'put', 'patch', 'delete'].includes(method))
          .map((method) => `${method.toUpperCase()} ${path}`),
      );
      expect(operations.length).toBeGreaterThan(60);
      expect(operations.filter((op) => !(op in CALLS)), 'operations without a row').toEqual([]);
      expect(Object.keys(CALLS).filter((op) => !operations.includes(op)), 'rows without an operation').toEqual([]);
    });

    it('lets the callers of committee 2 act in their own committee (the refusals below are about committee 1)', async () => {
      for (const member of Object.keys(tokens) as Member[]) {
        const me = await client(server, tokens[member]).get('/api/auth/me');
        expect([member, me.status, (me.body.user as Json).committeeId]).toEqual([member, 200, ids.committee2]);
      }
      expect((await client(server, tokens.secretariat).get(`/api/committees/${ids.committee2}/users`)).status).toBe(200);
      current = await fingerprint(server);
    });

    const cases = Object.entries(CALLS).flatMap(([operation, spec]) => CALLERS.map((caller) => [operation, caller, spec] as const));

    it.each(cases)('%s as committee 2 %s', async (operation, caller, spec) => {
      const method = operation.split(' ')[0];
      const path = fill(spec.path, ids) + (spec.query ? `?${fill(spec.query, ids)}` : '');
      const body = spec.body?.(ids);
      let token = caller === 'anonymous' ? undefined : tokens[caller];
      if (spec.ownSession && caller !== 'anonymous') {
        token = (await client(server).post('/api/auth/login', { email: emails[caller], password: PASSWORD })).body.token as string;
        current = await fingerprint(server);
      }
      const answer = await call(server, method, path, token, body);
      const tables = await written();
      const leaked = spec.unchecked ? null : leakedBy(answer.text, path + JSON.stringify(body ?? null));
      verdict(`${operation} as ${caller}`, answer.status, expected(spec, caller), leaked, spec.writes ? null : tables, answer.text);
    });

    it.each(CALLERS.flatMap((caller) => STREAMS.map((stream) => [stream, caller] as const)))('the comment stream %s refuses committee 2 %s', async (stream, caller) => {
      const path = `/api/comments/stream?${fill(stream, ids)}`;
      const answer = await call(server, 'GET', path, caller === 'anonymous' ? undefined : tokens[caller], undefined);
      verdict(`stream ${stream} as ${caller}`, answer.status, caller === 'anonymous' ? 401 : 404, leakedBy(answer.text, path), await written(), answer.text);
    });

    it.each(CALLERS.flatMap((caller) => ['consolidated', 'space'].map((which) => [which, caller] as const)))(
      'the %s document of committee 1 closes for committee 2 %s as an unknown one',
      async (which, caller) => {
        const document = which === 'consolidated' ? ids.consolidated : ids.spaceDocument;
        const socket = rawSocket(server, document, caller === 'anonymous' ? undefined : tokens[caller]);
        const received: Buffer[] = [];
        socket.on('message', (data: Buffer) => received.push(data));
        const outcome = await Promise.race([firstMessage(socket).then(() => 'opened' as const), closed(socket).then((c) => c.code)]);
        socket.close();
        const text = Buffer.concat(received).toString('latin1');
        verdict(`socket ${which} as ${caller}`, outcome, caller === 'anonymous' ? 4401 : 4404, leakedBy(text, document), await written(), text);
        // The same close as a document that does not exist at all.
        const unknown = rawSocket(server, which === 'consolidated' ? consolidatedDocument(someUuid, 'en') : spaceDocument(someUuid), caller === 'anonymous' ? undefined : tokens[caller]);
        expect((await closed(unknown)).code).toBe(caller === 'anonymous' ? 4401 : 4404);
      },
    );
  });
}
