import { treatyFragment } from '@concord/schema';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { WebsocketProvider } from 'y-websocket';
import { provider, synced, until } from '../support/collab';
import { BACKENDS } from '../support/databases';
import { client, login, startServer, type TestServer } from '../support/server';
import { replaceText } from '../support/treaty-edit';

type Json = Record<string, unknown>;

for (const backend of BACKENDS) {
  describe.skipIf(backend.skip !== null)(`Drafting spaces and proposals on ${backend.name}${backend.skip ? ` (${backend.skip})` : ''}`, () => {
    let server: TestServer;
    const tokens: Record<string, string> = {};
    const delegations: Record<string, string> = {};
    const providers: WebsocketProvider[] = [];
    let instrumentId: string;
    let sovereignty: string;
    let committeeId: string;
    const as = (who: string) => client(server, tokens[who]);

    /** Opens a space on the sovereignty article as Egypt's head and edits it as Egypt's delegate. */
    /** `replacement` must not occur in the base text: the helper waits until a second client sees it. */
    async function draft(title: string, find?: string, replacement?: string): Promise<string> {
      const created = await as('egypt.head').post(`/api/instruments/${instrumentId}/drafting-spaces`, { title, language: 'en', provisionIds: [sovereignty] });
      expect(created.status).toBe(201);
      if (find && replacement !== undefined) {
        const writer = provider(server, String(created.body.document), tokens['egypt.delegate']);
        const reader = provider(server, String(created.body.document), tokens['egypt.head']);
        providers.push(writer, reader);
        await Promise.all([synced(writer), synced(reader)]);
        replaceText(writer.doc, find, replacement);
        await until(() => treatyFragment(reader.doc).toString().includes(replacement), 'the edit to be stored and relayed');
      }
      return String(created.body.id);
    }

    beforeAll(async () => {
      server = await startServer(await backend.create());
      for (const who of ['secretariat', 'egypt.head', 'egypt.delegate', 'brazil.head', 'eu.head', 'france.delegate', 'observer']) {
        tokens[who] = await login(server, `${who}@concord.test`);
      }
      committeeId = String(((await client(server).get('/api/committees')).body.items as Json[])[0].id);
      for (const d of (await client(server).get(`/api/committees/${committeeId}/delegations`)).body.items as Json[]) delegations[String(d.code)] = String(d.id);
      instrumentId = String(((await as('secretariat').get(`/api/committees/${committeeId}/instruments`)).body.items as Json[])[0].id);
      const text = await as('secretariat').get(`/api/instruments/${instrumentId}/text?lang=en`);
      const articles = ((text.body.doc as Json).content as Json[]).flatMap((n) => (n.type === 'chapter' ? (n.content as Json[]) : [n])).filter((n) => n.type === 'article');
      sovereignty = String(((articles.find((a) => JSON.stringify(a).includes('Protection of sovereignty')) as Json).attrs as Json).id);
    });
    afterAll(async () => {
      for (const p of providers) p.destroy();
      await server?.close();
    });

    it('keeps a draft to its delegation, then submits it with co-sponsors, its change set and flagged characters', async () => {
      const spaceId = await draft('Sovereignty', 'sovereign equality', 'sovereign equality and political independence');
      expect((await as('secretariat').get(`/api/drafting-spaces/${spaceId}`)).status).toBe(404);
      expect((await as('brazil.head').get(`/api/drafting-spaces/${spaceId}`)).status).toBe(404);

      const invited = await as('egypt.head').post(`/api/drafting-spaces/${spaceId}/co-sponsors`, { delegationId: delegations.BRA });
      expect(invited.body).toMatchObject({ invitedCoSponsorIds: [delegations.BRA], coSponsorIds: [] });
      expect((await as('brazil.head').get(`/api/drafting-spaces/${spaceId}`)).status).toBe(200);
      expect((await as('eu.head').post(`/api/drafting-spaces/${spaceId}/co-sponsors/accept`)).body.error?.code).toBe('drafting-space-not-found');
      const accepted = await as('brazil.head').post(`/api/drafting-spaces/${spaceId}/co-sponsors/accept`);
      expect(accepted.body).toMatchObject({ invitedCoSponsorIds: [], coSponsorIds: [delegations.BRA] });

      expect((await as('egypt.delegate').post(`/api/drafting-spaces/${spaceId}/submit`, { justification: 'x' })).status).toBe(403);
      expect((await as('secretariat').get('/api/proposals')).body.items).toEqual([]);
      const submitted = await as('egypt.head').post(`/api/drafting-spaces/${spaceId}/submit`, { justification: 'Sovereignty <script>alert(1)</script> matters\u202E.' });
      expect(submitted.status).toBe(201);
      expect(submitted.body).toMatchObject({
        status: 'submitted',
        sponsorDelegationId: delegations.EGY,
        coSponsorIds: [delegations.BRA],
        provisionIds: [sovereignty],
        late: false,
        justification: 'Sovereignty <script>alert(1)</script> matters\u202E.',
        textWarnings: ['justification: U+202E RIGHT-TO-LEFT OVERRIDE appears 1 time'],
      });
      const changes = submitted.body.changes as Json[];
      expect(changes).toHaveLength(1);
      // "…sovereign equality and territorial…" gains "political independence and" (jsdiff aligns on the shared "and").
      expect(changes[0]).toMatchObject({ kind: 'text', edits: [{ deleted: '', inserted: 'political independence and ' }] });
      expect(String(changes[0].after)).toContain('sovereign equality and political independence and territorial integrity');
      expect((submitted.body.history as Json[]).map((h) => [h.from, h.to])).toEqual([['draft', 'submitted']]);
      // Named by the delegation the head acted for, never by the person's name.
      expect((submitted.body.history as Json[])[0].actor).toEqual({ body: 'delegation', delegationId: delegations.EGY });

      const proposalId = String(submitted.body.id);
      expect((await as('secretariat').get(`/api/proposals/${proposalId}`)).status).toBe(200);
      expect((await as('observer').get(`/api/proposals/${proposalId}`)).status).toBe(404);
      expect((await as('observer').get('/api/proposals')).body.items).toEqual([]);
    });

    it('lets other delegations declare and withdraw support, and only the sponsor withdraw the proposal', async () => {
      const spaceId = await draft('Interception', 'sovereign equality', 'sovereign equality of all States');
      const submitted = await as('egypt.head').post(`/api/drafting-spaces/${spaceId}/submit`, { justification: 'Clarity.' });
      const id = String(submitted.body.id);
      expect((await as('egypt.head').post(`/api/proposals/${id}/support`)).status).toBe(403);
      expect((await as('france.delegate').post(`/api/proposals/${id}/support`)).status).toBe(403);
      expect((await as('eu.head').post(`/api/proposals/${id}/support`)).body.supporterIds).toEqual([delegations.EU]);
      expect((await as('eu.head').post(`/api/proposals/${id}/support`)).body.error?.code).toBe('already-supported');
      expect((await as('eu.head').delete(`/api/proposals/${id}/support`)).body.supporterIds).toEqual([]);
      expect((await as('brazil.head').post(`/api/proposals/${id}/withdraw`)).status).toBe(403);
      const withdrawn = await as('egypt.head').post(`/api/proposals/${id}/withdraw`);
      expect(withdrawn.body).toMatchObject({ status: 'withdrawn' });
      expect((await as('egypt.head').post(`/api/proposals/${id}/withdraw`)).body.error?.code).toBe('invalid-transition');
    });

    it('supersedes a proposal with a revised one, records outcomes, flags late ones and refuses empty ones', async () => {
      const first = await as('egypt.head').post(`/api/drafting-spaces/${await draft('First', 'territorial integrity', 'territorial integrity of all States')}/submit`, { justification: 'One.' });
      expect(first.body.error).toBeUndefined();
      const second = await as('egypt.head').post(`/api/drafting-spaces/${await draft('Second', 'territorial integrity', 'the territorial integrity')}/submit`, {
        justification: 'Revised.',
        supersedesId: first.body.id,
      });
      expect(second.status).toBe(201);
      expect((await as('secretariat').get(`/api/proposals/${String(first.body.id)}`)).body).toMatchObject({ status: 'superseded' });
      expect((await as('egypt.head').post(`/api/proposals/${String(second.body.id)}/outcome`, { status: 'incorporated' })).status).toBe(403);
      expect((await as('secretariat').post(`/api/proposals/${String(second.body.id)}/outcome`, { status: 'incorporated' })).body).toMatchObject({ status: 'incorporated' });
      expect((await as('secretariat').post(`/api/proposals/${String(second.body.id)}/outcome`, { status: 'not-retained' })).body.error?.code).toBe('invalid-transition');

      const empty = await as('egypt.head').post(`/api/drafting-spaces/${await draft('Nothing')}/submit`, { justification: 'None.' });
      expect(empty.status).toBe(422);
      expect(empty.body.error?.code).toBe('empty-proposal');

      const sessions = (await client(server).get(`/api/committees/${committeeId}/sessions`)).body.items as Json[];
      await as('secretariat').patch(`/api/sessions/${String(sessions[0].id)}`, { proposalDeadline: '2020-01-01T00:00:00Z' });
      const late = await as('egypt.head').post(`/api/drafting-spaces/${await draft('Late', 'non-intervention', 'non-interference')}/submit`, { justification: 'Late.' });
      expect(late.body).toMatchObject({ late: true, sessionId: sessions[0].id });
    });

    it.each([
      ['an unknown drafting space', () => as('egypt.head').post('/api/drafting-spaces/00000000-0000-4000-8000-000000000000/submit', { justification: 'x' }), 404, 'drafting-space-not-found'],
      ['an empty justification', () => as('egypt.head').post('/api/drafting-spaces/00000000-0000-4000-8000-000000000000/submit', { justification: '' }), 400, 'validation-failed'],
      ['a space on an unknown article', () => as('egypt.head').post(`/api/instruments/${instrumentId}/drafting-spaces`, { title: 'x', language: 'en', provisionIds: ['nope'] }), 400, 'validation-failed'],
      ['a space in a language the instrument lacks', () => as('egypt.head').post(`/api/instruments/${instrumentId}/drafting-spaces`, { title: 'x', language: 'ar' }), 404, 'language-not-available'],
    ])('refuses %s', async (_what, call, status, code) => {
      const res = await call();
      expect(res.status).toBe(status);
      expect(res.body.error?.code).toBe(code);
    });
  });
}
