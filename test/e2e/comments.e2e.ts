import { randomUUID } from 'node:crypto';
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import type { WebsocketProvider } from 'y-websocket';
import type * as Y from 'yjs';
import { type Anchor, anchorPhrase, plain, textHolding, texts } from '../support/anchors';
import { provider, synced, until } from '../support/collab';
import { BACKENDS, POSTGRES_SKIP_REASON, scratchPostgres, scratchSqlite } from '../support/databases';
import { client, expireSessionIn, login, startServer, type TestServer } from '../support/server';
import { accepted, type EventStream, openStream, type SseEvent } from '../support/sse';
import { seededRandom, consolidatedDocument, spaceDocument } from '@concord/domain';

type Json = Record<string, unknown>;

interface CommentJson {
  readonly id: string;
  readonly threadId: string;
  readonly body: string;
  readonly textWarnings: string[];
  readonly editedAt: string | null;
}

interface ThreadJson {
  readonly id: string;
  readonly tier: string;
  readonly quote: string | null;
  readonly orphaned: boolean;
  readonly anchoredText: string | null;
  readonly resolved: boolean;
  readonly comment: CommentJson;
  readonly replies: CommentJson[];
}

const PEOPLE = ['secretariat', 'egypt.head', 'egypt.delegate', 'brazil.head', 'france.delegate', 'observer'] as const;
type Person = (typeof PEOPLE)[number];

/** Lets the event loop deliver what is in flight, so that edits interleave with the network. */
const yieldToNetwork = () => new Promise((resolve) => setImmediate(resolve));

const isCreated = (id: string) => (e: SseEvent) => e.type === 'thread-created' && (e.data as Json).id === id;
const isReply = (body: string) => (e: SseEvent) => e.type === 'reply-added' && ((e.data as Json).comment as Json).body === body;

