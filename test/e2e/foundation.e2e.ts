import { Document, Packer, Paragraph } from 'docx';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { BACKENDS } from '../support/databases';
import { client, login, runCli, startServer, type TestServer } from '../support/server';

type Json = Record<string, unknown>;

for (const backend of BACKENDS) {
  const title = backend.skip ? `Foundation on ${backend.name} (${backend.skip})` : `Foundation on ${backend.name}`;
  describe.skipIf(backend.skip !== null)(title, () => {
    let server: TestServer;
    let committeeId: string;
    let secretariat: string;

    beforeAll(async () => {
      server = await startServer(await backend.create(), { LOGIN_ATTEMPTS_PER_MINUTE: '5', MAX_BODY_BYTES: '4096' });
      const committees = await client(server).get('/api/committees');
      committeeId = String((committees.body.items as Json[])[0].id);
      secretariat = await login(server, 'secretariat@concord.test');
    });
    afterAll(async () => server?.close());

    const count = async (table: string): Promise<number> => {
      const rows = (await server.db.query(`SELECT COUNT(*) AS n FROM ${table}`)) as Array<{ n: string | number }>;
      return Number(rows[0].n);
    };

    it('reports health without signing in', async () => {
      const res = await client(server).get('/api/health');
      expect(res.status).toBe(200);
      expect(res.body).toMatchObject({ status: 'ok', database: backend.name === 'SQLite' ? 'sqlite' : 'postgres' });
    });

    it('serves the OpenAPI description', async () => {
      const res = await client(server).get('/api/docs-json');
      expect(res.status).toBe(200);
      expect(Object.keys(res.body.paths as Json)).toEqual(expect.arrayContaining(['/api/auth/login', '/api/committees/{id}/sessions', '/api/instruments/{id}/text']));
    });

    it('signs in with a password and answers /me through the bearer token and through the cookie', async () => {
      const res = await client(server).post('/api/auth/login', { email: 'Egypt.Head@concord.test', password: 'concord-demo-2026' });
      expect(res.status).toBe(200);
      expect(res.body.user).toMatchObject({ email: 'egypt.head@concord.test', roles: ['head-of-delegation'] });
      const cookie = res.headers.get('set-cookie') ?? '';
      expect(cookie).toMatch(/concord_session=[^;]+;.*HttpOnly/i);
      expect((await client(server, String(res.body.token)).get('/api/auth/me')).body.user).toMatchObject({ displayName: 'Ahmed Farouk' });
      const viaCookie = await client(server).get('/api/auth/me', { cookie: cookie.split(';')[0] });
      expect(viaCookie.status).toBe(200);
    });

    it('revokes the session on logout', async () => {
      const token = await login(server, 'france.delegate@concord.test');
      expect((await client(server, token).post('/api/auth/logout')).status).toBe(204);
      const after = await client(server, token).get('/api/auth/me');
      expect(after.status).toBe(401);
      expect(after.body.error?.code).toBe('unauthenticated');
    });

    it('refuses a wrong password, then rate-limits repeated attempts', async () => {
      const attempt = () => client(server).post('/api/auth/login', { email: 'brazil.head@concord.test', password: 'wrong password' });
      const first = await attempt();
      expect(first.status).toBe(401);
      expect(first.body.error?.code).toBe('invalid-credentials');
      const statuses = [];
      for (let i = 0; i < 6; i += 1) statuses.push((await attempt()).status);
      expect(statuses.at(-1)).toBe(429);
      expect((await attempt()).body.error?.code).toBe('too-many-attempts');
    });

    it('invites a user, who sets a password through the one-time link and signs in', async () => {
      const delegations = (await client(server).get(`/api/committees/${committeeId}/delegations`)).body.items as Json[];
      const brazil = delegations.find((d) => d.code === 'BRA');
      const invite = await client(server, secretariat).post('/api/auth/invitations', {
        email: 'new.delegate@brazil.example',
        displayName: 'Beatriz Lima',
        roles: ['delegate'],
        delegationId: brazil?.id,
        committeeId,
      });
      expect(invite.status).toBe(201);
      expect(String(invite.body.inviteUrl)).toMatch(/\/invite\/[A-Za-z0-9_-]{40,}$/);
      const token = String(invite.body.token);
      expect((await client(server).post('/api/auth/login', { email: 'new.delegate@brazil.example', password: 'anything at all' })).status).toBe(401);
      const accepted = await client(server).post('/api/auth/accept-invitation', { token, password: 'a long enough passphrase' });
      expect(accepted.status).toBe(200);
      expect(accepted.body.user).toMatchObject({ email: 'new.delegate@brazil.example', active: true });
      expect(await login(server, 'new.delegate@brazil.example', 'a long enough passphrase')).toBeTruthy();
      const again = await client(server).post('/api/auth/accept-invitation', { token, password: 'another passphrase!' });
      expect(again.status).toBe(410);
      expect(again.body.error?.code).toBe('invitation-invalid');
    });

    it('lets a head of delegation invite only into its own delegation', async () => {
      const head = await login(server, 'egypt.head@concord.test');
      const me = (await client(server, head).get('/api/auth/me')).body.user as Json;
      const own = await client(server, head).post('/api/auth/invitations', { email: 'second@egypt.example', displayName: 'Second', roles: ['delegate'], delegationId: me.delegationId, committeeId });
      expect(own.status).toBe(201);
      const secretariatRole = await client(server, head).post('/api/auth/invitations', { email: 'x@egypt.example', displayName: 'X', roles: ['secretariat'], delegationId: me.delegationId, committeeId });
      expect(secretariatRole.status).toBe(403);
    });

    it('denies by role: a delegate cannot create a delegation, an observer cannot read committee texts, anonymous gets 401', async () => {
      const before = await count('delegations');
      const delegate = await login(server, 'egypt.delegate@concord.test');
      const created = await client(server, delegate).post(`/api/committees/${committeeId}/delegations`, { code: 'XYZ', kind: 'member-state', names: { en: 'Xyz' } });
      expect(created.status).toBe(403);
      expect(created.body.error?.code).toBe('forbidden');
      const observer = await login(server, 'observer@concord.test');
      const read = await client(server, observer).get(`/api/committees/${committeeId}/instruments`);
      expect(read.status).toBe(403);
      const anonymous = await client(server).get(`/api/committees/${committeeId}/instruments`);
      expect(anonymous.status).toBe(401);
      expect(anonymous.body).toEqual({ error: { code: 'unauthenticated', message: expect.any(String) } });
      expect(await count('delegations')).toBe(before);
    });

    it.each([
      ['malformed JSON', '{"code": "ABC",', 400, 'malformed-json'],
      ['an unknown field', { code: 'ABC', kind: 'member-state', names: { en: 'Abc' }, colour: 'red' }, 400, 'validation-failed'],
      ['a wrong type', { code: 42, kind: 'member-state', names: { en: 'Abc' } }, 400, 'validation-failed'],
      ['an unknown kind', { code: 'ABC', kind: 'planet', names: { en: 'Abc' } }, 400, 'validation-failed'],
      ['no name in any language', { code: 'ABC', kind: 'member-state', names: {} }, 400, 'validation-failed'],
      ['an oversized body', { code: 'ABC', kind: 'member-state', names: { en: 'x'.repeat(5000) } }, 413, 'payload-too-large'],
    ])('refuses %s with a JSON error and writes no row', async (_what, body, status, code) => {
      const before = await count('delegations');
      const res = await client(server, secretariat).post(`/api/committees/${committeeId}/delegations`, body, { 'content-type': 'application/json' });
      expect(res.status).toBe(status);
      expect(Object.keys(res.body)).toEqual(['error']);
      expect(res.body.error).toMatchObject({ code, message: expect.any(String) });
      expect(Object.keys(res.body.error ?? {}).every((key) => ['code', 'message', 'details'].includes(key))).toBe(true);
      expect(JSON.stringify(res.body)).not.toMatch(/at \w+ \(|node_modules|\.ts:\d+/);
      expect(await count('delegations')).toBe(before);
    });

    it('answers unknown routes with a JSON 404', async () => {
      const res = await client(server, secretariat).get('/api/no/such/thing');
      expect(res.status).toBe(404);
      expect(res.body).toEqual({ error: { code: 'route-not-found', message: expect.any(String) } });
    });

    it('creates and updates sessions and delegations with group membership', async () => {
      const api = client(server, secretariat);
      const session = await api.post(`/api/committees/${committeeId}/sessions`, {
        number: 2,
        title: 'Second session',
        venue: 'Vienna',
        startDate: '2027-05-30',
        endDate: '2027-06-10',
        proposalDeadline: '2027-05-01T17:00:00Z',
      });
      expect(session.status).toBe(201);
      expect(session.body).toMatchObject({ number: 2, proposalDeadline: '2027-05-01T17:00:00.000Z' });
      const clash = await api.post(`/api/committees/${committeeId}/sessions`, { number: 2, title: 'Again', venue: 'Vienna', startDate: '2027-05-30', endDate: '2027-06-10', proposalDeadline: '2027-05-01T17:00:00Z' });
      expect(clash.body.error?.code).toBe('session-number-taken');
      const backwards = await api.patch(`/api/sessions/${String(session.body.id)}`, { endDate: '2027-05-01' });
      expect(backwards.body.error?.code).toBe('invalid-dates');
      // Dates no session has (a slip of the keyboard), a day no calendar has, and proposals due after the session ended.
      const absurd: Array<[Json, string]> = [
        [{ startDate: '1900-01-01' }, '1900-01-01 is not a plausible date for a session'],
        [{ endDate: '9999-12-31' }, '9999-12-31 is not a plausible date for a session'],
        [{ endDate: '2027-06-31' }, '2027-06-31 is not a plausible date for a session'],
        [{ proposalDeadline: '1899-01-01T00:00:00Z' }, '1899-01-01 is not a plausible date for a session'],
        [{ proposalDeadline: '2027-06-11T09:00:00Z' }, 'falls after the session ends (2027-06-10)'],
      ];
      for (const [fields, message] of absurd) {
        const refused = await api.patch(`/api/sessions/${String(session.body.id)}`, fields);
        expect(refused.body.error, JSON.stringify(fields)).toMatchObject({ code: 'invalid-dates' });
        expect(String(refused.body.error?.message)).toContain(message);
      }
      expect((await api.post(`/api/committees/${committeeId}/sessions`, { number: 9, title: 'Absurd', venue: 'Vienna', startDate: '1900-01-01', endDate: '9999-12-31', proposalDeadline: '1899-01-01T00:00:00Z' })).body.error?.code).toBe('invalid-dates');
      const moved = await api.patch(`/api/sessions/${String(session.body.id)}`, { venue: 'Vienna International Centre' });
      expect(moved.body).toMatchObject({ venue: 'Vienna International Centre', number: 2 });
      // An update that gives no field is refused; one that gives the values already held is answered with the record.
      // Neither writes: not the row, not an audit entry.
      const audited = async (): Promise<number> => Number(((await server.db.query('SELECT COUNT(*) AS n FROM audit_log')) as { n: number | string }[])[0].n);
      const auditedBefore = await audited();
      const currentCommittee = (await api.get(`/api/committees/${committeeId}`)).body as Json;
      const currentSession = (await api.get(`/api/sessions/${String(session.body.id)}`)).body as Json;
      for (const [path, current, same] of [
        [`/api/committees/${committeeId}`, currentCommittee, { description: currentCommittee.description }],
        [`/api/sessions/${String(session.body.id)}`, currentSession, { venue: currentSession.venue, number: currentSession.number }],
      ] as const) {
        const empty = await api.patch(path, {});
        expect(empty.status).toBe(400);
        expect(empty.body.error?.message).toContain('no field to change');
        const unchanged = await api.patch(path, same);
        expect(unchanged.status).toBe(200);
        expect(unchanged.body).toEqual(current);
        // null would clear a field that every record needs: refused, each field named.
        const cleared = await api.patch(path, Object.fromEntries(Object.keys(same).map((key) => [key, null])));
        expect(cleared.status).toBe(400);
        for (const key of Object.keys(same)) expect(cleared.body.error?.message).toContain(`${key} cannot be null`);
      }
      expect(await audited()).toBe(auditedBefore);
      const padded = await api.patch(`/api/sessions/${String(session.body.id)}`, { venue: '  Vienna International Centre  ' });
      expect(padded.body).toEqual(currentSession);

      const delegations = (await api.get(`/api/committees/${committeeId}/delegations`)).body.items as Json[];
      const eu = delegations.find((d) => d.code === 'EU');
      const france = delegations.find((d) => d.code === 'FRA');
      expect(france?.groupIds).toEqual([eu?.id]);
      const italy = await api.post(`/api/committees/${committeeId}/delegations`, {
        code: 'ITA',
        kind: 'member-state',
        names: { en: 'Italy', fr: 'Italie', es: 'Italia', ru: 'Италия', zh: '意大利', ar: 'إيطاليا' },
        groupIds: [eu?.id],
      });
      expect(italy.status).toBe(201);
      expect(italy.body).toMatchObject({ code: 'ITA', groupIds: [eu?.id] });
      const notAGroup = await api.patch(`/api/delegations/${String(italy.body.id)}`, { groupIds: [france?.id] });
      expect(notAGroup.body.error?.code).toBe('invalid-group');
      const renamed = await api.patch(`/api/delegations/${String(italy.body.id)}`, { names: { en: 'Italian Republic' } });
      expect(renamed.body).toMatchObject({ names: { en: 'Italian Republic' }, groupIds: [eu?.id] });
      const auditRows = (await server.db.query('SELECT COUNT(*) AS n FROM audit_log')) as unknown[];
      expect((await api.patch(`/api/delegations/${String(italy.body.id)}`, {})).status).toBe(400);
      expect((await api.patch(`/api/delegations/${String(italy.body.id)}`, { code: null, kind: null, groupIds: null })).status).toBe(400);
      const again = await api.patch(`/api/delegations/${String(italy.body.id)}`, { names: renamed.body.names, groupIds: [eu?.id] });
      expect(again.body).toEqual(renamed.body);
      expect(await server.db.query('SELECT COUNT(*) AS n FROM audit_log')).toEqual(auditRows);
      // A kind its members' roles do not fit is refused: Egypt's head of delegation cannot sit in an observer organization.
      const egypt = delegations.find((d) => d.code === 'EGY');
      const rekinded = await api.patch(`/api/delegations/${String(egypt?.id)}`, { kind: 'observer-organization' });
      expect(rekinded.status).toBe(400);
      expect(String(rekinded.body.error?.message)).toContain('remove them from the delegation first, or keep its kind');
      expect((await api.get(`/api/delegations/${String(egypt?.id)}`)).body).toMatchObject({ kind: 'member-state' });
      expect(await server.db.query('SELECT COUNT(*) AS n FROM audit_log')).toEqual(auditRows);
    });

    it('imports a base text from Markdown and from DOCX and serves it numbered', async () => {
      const api = client(server, secretariat);
      const markdown = await api.post(`/api/committees/${committeeId}/instruments/import`, {
        titles: { fr: 'Projet de protocole' },
        originalLanguage: 'fr',
        format: 'markdown',
        content: '# Projet de protocole\n\n## Article premier\n\nLe présent Protocole complète la Convention.\n\n## Article 2\n\n1. Premier paragraphe.\n2. Second paragraphe.\n',
      });
      expect(markdown.status).toBe(201);
      const text = await api.get(`/api/instruments/${String(markdown.body.id)}/text?lang=fr`);
      expect(text.status).toBe(200);
      expect(String(text.body.text)).toMatch(/Article 2[\s\S]*1\. Premier paragraphe/);

      const docx = await Packer.toBuffer(
        new Document({ sections: [{ children: ['Draft protocol', 'Article 1', 'Purpose', 'This Protocol supplements the Convention.', 'Article 2', 'It shall be interpreted together with the Convention.'].map((t) => new Paragraph(t)) }] }),
      );
      const form = new FormData();
      form.set('titles', JSON.stringify({ en: 'Draft protocol' }));
      form.set('originalLanguage', 'en');
      form.set('file', new Blob([new Uint8Array(docx)]), 'protocol.docx');
      const uploaded = await api.post(`/api/committees/${committeeId}/instruments/import`, form);
      expect(uploaded.body.error).toBeUndefined();
      expect(uploaded.status).toBe(201);
      const english = await api.get(`/api/instruments/${String(uploaded.body.id)}/text`);
      expect(String(english.body.text)).toContain('Article 2');
      expect(await api.get(`/api/instruments/${String(uploaded.body.id)}/text?lang=ar`)).toMatchObject({ status: 404, body: { error: { code: 'language-not-available' } } });

      const garbage = new FormData();
      garbage.set('titles', JSON.stringify({ en: 'Broken' }));
      garbage.set('originalLanguage', 'en');
      garbage.set('file', new Blob([new Uint8Array([1, 2, 3, 4])]), 'broken.docx');
      const refused = await api.post(`/api/committees/${committeeId}/instruments/import`, garbage);
      expect(refused.status).toBe(422);
      expect(refused.body.error?.code).toBe('import-failed');
    });

    it('chains every change in the audit log and reports the first altered row', async () => {
      const api = client(server, secretariat);
      expect((await api.get('/api/audit/verify')).body).toMatchObject({ ok: true });
      const latest = (await api.get('/api/audit?limit=5')).body.items as Json[];
      expect(latest.length).toBe(5);
      const target = latest[2];
      const pg = server.db.options.type === 'postgres';
      const tamper = () => server.db.query(pg ? 'UPDATE audit_log SET action = $1 WHERE seq = $2' : 'UPDATE audit_log SET action = ? WHERE seq = ?', ['tampered', target.seq]);
      await expect(tamper()).rejects.toThrow(/append-only|cannot be changed/);
      // Someone with the database's owner rights can drop the guard; the hash chain still tells.
      await server.db.query(pg ? 'DROP TRIGGER audit_log_immutable ON audit_log' : 'DROP TRIGGER audit_log_no_update');
      await tamper();
      expect((await api.get('/api/audit/verify')).body).toMatchObject({ ok: false, seq: target.seq });
      const cli = await runCli(['audit:verify'], server.env);
      expect(cli.status).toBe(1);
      expect(cli.stdout).toContain(`Audit chain BROKEN at row ${String(target.seq)}: row ${String(target.seq)} was altered`);
      const delegate = await login(server, 'egypt.delegate@concord.test');
      expect((await client(server, delegate).get('/api/audit/verify')).status).toBe(403);
    });
  });
}
