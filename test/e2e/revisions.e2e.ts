import { consolidatedDocument } from '@concord/domain';
import { readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { WebsocketProvider } from 'y-websocket';
import { provider, relayed, synced, until } from '../support/collab';
import { BACKENDS } from '../support/databases';
import { AKN_SCHEMA, ATOM_SCHEMA, missing, renderDocx, tools, xmllintErrors } from '../support/documents';
import { client, login, runCli, startServer, type TestServer } from '../support/server';
import { editTreaty, replaceText } from '../support/treaty-edit';
import { docFromYFragment, newNodeId, treatySchema, treatyFragment } from '@concord/schema';

type Json = Record<string, unknown>;

for (const backend of BACKENDS) {
  describe.skipIf(backend.skip !== null)(`Revisions on ${backend.name}${backend.skip ? ` (${backend.skip})` : ''}`, () => {
    let server: TestServer;
    const tokens: Record<string, string> = {};
    const providers: WebsocketProvider[] = [];
    let instrumentId: string;
    let document: string;
    let first: Json;
    let second: Json;
    const as = (who: string) => client(server, tokens[who]);
    const anonymous = () => client(server);

    beforeAll(async () => {
      server = await startServer(await backend.create());
      for (const who of ['secretariat', 'egypt.delegate', 'observer']) tokens[who] = await login(server, `${who}@concord.test`);
      const committeeId = String(((await anonymous().get('/api/committees')).body.items as Json[])[0].id);
      instrumentId = String(((await as('secretariat').get(`/api/committees/${committeeId}/instruments`)).body.items as Json[])[0].id);
      document = consolidatedDocument(instrumentId, 'en');
    });
    afterAll(async () => {
      for (const p of providers) p.destroy();
      await server?.close();
    });

    it('publishes numbered, hashed revisions: the first needs a symbol, the next is /Rev.1', async () => {
      expect((await as('egypt.delegate').post(`/api/instruments/${instrumentId}/revisions`, { tier: 'committee', symbol: 'A/AC.291/22' })).status).toBe(403);
      expect((await as('secretariat').post(`/api/instruments/${instrumentId}/revisions`, { tier: 'committee' })).body.error?.code).toBe('symbol-required');
      expect((await as('secretariat').post(`/api/instruments/${instrumentId}/revisions`, { tier: 'committee', symbol: 'B/XX/1' })).body.error?.code).toBe('validation-failed');
      // A mistyped year would stand for good on a revision, which cannot be corrected: refused, and nothing published.
      for (const date of ['1066-10-14', '2205-01-10', '2027-02-30']) {
        const implausible = await as('secretariat').post(`/api/instruments/${instrumentId}/revisions`, { tier: 'committee', symbol: 'A/AC.291/22', date });
        expect(implausible.body.error, date).toMatchObject({ code: 'invalid-dates' });
        expect(String(implausible.body.error?.message)).toContain(`${date} is not a plausible date for a revision`);
      }
      expect((await as('secretariat').get(`/api/instruments/${instrumentId}/revisions`)).body.items).toEqual([]);
      const published = await as('secretariat').post(`/api/instruments/${instrumentId}/revisions`, { tier: 'committee', symbol: 'A/AC.291/22', date: '2027-01-10' });
      expect(published.status).toBe(201);
      expect(published.body).toMatchObject({ symbol: 'A/AC.291/22', tier: 'committee', date: '2027-01-10', languages: ['en'], stale: [] });
      expect(String(published.body.contentHash)).toMatch(/^[0-9a-f]{64}$/);
      first = published.body;

      // An article added to the live draft before the next revision.
      const editor = provider(server, document, tokens.secretariat);
      providers.push(editor);
      await synced(editor);
      editTreaty(editor.doc, (state) => {
        const article = treatySchema.nodes.article.create({ id: newNodeId() }, [
          treatySchema.nodes.heading.create(null, treatySchema.text('Definitions of new terms')),
          treatySchema.nodes.paragraph.create({ id: newNodeId() }, [treatySchema.nodes.text_block.create(null, treatySchema.text('New article text.'))]),
        ]);
        let at = -1;
        state.doc.descendants((node, pos) => {
          if (at < 0 && node.type.name === 'article') at = pos;
          return at < 0;
        });
        return state.tr.insert(at, article).doc;
      });
      await relayed(server, document, tokens.secretariat, (doc) => docFromYFragment(treatyFragment(doc)).textContent.includes('Definitions of new terms'));
      const again = await as('secretariat').post(`/api/instruments/${instrumentId}/revisions`, { tier: 'public' });
      expect(again.body).toMatchObject({ symbol: 'A/AC.291/22/Rev.1', tier: 'public' });
      second = again.body;
      expect((await as('secretariat').post(`/api/instruments/${instrumentId}/revisions`, { tier: 'public', symbol: 'A/AC.291/22/Rev.5' })).body.error?.code).toBe('validation-failed');
    });

    it('compares two revisions: an article inserted during the session leaves the frozen numbers of the others as they were, in JSON and HTML', async () => {
      const res = await anonymous().get(`/api/public/revisions/${String(second.id)}`);
      expect(res.status).toBe(200);
      const comparison = await as('egypt.delegate').get(`/api/revisions/${String(first.id)}/compare/${String(second.id)}?lang=en`);
      const rows = comparison.body.concordance as Json[];
      expect(rows.filter((r) => r.kind === 'article' && r.added)).toHaveLength(1);
      // Numbers are frozen until the secretariat renumbers (issue 15): the first article is still Article 1.
      expect(rows.find((r) => r.kind === 'article' && r.oldNumber === 'Article 1' && !r.added)).toMatchObject({ newNumber: 'Article 1', renumbered: false, moved: false });
      const html = await fetch(`${server.url}/api/revisions/${String(first.id)}/compare/${String(second.id)}?format=side-by-side`, { headers: { authorization: `Bearer ${tokens['egypt.delegate']}` } });
      expect(html.headers.get('content-type')).toContain('text/html');
      expect(await html.text()).toContain('Definitions of new terms');
      const live = await as('egypt.delegate').get(`/api/revisions/${String(second.id)}/compare/live?lang=en`);
      expect(live.body).toMatchObject({ identical: true });
    });

    it('exports a revision as Akoma Ntoso, DOCX and HTML, and keeps committee ones from the public exports', async () => {
      // Asked for as is: a client that accepts brotli or gzip gets the XML compressed, streamed without a length.
      const akn = await fetch(`${server.url}/api/public/revisions/${String(second.id)}/export?format=akn&lang=en`, { headers: { 'accept-encoding': 'identity' } });
      expect(akn.headers.get('content-type')).toContain('xml');
      expect(Number(akn.headers.get('content-length'))).toBeGreaterThan(1000);
      const xml = await akn.text();
      expect(xml).toContain('<akomaNtoso');
      expect(xml).toContain('A/AC.291/22/Rev.1');
      const docx = await fetch(`${server.url}/api/public/revisions/${String(second.id)}/export?format=docx`);
      expect(docx.headers.get('content-disposition')).toBe('attachment; filename="A_AC.291_22_Rev.1_en.docx"');
      expect(Buffer.from(await docx.arrayBuffer()).subarray(0, 2).toString()).toBe('PK');
      const html = await fetch(`${server.url}/api/public/revisions/${String(second.id)}/export?format=html`);
      expect(await html.text()).toContain('Definitions of new terms');
      expect((await fetch(`${server.url}/api/public/revisions/${String(first.id)}/export?format=akn`)).status).toBe(404);
      expect((await fetch(`${server.url}/api/revisions/${String(first.id)}/export?format=akn`, { headers: { authorization: `Bearer ${tokens['egypt.delegate']}` } })).status).toBe(200);
      expect((await fetch(`${server.url}/api/public/revisions/${String(second.id)}/export?format=pdf`)).status).toBe(400);

      const out = join(tmpdir(), `concord-${String(second.id)}.xml`);
      const cli = await runCli(['download', 'A/AC.291/22/Rev.1', '--server', server.url, '--format', 'akn', '--out', out], server.env);
      expect(cli.stderr).toMatch(/bytes written/);
      expect(readFileSync(out, 'utf8')).toBe(xml);
      rmSync(out);
    });

    it('keeps committee revisions from the public and observers, and lists public ones in the feed', async () => {
      expect((await anonymous().get(`/api/public/revisions/${String(first.id)}`)).status).toBe(404);
      expect((await anonymous().get(`/api/revisions/${String(first.id)}`)).status).toBe(404);
      expect((await as('observer').get(`/api/revisions/${String(first.id)}`)).status).toBe(404);
      expect((await as('observer').get(`/api/revisions/${String(second.id)}`)).status).toBe(200);
      expect(((await anonymous().get('/api/public/revisions')).body.items as Json[]).map((r) => r.symbol)).toEqual(['A/AC.291/22/Rev.1']);
      expect((await anonymous().get(`/api/public/revisions/${String(second.id)}/compare/live`)).status).toBe(404);
      const feed = await fetch(`${server.url}/api/public/feed.atom`);
      expect(feed.headers.get('content-type')).toContain('application/atom+xml');
      const xml = await feed.text();
      expect(xml).toContain('A/AC.291/22/Rev.1');
      expect(xml).not.toContain('<title>A/AC.291/22 ');
    });

    it('refuses every change to a published revision, and its hash tells when a stored byte was altered', async () => {
      const id = String(second.id);
      for (const method of ['PATCH', 'PUT', 'DELETE']) {
        const res = await fetch(`${server.url}/api/revisions/${id}`, { method, headers: { authorization: `Bearer ${tokens.secretariat}`, 'content-type': 'application/json' }, body: method === 'DELETE' ? undefined : '{"tier":"committee"}' });
        expect(res.status).toBe(404);
      }
      expect((await anonymous().get(`/api/public/revisions/${id}/verify`)).body).toMatchObject({ ok: true });
      const pg = server.db.options.type === 'postgres';
      const alter = () => server.db.query(pg ? `UPDATE revisions SET content = replace(content, 'New article text.', 'New article test.') WHERE id = $1` : `UPDATE revisions SET content = replace(content, 'New article text.', 'New article test.') WHERE id = ?`, [id]);
      await expect(alter()).rejects.toThrow(/immutable|cannot be changed/);
      await expect(server.db.query(pg ? 'DELETE FROM revisions WHERE id = $1' : 'DELETE FROM revisions WHERE id = ?', [id])).rejects.toThrow(/immutable|cannot be changed/);
      await server.db.query(pg ? 'DROP TRIGGER revisions_immutable ON revisions' : 'DROP TRIGGER revisions_no_update');
      await alter();
      expect((await anonymous().get(`/api/public/revisions/${id}/verify`)).body).toMatchObject({ ok: false, reason: 'the stored content no longer matches its hash' });
      const cli = await runCli(['revision:verify', 'A/AC.291/22/Rev.1'], server.env);
      expect(cli.status).toBe(1);
      expect(cli.stdout).toContain('A/AC.291/22/Rev.1: FAILED: the stored content no longer matches its hash');
    });

    it('tracks stale translations and publishes them only when confirmed, recording which nodes were stale', async () => {
      expect((await as('secretariat').post(`/api/instruments/${instrumentId}/languages`, { language: 'fr' })).status).toBe(201);
      const stale = (await as('secretariat').get(`/api/instruments/${instrumentId}/languages/stale?lang=fr`)).body.items as Json[];
      expect(stale.length).toBeGreaterThan(5);
      expect(stale.every((s) => s.reason === 'unconfirmed')).toBe(true);
      const refused = await as('secretariat').post(`/api/instruments/${instrumentId}/revisions`, { tier: 'committee' });
      expect(refused.status).toBe(409);
      expect(refused.body.error?.code).toBe('stale-translations');
      const confirmed = await as('secretariat').post(`/api/instruments/${instrumentId}/languages/confirm?lang=fr`, { nodeIds: stale.map((s) => s.nodeId) });
      expect(confirmed.body).toMatchObject({ stale: 0 });

      const editor = provider(server, document, tokens.secretariat);
      providers.push(editor);
      await synced(editor);
      replaceText(editor.doc, 'without right', 'without right or authorization');
      await until(() => editor.synced, 'sync');
      let again: Json[] = [];
      for (let i = 0; i < 40 && again.length === 0; i += 1) {
        again = (await as('secretariat').get(`/api/instruments/${instrumentId}/languages/stale?lang=fr`)).body.items as Json[];
        await new Promise((resolve) => setTimeout(resolve, 50));
      }
      expect(again.map((s) => s.reason)).toEqual(['changed']);
      const published = await as('secretariat').post(`/api/instruments/${instrumentId}/revisions`, { tier: 'committee', confirmStale: true });
      expect(published.body).toMatchObject({ symbol: 'A/AC.291/22/Rev.2', languages: ['en', 'fr'] });
      const french = await as('secretariat').get(`/api/revisions/${String(published.body.id)}?lang=fr`);
      expect(french.body.stale).toEqual([again[0].nodeId]);
    });

    it('brings a provision the French version lacks into it at its place when the stale queue translates it, to the secretariat only', async () => {
      const editor = provider(server, document, tokens.secretariat);
      providers.push(editor);
      await synced(editor);
      const [articleId, paragraphId] = [newNodeId(), newNodeId()];
      let after = '';
      editTreaty(editor.doc, (state) => {
        const article = treatySchema.nodes.article.create({ id: articleId }, [
          treatySchema.nodes.heading.create(null, treatySchema.text('Brought provision')),
          treatySchema.nodes.paragraph.create({ id: paragraphId }, [treatySchema.nodes.text_block.create(null, treatySchema.text('Text to bring.'))]),
        ]);
        let at = -1;
        state.doc.descendants((node, pos) => {
          if (at < 0 && node.type.name === 'article') {
            at = pos + node.nodeSize;
            after = String(node.attrs['id']);
          }
          return at < 0;
        });
        return state.tr.insert(at, article).doc;
      });
      let missing: Json[] = [];
      for (let i = 0; i < 40 && missing.length < 2; i += 1) {
        missing = ((await as('secretariat').get(`/api/instruments/${instrumentId}/languages/stale?lang=fr`)).body.items as Json[]).filter((s) => s.reason === 'missing');
        await new Promise((resolve) => setTimeout(resolve, 50));
      }
      expect(missing.map((s) => s.nodeId).sort()).toEqual([articleId, paragraphId].sort());

      const translate = (who: string, nodeId: string, texts: string[]) => as(who).post(`/api/instruments/${instrumentId}/languages/translate?lang=fr`, { nodeId, texts });
      expect((await translate('egypt.delegate', paragraphId, ['Texte à apporter.'])).status).toBe(403);
      expect((await translate('secretariat', paragraphId, ['Un.', 'Deux.'])).body.error?.code).toBe('translation-mismatch');
      const done = await translate('secretariat', paragraphId, ['Texte à apporter.']);
      expect(done.status).toBe(201);

      // The paragraph is translated; the article it needed came with it, its heading in English, to be translated.
      const left = ((await as('secretariat').get(`/api/instruments/${instrumentId}/languages/stale?lang=fr`)).body.items as Json[]).filter((s) => s.nodeId === articleId || s.nodeId === paragraphId);
      expect(left.map((s) => [s.nodeId, s.reason, s.translation])).toEqual([[articleId, 'unconfirmed', 'Brought provision']]);
      const french = provider(server, consolidatedDocument(instrumentId, 'fr'), tokens.secretariat);
      providers.push(french);
      await synced(french);
      const articles: string[] = [];
      docFromYFragment(treatyFragment(french.doc)).descendants((node) => {
        if (node.type.name === 'article') articles.push(String(node.attrs['id']));
        return node.type.name !== 'article';
      });
      expect(articles.indexOf(articleId)).toBe(articles.indexOf(after) + 1);
      expect(docFromYFragment(treatyFragment(french.doc)).textContent).toContain('Texte à apporter.');
    });

    it('imports a published treaty with parts and a section, serves them numbered and keeps them through an edit of the live draft', async () => {
      const committeeId = String(((await anonymous().get('/api/committees')).body.items as Json[])[0].id);
      const content = readFileSync(new URL('../../libs/export/src/import/corpus/vclt.en.txt', import.meta.url), 'utf8');
      const imported = await as('secretariat').post(`/api/committees/${committeeId}/instruments/import`, { titles: { en: 'Vienna Convention on the Law of Treaties' }, originalLanguage: 'en', format: 'text', content });
      expect(imported.status).toBe(201);
      const vienna = String(imported.body.id);
      const text = String((await as('secretariat').get(`/api/instruments/${vienna}/text?lang=en`)).body.text);
      expect(text).toMatch(/Part I\nINTRODUCTION\n\nArticle 1\nScope of the present Convention[\s\S]*Part II\nCONCLUSION AND ENTRY INTO FORCE OF TREATIES\n\nSection 1\nCONCLUSION OF TREATIES\n\nArticle 6/);

      // The live draft holds the divisions, and an edit inside one passes the server's schema check.
      const live = consolidatedDocument(vienna, 'en');
      const editor = provider(server, live, tokens.secretariat);
      providers.push(editor);
      await synced(editor);
      replaceText(editor.doc, 'Every State possesses capacity', 'Every State possesses the capacity');
      await relayed(server, live, tokens.secretariat, (doc) => docFromYFragment(treatyFragment(doc)).textContent.includes('possesses the capacity'));
      const kinds: string[] = [];
      docFromYFragment(treatyFragment(editor.doc)).forEach((node) => {
        if (node.type.name === 'chapter') kinds.push(String(node.attrs['kind']));
      });
      expect(kinds).toEqual(['part', 'part', 'section']);
    });

    describe('the demo revision in English and Arabic, checked with the tools delegations and observers open it with', () => {
      let revision: Json;
      beforeAll(async () => {
        expect((await as('secretariat').post(`/api/instruments/${instrumentId}/languages`, { language: 'ar' })).status).toBe(201);
        const arabic = provider(server, consolidatedDocument(instrumentId, 'ar'), tokens.secretariat);
        providers.push(arabic);
        await synced(arabic);
        replaceText(arabic.doc, 'without right or authorization', 'دون وجه حق أو إذن');
        await until(() => arabic.synced, 'sync');
        let stale: Json[] = [];
        for (let i = 0; i < 40 && !stale.some((s) => s.reason === 'unconfirmed'); i += 1) {
          stale = (await as('secretariat').get(`/api/instruments/${instrumentId}/languages/stale?lang=ar`)).body.items as Json[];
        }
        await as('secretariat').post(`/api/instruments/${instrumentId}/languages/confirm?lang=ar`, { nodeIds: stale.map((s) => s.nodeId) });
        const published = await as('secretariat').post(`/api/instruments/${instrumentId}/revisions`, { tier: 'public', confirmStale: true, date: '2027-02-01' });
        expect(published.status).toBe(201);
        expect(published.body.languages).toEqual(expect.arrayContaining(['en', 'ar']));
        revision = published.body;
      });

      const exported = async (format: string, lang: string): Promise<Response> => {
        const res = await fetch(`${server.url}/api/public/revisions/${String(revision.id)}/export?format=${format}&lang=${lang}`);
        expect(res.status).toBe(200);
        return res;
      };

      it.skipIf(!tools.xmllint)(`exports Akoma Ntoso that \`xmllint --schema\` validates against the OASIS schema${missing('xmllint') ? ` (skipped: ${missing('xmllint')})` : ''}`, async () => {
        for (const lang of ['en', 'ar']) {
          const xml = await (await exported('akn', lang)).text();
          expect(xml).toContain(lang === 'ar' ? 'دون وجه حق أو إذن' : 'without right or authorization');
          expect(await xmllintErrors(xml, '--schema', AKN_SCHEMA)).toEqual([]);
        }
        // The validator is not a formality: a document it must refuse is refused.
        const broken = (await (await exported('akn', 'en')).text()).replace(/<FRBRthis [^>]*\/>/, '');
        expect((await xmllintErrors(broken, '--schema', AKN_SCHEMA)).join('\n')).toMatch(/FRBR/);
      });

      it.skipIf(!tools.libreoffice)(`exports DOCX that LibreOffice renders to PDF, masthead and edited text included${missing('libreoffice') ? ` (skipped: ${missing('libreoffice')})` : ''}`, async () => {
        // Both downloaded before rendering: LibreOffice blocks the event loop longer than the server keeps an idle
        // connection, and a request right after it would reuse a socket the server has closed.
        const files = { en: new Uint8Array(await (await exported('docx', 'en')).arrayBuffer()), ar: new Uint8Array(await (await exported('docx', 'ar')).arrayBuffer()) };
        for (const lang of ['en', 'ar'] as const) {
          const docx = files[lang];
          const { pdfBytes, pages } = await renderDocx(docx, `revision-${backend.name.toLowerCase()}-${lang}`);
          expect(pdfBytes).toBeGreaterThan(5_000);
          const text = pages.join('\n');
          expect(text).toContain(String(revision.symbol));
          expect(text).toMatch(lang === 'ar' ? /دون وجه حق أو إذن|إذن أو حق وجه دون/ : /without right or authorization/);
        }
      });

      it.skipIf(!tools.xmllint)(`lists it in an Atom feed that validates against RFC 4287${missing('xmllint') ? ` (skipped: ${missing('xmllint')})` : ''}`, async () => {
        for (const who of [null, 'observer']) {
          const res = await fetch(`${server.url}/api/public/feed.atom`, { headers: who ? { authorization: `Bearer ${tokens[who]}` } : {} });
          const xml = await res.text();
          expect(await xmllintErrors(xml, '--relaxng', ATOM_SCHEMA)).toEqual([]);
          expect(xml).toContain(`<title>${String(revision.symbol)}`);
          expect(xml).not.toMatch(/<title>A\/AC\.291\/22 |A\/AC\.291\/22\/Rev\.2/);
          // RFC 4287's rules across elements: the feed names an author, and an entry without content links to it.
          expect(xml).toMatch(/<feed[^>]*>[\s\S]*<author>\s*<name>[^<]+<\/name>[\s\S]*<entry>/);
          for (const entry of xml.split('<entry>').slice(1)) {
            if (!entry.includes('<content')) expect(entry).toMatch(/<link rel="alternate" href="[^"]+"\/>/);
          }
        }
        expect(await xmllintErrors('<feed xmlns="http://www.w3.org/2005/Atom"><title>t</title></feed>', '--relaxng', ATOM_SCHEMA)).not.toEqual([]);
      });
    });
  });
}
