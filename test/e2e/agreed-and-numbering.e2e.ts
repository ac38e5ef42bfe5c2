import { consolidatedDocument } from '@concord/domain';
import { docFromYFragment, treatySchema, treatyFragment } from '@concord/schema';
import type { Node } from 'prosemirror-model';
import { Transform } from 'prosemirror-transform';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { WebsocketProvider } from 'y-websocket';
import * as Y from 'yjs';
import { anchorPhrase } from '../support/anchors';
import { DOCUMENT_HOSTS, provider, synced, until } from '../support/collab';
import { frames, RawClient } from '../support/collab-protocol';
import { BACKENDS } from '../support/databases';
import { client, login, startServer, type TestServer } from '../support/server';
import { editTreaty } from '../support/treaty-edit';

type Json = Record<string, unknown>;

/** The ids of the articles of a document, in order. */
function articleIds(doc: Node): string[] {
  const ids: string[] = [];
  doc.descendants((node) => {
    if (node.type.name === 'article') ids.push(String(node.attrs['id']));
    return node.type.name === 'doc' || node.type.name === 'chapter';
  });
  return ids;
}

/** Where the text of the first paragraph of an article ends. */
function endOfArticleText(doc: Node, id: string): number {
  let at = -1;
  doc.descendants((node, pos) => {
    if (at >= 0) return false;
    if (node.type.name === 'article' && node.attrs['id'] === id) {
      node.descendants((child, offset) => {
        if (at < 0 && child.type.name === 'text_block') at = pos + 1 + offset + 1 + child.content.size;
        return at < 0;
      });
      return false;
    }
    return true;
  });
  return at;
}

/** An update made on a copy of the document: what a modified client would send. */
function updateFrom(source: Y.Doc, edit: (doc: Node) => Node): Uint8Array {
  const copy = new Y.Doc();
  Y.applyUpdate(copy, Y.encodeStateAsUpdate(source));
  const before = Y.encodeStateVector(copy);
  editTreaty(copy, (state) => edit(state.doc));
  const update = Y.encodeStateAsUpdate(copy, before);
  copy.destroy();
  return update;
}

function insertText(doc: Node, at: number, words: string): Node {
  return new Transform(doc).insert(at, treatySchema.text(words)).doc;
}

