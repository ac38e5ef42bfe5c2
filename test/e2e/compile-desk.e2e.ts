import { consolidatedDocument } from '@concord/domain';
import { docFromYFragment, provenanceTracking, treatyFragment } from '@concord/schema';
import type { Node } from 'prosemirror-model';
import { EditorState } from 'prosemirror-state';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { WebsocketProvider } from 'y-websocket';
import { provider, relayed, synced, until } from '../support/collab';
import { BACKENDS } from '../support/databases';
import { client, login, startServer, type TestServer } from '../support/server';
import { editTreaty, replaceText } from '../support/treaty-edit';

type Json = Record<string, unknown>;

function optionGroups(doc: Node): Array<{ sponsors: string[]; text: string; isBase: boolean }[]> {
  const groups: Array<{ sponsors: string[]; text: string; isBase: boolean }[]> = [];
  doc.descendants((node) => {
    if (node.type.name !== 'option_group') return true;
    const options: { sponsors: string[]; text: string; isBase: boolean }[] = [];
    node.forEach((option) => options.push({ sponsors: option.attrs['sponsors'] as string[], text: option.textContent, isBase: option.attrs['isBase'] as boolean }));
    groups.push(options);
    return false;
  });
  return groups;
}

for (const backend of BACKENDS) {
  describe.skipIf(backend.skip !== null)(`Compile desk on ${backend.name}${backend.skip ? ` (${backend.skip})` : ''}`, () => {
    let server: TestServer;
    const tokens: Record<string, string> = {};
    const providers: WebsocketProvider[] = [];
    let instrumentId: string;
    let sovereignty: string;
    let document: string;
    const as = (who: string) => client(server, tokens[who]);

    beforeAll(async () => {
      server = await startServer(await backend.create());
      for (const who of ['secretariat', 'chair', 'egypt.head', 'egypt.delegate', 'eu.head', 'brazil.head']) tokens[who] = await login(server, `${who}@concord.test`);
      const committeeId = String(((await client(server).get('/api/committees')).body.items as Json[])[0].id);
      instrumentId = String(((await as('secretariat').get(`/api/committees/${committeeId}/instruments`)).body.items as Json[])[0].id);
      document = consolidatedDocument(instrumentId, 'en');
      const text = await as('secretariat').get(`/api/instruments/${instrumentId}/text?lang=en`);
      const articles = ((text.body.doc as Json).content as Json[]).flatMap((n) => (n.type === 'chapter' ? (n.content as Json[]) : [n])).filter((n) => n.type === 'article');
      sovereignty = String(((articles.find((a) => JSON.stringify(a).includes('Protection of sovereignty')) as Json).attrs as Json).id);
    });
    afterAll(async () => {
      for (const p of providers) p.destroy();
      await server?.close();
    });

    it('compiles three overlapping proposals into attributed options that connected clients see at once', async () => {
      const watcher = provider(server, document, tokens['egypt.delegate']);
      providers.push(watcher);
      await synced(watcher);

      const formulations: Record<string, string> = { 'egypt.head': 'sovereign equality of States', 'eu.head': 'sovereign equality and human rights', 'brazil.head': 'the sovereign equality of all nations' };
      const proposalIds: string[] = [];
      for (const [head, replacement] of Object.entries(formulations)) {
        const space = await as(head).post(`/api/instruments/${instrumentId}/drafting-spaces`, { title: `Sovereignty (${head})`, language: 'en', provisionIds: [sovereignty] });
        const writer = provider(server, String(space.body.document), tokens[head]);
        providers.push(writer);
        await synced(writer);
        replaceText(writer.doc, 'sovereign equality', replacement);
        await relayed(server, String(space.body.document), tokens[head], (doc) => treatyFragment(doc).toString().includes(replacement));
        const submitted = await as(head).post(`/api/drafting-spaces/${String(space.body.id)}/submit`, { justification: `Text proposed by ${head}.` });
        expect(submitted.status).toBe(201);
        proposalIds.push(String(submitted.body.id));
      }
      await as('eu.head').post(`/api/proposals/${proposalIds[0]}/support`);

      const desk = await as('secretariat').get(`/api/instruments/${instrumentId}/desk?lang=en`);
      const article = (desk.body.articles as Json[]).find((a) => a.id === sovereignty) as Json;
      expect((article.proposals as Json[]).map((p) => p.sponsor).sort()).toEqual(['BRA', 'EGY', 'EU']);
      expect(article.counts).toMatchObject({ proposals: 3, optionGroups: 0 });
      expect((await as('egypt.head').get(`/api/instruments/${instrumentId}/desk?lang=en`)).status).toBe(403);

      for (const id of proposalIds) {
        const decided = await as('secretariat').put(`/api/proposals/${id}/decision`, { language: 'en', decision: 'present-as-option' });
        expect(decided.status).toBe(200);
      }
      const compiled = await as('secretariat').post(`/api/instruments/${instrumentId}/compile`, { language: 'en' });
      expect(compiled.status).toBe(200);
      expect(compiled.body).toMatchObject({ compiled: 3, conflicts: [] });

      await until(() => optionGroups(docFromYFragment(treatyFragment(watcher.doc))).length > 0, 'the watcher to receive the options');
      const [group] = optionGroups(docFromYFragment(treatyFragment(watcher.doc)));
      expect(group[0]).toMatchObject({ isBase: true });
      // An option lists its sponsors and then its supporters: the EU supported Egypt's.
      expect(group.slice(1).map((o) => o.sponsors).sort()).toEqual([['BRA'], ['EGY', 'EU'], ['EU']]);
      expect(group.find((o) => o.sponsors.join() === 'EU')?.text).toContain('sovereign equality and human rights');
      for (const id of proposalIds) expect((await as('secretariat').get(`/api/proposals/${id}`)).body.status).toBe('presented-as-option');
      const history = (await as('egypt.delegate').get(`/api/proposals/${proposalIds[0]}`)).body.history as Json[];
      expect(history.at(-1)).toMatchObject({ to: 'presented-as-option', actor: { body: 'secretariat' } });
      expect(JSON.stringify(history)).not.toMatch(/Lena Okafor|@concord\.test/);
      const after = (await as('secretariat').get(`/api/instruments/${instrumentId}/desk?lang=en`)).body.articles as Json[];
      expect((after.find((a) => a.id === sovereignty) as Json).counts).toMatchObject({ optionGroups: 1 });
      expect((await as('secretariat').post(`/api/instruments/${instrumentId}/compile`, { language: 'en' })).body.error?.code).toBe('nothing-to-compile');
    });

    it('decides a proposal article by article and change by change, and works out its outcome from those decisions', async () => {
      const text = await as('secretariat').get(`/api/instruments/${instrumentId}/text?lang=en`);
      const articles = ((text.body.doc as Json).content as Json[]).flatMap((n) => (n.type === 'chapter' ? (n.content as Json[]) : [n])).filter((n) => n.type === 'article');
      const idOf = (heading: string) => String(((articles.find((a) => JSON.stringify(a).includes(heading)) as Json).attrs as Json).id);
      const scope = idOf('Scope of application');
      const access = idOf('Illegal access');
      const space = await as('egypt.head').post(`/api/instruments/${instrumentId}/drafting-spaces`, { title: 'Scope and access', language: 'en', provisionIds: [scope, access] });
      const writer = provider(server, String(space.body.document), tokens['egypt.head']);
      providers.push(writer);
      await synced(writer);
      replaceText(writer.doc, 'prevention, investigation', 'prevention, detection, investigation');
      replaceText(writer.doc, 'Convention shall apply', 'Convention applies');
      replaceText(writer.doc, 'system without right.', 'system without right and with dishonest intent.');
      await relayed(server, String(space.body.document), tokens['egypt.head'], (doc) => treatyFragment(doc).toString().includes('dishonest intent'));
      const submitted = await as('egypt.head').post(`/api/drafting-spaces/${String(space.body.id)}/submit`, { justification: 'Two articles.' });
      const proposalId = String(submitted.body.id);

      const desk = (await as('secretariat').get(`/api/instruments/${instrumentId}/desk?lang=en`)).body.articles as Json[];
      const scopeArticle = desk.find((a) => a.id === scope) as Json;
      const accessArticle = desk.find((a) => a.id === access) as Json;
      // Each article is numbered as it stands, and shows only this proposal's changes to it, labelled by paragraph.
      expect([scopeArticle.number, String(scopeArticle.text).split('\n').slice(0, 2)]).toEqual(['Article 3', ['Article 3', 'Scope of application']]);
      expect(String(accessArticle.text).startsWith('Article 5')).toBe(true);
      const changesIn = (article: Json) => ((article.proposals as Json[]).find((p) => p.id === proposalId) as Json).changes as Json[];
      expect(changesIn(scopeArticle).map((c) => [c.where, (c.edits as Json[]).map((e) => e.inserted)])).toEqual([
        [{ kind: 'in', place: '1' }, ['applies']],
        [{ kind: 'in', place: '1' }, ['detection, ']],
      ]);
      expect(changesIn(accessArticle).map((c) => (c.edits as Json[]).map((e) => e.inserted))).toEqual([[' and with dishonest intent']]);
      const applies = String(changesIn(scopeArticle)[0].key);

      // Nobody but the secretariat decides, a decision must name what the proposal changes, and a single change is accepted or rejected.
      const decide = (who: string, body: Json) => as(who).put(`/api/proposals/${proposalId}/decision`, { language: 'en', ...body });
      expect((await decide('egypt.head', { decision: 'incorporate', provision: scope })).status).toBe(403);
      expect((await decide('chair', { decision: 'incorporate', provision: scope })).status).toBe(403);
      expect((await decide('secretariat', { decision: 'incorporate', provision: sovereignty })).body.error?.code).toBe('validation-failed');
      expect((await decide('secretariat', { decision: 'incorporate', provision: scope, change: 'p0#text0:9' })).body.error?.code).toBe('validation-failed');
      expect((await decide('secretariat', { decision: 'present-as-option', provision: scope, change: applies })).body.error?.code).toBe('validation-failed');
      expect((await decide('secretariat', { decision: 'incorporate', change: applies })).body.error?.code).toBe('validation-failed');
      const untouched = (await as('secretariat').get(`/api/instruments/${instrumentId}/desk?lang=en`)).body.articles as Json[];
      expect(((untouched.find((a) => a.id === scope) as Json).proposals as Json[]).find((p) => p.id === proposalId)).toMatchObject({ decision: null, provisionDecision: null });

      expect((await decide('secretariat', { decision: 'incorporate', provision: scope })).status).toBe(200);
      expect((await decide('secretariat', { decision: 'not-retain', provision: scope, change: applies })).status).toBe(200);
      expect((await decide('secretariat', { decision: 'present-as-option', provision: access })).status).toBe(200);
      const decided = (await as('secretariat').get(`/api/instruments/${instrumentId}/desk?lang=en`)).body.articles as Json[];
      const mine = ((decided.find((a) => a.id === scope) as Json).proposals as Json[]).find((p) => p.id === proposalId) as Json;
      expect([mine.provisionDecision, (mine.changes as Json[]).map((c) => c.decision)]).toEqual(['incorporate', ['not-retain', null]]);

      const compiled = await as('secretariat').post(`/api/instruments/${instrumentId}/compile`, { language: 'en' });
      expect(compiled.body.outcomes).toEqual([expect.objectContaining({ proposalId, status: 'partially-incorporated' })]);
      expect((await as('egypt.head').get(`/api/proposals/${proposalId}`)).body.status).toBe('partially-incorporated');
      const live = (await as('secretariat').get(`/api/instruments/${instrumentId}/desk?lang=en`)).body.articles as Json[];
      const scopeText = String((live.find((a) => a.id === scope) as Json).text);
      expect(scopeText).toContain('This Convention shall apply, except as otherwise stated herein, to the prevention, detection, investigation');
      const accessText = String((live.find((a) => a.id === access) as Json).text);
      // The option holds Egypt's text exactly; the base option the base.
      expect(accessText).toContain('technology system without right.');
      expect(accessText).toContain('technology system without right and with dishonest intent.');
    });

    it('renders the compilation of proposals, and publishing it makes the listed proposals public', async () => {
      const html = await fetch(`${server.url}/api/instruments/${instrumentId}/compilation?lang=en&format=html`, { headers: { authorization: `Bearer ${tokens['egypt.delegate']}` } });
      expect(html.status).toBe(200);
      const page = await html.text();
      for (const name of ['Egypt', 'Brazil', 'European Union']) expect(page).toContain(name);
      expect(page).toMatch(/no order of priority/i);
      const docx = await fetch(`${server.url}/api/instruments/${instrumentId}/compilation?lang=en&format=docx`, { headers: { authorization: `Bearer ${tokens.secretariat}` } });
      expect(docx.headers.get('content-disposition')).toContain('.docx');
      expect(Buffer.from(await docx.arrayBuffer()).subarray(0, 2).toString()).toBe('PK');

      const observer = await login(server, 'observer@concord.test');
      const proposals = (await as('secretariat').get('/api/proposals')).body.items as Json[];
      expect((await client(server, observer).get(`/api/proposals/${String(proposals[0].id)}`)).status).toBe(404);
      expect((await as('egypt.head').post(`/api/instruments/${instrumentId}/compilation/publish`, { language: 'en' })).status).toBe(403);
      const published = await as('secretariat').post(`/api/instruments/${instrumentId}/compilation/publish`, { language: 'en' });
      expect(published.status).toBe(201);
      expect((await client(server, observer).get(`/api/proposals/${String(proposals[0].id)}`)).body).toMatchObject({ published: true });
      const listed = (await client(server).get('/api/public/compilations')).body.items as Json[];
      expect(listed.map((c) => c.id)).toContain(published.body.id);
      const publicPage = await fetch(`${server.url}/api/public/compilations/${String(published.body.id)}`);
      expect(await publicPage.text()).toContain('Egypt');
      expect(await (await fetch(`${server.url}/api/public/feed.atom`)).text()).toContain(String(published.body.id));
    });

    it('attributes a live secretariat edit to that user', async () => {
      const me = (await as('secretariat').get('/api/auth/me')).body.user as Json;
      const editor = provider(server, document, tokens.secretariat);
      providers.push(editor);
      await synced(editor);
      const attrs = { kind: 'edit' as const, ref: String(me.id), delegations: [], label: `Edit by ${String(me.displayName)}` };
      let inserted = { from: 0, to: 0 };
      editTreaty(editor.doc, (state) => {
        const withPlugin = EditorState.create({ doc: state.doc, plugins: [provenanceTracking({ attrs })] });
        let at = -1;
        withPlugin.doc.descendants((node, pos) => {
          if (at >= 0 || !node.isText) return at < 0;
          const i = (node.text ?? '').indexOf('interception');
          if (i >= 0) at = pos + i;
          return false;
        });
        inserted = { from: at, to: at + 'unlawful '.length };
        return withPlugin.applyTransaction(withPlugin.tr.insertText('unlawful ', at)).state.doc;
      });
      let spans: Json[] = [];
      const fetchSpans = async () => ((await as('secretariat').get(`/api/documents/${document}/provenance?from=${inserted.from}&to=${inserted.to}`)).body.items as Json[]) ?? [];
      for (let i = 0; i < 50 && !spans.some((s) => s.kind === 'edit'); i += 1) {
        spans = await fetchSpans();
        await new Promise((resolve) => setTimeout(resolve, 50));
      }
      expect(spans).toEqual([expect.objectContaining({ text: 'unlawful ', kind: 'edit', refs: [me.id], label: 'Edit by Lena Okafor' })]);
    });

    it('lets the chair and the secretariat set provision status, with its history, and nobody else', async () => {
      expect((await as('egypt.head').put(`/api/instruments/${instrumentId}/provisions/${sovereignty}/status`, { language: 'en', status: 'agreed-ad-referendum' })).status).toBe(403);
      const set = await as('chair').put(`/api/instruments/${instrumentId}/provisions/${sovereignty}/status`, { language: 'en', status: 'agreed-ad-referendum' });
      expect(set.body).toEqual({ provisionId: sovereignty, status: 'agreed-ad-referendum', reason: null });
      expect((await as('secretariat').put(`/api/instruments/${instrumentId}/provisions/nope/status`, { language: 'en', status: 'open' })).body.error?.code).toBe('provision-not-found');
      const history = (await as('egypt.delegate').get(`/api/instruments/${instrumentId}/provisions/status-history?lang=en`)).body.items as Json[];
      expect(history).toEqual([expect.objectContaining({ provisionId: sovereignty, from: 'open', to: 'agreed-ad-referendum' })]);
      const desk = (await as('secretariat').get(`/api/instruments/${instrumentId}/desk?lang=en`)).body.articles as Json[];
      expect((desk.find((a) => a.id === sovereignty) as Json).status).toBe('agreed-ad-referendum');
    });
  });
}
