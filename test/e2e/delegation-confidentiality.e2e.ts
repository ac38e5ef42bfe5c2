import { consolidatedDocument } from '@concord/domain';
import { treatyFragment } from '@concord/schema';
import { createHash, randomUUID } from 'node:crypto';
import type { WebsocketProvider } from 'y-websocket';
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import { type Anchor, anchorPhrase } from '../support/anchors';
import { closed, provider, rawSocket, relayed, synced } from '../support/collab';
import { BACKENDS } from '../support/databases';
import { client, login, startServer, type TestServer } from '../support/server';
import { accepted, type EventStream, openStream } from '../support/sse';
import { replaceText } from '../support/treaty-edit';

type Json = Record<string, unknown>;

// Words only Egypt's delegation has written: nobody outside it may ever be shown them.
const SECRET_TITLE = 'Egypt red lines on jurisdiction';
const SECRET_TEXT = 'never to be conceded under any circumstances';
const SECRET_COMMENT = 'Egypt internal: we fall back to option B only at the end';
const LATER_COMMENT = 'Egypt internal: second thoughts on option B';

/** Tables a refused call must leave exactly as they were. */
const WATCHED_TABLES = ['users', 'invitations', 'auth_sessions', 'audit_log', 'drafting_spaces', 'comments', 'proposals'];