for (const backend of BACKENDS) {
  describe.skipIf(backend.skip !== null)(`Comments on ${backend.name}${backend.skip ? ` (${backend.skip})` : ''}`, () => {
    let server: TestServer;
    const tokens = {} as Record<Person, string>;
    const userIds = {} as Record<Person, string>;
    const delegations: Record<string, string> = {};
    let committeeId: string;
    let instrumentId: string;
    let sovereignty: string;
    /** The demo instrument's English consolidated draft. */
    let consolidated: string;
    const providers: WebsocketProvider[] = [];
    const streams: EventStream[] = [];
    const as = (who: Person) => client(server, tokens[who]);

    const open = async (document: string, who: Person): Promise<WebsocketProvider> => {
      const p = provider(server, document, tokens[who]);
      providers.push(p);
      await synced(p);
      return p;
    };

    const listen = async (who: Person, targetKind: string, targetId: string): Promise<EventStream> => {
      const stream = accepted(await openStream(server, `/api/comments/stream?targetKind=${targetKind}&targetId=${encodeURIComponent(targetId)}`, { token: tokens[who] }));
      streams.push(stream);
      await stream.next((e) => e.type === 'ready', `${who}'s stream to be ready`);
      return stream;
    };

    const threads = async (who: Person, targetKind: string, targetId: string): Promise<ThreadJson[]> => {
      const res = await as(who).get(`/api/comments?targetKind=${targetKind}&targetId=${encodeURIComponent(targetId)}`);
      expect(res.status).toBe(200);
      return res.body.items as unknown as ThreadJson[];
    };

    const onDocument = (document: string, anchor: Anchor, tier: string, body: string) => ({ targetKind: 'document', targetId: document, anchor, tier, body });

    const openThread = async (who: Person, input: Json): Promise<ThreadJson> => {
      const res = await as(who).post('/api/comments', input);
      expect(res.status, JSON.stringify(res.body)).toBe(201);
      return res.body as unknown as ThreadJson;
    };

    /** A new instrument, so that a test's edits to its consolidated draft disturb no other test. */
    const freshDraft = async (content: string): Promise<string> => {
      const imported = await as('secretariat').post(`/api/committees/${committeeId}/instruments/import`, { titles: { en: 'Anchors' }, originalLanguage: 'en', format: 'text', content });
      expect(imported.status).toBe(201);
      return consolidatedDocument(String(imported.body.id), 'en');
    };

    /** A proposal submitted by Egypt through its drafting space; published when asked (as a published compilation would). */
    const proposal = async (published: boolean): Promise<string> => {
      const space = await as('egypt.head').post(`/api/instruments/${instrumentId}/drafting-spaces`, { title: 'Sovereignty', language: 'en', provisionIds: [sovereignty] });
      expect(space.status).toBe(201);
      const writer = await open(String(space.body.document), 'egypt.delegate');
      const reader = await open(String(space.body.document), 'egypt.head');
      const text = textHolding(writer.doc, 'sovereign equality');
      text.insert(plain(text).indexOf('sovereign equality') + 'sovereign equality'.length, ' and political independence');
      await until(() => plain(textHolding(reader.doc, 'sovereign equality')).includes('political independence'), 'the edit to be stored and relayed');
      const submitted = await as('egypt.head').post(`/api/drafting-spaces/${String(space.body.id)}/submit`, { justification: 'Sovereignty matters.' });
      expect(submitted.status, JSON.stringify(submitted.body)).toBe(201);
      const id = String(submitted.body.id);
      if (published) {
        // Publishing a compilation of proposals (which makes them public) is not built yet: set what it would set.
        const pg = server.db.options.type === 'postgres';
        await server.db.query(`UPDATE proposals SET published_at = ${pg ? '$1' : '?'} WHERE id = ${pg ? '$2' : '?'}`, [pg ? new Date() : new Date().toISOString().replace('T', ' ').replace('Z', ''), id]);
      }
      return id;
    };

    beforeAll(async () => {
      server = await startServer(await backend.create());
      for (const who of PEOPLE) {
        tokens[who] = await login(server, `${who}@concord.test`);
        userIds[who] = String(((await as(who).get('/api/auth/me')).body.user as Json).id);
      }
      committeeId = String(((await client(server).get('/api/committees')).body.items as Json[])[0].id);
      for (const d of (await client(server).get(`/api/committees/${committeeId}/delegations`)).body.items as Json[]) delegations[String(d.code)] = String(d.id);
      instrumentId = String(((await as('secretariat').get(`/api/committees/${committeeId}/instruments`)).body.items as Json[])[0].id);
      consolidated = consolidatedDocument(instrumentId, 'en');
      const text = await as('secretariat').get(`/api/instruments/${instrumentId}/text?lang=en`);
      const articles = ((text.body.doc as Json).content as Json[]).flatMap((n) => (n.type === 'chapter' ? (n.content as Json[]) : [n])).filter((n) => n.type === 'article');
      sovereignty = String(((articles.find((a) => JSON.stringify(a).includes('Protection of sovereignty')) as Json).attrs as Json).id);
    });
    afterEach(() => {
      for (const s of streams.splice(0)) s.close();
      for (const p of providers.splice(0)) p.destroy();
    });
    afterAll(async () => server?.close());

    it('opens a thread on a range of the consolidated draft, then replies, edits, resolves and reopens it', async () => {
      const draft = await open(consolidated, 'secretariat');
      const anchor = anchorPhrase(draft.doc, 'technical assistance and capacity-building');
      const thread = await openThread('egypt.delegate', onDocument(consolidated, anchor, 'committee', 'Should capacity-building be defined?'));
      expect(thread).toMatchObject({
        targetKind: 'document',
        targetId: consolidated,
        tier: 'committee',
        anchor: { start: anchor.start, end: anchor.end },
        quote: 'technical assistance and capacity-building',
        orphaned: false,
        anchoredText: 'technical assistance and capacity-building',
        resolved: false,
        comment: { body: 'Should capacity-building be defined?', authorName: 'Mona Saleh', authorDelegationId: delegations.EGY, textWarnings: [], editedAt: null },
        replies: [],
      });

      const reply = await as('brazil.head').post(`/api/comments/${thread.id}/replies`, { body: 'Brazil thinks it should.' });
      expect(reply.status).toBe(201);
      expect(reply.body).toMatchObject({ threadId: thread.id, body: 'Brazil thinks it should.', authorName: 'Rafael Costa' });

      const edited = await as('egypt.delegate').patch(`/api/comments/${thread.id}`, { body: 'Should "capacity-building" be defined in article 2?' });
      expect(edited.status).toBe(200);
      expect(edited.body).toMatchObject({ body: 'Should "capacity-building" be defined in article 2?', editedAt: expect.any(String) });
      expect((await as('brazil.head').patch(`/api/comments/${thread.id}`, { body: 'Not mine to edit.' })).body.error?.code).toBe('forbidden');
      expect((await as('egypt.delegate').patch(`/api/comments/${String(reply.body.id)}`, { body: 'Not mine either.' })).status).toBe(403);

      const refused = await as('brazil.head').post(`/api/comments/${thread.id}/resolve`);
      expect(refused.status).toBe(403);
      const resolved = await as('egypt.head').post(`/api/comments/${thread.id}/resolve`);
      expect(resolved.status).toBe(200);
      expect(resolved.body).toMatchObject({ resolved: true, resolvedBy: userIds['egypt.head'], resolvedAt: expect.any(String) });
      const again = await as('egypt.delegate').post(`/api/comments/${thread.id}/resolve`);
      expect(again.status).toBe(409);
      expect(again.body.error?.code).toBe('thread-state-conflict');
      const reopened = await as('secretariat').post(`/api/comments/${String(reply.body.id)}/reopen`);
      expect(reopened.status).toBe(200);
      expect(reopened.body).toMatchObject({ id: thread.id, resolved: false, resolvedAt: null, resolvedBy: null });

      const listed = (await threads('france.delegate', 'document', consolidated)).find((t) => t.id === thread.id);
      expect(listed).toMatchObject({
        orphaned: false,
        comment: { body: 'Should "capacity-building" be defined in article 2?', editedAt: expect.any(String) },
        replies: [{ id: String(reply.body.id), body: 'Brazil thinks it should.', editedAt: null }],
      });
      expect((await as('france.delegate').get(`/api/comments/${String(reply.body.id)}`)).body).toMatchObject({ id: thread.id });

      const audit = (await server.db.query("SELECT action, entity_id, after FROM audit_log WHERE entity_type = 'comment' ORDER BY seq")) as Array<{ action: string; entity_id: string; after: string | null }>;
      expect(audit.map((row) => row.action)).toEqual(['comment.create', 'comment.reply', 'comment.edit', 'comment.resolve', 'comment.reopen']);
      expect(audit.map((row) => row.entity_id)).toEqual([thread.id, String(reply.body.id), thread.id, thread.id, thread.id]);
      // The secretariat reads the audit log: it never holds the text of a comment.
      expect(JSON.stringify(audit)).not.toMatch(/capacity-building|Brazil thinks/);
    });

    it('keeps a delegation-tier thread to the delegation: other delegations and the secretariat see nothing, in lists, reads, writes or live', async () => {
      const [egypt, brazil, secretariat, france] = await Promise.all(
        (['egypt.head', 'brazil.head', 'secretariat', 'france.delegate'] as const).map((who) => listen(who, 'document', consolidated)),
      );
      const draft = await open(consolidated, 'secretariat');
      const anchor = anchorPhrase(draft.doc, 'sovereign equality and territorial integrity');
      const internal = await openThread('egypt.delegate', onDocument(consolidated, anchor, 'delegation', 'Egypt only: hold firm on sovereignty.'));
      const shared = await openThread('egypt.delegate', onDocument(consolidated, anchor, 'committee', 'For everyone: the sovereignty wording.'));
      expect(internal.tier).toBe('delegation');

      await egypt.next(isCreated(shared.id), 'Egypt to hear of the committee thread');
      expect(egypt.events.filter((e) => e.type === 'thread-created').map((e) => (e.data as Json).id)).toEqual([internal.id, shared.id]);
      for (const outsider of [brazil, secretariat, france]) {
        // Events arrive in order: having heard of the second thread, an outsider would have heard of the first.
        await outsider.next(isCreated(shared.id), 'an outsider to hear of the committee thread');
        expect(JSON.stringify(outsider.events)).not.toMatch(new RegExp(`${internal.id}|hold firm`));
      }

      await as('egypt.head').post(`/api/comments/${internal.id}/replies`, { body: 'Agreed, internally.' });
      await as('egypt.delegate').patch(`/api/comments/${internal.id}`, { body: 'Egypt only: hold firm on sovereignty, please.' });
      await as('egypt.head').post(`/api/comments/${internal.id}/resolve`);
      await as('brazil.head').post(`/api/comments/${shared.id}/replies`, { body: 'Brazil sees this one.' });
      await egypt.next(isReply('Brazil sees this one.'), 'Egypt to hear of the reply to the committee thread');
      expect(egypt.events.map((e) => e.type)).toEqual(
        expect.arrayContaining(['reply-added', 'comment-edited', 'thread-resolved']),
      );
      expect(egypt.events.some(isReply('Agreed, internally.'))).toBe(true);
      for (const outsider of [brazil, secretariat, france]) {
        await outsider.next(isReply('Brazil sees this one.'), 'an outsider to hear of the reply to the committee thread');
        expect(outsider.events.map((e) => e.type)).toEqual(['ready', 'thread-created', 'reply-added']);
        expect(JSON.stringify(outsider.events)).not.toMatch(new RegExp(`${internal.id}|hold firm|internally`));
      }

      const egyptSees = (await threads('egypt.head', 'document', consolidated)).map((t) => t.id);
      expect(egyptSees).toEqual(expect.arrayContaining([internal.id, shared.id]));
      for (const who of ['brazil.head', 'secretariat', 'france.delegate'] as const) {
        const listed = await threads(who, 'document', consolidated);
        expect(listed.map((t) => t.id)).toContain(shared.id);
        expect(JSON.stringify(listed)).not.toMatch(new RegExp(`${internal.id}|hold firm|internally`));
      }

      const replyId = ((await threads('egypt.head', 'document', consolidated)).find((t) => t.id === internal.id) as ThreadJson).replies[0].id;
      const unknown = randomUUID();
      const attempts: Array<[string, (id: string) => ReturnType<ReturnType<typeof client>['get']>]> = [];
      for (const who of ['brazil.head', 'secretariat', 'france.delegate', 'observer'] as const) {
        attempts.push(
          [`${who} reads`, (id) => as(who).get(`/api/comments/${id}`)],
          [`${who} replies`, (id) => as(who).post(`/api/comments/${id}/replies`, { body: 'Let me in.' })],
          [`${who} edits`, (id) => as(who).patch(`/api/comments/${id}`, { body: 'Let me in.' })],
          [`${who} resolves`, (id) => as(who).post(`/api/comments/${id}/resolve`)],
          [`${who} reopens`, (id) => as(who).post(`/api/comments/${id}/reopen`)],
        );
      }
      for (const [what, attempt] of attempts) {
        for (const hidden of [internal.id, replyId]) {
          const res = await attempt(hidden);
          expect({ what, status: res.status, body: res.body }).toEqual({ what, status: 404, body: { error: { code: 'comment-not-found', message: `No comment ${hidden}.` } } });
        }
        const missing = await attempt(unknown);
        expect({ what, status: missing.status, body: missing.body }).toEqual({ what, status: 404, body: { error: { code: 'comment-not-found', message: `No comment ${unknown}.` } } });
      }
      const rows = (await server.db.query(`SELECT body FROM comments WHERE thread_id = ${server.db.options.type === 'postgres' ? '$1' : '?'}`, [internal.id])) as Array<{ body: string }>;
      expect(rows.map((r) => r.body).sort()).toEqual(['Agreed, internally.', 'Egypt only: hold firm on sovereignty, please.']);
    });

    it('limits the tier by the target and by the author, and refuses observers on committee targets', async () => {
      const draft = await open(consolidated, 'secretariat');
      const anchor = anchorPhrase(draft.doc, 'common criminal policy');
      const publicDraft = await as('egypt.delegate').post('/api/comments', onDocument(consolidated, anchor, 'public', 'Nothing unpublished is public.'));
      expect(publicDraft.status).toBe(400);
      expect(publicDraft.body.error?.code).toBe('tier-not-allowed');
      expect((await as('secretariat').post('/api/comments', onDocument(consolidated, anchor, 'delegation', 'The secretariat is no delegation.'))).status).toBe(403);
      expect((await as('secretariat').post('/api/comments', onDocument(consolidated, anchor, 'committee', 'Noted.'))).status).toBe(201);

      // A target the observer may not read answers exactly as one that does not exist: no 403-versus-404 oracle.
      const observerList = await as('observer').get(`/api/comments?targetKind=document&targetId=${consolidated}`);
      const unknownList = await as('observer').get(`/api/comments?targetKind=document&targetId=consolidated:00000000-0000-4000-8000-000000000000:en`);
      expect([observerList.status, observerList.body.error?.code]).toEqual([404, 'comment-target-not-found']);
      expect([unknownList.status, unknownList.body.error?.code]).toEqual([404, 'comment-target-not-found']);
      expect((await as('observer').post('/api/comments', onDocument(consolidated, anchor, 'committee', 'May I?'))).status).toBe(404);
      expect((await openStream(server, `/api/comments/stream?targetKind=document&targetId=${consolidated}`, { token: tokens.observer })).status).toBe(404);

      // A drafting space: its delegation's threads only, and nobody else learns it exists.
      const space = await as('egypt.head').post(`/api/instruments/${instrumentId}/drafting-spaces`, { title: 'Purpose', language: 'en' });
      const spaceDocument = String(space.body.document);
      const writer = await open(spaceDocument, 'egypt.delegate');
      const spaceAnchor = anchorPhrase(writer.doc, 'non-intervention');
      expect((await as('egypt.delegate').post('/api/comments', onDocument(spaceDocument, spaceAnchor, 'committee', 'Too wide.'))).body.error?.code).toBe('tier-not-allowed');
      const spaceThread = await openThread('egypt.delegate', onDocument(spaceDocument, spaceAnchor, 'delegation', 'Keep non-intervention.'));
      expect((await threads('egypt.head', 'document', spaceDocument)).map((t) => t.id)).toEqual([spaceThread.id]);
      for (const who of ['brazil.head', 'secretariat', 'observer'] as const) {
        const list = await as(who).get(`/api/comments?targetKind=document&targetId=${spaceDocument}`);
        expect(list.body.error).toEqual({ code: 'comment-target-not-found', message: `No document ${spaceDocument} to comment on.` });
        expect((await as(who).post('/api/comments', onDocument(spaceDocument, spaceAnchor, 'delegation', 'x'))).status).toBe(404);
        expect((await openStream(server, `/api/comments/stream?targetKind=document&targetId=${spaceDocument}`, { token: tokens[who] })).status).toBe(404);
      }

      // A submitted proposal is a committee record: delegation or committee threads; observers do not see it.
      const submitted = await proposal(false);
      const onProposal = (id: string, tier: string, body: string) => ({ targetKind: 'proposal', targetId: id, tier, body });
      const brazilThread = await openThread('brazil.head', onProposal(submitted, 'committee', 'Brazil has questions.'));
      expect((await as('brazil.head').post('/api/comments', onProposal(submitted, 'public', 'Too early.'))).body.error?.code).toBe('tier-not-allowed');
      expect((await as('observer').get(`/api/comments?targetKind=proposal&targetId=${submitted}`)).body.error?.code).toBe('comment-target-not-found');
      expect((await threads('secretariat', 'proposal', submitted)).map((t) => t.id)).toEqual([brazilThread.id]);

      // A published proposal is public: observers write public threads, and read only those.
      const published = await proposal(true);
      const committeeThread = await openThread('egypt.delegate', onProposal(published, 'committee', 'Committee view.'));
      const egyptThread = await openThread('egypt.delegate', onProposal(published, 'delegation', 'Egypt view.'));
      const observerThread = await openThread('observer', onProposal(published, 'public', 'The Council of Europe welcomes this.'));
      const observerCommittee = await as('observer').post('/api/comments', onProposal(published, 'committee', 'Not allowed.'));
      expect(observerCommittee.status).toBe(403);
      expect((await threads('observer', 'proposal', published)).map((t) => t.id)).toEqual([observerThread.id]);
      expect((await threads('france.delegate', 'proposal', published)).map((t) => t.id)).toEqual([committeeThread.id, observerThread.id]);
      expect((await threads('egypt.head', 'proposal', published)).map((t) => t.id)).toEqual([committeeThread.id, egyptThread.id, observerThread.id]);
      expect((await as('observer').get(`/api/comments/${committeeThread.id}`)).status).toBe(404);

      // Public threads are the public's: an anonymous reader lists, opens and follows them, and nothing else.
      const anonymousList = await client(server).get(`/api/comments?targetKind=proposal&targetId=${published}`);
      expect([anonymousList.status, (anonymousList.body.items as unknown as ThreadJson[]).map((t) => t.id)]).toEqual([200, [observerThread.id]]);
      expect((await client(server).get(`/api/comments/${observerThread.id}`)).status).toBe(200);
      expect((await client(server).get(`/api/comments/${committeeThread.id}`)).status).toBe(401);
      expect((await client(server).get(`/api/comments/${randomUUID()}`)).status).toBe(401);
      expect((await client(server).get(`/api/comments?targetKind=proposal&targetId=${submitted}`)).status).toBe(401);
      const publicStream = accepted(await openStream(server, `/api/comments/stream?targetKind=proposal&targetId=${published}`, {}));
      streams.push(publicStream);
      await publicStream.next((e) => e.type === 'ready', 'the anonymous stream to be ready');
      expect((await client(server).post('/api/comments', onProposal(published, 'public', 'Anonymous?'))).status).toBe(401);
    });

    it('opens threads on provisions of published revisions, within the tier each was published in', async () => {
      const document = await freshDraft('Published\n\nArticle 1 Scope\n1. This text is published.\n');
      const id = document.split(':')[1];
      const text = await as('secretariat').get(`/api/instruments/${id}/text?lang=en`);
      const article = ((text.body.doc as Json).content as Json[]).find((n) => n.type === 'article') as Json;
      const provisionId = String((article.attrs as Json).id);
      const committeeRevision = await as('secretariat').post(`/api/instruments/${id}/revisions`, { tier: 'committee', symbol: 'A/AC.291/CMT.1', date: '2027-01-10' });
      const publicRevision = await as('secretariat').post(`/api/instruments/${id}/revisions`, { tier: 'public' });
      expect([committeeRevision.status, publicRevision.status]).toEqual([201, 201]);
      const onRevision = (revision: Json, tier: string, body: string, provision = provisionId) => ({ targetKind: 'revision', targetId: String(revision.id), provisionId: provision, tier, body });

      const brazilThread = await openThread('brazil.head', onRevision(committeeRevision.body, 'committee', 'On the committee text.'));
      expect(brazilThread).toMatchObject({ targetKind: 'revision', provisionId, tier: 'committee', anchor: null, quote: null, orphaned: false });
      expect((await as('brazil.head').post('/api/comments', onRevision(committeeRevision.body, 'public', 'Too wide.'))).body.error?.code).toBe('tier-not-allowed');
      const unknownProvision = await as('brazil.head').post('/api/comments', onRevision(committeeRevision.body, 'committee', 'Where?', 'no-such-provision'));
      expect(unknownProvision.status).toBe(404);
      expect(unknownProvision.body.error?.code).toBe('comment-target-not-found');
      const observerOnCommittee = await as('observer').get(`/api/comments?targetKind=revision&targetId=${String(committeeRevision.body.id)}`);
      expect(observerOnCommittee.body.error).toEqual({ code: 'revision-not-found', message: `No revision ${String(committeeRevision.body.id)}.` });

      const observerThread = await openThread('observer', onRevision(publicRevision.body, 'public', 'Welcome progress.'));
      expect((await as('observer').post('/api/comments', onRevision(publicRevision.body, 'committee', 'Not mine to write.'))).status).toBe(403);
      const egyptThread = await openThread('egypt.delegate', onRevision(publicRevision.body, 'delegation', 'Egypt notes.'));
      expect((await threads('observer', 'revision', String(publicRevision.body.id))).map((t) => t.id)).toEqual([observerThread.id]);
      expect((await threads('france.delegate', 'revision', String(publicRevision.body.id))).map((t) => t.id)).toEqual([observerThread.id]);
      expect((await threads('egypt.head', 'revision', String(publicRevision.body.id))).map((t) => t.id)).toEqual([observerThread.id, egyptThread.id]);
    });

    it.each([1, 2, 3])('keeps a thread anchored to the same words through random concurrent edits around them (seed %i)', async (seed) => {
      const phrase = 'shall cooperate in good faith';
      const paragraph = `Before the anchor the States Parties ${phrase} after the anchor, in every case.`;
      const document = await freshDraft(`Anchors ${seed}\n\nArticle 1 Anchors\n1. ${paragraph}\n2. Another paragraph, edited as well.\n`);
      const writers = [await open(document, 'secretariat'), await open(document, 'secretariat'), await open(document, 'secretariat')];
      const anchor = anchorPhrase(writers[0].doc, phrase);
      const thread = await openThread('egypt.delegate', onDocument(document, anchor, 'committee', 'Good faith?'));

      const next = seededRandom(seed);
      const pick = (n: number) => Math.floor(next() * n);
      const word = () => ` ${String.fromCharCode(97 + pick(26)).repeat(1 + pick(4))}`;
      for (let step = 0; step < 240; step += 1) {
        const writer = writers[pick(writers.length)];
        if (next() < 0.05) {
          if (writer.wsconnected || writer.wsconnecting) writer.disconnect();
          else writer.connect();
          continue;
        }
        const anchored = textHolding(writer.doc, phrase);
        const text = next() < 0.7 ? anchored : (texts(writer.doc).find((t) => t !== anchored && plain(t).includes('Another')) ?? anchored);
        const content = plain(text);
        const at = text === anchored ? content.indexOf(phrase) : 0;
        const end = text === anchored ? at + phrase.length : 0;
        // Before the range means at or before its first character; after it means past the character that follows
        // it (text typed right at the end of a range joins it, as in the editor).
        const before = text !== anchored || next() < 0.5;
        if (next() < 0.65) {
          if (!before && end + 1 > content.length) continue;
          const index = text !== anchored ? pick(content.length + 1) : before ? pick(at + 1) : end + 1 + pick(content.length - end);
          text.insert(index, word());
        } else {
          const [from, to] = text !== anchored ? [0, content.length] : before ? [0, at] : [end, content.length];
          if (to - from < 2) continue;
          const start = from + pick(to - from - 1);
          text.delete(start, 1 + pick(Math.min(4, to - start - 1)));
        }
        if (step % 10 === 0) await yieldToNetwork();
      }
      for (const writer of writers) if (!writer.wsconnected && !writer.wsconnecting) writer.connect();
      await Promise.all(writers.map(synced));
      const state = (doc: Y.Doc) => texts(doc).map(plain).join('\n');
      await until(() => new Set(writers.map((w) => state(w.doc))).size === 1, 'every writer to hold the same text');
      const reader = await open(document, 'egypt.delegate');
      await until(() => state(reader.doc) === state(writers[0].doc), 'the server to hold what the writers hold');

      const edited = plain(textHolding(writers[0].doc, phrase));
      // The words on both sides of the range changed.
      expect(edited.slice(0, edited.indexOf(phrase))).not.toBe(paragraph.slice(0, paragraph.indexOf(phrase)));
      expect(edited.slice(edited.indexOf(phrase) + phrase.length)).not.toBe(paragraph.slice(paragraph.indexOf(phrase) + phrase.length));
      const [listed] = await threads('egypt.delegate', 'document', document);
      expect(listed).toMatchObject({ id: thread.id, orphaned: false, quote: phrase, anchoredText: phrase });
    });

    it('reports a thread whose text was deleted as orphaned with its quote, from memory and from the database', async () => {
      const document = await freshDraft('Orphans\n\nArticle 1 Orphans\n1. Keep this sentence. Delete these words soon. Keep this too.\n');
      const writer = await open(document, 'secretariat');
      const reader = await open(document, 'france.delegate');
      const doomed = await openThread('france.delegate', onDocument(document, anchorPhrase(writer.doc, 'Delete these words soon.'), 'committee', 'Why?'));
      const kept = await openThread('france.delegate', onDocument(document, anchorPhrase(writer.doc, 'Keep this too.'), 'committee', 'Fine.'));

      const text = textHolding(writer.doc, 'Delete these words soon.');
      text.delete(plain(text).indexOf('Delete these words soon. '), 'Delete these words soon. '.length);
      await until(() => !plain(textHolding(reader.doc, 'Keep this too.')).includes('Delete'), 'the deletion to be stored and relayed');

      const expectOrphaned = async () => {
        const listed = await threads('france.delegate', 'document', document);
        expect(listed.find((t) => t.id === doomed.id)).toMatchObject({ orphaned: true, quote: 'Delete these words soon.', anchoredText: null });
        expect(listed.find((t) => t.id === kept.id)).toMatchObject({ orphaned: false, quote: 'Keep this too.', anchoredText: 'Keep this too.' });
        expect((await as('egypt.head').get(`/api/comments/${doomed.id}`)).body).toMatchObject({ orphaned: true, quote: 'Delete these words soon.' });
      };
      await expectOrphaned();
      // Restarted, the server has no document in memory and resolves the anchors against what the database holds.
      for (const s of streams.splice(0)) s.close();
      for (const p of providers.splice(0)) p.destroy();
      await server.restart();
      await expectOrphaned();
    });

    it('stores bodies exactly as written, returns them as JSON strings, and flags bidirectional and invisible characters', async () => {
      const submitted = await proposal(false);
      const script = '<script>alert("x")</script><img src=x onerror="alert(1)"> & &amp;';
      const res = await as('brazil.head').post('/api/comments', { targetKind: 'proposal', targetId: submitted, tier: 'committee', body: script });
      expect(res.status).toBe(201);
      expect(res.headers.get('content-type')).toMatch(/^application\/json/);
      expect((res.body.comment as Json).body).toBe(script);
      expect((res.body.comment as Json).textWarnings).toEqual([]);
      const pg = server.db.options.type === 'postgres';
      const stored = (await server.db.query(`SELECT body FROM comments WHERE id = ${pg ? '$1' : '?'}`, [String(res.body.id)])) as Array<{ body: string }>;
      expect(stored[0].body).toBe(script);

      const reversed = 'I agree with \u202Etxet siht\u202C entirely.';
      const flagged = await as('egypt.head').post(`/api/comments/${String(res.body.id)}/replies`, { body: reversed });
      expect(flagged.body).toMatchObject({ body: reversed, textWarnings: ['U+202E RIGHT-TO-LEFT OVERRIDE appears 1 time', 'U+202C POP DIRECTIONAL FORMATTING appears 1 time'] });
      const hidden = await as('egypt.head').patch(`/api/comments/${String(flagged.body.id)}`, { body: 'No\u200Bthing to see.' });
      expect(hidden.body).toMatchObject({ body: 'No\u200Bthing to see.', textWarnings: ['U+200B ZERO WIDTH SPACE appears 1 time'] });
      const [listed] = await threads('france.delegate', 'proposal', submitted);
      expect(listed.comment.body).toBe(script);
      expect(listed.replies[0]).toMatchObject({ body: 'No\u200Bthing to see.', textWarnings: ['U+200B ZERO WIDTH SPACE appears 1 time'] });
    });

    it.each([
      ['an unknown consolidated draft', { targetKind: 'document', targetId: consolidatedDocument(randomUUID(), 'en') }, 404, 'comment-target-not-found'],
      ['a document name that is no document', { targetKind: 'document', targetId: 'whatever' }, 404, 'comment-target-not-found'],
      ['an unknown drafting space', { targetKind: 'document', targetId: spaceDocument(randomUUID()) }, 404, 'comment-target-not-found'],
      ['an unknown proposal', { targetKind: 'proposal', targetId: randomUUID() }, 404, 'comment-target-not-found'],
      ['an unknown revision', { targetKind: 'revision', targetId: randomUUID() }, 404, 'revision-not-found'],
      ['an unknown kind of target', { targetKind: 'tweet', targetId: 'x' }, 400, 'validation-failed'],
    ])('answers a list of the comments on %s (%j) with %i %s', async (_what, query, status, code) => {
      const res = await as('egypt.delegate').get(`/api/comments?targetKind=${query.targetKind}&targetId=${encodeURIComponent(query.targetId)}`);
      expect(res.status).toBe(status);
      expect(res.body.error?.code).toBe(code);
    });

    it('refuses bad input with a clear JSON error', async () => {
      const draft = await open(consolidated, 'secretariat');
      const anchor = anchorPhrase(draft.doc, 'Illegal interception');
      const submitted = await proposal(false);
      const elsewhere = await freshDraft('Elsewhere\n\nArticle 1 Elsewhere\n1. Illegal interception happens here too.\n');
      await open(elsewhere, 'secretariat');
      const onProposal = (body: unknown) => ({ targetKind: 'proposal', targetId: submitted, tier: 'committee', body });
      const cases: Array<[string, unknown, number, string, RegExp?]> = [
        ['an empty body', onProposal(''), 400, 'validation-failed', /body must not be empty/],
        ['a body of white space', onProposal(' \n\t '), 400, 'validation-failed', /body must contain more than white space/],
        ['a body over 20,000 characters', onProposal('x'.repeat(20_001)), 400, 'validation-failed', /body must be at most 20000 characters/],
        ['a body that is no string', onProposal(42), 400, 'validation-failed', /body must be a string/],
        ['a 10 MB body', onProposal('x'.repeat(10 * 1024 * 1024)), 413, 'payload-too-large'],
        ['an unknown field', { ...onProposal('Hi.'), color: 'red' }, 400, 'validation-failed', /color is not something this request takes: leave it out/],
        ['a thread on an unknown proposal', { ...onProposal('Hi.'), targetId: randomUUID() }, 404, 'comment-target-not-found'],
        ['a thread on an unknown revision', { targetKind: 'revision', targetId: randomUUID(), provisionId: 'art-1', tier: 'committee', body: 'Hi.' }, 404, 'revision-not-found'],
        ['a revision thread without its provision', { targetKind: 'revision', targetId: randomUUID(), tier: 'committee', body: 'Hi.' }, 400, 'validation-failed', /provisionId is required/],
        ['a document thread without an anchor', { targetKind: 'document', targetId: consolidated, tier: 'committee', body: 'Hi.' }, 400, 'validation-failed', /anchor is required/],
        ['an anchor on a proposal', { ...onProposal('Hi.'), anchor }, 400, 'validation-failed', /anchor is only for document targets/],
        ['an anchor that is no base64', onDocument(consolidated, { ...anchor, start: '%%%' }, 'committee', 'Hi.'), 400, 'validation-failed', /anchor.start must be base64/],
        ['an anchor that is no relative position', onDocument(consolidated, { ...anchor, start: Buffer.from([255, 255, 255, 255]).toString('base64') }, 'committee', 'Hi.'), 422, 'invalid-anchor'],
        ['an anchor quoting other text', onDocument(consolidated, { ...anchor, quote: 'Legal interception' }, 'committee', 'Hi.'), 422, 'invalid-anchor', /reads "Illegal interception"/],
        ['an anchor made in another document', onDocument(elsewhere, anchor, 'committee', 'Hi.'), 422, 'invalid-anchor'],
        ['a thread on an unknown drafting space', onDocument(spaceDocument(randomUUID()), anchor, 'delegation', 'Hi.'), 404, 'comment-target-not-found'],
        ['an unknown tier', { ...onProposal('Hi.'), tier: 'secret' }, 400, 'validation-failed', /tier must be one of/],
      ];
      for (const [what, body, status, code, message] of cases) {
        const res = await as('brazil.head').post('/api/comments', body);
        expect({ what, status: res.status, code: res.body.error?.code }).toEqual({ what, status, code });
        if (message) expect(res.body.error?.message).toMatch(message);
      }
      const longest = await as('brazil.head').post('/api/comments', onProposal('x'.repeat(20_000)));
      expect(longest.status).toBe(201);
      expect((await as('brazil.head').post(`/api/comments/${String(longest.body.id)}/replies`, { body: '' })).status).toBe(400);
      expect((await as('brazil.head').patch(`/api/comments/${String(longest.body.id)}`, { body: 'y'.repeat(20_001) })).status).toBe(400);
      expect((await as('brazil.head').get('/api/comments/not-a-uuid')).status).toBe(400);
    });

    it('streams committee threads only to signed-in users, by bearer token or cookie, and closes the stream of a session that signs out', async () => {
      const path = `/api/comments/stream?targetKind=document&targetId=${encodeURIComponent(consolidated)}`;
      const anonymous = await openStream(server, path, {});
      expect(anonymous.status).toBe(401);
      const signIn = await client(server).post('/api/auth/login', { email: 'egypt.delegate@concord.test', password: 'concord-demo-2026' });
      const cookie = (signIn.headers.get('set-cookie') ?? '').split(';')[0];
      const byCookie = accepted(await openStream(server, path, { cookie }));
      streams.push(byCookie);
      await byCookie.next((e) => e.type === 'ready', 'the cookie stream to be ready');
      expect((await client(server).post('/api/auth/logout', undefined, { cookie, origin: server.url })).status).toBe(204);
      await byCookie.ended;
      expect((await openStream(server, path, { cookie })).status).toBe(401);
    });

    it('ends the stream of a session when it expires', async () => {
      const path = `/api/comments/stream?targetKind=document&targetId=${encodeURIComponent(consolidated)}`;
      const token = await login(server, 'egypt.delegate@concord.test');
      await expireSessionIn(server, token, 1_500);
      const stream = accepted(await openStream(server, path, { token }));
      streams.push(stream);
      await stream.next((e) => e.type === 'ready', 'the stream to be ready');
      await stream.ended;
      expect((await openStream(server, path, { token })).status).toBe(401);
    });
  });
}

