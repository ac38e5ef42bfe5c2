import { consolidatedDocument, spaceDocument } from '@concord/domain';
import { treatyFragment } from '@concord/schema';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { scratchSqlite } from '../support/databases';
import { client, login, startServer, type TestServer } from '../support/server';
import { closed, firstMessage, provider, rawSocket, relayed, synced } from '../support/collab';
import { replaceText } from '../support/treaty-edit';

type Json = Record<string, unknown>;

/** The seven callers of the matrix, from the demo committee. */
const CALLERS = ['delegateA', 'delegateB', 'headA', 'secretariat', 'chair', 'observer', 'anonymous'] as const;
type Caller = (typeof CALLERS)[number];
const EMAILS: Record<Exclude<Caller, 'anonymous'>, string> = {
  delegateA: 'egypt.delegate@concord.test',
  delegateB: 'france.delegate@concord.test',
  headA: 'egypt.head@concord.test',
  secretariat: 'secretariat@concord.test',
  chair: 'chair@concord.test',
  observer: 'observer@concord.test',
};

// Words only Egypt's draft contains: no answer to anyone outside Egypt's delegation may carry them.
const SECRET_TITLE = 'Egypt confidential fallback position';
const SECRET_TEXT = 'fully sovereign and never to be questioned';

describe('Authorisation matrix: every endpoint and the WebSocket for every kind of caller (SQLite)', () => {
  let server: TestServer;
  const tokens: Partial<Record<Caller, string>> = {};
  const ids: Record<string, string> = {};

  beforeAll(async () => {
    server = await startServer(scratchSqlite(), { LOGIN_ATTEMPTS_PER_MINUTE: '100' });
    for (const caller of CALLERS) if (caller !== 'anonymous') tokens[caller] = await login(server, EMAILS[caller]);
    const api = client(server, tokens.secretariat);
    ids.committee = String(((await api.get('/api/committees')).body.items as Json[])[0].id);
    ids.instrument = String(((await api.get(`/api/committees/${ids.committee}/instruments`)).body.items as Json[])[0].id);
    const text = await api.get(`/api/instruments/${ids.instrument}/text?lang=en`);
    const articles = ((text.body.doc as Json).content as Json[]).flatMap((n) => (n.type === 'chapter' ? (n.content as Json[]) : [n])).filter((n) => n.type === 'article');
    ids.article = String((articles[3].attrs as Json).id);
    const delegations = (await api.get(`/api/committees/${ids.committee}/delegations`)).body.items as Json[];
    ids.egypt = String(delegations.find((d) => d.code === 'EGY')?.id);

    const head = client(server, tokens.headA);
    const secret = await head.post(`/api/instruments/${ids.instrument}/drafting-spaces`, { title: SECRET_TITLE, language: 'en', provisionIds: [ids.article] });
    ids.secretSpace = String(secret.body.id);
    const writer = provider(server, String(secret.body.document), tokens.delegateA ?? '');
    await synced(writer);
    replaceText(writer.doc, 'sovereign equality', SECRET_TEXT);
    await relayed(server, String(secret.body.document), tokens.headA ?? '', (doc) => treatyFragment(doc).toString().includes(SECRET_TEXT));
    writer.destroy();
    ids.emptySpace = String((await head.post(`/api/instruments/${ids.instrument}/drafting-spaces`, { title: 'Empty', language: 'en' })).body.id);
    const submittedSpace = await head.post(`/api/instruments/${ids.instrument}/drafting-spaces`, { title: 'Submitted', language: 'en', provisionIds: [ids.article] });
    const w2 = provider(server, String(submittedSpace.body.document), tokens.headA ?? '');
    await synced(w2);
    replaceText(w2.doc, 'territorial integrity', 'territorial integrity and unity');
    await relayed(server, String(submittedSpace.body.document), tokens.delegateA ?? '', (doc) => treatyFragment(doc).toString().includes('integrity and unity'));
    w2.destroy();
    ids.proposal = String((await head.post(`/api/drafting-spaces/${String(submittedSpace.body.id)}/submit`, { justification: 'Unity.' })).body.id);
  });
  afterAll(async () => server?.close());

  type Row = readonly [string, string, (caller: Caller) => unknown, Record<Caller, number>];
  let n = 0;
  const unique = () => `Z${String((n += 1)).padStart(3, '0')}`;
  // Expected HTTP status per caller. 401 anonymous; 403 readable but refused; 404 may not even know it exists (a
  // record the caller may not read answers as an unknown one).
  const ROWS: readonly Row[] = [
    ['GET', '/api/committees', () => undefined, { delegateA: 200, delegateB: 200, headA: 200, secretariat: 200, chair: 200, observer: 200, anonymous: 200 }],
    ['GET', '/api/committees/{committee}/sessions', () => undefined, { delegateA: 200, delegateB: 200, headA: 200, secretariat: 200, chair: 200, observer: 200, anonymous: 200 }],
    ['POST', '/api/committees/{committee}/delegations', () => ({ code: unique(), kind: 'member-state', names: { en: 'Zed' } }), { delegateA: 403, delegateB: 403, headA: 403, secretariat: 201, chair: 403, observer: 403, anonymous: 401 }],
    ['GET', '/api/committees/{committee}/instruments', () => undefined, { delegateA: 200, delegateB: 200, headA: 200, secretariat: 200, chair: 200, observer: 403, anonymous: 401 }],
    ['GET', '/api/instruments/{instrument}/text?lang=en', () => undefined, { delegateA: 200, delegateB: 200, headA: 200, secretariat: 200, chair: 200, observer: 404, anonymous: 401 }],
    ['GET', '/api/committees/{committee}/users', () => undefined, { delegateA: 403, delegateB: 403, headA: 403, secretariat: 200, chair: 403, observer: 403, anonymous: 401 }],
    ['POST', '/api/auth/invitations', () => ({ email: `${unique().toLowerCase()}@egypt.example`, displayName: 'New', roles: ['delegate'], delegationId: ids.egypt, committeeId: ids.committee }), { delegateA: 403, delegateB: 403, headA: 201, secretariat: 201, chair: 403, observer: 403, anonymous: 401 }],
    ['GET', '/api/audit', () => undefined, { delegateA: 403, delegateB: 403, headA: 403, secretariat: 200, chair: 403, observer: 403, anonymous: 401 }],
    ['GET', '/api/drafting-spaces/{secretSpace}', () => undefined, { delegateA: 200, delegateB: 404, headA: 200, secretariat: 404, chair: 404, observer: 404, anonymous: 401 }],
    ['POST', '/api/drafting-spaces/{emptySpace}/submit', () => ({ justification: 'x' }), { delegateA: 403, delegateB: 404, headA: 422, secretariat: 404, chair: 404, observer: 404, anonymous: 401 }],
    ['POST', '/api/drafting-spaces/{secretSpace}/co-sponsors', () => ({ delegationId: ids.egypt }), { delegateA: 403, delegateB: 404, headA: 409, secretariat: 404, chair: 404, observer: 404, anonymous: 401 }],
    ['GET', '/api/proposals/{proposal}', () => undefined, { delegateA: 200, delegateB: 200, headA: 200, secretariat: 200, chair: 200, observer: 404, anonymous: 401 }],
    ['POST', '/api/proposals/{proposal}/support', () => undefined, { delegateA: 403, delegateB: 403, headA: 403, secretariat: 403, chair: 403, observer: 404, anonymous: 401 }],
    ['PUT', '/api/proposals/{proposal}/decision', () => ({ language: 'en', decision: 'not-retain' }), { delegateA: 403, delegateB: 403, headA: 403, secretariat: 200, chair: 403, observer: 404, anonymous: 401 }],
    ['POST', '/api/proposals/{proposal}/withdraw', () => undefined, { delegateA: 403, delegateB: 403, headA: 200, secretariat: 403, chair: 403, observer: 404, anonymous: 401 }],
    ['GET', '/api/instruments/{instrument}/desk?lang=en', () => undefined, { delegateA: 403, delegateB: 403, headA: 403, secretariat: 200, chair: 403, observer: 404, anonymous: 401 }],
    ['PUT', '/api/instruments/{instrument}/provisions/{article}/status', () => ({ language: 'en', status: 'informally-agreed' }), { delegateA: 403, delegateB: 403, headA: 403, secretariat: 200, chair: 200, observer: 404, anonymous: 401 }],
    ['POST', '/api/instruments/{instrument}/revisions', () => ({ tier: 'committee', symbol: 'not a symbol' }), { delegateA: 403, delegateB: 403, headA: 403, secretariat: 400, chair: 403, observer: 404, anonymous: 401 }],
    ['GET', '/api/public/revisions', () => undefined, { delegateA: 200, delegateB: 200, headA: 200, secretariat: 200, chair: 200, observer: 200, anonymous: 200 }],
  ];

  const cases = ROWS.flatMap(([method, path, body, expected]) => CALLERS.map((caller) => [`${method} ${path}`, caller, method, path, body, expected[caller]] as const));

  it.each(cases)('%s as %s', async (_name, caller, method, path, body, status) => {
    const url = path.replace(/\{(\w+)\}/g, (_m, key: string) => ids[key]);
    const api = client(server, caller === 'anonymous' ? undefined : tokens[caller]);
    const payload = body(caller);
    const res = method === 'GET' ? await api.get(url) : method === 'PUT' ? await api.put(url, payload) : await api.post(url, payload);
    expect(res.status).toBe(status);
    if (!['delegateA', 'headA'].includes(caller)) {
      const seen = JSON.stringify(res.body);
      expect(seen).not.toContain(SECRET_TITLE);
      expect(seen).not.toContain(SECRET_TEXT);
    }
  });

  it.each([
    ['consolidated', (caller: Caller) => (caller === 'observer' ? 4404 : caller === 'anonymous' ? 4401 : 'open')],
    ['secret space', (caller: Caller) => (['delegateA', 'headA'].includes(caller) ? 'open' : caller === 'anonymous' ? 4401 : 4404)],
  ] as const)('the WebSocket to the %s document answers each caller as the policy says', async (which, expected) => {
    for (const caller of CALLERS) {
      const document = which === 'consolidated' ? consolidatedDocument(ids.instrument, 'en') : spaceDocument(ids.secretSpace);
      const socket = rawSocket(server, document, caller === 'anonymous' ? undefined : tokens[caller]);
      const outcome = await Promise.race([firstMessage(socket).then(() => 'open' as const), closed(socket).then((c) => c.code)]);
      expect([caller, outcome]).toEqual([caller, expected(caller)]);
      socket.close();
    }
  });

  it('lists nothing of a delegation draft to anyone outside it', async () => {
    for (const caller of ['delegateB', 'secretariat', 'chair', 'observer'] as const) {
      const spaces = await client(server, tokens[caller]).get('/api/drafting-spaces');
      expect(JSON.stringify(spaces.body)).not.toContain(SECRET_TITLE);
      const proposals = await client(server, tokens[caller]).get('/api/proposals');
      expect(JSON.stringify(proposals.body)).not.toContain(SECRET_TEXT);
    }
    expect(JSON.stringify((await client(server, tokens.observer).get('/api/proposals')).body)).toBe('{"items":[]}');
  });
});
