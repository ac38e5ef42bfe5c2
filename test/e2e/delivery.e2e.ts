import { readdirSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { BACKENDS } from '../support/databases';
import { client, login, startServer, type TestServer } from '../support/server';

type Json = Record<string, unknown>;

const WEB = join(__dirname, '../../dist/apps/web');
const BROTLI = { 'accept-encoding': 'br, gzip' };
/**
 * A revalidation as a browser sends it. Node's fetch adds `Cache-Control: no-cache` to any request with a validator
 * (the Fetch standard's "no-store" mode), which asks for an end-to-end reload and so, rightly, never gets a 304.
 */
const revalidate = (etag: string) => ({ 'if-none-match': etag, 'cache-control': 'max-age=0' });

/** What a shared cache (a proxy, a CDN) may keep: an explicit `public`, and never with `private` or `no-store`. */
const sharedCacheMayKeep = (cacheControl: string | null) => /\bpublic\b/.test(cacheControl ?? '') && !/\b(private|no-store)\b/.test(cacheControl ?? '');

for (const backend of BACKENDS) {
  describe.skipIf(backend.skip !== null)(`Delivery: compression and caching on ${backend.name}${backend.skip ? ` (${backend.skip})` : ''}`, () => {
    let server: TestServer;
    const tokens: Record<string, string> = {};
    let instrumentId: string;
    let committeeId: string;
    let publicRevision: string;
    let committeeRevision: string;
    const as = (who: string) => client(server, tokens[who]);
    const anonymous = () => client(server);

    beforeAll(async () => {
      server = await startServer(await backend.create());
      for (const who of ['secretariat', 'egypt.delegate', 'egypt.head']) tokens[who] = await login(server, `${who}@concord.test`);
      committeeId = String(((await anonymous().get('/api/committees')).body.items as Json[])[0].id);
      instrumentId = String(((await as('secretariat').get(`/api/committees/${committeeId}/instruments`)).body.items as Json[])[0].id);
      const first = await as('secretariat').post(`/api/instruments/${instrumentId}/revisions`, { tier: 'public', symbol: 'A/AC.291/22' });
      expect(first.status).toBe(201);
      publicRevision = String(first.body.id);
      const second = await as('secretariat').post(`/api/instruments/${instrumentId}/revisions`, { tier: 'committee' });
      expect(second.status).toBe(201);
      committeeRevision = String(second.body.id);
    });
    afterAll(async () => {
      await server?.close();
    });

    it('serves the hashed scripts brotli- or gzip-compressed, cached for a year as immutable, and index.html revalidated', async () => {
      const script = readdirSync(join(WEB, 'assets')).find((f) => /^index-.*\.js$/.test(f));
      expect(script).toBeDefined();
      const br = await fetch(`${server.url}/assets/${script}`, { headers: BROTLI });
      expect(br.headers.get('content-encoding')).toBe('br');
      expect(br.headers.get('cache-control')).toBe('public, max-age=31536000, immutable');
      expect(br.headers.get('vary')).toMatch(/accept-encoding/i);
      expect(br.headers.get('content-type')).toMatch(/javascript/);
      const gzip = await fetch(`${server.url}/assets/${script}`, { headers: { 'accept-encoding': 'gzip' } });
      expect(gzip.headers.get('content-encoding')).toBe('gzip');
      expect(await gzip.text()).toBe(await br.text());
      const plain = await fetch(`${server.url}/assets/${script}`, { headers: { 'accept-encoding': 'identity' } });
      expect(plain.headers.get('content-encoding')).toBeNull();

      for (const page of ['/', '/reading-room', `/reading-room/revisions/${publicRevision}`]) {
        const shell = await fetch(`${server.url}${page}`, { headers: { ...BROTLI, accept: 'text/html' } });
        expect(shell.status).toBe(200);
        expect(shell.headers.get('cache-control')).toBe('no-cache');
      }
    });

    it('compresses JSON answers, but not a sign-in that hands out a session, nor a stream of events', async () => {
      const list = await as('secretariat').get(`/api/instruments/${instrumentId}/revisions`, BROTLI);
      expect(list.status).toBe(200);
      expect(list.headers.get('content-encoding')).toBe('br');
      const gzip = await as('secretariat').get(`/api/instruments/${instrumentId}/revisions`, { 'accept-encoding': 'gzip' });
      expect(gzip.headers.get('content-encoding')).toBe('gzip');
      expect(gzip.body).toEqual(list.body);

      const signIn = await anonymous().post('/api/auth/login', { email: 'secretariat@concord.test', password: 'concord-demo-2026' }, BROTLI);
      expect(signIn.status).toBe(200);
      expect(signIn.headers.get('content-encoding')).toBeNull();

      const controller = new AbortController();
      const stream = await fetch(`${server.url}/api/inbox/stream`, { headers: { ...BROTLI, authorization: `Bearer ${tokens.secretariat}` }, signal: controller.signal });
      expect(stream.headers.get('content-type')).toMatch(/text\/event-stream/);
      expect(stream.headers.get('content-encoding')).toBeNull();
      controller.abort();
    });

    it('keeps mutable and private answers out of every cache', async () => {
      const answers = [
        await as('secretariat').get(`/api/committees/${committeeId}/instruments`),
        await as('secretariat').get(`/api/instruments/${instrumentId}/revisions`),
        await as('egypt.delegate').get('/api/drafting-spaces'),
        await as('egypt.head').get('/api/inbox'),
        await as('secretariat').get(`/api/revisions/${publicRevision}/compare/live`),
        await as('secretariat').get(`/api/revisions/${publicRevision}/verify`),
      ];
      for (const answer of answers) {
        expect(answer.headers.get('cache-control')).toBe('private, no-store');
        expect(sharedCacheMayKeep(answer.headers.get('cache-control'))).toBe(false);
      }
    });

    it("lets any cache keep the observers' API, which answers everyone alike, but only if it asks again each time", async () => {
      const list = await as('secretariat').get('/api/public/revisions', BROTLI);
      expect(list.headers.get('cache-control')).toBe('public, no-cache');
      const etag = list.headers.get('etag') ?? '';
      expect((await anonymous().get('/api/public/revisions', revalidate(etag))).status).toBe(304);
      // A new public revision changes the answer.
      expect((await as('secretariat').post(`/api/instruments/${instrumentId}/revisions`, { tier: 'public' })).status).toBe(201);
      const changed = await anonymous().get('/api/public/revisions', revalidate(etag));
      expect(changed.status).toBe(200);
      expect(changed.body.items).toHaveLength((list.body.items as Json[]).length + 1);
    });

    it('serves a public revision, its exports and comparisons with a strong content-addressed ETag, immutable, and 304 on a match', async () => {
      const paths = [
        `/api/public/revisions/${publicRevision}`,
        `/api/revisions/${publicRevision}`,
        `/api/public/revisions/${publicRevision}/signed`,
        `/api/public/revisions/${publicRevision}/export?format=akn`,
        `/api/public/revisions/${publicRevision}/export?format=html`,
        `/api/public/revisions/${publicRevision}/export?format=docx`,
        `/api/public/revisions/${publicRevision}/compare/${publicRevision}?format=inline`,
        `/api/public/revisions/${publicRevision}/compare/${publicRevision}`,
      ];
      const etags = new Set<string>();
      for (const path of paths) {
        const first = await anonymous().get(path, BROTLI);
        expect(first.status, path).toBe(200);
        const etag = first.headers.get('etag') ?? '';
        expect(etag, path).toMatch(/^"[A-Za-z0-9_-]{43}"$/);
        etags.add(etag);
        expect(first.headers.get('cache-control'), path).toMatch(/^public, max-age=\d+, immutable$/);
        const again = await anonymous().get(path, { ...BROTLI, ...revalidate(etag) });
        expect(again.status, path).toBe(304);
        expect(again.body, path).toBeNull();
        expect(again.headers.get('etag')).toBe(etag);
        // The same revision read again by the same address names the same representation.
        expect((await anonymous().get(path)).headers.get('etag'), path).toBe(etag);
      }
      // The public and the signed-in address of one revision are one representation; every other one is distinct.
      expect(etags.size).toBe(paths.length - 1);
      expect((await anonymous().get(`/api/public/revisions/${publicRevision}?lang=en`)).headers.get('etag')).not.toBe(
        (await anonymous().get(`/api/public/revisions/${publicRevision}`)).headers.get('etag'),
      );
      // Files are kept a year; the API's JSON a day, since a new server version may change its shape.
      expect((await anonymous().get(`/api/public/revisions/${publicRevision}/export?format=akn`)).headers.get('cache-control')).toBe('public, max-age=31536000, immutable');
      expect((await anonymous().get(`/api/public/revisions/${publicRevision}`)).headers.get('cache-control')).toBe('public, max-age=86400, immutable');
      // A stale validator gets the whole answer.
      expect((await anonymous().get(`/api/public/revisions/${publicRevision}`, revalidate('"something-else"'))).status).toBe(200);
    });

    it('lets no shared cache keep a committee-tier revision: private, revalidated, and refused to whoever may not read it even with its ETag', async () => {
      const paths = [
        `/api/revisions/${committeeRevision}`,
        `/api/revisions/${committeeRevision}/export?format=akn`,
        `/api/revisions/${publicRevision}/compare/${committeeRevision}?format=side-by-side`,
        `/api/revisions/${committeeRevision}/signed`,
      ];
      for (const path of paths) {
        const first = await as('egypt.delegate').get(path, BROTLI);
        expect(first.status, path).toBe(200);
        expect(first.headers.get('cache-control'), path).toBe('private, no-cache');
        expect(sharedCacheMayKeep(first.headers.get('cache-control'))).toBe(false);
        const etag = first.headers.get('etag') ?? '';
        expect(etag, path).toMatch(/^"[A-Za-z0-9_-]{43}"$/);
        expect((await as('egypt.delegate').get(path, revalidate(etag))).status, path).toBe(304);
        // Anonymous (and the public API) holding the ETag learn nothing: the same 404 as for an unknown revision,
        // stored nowhere.
        const stranger = await anonymous().get(path, revalidate(etag));
        expect(stranger.status, path).toBe(404);
        expect(stranger.headers.get('cache-control'), path).toBe('private, no-store');
        expect(stranger.headers.get('etag'), path).not.toBe(etag);
      }
      const viaPublic = await anonymous().get(`/api/public/revisions/${committeeRevision}`);
      expect(viaPublic.status).toBe(404);
      expect(viaPublic.headers.get('cache-control')).toBe('private, no-store');
    });

    it('never marks an error cacheable, even on a route that serves immutable content', async () => {
      const missing = await anonymous().get(`/api/public/revisions/${publicRevision}?lang=zh`);
      expect(missing.status).toBe(404);
      expect(missing.headers.get('cache-control')).toBe('private, no-store');
      expect(missing.headers.get('etag') ?? '').not.toMatch(/^"/);
    });
  });
}