describe('Comment flooding (SQLite)', () => {
  let server: TestServer;
  const providers: WebsocketProvider[] = [];
  beforeAll(async () => {
    server = await startServer(scratchSqlite(), { COMMENTS_PER_MINUTE: '3' });
  });
  afterAll(async () => {
    for (const p of providers) p.destroy();
    await server?.close();
  });

  it('refuses a user more than COMMENTS_PER_MINUTE comments, replies and edits a minute, and nobody else', async () => {
    const egypt = await login(server, 'egypt.delegate@concord.test');
    const brazil = await login(server, 'brazil.head@concord.test');
    const committeeId = String(((await client(server).get('/api/committees')).body.items as Json[])[0].id);
    const instrumentId = String(((await client(server, egypt).get(`/api/committees/${committeeId}/instruments`)).body.items as Json[])[0].id);
    const document = consolidatedDocument(instrumentId, 'en');
    const reader = provider(server, document, egypt);
    providers.push(reader);
    await synced(reader);
    const anchor = anchorPhrase(reader.doc, 'Illegal access');
    const post = (token: string, body: string) => client(server, token).post('/api/comments', { targetKind: 'document', targetId: document, anchor, tier: 'committee', body });
    const first = await post(egypt, 'First.');
    expect(first.status).toBe(201);
    const commentId = String((first.body.comment as Json).id);
    expect((await client(server, egypt).post(`/api/comments/${commentId}/replies`, { body: 'Second.' })).status).toBe(201);
    expect((await client(server, egypt).patch(`/api/comments/${commentId}`, { body: 'First, edited.' })).status).toBe(200);
    const refused = await post(egypt, 'Fourth.');
    expect(refused.status).toBe(429);
    expect(refused.body.error).toEqual({ code: 'too-many-comments', message: 'You have posted too many comments in the last minute; wait a moment and post again.' });
    // Nothing of the refused comment was stored, and another user is not held back.
    expect(((await client(server, egypt).get(`/api/comments?targetKind=document&targetId=${encodeURIComponent(document)}`)).body.items as Json[]).length).toBe(1);
    expect((await post(brazil, 'Brazil is not held back.')).status).toBe(201);
    // Reading and resolving are not counted.
    expect((await client(server, egypt).get(`/api/comments/${commentId}`)).status).toBe(200);
  });
});