for (const backend of BACKENDS) {
  describe.skipIf(backend.skip !== null)(`Delegation confidentiality against the secretariat on ${backend.name}${backend.skip ? ` (${backend.skip})` : ''}`, () => {
    let server: TestServer;
    const tokens: Record<string, string> = {};
    const ids: Record<string, string> = {};
    const providers: WebsocketProvider[] = [];
    let anchor: Anchor;
    /** A thread on the demo's consolidated draft. */
    const onDraft = (tier: string, body: string) => ({ targetKind: 'document', targetId: ids.consolidated, anchor, tier, body });
    const streams: EventStream[] = [];
    const as = (who: string) => client(server, tokens[who]);
    const members = (delegationId = ids.egypt) => `/api/delegations/${delegationId}/members`;
    const commentsPath = () => `/api/comments?targetKind=document&targetId=${encodeURIComponent(ids.consolidated)}`;
    const streamPath = () => `/api/comments/stream?targetKind=document&targetId=${encodeURIComponent(ids.consolidated)}`;

    /** A digest of every row of the watched tables, to prove that a refused call wrote nothing. */
    const fingerprint = async (): Promise<string> => {
      const hash = createHash('sha256');
      for (const table of WATCHED_TABLES) {
        const rows = (await server.db.query(`SELECT * FROM ${table}`)) as Json[];
        const lines = rows.map((row) => JSON.stringify(row, Object.keys(row).sort())).sort();
        hash.update(`${table}:${lines.join('\n')}\n`);
      }
      return hash.digest('hex');
    };

    /** Invites through the API and accepts through the invitation token, as the person holding the link would. */
    const inviteAndAccept = async (inviter: string, who: string, body: Json): Promise<Json> => {
      const invite = await as(inviter).post('/api/auth/invitations', body);
      expect(invite.status, JSON.stringify(invite.body)).toBe(201);
      const acceptedInvite = await client(server).post('/api/auth/accept-invitation', { token: String(invite.body.token), password: 'a long and unguessable passphrase' });
      expect(acceptedInvite.status, JSON.stringify(acceptedInvite.body)).toBe(200);
      tokens[who] = String(acceptedInvite.body.token);
      return acceptedInvite.body.user as Json;
    };

    const spaceText = (doc: WebsocketProvider['doc']) => treatyFragment(doc).toString();

    beforeAll(async () => {
      server = await startServer(await backend.create(), { LOGIN_ATTEMPTS_PER_MINUTE: '100' });
      for (const who of ['secretariat', 'egypt.head', 'egypt.delegate', 'brazil.head', 'admin']) tokens[who] = await login(server, `${who}@concord.test`);
      ids.committee = String(((await as('secretariat').get('/api/committees')).body.items as Json[])[0].id);
      ids.instrument = String(((await as('secretariat').get(`/api/committees/${ids.committee}/instruments`)).body.items as Json[])[0].id);
      ids.consolidated = consolidatedDocument(ids.instrument, 'en');
      for (const d of (await client(server).get(`/api/committees/${ids.committee}/delegations`)).body.items as Json[]) ids[String(d.code)] = String(d.id);
      ids.egypt = ids.EGY;
      const text = await as('secretariat').get(`/api/instruments/${ids.instrument}/text?lang=en`);
      const articles = ((text.body.doc as Json).content as Json[]).flatMap((n) => (n.type === 'chapter' ? (n.content as Json[]) : [n])).filter((n) => n.type === 'article');
      ids.article = String((articles[3].attrs as Json).id);

      const draft = provider(server, ids.consolidated, tokens['egypt.delegate']);
      await synced(draft);
      anchor = anchorPhrase(draft.doc, 'sovereign equality');
      draft.destroy();

      // Egypt drafts: a space with a secret title and text, a co-sponsor invitation, an internal comment.
      const space = await as('egypt.head').post(`/api/instruments/${ids.instrument}/drafting-spaces`, { title: SECRET_TITLE, language: 'en', provisionIds: [ids.article] });
      expect(space.status, JSON.stringify(space.body)).toBe(201);
      ids.space = String(space.body.id);
      ids.spaceDocument = String(space.body.document);
      const writer = provider(server, ids.spaceDocument, tokens['egypt.delegate']);
      await synced(writer);
      replaceText(writer.doc, 'sovereign equality', SECRET_TEXT);
      await relayed(server, ids.spaceDocument, tokens['egypt.head'], (doc) => spaceText(doc).includes(SECRET_TEXT));
      writer.destroy();
      expect((await as('egypt.head').post(`/api/drafting-spaces/${ids.space}/co-sponsors`, { delegationId: ids.BRA })).status).toBe(201);
      const comment = await as('egypt.delegate').post('/api/comments', onDraft('delegation', SECRET_COMMENT));
      expect(comment.status, JSON.stringify(comment.body)).toBe(201);
      ids.comment = String(comment.body.id);
      ids.egyptHead = String(((await as('egypt.head').get('/api/auth/me')).body.user as Json).id);
    });
    afterEach(() => {
      for (const s of streams.splice(0)) s.close();
      for (const p of providers.splice(0)) p.destroy();
    });
    afterAll(async () => server?.close());

    it("gives the secretariat's own recruit nothing of Egypt's drafts while Egypt's head has not confirmed it", async () => {
      const mole = await inviteAndAccept('secretariat', 'mole', { email: 'mole@egypt.example', displayName: 'Planted Member', roles: ['delegate'], delegationId: ids.egypt, committeeId: ids.committee });
      ids.mole = String(mole.id);
      expect(mole).toMatchObject({ delegationId: null, pendingDelegationId: ids.egypt, roles: ['delegate'] });
      expect((await as('mole').get('/api/auth/me')).body.user).toMatchObject({ delegationId: null, pendingDelegationId: ids.egypt });

      const before = await fingerprint();
      const listed = await as('mole').get('/api/drafting-spaces');
      expect(listed.status).toBe(200);
      expect(listed.body.items).toEqual([]);
      expect((await as('mole').get(`/api/drafting-spaces/${ids.space}`)).status).toBe(404);
      const socket = rawSocket(server, ids.spaceDocument, tokens.mole);
      const received: Buffer[] = [];
      socket.on('message', (data: Buffer) => received.push(data));
      expect([4403, 4404]).toContain((await closed(socket)).code);
      expect(Buffer.concat(received).toString('latin1')).not.toContain('never to be conceded');
      const threads = await as('mole').get(commentsPath());
      expect(threads.status).toBe(200);
      expect(JSON.stringify(threads.body)).not.toContain(SECRET_COMMENT);
      expect((await as('mole').get(`/api/comments/${ids.comment}`)).status).toBe(404);
      expect((await as('mole').post(`/api/instruments/${ids.instrument}/drafting-spaces`, { title: 'Mine', language: 'en' })).status).toBe(403);
      expect((await as('mole').post('/api/comments', onDraft('delegation', 'x'))).status).toBe(403);
      expect((await as('mole').post(`${members()}/${ids.mole}/confirm`)).status).toBe(403);
      expect(await fingerprint()).toBe(before);

      // Its comment stream does not carry Egypt's internal thread: a committee-tier thread posted after it arrives
      // alone (events reach a stream in order).
      const stream = accepted(await openStream(server, streamPath(), { token: tokens.mole }));
      streams.push(stream);
      await stream.next((e) => e.type === 'ready', "the recruit's stream to be ready");
      expect((await as('egypt.delegate').post('/api/comments', onDraft('delegation', LATER_COMMENT))).status).toBe(201);
      const open = await as('brazil.head').post('/api/comments', onDraft('committee', 'Brazil, for everyone.'));
      expect(open.status).toBe(201);
      await stream.next((e) => e.type === 'thread-created' && (e.data as Json).id === open.body.id, 'the committee-tier thread');
      expect(JSON.stringify(stream.events)).not.toContain('Egypt internal');
    });

    it("shows Egypt's head the pending member, who added it and when; only that head may confirm or remove", async () => {
      const list = await as('egypt.head').get(members());
      expect(list.status).toBe(200);
      const items = list.body.items as Json[];
      expect(items.find((m) => m.userId === ids.mole)).toMatchObject({ membership: 'pending', displayName: 'Planted Member', addedBy: { displayName: 'Lena Okafor' } });
      expect(Date.parse(String(items.find((m) => m.userId === ids.mole)?.addedAt))).toBeGreaterThan(Date.now() - 600_000);
      expect(items.find((m) => m.userId === ids.egyptHead)).toMatchObject({ membership: 'confirmed', addedBy: null });

      // A second committee, whose own head of delegation is confirmed at once (its delegation had nobody yet).
      const other = await as('admin').post('/api/committees', { name: 'Second committee', symbolPrefix: 'A/AC.999' });
      expect(other.status, JSON.stringify(other.body)).toBe(201);
      ids.otherCommittee = String(other.body.id);
      const otherDelegation = await as('admin').post(`/api/committees/${ids.otherCommittee}/delegations`, { code: 'NOR', kind: 'member-state', names: { en: 'Norway' } });
      expect(otherDelegation.status).toBe(201);
      const outsider = await inviteAndAccept('admin', 'other.head', { email: 'head@norway.example', displayName: 'Norway Head', roles: ['head-of-delegation'], delegationId: otherDelegation.body.id, committeeId: ids.otherCommittee });
      expect(outsider).toMatchObject({ delegationId: otherDelegation.body.id, pendingDelegationId: null });
      await inviteAndAccept('admin', 'other.secretariat', { email: 'secretariat@second.example', displayName: 'Second Secretariat', roles: ['secretariat'], committeeId: ids.otherCommittee });

      const before = await fingerprint();
      const refused: Record<string, number> = { secretariat: 403, admin: 403, 'brazil.head': 403, 'egypt.delegate': 403, mole: 403, 'other.head': 404, 'other.secretariat': 404 };
      for (const [who, status] of Object.entries(refused)) {
        expect((await as(who).get(members())).status, `${who} lists`).toBe(status);
        expect((await as(who).post(`${members()}/${ids.mole}/confirm`)).status, `${who} confirms`).toBe(status);
        expect((await as(who).delete(`${members()}/${ids.egyptHead}`)).status, `${who} removes`).toBe(status);
      }
      expect((await client(server).get(members())).status).toBe(401);
      expect((await client(server).post(`${members()}/${ids.mole}/confirm`)).status).toBe(401);
      expect((await client(server).delete(`${members()}/${ids.mole}`)).status).toBe(401);
      // The head itself: not someone outside the delegation, not itself, not a member twice confirmed.
      expect((await as('egypt.head').post(`${members()}/${ids.space}/confirm`)).status).toBe(404);
      expect((await as('egypt.head').post(`${members(ids.BRA)}/${ids.mole}/confirm`)).status).toBe(403);
      expect((await as('egypt.head').delete(`${members()}/${ids.egyptHead}`)).status).toBe(409);
      expect((await as('egypt.head').post(`${members()}/${ids.egyptHead}/confirm`)).status).toBe(409);
      expect((await as('egypt.head').get(members(randomUUID()))).status).toBe(404);
      expect(await fingerprint()).toBe(before);
    });

    it('gives the member access once the head confirms it, and takes it away the moment the head removes it', async () => {
      const confirmed = await as('egypt.head').post(`${members()}/${ids.mole}/confirm`);
      expect(confirmed.status, JSON.stringify(confirmed.body)).toBe(200);
      expect(confirmed.body).toMatchObject({ userId: ids.mole, membership: 'confirmed' });
      expect((await as('mole').get('/api/auth/me')).body.user).toMatchObject({ delegationId: ids.egypt, pendingDelegationId: null });
      expect(((await as('mole').get('/api/drafting-spaces')).body.items as Json[]).map((s) => s.id)).toContain(ids.space);
      expect((await as('mole').get(`/api/drafting-spaces/${ids.space}`)).body).toMatchObject({ title: SECRET_TITLE });
      expect(JSON.stringify((await as('mole').get(commentsPath())).body)).toContain(SECRET_COMMENT);
      const reader = provider(server, ids.spaceDocument, tokens.mole);
      providers.push(reader);
      await synced(reader);
      expect(spaceText(reader.doc)).toContain(SECRET_TEXT);
      const socket = rawSocket(server, ids.spaceDocument, tokens.mole);
      const socketClosed = closed(socket);
      await new Promise((resolve) => socket.once('open', resolve));
      const stream = accepted(await openStream(server, streamPath(), { token: tokens.mole }));
      streams.push(stream);
      await stream.next((e) => e.type === 'ready', "the member's stream to be ready");

      const removed = await as('egypt.head').delete(`${members()}/${ids.mole}`);
      expect(removed.status, JSON.stringify(removed.body)).toBe(204);
      expect([4401, 4403]).toContain((await socketClosed).code);
      await stream.ended;
      expect((await as('mole').get('/api/drafting-spaces')).status).toBe(401);
      const again = await login(server, 'mole@egypt.example', 'a long and unguessable passphrase');
      expect((await client(server, again).get('/api/auth/me')).body.user).toMatchObject({ delegationId: null, pendingDelegationId: null, roles: [] });
      expect((await client(server, again).get(`/api/drafting-spaces/${ids.space}`)).status).toBe(404);
      expect(((await as('egypt.head').get(members())).body.items as Json[]).map((m) => m.userId)).not.toContain(ids.mole);
    });

    it("refuses an account whose role does not fit its delegation's kind, such as an observer attached to Egypt", async () => {
      // Observers read their own delegation's drafts (an observer organization's written comments): an observer
      // account tied to a Member State would hand that State's drafts to whoever created it, with no head to confirm.
      const before = await fingerprint();
      const cases: Array<[string, Json]> = [
        ['secretariat', { roles: ['observer'], delegationId: ids.egypt }],
        ['admin', { roles: ['observer'], delegationId: ids.egypt }],
        ['secretariat', { roles: ['observer'], delegationId: ids.EU }],
        ['secretariat', { roles: ['delegate'], delegationId: ids.COE }],
        ['secretariat', { roles: ['head-of-delegation'], delegationId: ids.SECRETARIAT }],
        ['secretariat', { roles: ['observer', 'delegate'], delegationId: ids.egypt }],
      ];
      for (const [inviter, fields] of cases) {
        const refused = await as(inviter).post('/api/auth/invitations', { email: 'spy@example.org', displayName: 'Spy', committeeId: ids.committee, ...fields });
        expect(refused.status, `${inviter} ${JSON.stringify(fields)}`).toBe(400);
        expect(String(refused.body.error?.message)).toMatch(/choose another delegation or another role/);
      }
      expect(await fingerprint()).toBe(before);
    });

    it("holds an observer the secretariat adds to an observer organization until one of the organization's observers confirms it", async () => {
      // An observer organization's drafts (its written comments) are as much its own as a Member State's.
      const second = await inviteAndAccept('secretariat', 'second.observer', { email: 'second.observer@coe.example', displayName: 'Second Observer', committeeId: ids.committee, roles: ['observer'], delegationId: ids.COE });
      expect(second).toMatchObject({ delegationId: null, pendingDelegationId: ids.COE, roles: ['observer'] });
      tokens.observer = await login(server, 'observer@concord.test');
      const coeMembers = `/api/delegations/${ids.COE}/members`;
      // Refused: the pending observer itself, an observer on Egypt's members, Egypt's head and the secretariat on the
      // organization's, and anonymous callers; none of them writes anything.
      const beforeRefusals = await fingerprint();
      expect((await as('second.observer').post(`${coeMembers}/${String(second.id)}/confirm`)).status).toBe(403);
      expect((await as('observer').get(members())).status).toBe(403);
      expect((await as('observer').post(`${members()}/${ids.mole}/confirm`)).status).toBe(403);
      expect((await as('egypt.head').post(`${coeMembers}/${String(second.id)}/confirm`)).status).toBe(403);
      expect((await as('secretariat').post(`${coeMembers}/${String(second.id)}/confirm`)).status).toBe(403);
      expect((await client(server).get(coeMembers)).status).toBe(401);
      expect((await client(server).post(`${coeMembers}/${String(second.id)}/confirm`)).status).toBe(401);
      expect(await fingerprint()).toBe(beforeRefusals);
      const listed = await as('observer').get(coeMembers);
      expect(listed.status).toBe(200);
      expect((listed.body.items as Json[]).find((m) => m.userId === second.id)).toMatchObject({ membership: 'pending', addedBy: { displayName: 'Lena Okafor' } });
      expect((await as('observer').post(`${coeMembers}/${String(second.id)}/confirm`)).status).toBe(200);
      expect((await as('second.observer').get('/api/auth/me')).body.user).toMatchObject({ delegationId: ids.COE, pendingDelegationId: null });
      // An observer may bring in a colleague of its own organization, confirmed at once, and nobody into a State's.
      const colleague = await inviteAndAccept('observer', 'third.observer', { email: 'third.observer@coe.example', displayName: 'Third Observer', committeeId: ids.committee, roles: ['observer'], delegationId: ids.COE });
      expect(colleague).toMatchObject({ delegationId: ids.COE, pendingDelegationId: null });
      expect((await as('observer').post('/api/auth/invitations', { email: 'x@egypt.example', displayName: 'X', committeeId: ids.committee, roles: ['delegate'], delegationId: ids.egypt })).status).toBe(403);
    });

    it('confirms at once a member its own head invites', async () => {
      const own = await inviteAndAccept('egypt.head', 'trusted', { email: 'trusted@egypt.example', displayName: 'Trusted Adviser', roles: ['delegate'], delegationId: ids.egypt, committeeId: ids.committee });
      expect(own).toMatchObject({ delegationId: ids.egypt, pendingDelegationId: null });
      expect((await as('trusted').get(`/api/drafting-spaces/${ids.space}`)).status).toBe(200);
    });

    it('shows the secretariat and the administrator that delegation-tier actions happened, and nothing that identifies them', async () => {
      const forbidden = [SECRET_TITLE, SECRET_TEXT, SECRET_COMMENT, LATER_COMMENT, ids.space, ids.comment, ids.article, 'drafting-space.', 'co-sponsor'];
      for (const who of ['secretariat', 'admin']) {
        const log = await as(who).get('/api/audit?limit=500');
        expect(log.status).toBe(200);
        const text = JSON.stringify(log.body);
        for (const secret of forbidden) expect(text, `${who} must not see ${secret}`).not.toContain(secret);
        const redacted = (log.body.items as Json[]).filter((row) => row.redacted === true);
        // The space's creation, the invitation to co-sponsor, the two internal comments.
        expect(redacted.length).toBeGreaterThanOrEqual(4);
        for (const row of redacted) expect(row).toMatchObject({ actorId: null, entityType: '', entityId: '', before: null, after: null });
        // The membership acts are the committee's to see.
        expect(text).toContain('delegation.member.confirm');
        expect(text).toContain('delegation.member.remove');
      }
      // Paging back from a row gives the rows before it.
      const newest = ((await as('secretariat').get('/api/audit?limit=3')).body.items as Json[]).map((row) => Number(row.seq));
      const older = ((await as('secretariat').get(`/api/audit?limit=3&before=${newest[2]}`)).body.items as Json[]).map((row) => Number(row.seq));
      expect(older).toHaveLength(3);
      expect(Math.max(...older)).toBeLessThan(newest[2]);
      // An empty page marker is not the number 0 (the fuzzer found it read as one): it is refused, naming the parameter.
      const empty = await as('secretariat').get('/api/audit?before=');
      expect(empty.status).toBe(400);
      expect(empty.body.error?.message).toContain('before must be a whole number');
      expect((await as('egypt.head').get('/api/audit')).status).toBe(403);
      // The second committee's secretariat sees its own committee's rows only.
      const other = await as('other.secretariat').get('/api/audit?limit=500');
      expect(other.status).toBe(200);
      const otherText = JSON.stringify(other.body);
      expect(otherText).toContain(ids.otherCommittee);
      for (const foreign of [ids.committee, ids.egypt, ids.egyptHead, 'Egypt']) expect(otherText).not.toContain(foreign);
    });
  });
}