for (const backend of BACKENDS) {
  for (const host of DOCUMENT_HOSTS) {
    describe.skipIf(backend.skip !== null)(`Agreed text and session numbering on ${backend.name}, ${host.name}${backend.skip ? ` (${backend.skip})` : ''}`, () => {
      let server: TestServer;
      const tokens: Record<string, string> = {};
      const providers: WebsocketProvider[] = [];
      let instrumentId: string;
      let document: string;
      let secretariat: WebsocketProvider;
      let ids: string[] = [];
      const as = (who: string) => client(server, tokens[who]);
      const live = () => docFromYFragment(treatyFragment(secretariat.doc));

      beforeAll(async () => {
        server = await startServer(await backend.create(), host.env);
        for (const who of ['secretariat', 'chair', 'egypt.head', 'egypt.delegate', 'observer']) tokens[who] = await login(server, `${who}@concord.test`);
        const committeeId = String(((await client(server).get('/api/committees')).body.items as Json[])[0].id);
        instrumentId = String(((await as('secretariat').get(`/api/committees/${committeeId}/instruments`)).body.items as Json[])[0].id);
        document = consolidatedDocument(instrumentId, 'en');
        secretariat = provider(server, document, tokens.secretariat);
        providers.push(secretariat);
        await synced(secretariat);
        ids = articleIds(live());
      });
      afterAll(async () => {
        for (const p of providers) p.destroy();
        await server?.close();
      });

      it('refuses over the socket an update touching an agreed provision, stores nothing, and lets open ones be edited', async () => {
        const [agreed, open] = ids;
        const set = await as('chair').put(`/api/instruments/${instrumentId}/provisions/${agreed}/status`, { language: 'en', status: 'agreed-ad-referendum' });
        expect(set.body).toEqual({ provisionId: agreed, status: 'agreed-ad-referendum', reason: null });
        await until(() => articleStatus(live(), agreed) === 'agreed-ad-referendum', 'the status to reach the secretariat');

        const raw = new RawClient(server, document, tokens.secretariat);
        expect(await raw.opened).toBe(true);
        raw.send(frames.update(updateFrom(secretariat.doc, (doc) => insertText(doc, endOfArticleText(doc, agreed), ' SNEAKED'))));
        expect(await raw.closed).toEqual({ code: 4423, reason: 'agreed' });

        // A fresh reader sees the text the database holds: the refused words are not in it.
        const reader = provider(server, document, tokens['egypt.delegate']);
        providers.push(reader);
        await synced(reader);
        expect(treatyFragment(reader.doc).toString()).not.toContain('SNEAKED');

        const other = new RawClient(server, document, tokens.secretariat);
        expect(await other.opened).toBe(true);
        other.send(frames.update(updateFrom(secretariat.doc, (doc) => insertText(doc, endOfArticleText(doc, open), ' AMENDED'))));
        expect(await other.roundTrip()).toBe(true);
        await until(() => treatyFragment(reader.doc).toString().includes('AMENDED'), 'the open provision edit to reach the reader');
        other.close();
      });

      it('refuses over the socket an update deleting an agreed article, and stores nothing', async () => {
        const [agreed] = ids;
        expect(articleStatus(live(), agreed)).toBe('agreed-ad-referendum');
        const withoutArticle = new RawClient(server, document, tokens.secretariat);
        expect(await withoutArticle.opened).toBe(true);
        withoutArticle.send(frames.update(updateFrom(secretariat.doc, (doc) => deleteNode(doc, (node) => node.type.name === 'article' && node.attrs['id'] === agreed))));
        expect(await withoutArticle.closed).toEqual({ code: 4423, reason: 'agreed' });
        const reader = provider(server, document, tokens['egypt.delegate']);
        providers.push(reader);
        await synced(reader);
        expect(articleIds(docFromYFragment(treatyFragment(reader.doc)))).toEqual(articleIds(live()));
        expect(articleIds(live())).toContain(agreed);
      });

      it('needs a reason to reopen agreed text, records who and why, and then lets it be edited', async () => {
        const [agreed] = ids;
        const bare = await as('chair').put(`/api/instruments/${instrumentId}/provisions/${agreed}/status`, { language: 'en', status: 'open' });
        expect(bare.status).toBe(400);
        expect(bare.body.error?.code).toBe('reason-required');
        expect((await as('egypt.head').put(`/api/instruments/${instrumentId}/provisions/${agreed}/status`, { language: 'en', status: 'open', reason: 'x' })).status).toBe(403);
        const reopened = await as('chair').put(`/api/instruments/${instrumentId}/provisions/${agreed}/status`, { language: 'en', status: 'open', reason: 'Egypt asked to revisit the scope.' });
        expect(reopened.body).toEqual({ provisionId: agreed, status: 'open', reason: 'Egypt asked to revisit the scope.' });
        const history = (await as('egypt.delegate').get(`/api/instruments/${instrumentId}/provisions/status-history?lang=en`)).body.items as Json[];
        expect(history.at(-1)).toMatchObject({ provisionId: agreed, from: 'agreed-ad-referendum', to: 'open', reason: 'Egypt asked to revisit the scope.' });
        await until(() => articleStatus(live(), agreed) === 'open', 'the reopening to reach the secretariat');
        const raw = new RawClient(server, document, tokens.secretariat);
        expect(await raw.opened).toBe(true);
        raw.send(frames.update(updateFrom(secretariat.doc, (doc) => insertText(doc, endOfArticleText(doc, agreed), ' REVISITED'))));
        expect(await raw.roundTrip()).toBe(true);
        raw.close();
      });

      it('numbers two articles inserted during the session bis and ter, and renumbers them with a concordance, references and comments following', async () => {
        const before = (await as('egypt.delegate').get(`/api/instruments/${instrumentId}/numbers?lang=en`)).body.items as Json[];
        expect(before.every((item) => item.frozen === true)).toBe(true);
        const second = ids[1];
        const last = ids[ids.length - 1];
        // Two articles inserted after article 2: the first as the secretariat's editor inserts one, storing its
        // number; the second as a compilation does, without a number, which it derives from its predecessor.
        insertArticles(secretariat.doc, second, [
          { id: 'new-bis', number: '2.1', words: 'Inserted first.' },
          { id: 'new-ter', number: null, words: 'Inserted second.' },
        ]);
        let numbers: Json[] = [];
        for (let i = 0; i < 50 && !numbers.some((n) => n.provisionId === 'new-ter'); i++) {
          numbers = (await as('egypt.delegate').get(`/api/instruments/${instrumentId}/numbers?lang=en`)).body.items as Json[];
          await new Promise((resolve) => setTimeout(resolve, 50));
        }
        expect(numbers.find((n) => n.provisionId === 'new-bis')).toMatchObject({ number: '2.1', label: 'Article 2 bis', frozen: true });
        expect(numbers.find((n) => n.provisionId === 'new-ter')).toMatchObject({ number: '2.2', label: 'Article 2 ter', frozen: false });
        expect(numbers.find((n) => n.provisionId === ids[2])).toMatchObject({ number: '3', label: 'Article 3' });

        // The last article refers to both by id, and a delegate comments on the second.
        editTreaty(secretariat.doc, (state) => {
          const at = endOfArticleText(state.doc, last);
          const xref = (target: string) => [treatySchema.marks.xref.create({ target })];
          let tr = state.tr.insertText(' (see ', at);
          tr = tr.insert(at + 6, treatySchema.text('article 2 bis', xref('new-bis')));
          tr = tr.insertText(' and ', at + 6 + 'article 2 bis'.length);
          tr = tr.insert(at + 6 + 'article 2 bis'.length + 5, treatySchema.text('article 2 ter', xref('new-ter')));
          return tr.doc;
        });
        await until(() => treatyFragment(secretariat.doc).toString().includes('article 2 ter'), 'the reference to be typed');
        let thread: Json = {};
        for (let i = 0; i < 50 && thread.id === undefined; i++) {
          const res = await as('egypt.delegate').post('/api/comments', { targetKind: 'document', targetId: document, anchor: anchorPhrase(secretariat.doc, 'Inserted second.'), tier: 'committee', body: 'We support this new article.' });
          if (res.status === 201) thread = res.body;
          else await new Promise((resolve) => setTimeout(resolve, 50));
        }
        expect(thread).toMatchObject({ article: { id: 'new-ter', label: 'Article 2 ter' } });

        expect((await as('egypt.head').post(`/api/instruments/${instrumentId}/renumber`)).status).toBe(403);
        expect((await as('chair').post(`/api/instruments/${instrumentId}/renumber`)).status).toBe(403);
        const renumbered = await as('secretariat').post(`/api/instruments/${instrumentId}/renumber`);
        expect(renumbered.status, JSON.stringify(renumbered.body)).toBe(200);
        const entries = renumbered.body.entries as Json[];
        expect(entries.find((e) => e.provisionId === 'new-bis')).toMatchObject({ from: '2.1', to: '3', changed: true });
        expect(entries.find((e) => e.provisionId === 'new-ter')).toMatchObject({ from: '2.2', to: '4', fromLabel: 'Article 2 ter', toLabel: 'Article 4' });
        expect(entries.find((e) => e.provisionId === ids[2])).toMatchObject({ from: '3', to: '5' });

        const concordance = (await as('egypt.delegate').get(`/api/instruments/${instrumentId}/renumberings?lang=ar`)).body.items as Json[];
        expect(concordance).toHaveLength(1);
        expect((concordance[0].entries as Json[]).find((e) => e.provisionId === 'new-bis')).toMatchObject({ fromLabel: 'المادة ٢ مكرراً', toLabel: 'المادة ٣' });

        await until(() => treatyFragment(secretariat.doc).toString().includes('article 4'), 'the references to be rewritten');
        const text = live().textContent;
        expect(text).toContain('(see article 3 and article 4');
        expect(text).not.toContain('article 2 bis');
        const after = (await as('egypt.delegate').get(`/api/instruments/${instrumentId}/numbers?lang=en`)).body.items as Json[];
        expect(after.find((n) => n.provisionId === 'new-ter')).toMatchObject({ number: '4', label: 'Article 4', frozen: true });

        const threads = (await as('egypt.delegate').get(`/api/comments?targetKind=document&targetId=${encodeURIComponent(document)}`)).body.items as Json[];
        expect(threads.find((t) => t.id === thread.id)).toMatchObject({ article: { id: 'new-ter', label: 'Article 4' }, comment: { body: 'We support this new article.' } });

        const consultations = await as('chair').get(`/api/instruments/${instrumentId}/consultations?lang=en`);
        expect((consultations.body.items as Json[]).find((i) => i.provisionId === 'new-ter')).toMatchObject({ label: 'Article 4', status: 'open', proposals: 0, comments: 1 });
        expect((await as('egypt.head').get(`/api/instruments/${instrumentId}/consultations?lang=en`)).status).toBe(403);

        const again = await as('secretariat').post(`/api/instruments/${instrumentId}/renumber`);
        expect(again.status).toBe(409);
        expect(again.body.error?.code).toBe('renumbering-unchanged');
      });

      it('lets the translation of an agreed provision reach a language version, where clients still may not change it', async () => {
        const agreed = ids[2];
        const set = await as('chair').put(`/api/instruments/${instrumentId}/provisions/${agreed}/status`, { language: 'en', status: 'agreed-ad-referendum' });
        expect(set.status).toBe(200);
        await until(() => articleStatus(live(), agreed) === 'agreed-ad-referendum', 'the status to reach the secretariat');
        expect((await as('secretariat').post(`/api/instruments/${instrumentId}/languages`, { language: 'ar' })).status).toBe(201);
        const arabicName = consolidatedDocument(instrumentId, 'ar');
        const arabic = provider(server, arabicName, tokens.secretariat);
        providers.push(arabic);
        await synced(arabic);
        const arabicLive = () => docFromYFragment(treatyFragment(arabic.doc));
        expect(articleStatus(arabicLive(), agreed)).toBe('agreed-ad-referendum');

        // Every node of the agreed article with words of its own is translated, run by run, through the API.
        const inside = new Set<string>();
        live().descendants((node) => {
          if (node.type.name === 'article' && node.attrs['id'] === agreed) node.descendants((child) => void (typeof child.attrs['id'] === 'string' && inside.add(String(child.attrs['id']))));
          return true;
        });
        inside.add(agreed);
        const queue = (await as('secretariat').get(`/api/instruments/${instrumentId}/languages/stale?lang=ar`)).body.items as Json[];
        const toTranslate = queue.filter((item) => inside.has(String(item.nodeId)));
        expect(toTranslate.length).toBeGreaterThan(1);
        for (const item of toTranslate) {
          const texts = (item.segments as Json[]).map((_, i) => `نص متفق عليه ${i + 1}`);
          const translated = await as('secretariat').post(`/api/instruments/${instrumentId}/languages/translate?lang=ar`, { nodeId: item.nodeId, texts });
          expect(translated.status, JSON.stringify(translated.body)).toBe(201);
        }
        await until(() => treatyFragment(arabic.doc).toString().includes('نص متفق عليه'), 'the translation to reach the Arabic draft');
        expect(articleStatus(arabicLive(), agreed)).toBe('agreed-ad-referendum');
        const left = (await as('secretariat').get(`/api/instruments/${instrumentId}/languages/stale?lang=ar`)).body.items as Json[];
        expect(left.filter((item) => inside.has(String(item.nodeId)))).toEqual([]);

        // A client's own edit of the agreed article is refused in the language version as in the original.
        const raw = new RawClient(server, arabicName, tokens.secretariat);
        expect(await raw.opened).toBe(true);
        raw.send(frames.update(updateFrom(arabic.doc, (doc) => insertText(doc, endOfArticleText(doc, agreed), ' SNEAKED'))));
        expect(await raw.closed).toEqual({ code: 4423, reason: 'agreed' });
        expect(treatyFragment(arabic.doc).toString()).not.toContain('SNEAKED');
      });

      it('keeps a stored ter when the bis before it is deleted, until the secretariat renumbers', async () => {
        const last = ids[ids.length - 1];
        const numbered = (await as('egypt.delegate').get(`/api/instruments/${instrumentId}/numbers?lang=en`)).body.items as Json[];
        const base = String(numbered.find((n) => n.provisionId === last)?.number);
        insertArticles(secretariat.doc, last, [
          { id: 'late-bis', number: `${base}.1`, words: 'Late first.' },
          { id: 'late-ter', number: `${base}.2`, words: 'Late second.' },
        ]);
        editTreaty(secretariat.doc, (state) => deleteNode(state.doc, (node) => node.type.name === 'article' && node.attrs['id'] === 'late-bis'));
        let numbers: Json[] = [];
        for (let i = 0; i < 50 && (numbers.some((n) => n.provisionId === 'late-bis') || !numbers.some((n) => n.provisionId === 'late-ter')); i++) {
          numbers = (await as('egypt.delegate').get(`/api/instruments/${instrumentId}/numbers?lang=en`)).body.items as Json[];
          await new Promise((resolve) => setTimeout(resolve, 50));
        }
        expect(numbers.find((n) => n.provisionId === 'late-ter')).toMatchObject({ number: `${base}.2`, label: `Article ${base} ter`, frozen: true });
        expect(numbers.some((n) => n.provisionId === 'late-bis')).toBe(false);
      });
    });
  }
}