const scaleOutSkip = POSTGRES_SKIP_REASON ?? (process.env.TEST_REDIS_URL ? null : 'skipped: TEST_REDIS_URL is not set (.ci/run sets it to the local Redis)');

describe.skipIf(scaleOutSkip !== null)(`Live comments across two instances over PostgreSQL and Redis${scaleOutSkip ? ` (${scaleOutSkip})` : ''}`, () => {
  let a: TestServer;
  let b: TestServer;
  const providers: WebsocketProvider[] = [];
  const streams: EventStream[] = [];

  beforeAll(async () => {
    const database = await scratchPostgres();
    const env = { REDIS_URL: process.env.TEST_REDIS_URL ?? '' };
    a = await startServer(database, env);
    b = await startServer(database, { ...env, DEMO_SEED: 'false' }, { ownsDatabase: false });
  });
  afterAll(async () => {
    for (const s of streams) s.close();
    for (const p of providers) p.destroy();
    await b?.close();
    await a?.close();
  });

  it("delivers a comment written through one instance to the other's streams, by the same visibility rule, and closes them on sign-out", async () => {
    const egyptOnA = await login(a, 'egypt.delegate@concord.test');
    const brazilOnB = await login(b, 'brazil.head@concord.test');
    const egyptHeadOnB = await login(b, 'egypt.head@concord.test');
    const committeeId = String(((await client(a).get('/api/committees')).body.items as Json[])[0].id);
    const instrumentId = String(((await client(a, egyptOnA).get(`/api/committees/${committeeId}/instruments`)).body.items as Json[])[0].id);
    const document = consolidatedDocument(instrumentId, 'en');
    const path = `/api/comments/stream?targetKind=document&targetId=${encodeURIComponent(document)}`;
    const [brazil, egypt] = await Promise.all(
      [brazilOnB, egyptHeadOnB].map(async (token) => {
        const stream = accepted(await openStream(b, path, { token }));
        streams.push(stream);
        await stream.next((e) => e.type === 'ready', 'a stream on instance B to be ready');
        return stream;
      }),
    );
    const reader = provider(a, document, egyptOnA);
    providers.push(reader);
    await synced(reader);
    const anchor = anchorPhrase(reader.doc, 'Illegal access');
    const post = (tier: string, body: string) => client(a, egyptOnA).post('/api/comments', { targetKind: 'document', targetId: document, anchor, tier, body });
    const internal = await post('delegation', 'Egypt only, across instances.');
    const shared = await post('committee', 'Everyone, across instances.');
    expect([internal.status, shared.status]).toEqual([201, 201]);

    await egypt.next(isCreated(String(shared.body.id)), 'Egypt on B to hear of the committee thread written on A');
    expect(egypt.events.some(isCreated(String(internal.body.id)))).toBe(true);
    await brazil.next(isCreated(String(shared.body.id)), 'Brazil on B to hear of the committee thread written on A');
    expect(JSON.stringify(brazil.events)).not.toContain('Egypt only');

    expect((await client(a, egyptHeadOnB).post('/api/auth/logout')).status).toBe(204);
    await egypt.ended;
  });

  it("delivers an inbox item caused through one instance to the user's stream on the other, with reads and sign-out", async () => {
    const egyptHeadOnA = await login(a, 'egypt.head@concord.test');
    const brazilOnB = await login(b, 'brazil.head@concord.test');
    const committeeId = String(((await client(a).get('/api/committees')).body.items as Json[])[0].id);
    const instrumentId = String(((await client(a, egyptHeadOnA).get(`/api/committees/${committeeId}/instruments`)).body.items as Json[])[0].id);
    const brazilId = String(((await client(b, brazilOnB).get('/api/auth/me')).body.user as Json).delegationId);
    const inbox = accepted(await openStream(b, '/api/inbox/stream', { token: brazilOnB }));
    streams.push(inbox);
    await inbox.next((e) => e.type === 'ready', 'the inbox stream on instance B to be ready');
    const space = await client(a, egyptHeadOnA).post(`/api/instruments/${instrumentId}/drafting-spaces`, { title: 'Across instances', language: 'en' });
    expect((await client(a, egyptHeadOnA).post(`/api/drafting-spaces/${String(space.body.id)}/co-sponsors`, { delegationId: brazilId })).status).toBe(201);
    const item = await inbox.next((e) => e.type === 'item' && JSON.stringify(e.data).includes('Across instances'), 'the invitation made on A to reach the stream on B');
    expect(item.data).toMatchObject({ item: { kind: 'co-sponsor-invitation', facts: { title: 'Across instances' } }, unread: expect.any(Number) });
    // Read through instance A, the count on B's stream follows.
    expect((await client(a, brazilOnB).post('/api/inbox/read-all', undefined, { origin: a.url })).body).toEqual({ unread: 0 });
    await inbox.next((e) => e.type === 'read' && (e.data as Json).unread === 0, 'the read count from A on B');
    expect((await client(a, brazilOnB).post('/api/auth/logout')).status).toBe(204);
    await inbox.ended;
  });
});