/** Inserts articles after the article `after` in a live document, each with one paragraph of words. */
function insertArticles(ydoc: Y.Doc, after: string, articles: readonly { id: string; number: string | null; words: string }[]): void {
  editTreaty(ydoc, (state) => {
    let at = -1;
    state.doc.descendants((node, pos) => {
      if (node.type.name === 'article' && node.attrs['id'] === after) at = pos + node.nodeSize;
      return at < 0 && (node.type.name === 'doc' || node.type.name === 'chapter');
    });
    const nodes = articles.map(({ id, number, words }) =>
      treatySchema.nodes.article.create({ id, number }, [treatySchema.nodes.paragraph.create({ id: `${id}-p` }, [treatySchema.nodes.text_block.create(null, [treatySchema.text(words)])])]),
    );
    return state.tr.insert(at, nodes).doc;
  });
}

/** The document without the first node `matches` picks. */
function deleteNode(doc: Node, matches: (node: Node) => boolean): Node {
  let found: { pos: number; node: Node } | null = null;
  doc.descendants((node, pos) => {
    if (found === null && matches(node)) found = { pos, node };
    return found === null;
  });
  if (found === null) throw new Error('no node to delete');
  const { pos, node } = found as { pos: number; node: Node };
  return new Transform(doc).delete(pos, pos + node.nodeSize).doc;
}

function articleStatus(doc: Node, id: string): string | null {
  let status: string | null = null;
  doc.descendants((node) => {
    if (node.type.name === 'article' && node.attrs['id'] === id) status = String(node.attrs['status']);
    return status === null;
  });
  return status;
}
