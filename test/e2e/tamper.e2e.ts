import { createHash } from 'node:crypto';
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { BACKENDS } from '../support/databases';
import { client, login, runCli, startServer, type TestServer } from '../support/server';

type Json = Record<string, unknown>;

/** An audit row as the database hands it back. */
interface RawRow {
  seq: number;
  at: string | Date;
  actor_id: string | null;
  action: string;
  entity_type: string;
  entity_id: string;
  before: string | null;
  after: string | null;
  prev_hash: string;
  hash: string;
}

const sha256 = (text: string) => createHash('sha256').update(text, 'utf8').digest('hex');

/** The audit chain's row hash, written again from its published definition, as an attacker would. */
function chainHash(row: { seq: number; at: Date; actorId: string | null; action: string; entityType: string; entityId: string; before: string | null; after: string | null; prevHash: string }): string {
  return sha256(JSON.stringify([row.seq, row.at.toISOString(), row.actorId, row.action, row.entityType, row.entityId, row.before, row.after, row.prevHash]));
}

/*
 * Suite (g): an attacker who can write to the database (with the owner's rights, so able to switch the
 * immutability triggers off) but cannot read the server's key file. Every case tampers through a second
 * connection, checks what the server, its routes and the command line say, and puts the database back.
 */
for (const backend of BACKENDS) {
  describe.skipIf(backend.skip !== null)(`Tamper evidence on ${backend.name}${backend.skip ? ` (${backend.skip})` : ''}`, () => {
    let server: TestServer;
    let secretariat: string;
    let instrumentId: string;
    let first: Json;
    let second: Json;
    let scratch: string;
    let publicKeyFile: string;
    const anonymous = () => client(server);
    const as = () => client(server, secretariat);
    const pg = () => server.db.options.type === 'postgres';
    /** A query with `?` placeholders on either engine. */
    const sql = (text: string, params: unknown[] = []) => {
      let n = 0;
      return server.db.query(pg() ? text.replace(/\?/g, () => `$${++n}`) : text, params) as Promise<unknown>;
    };
    const cli = async (args: readonly string[], env: Record<string, string> = server.env) => {
      const result = await runCli(args, env);
      return { code: result.status, out: `${result.stdout}${result.stderr}` };
    };
    const rows = async (fromSeq = 1): Promise<RawRow[]> => (await sql('SELECT * FROM audit_log WHERE seq >= ? ORDER BY seq', [fromSeq])) as RawRow[];
    const head = async () => ((await sql('SELECT * FROM audit_head')) as Json[])[0] ?? null;
    const lastSeq = async () => Number(((await sql('SELECT MAX(seq) AS m FROM audit_log')) as { m: number | string }[])[0].m);
    const restoreRows = async (saved: readonly RawRow[]) => {
      for (const r of saved) await sql('DELETE FROM audit_log WHERE seq = ?', [r.seq]);
      for (const r of saved) {
        await sql('INSERT INTO audit_log (seq, at, actor_id, action, entity_type, entity_id, before, after, prev_hash, hash) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?)', [
          r.seq, r.at, r.actor_id, r.action, r.entity_type, r.entity_id, r.before, r.after, r.prev_hash, r.hash,
        ]);
      }
    };
    const restoreHead = async (saved: Json | null) => {
      await sql('DELETE FROM audit_head');
      if (saved) await sql('INSERT INTO audit_head (id, seq, hash, signature, key_fingerprint) VALUES (?, ?, ?, ?, ?)', [saved.id, saved.seq, saved.hash, saved.signature, saved.key_fingerprint]);
    };
    /** A change that the server records in the audit log: publishing the next revision. */
    const publishNext = () => as().post(`/api/instruments/${instrumentId}/revisions`, { tier: 'public' });

    beforeAll(async () => {
      server = await startServer(await backend.create());
      scratch = mkdtempSync(join(tmpdir(), 'concord-tamper-'));
      secretariat = await login(server, 'secretariat@concord.test');
      const committeeId = String(((await anonymous().get('/api/committees')).body.items as Json[])[0].id);
      instrumentId = String(((await as().get(`/api/committees/${committeeId}/instruments`)).body.items as Json[])[0].id);
      first = (await as().post(`/api/instruments/${instrumentId}/revisions`, { tier: 'public', symbol: 'A/AC.291/22', date: '2027-01-10' })).body;
      second = (await publishNext()).body;
      expect(second.symbol).toBe('A/AC.291/22/Rev.1');
      const key = (await anonymous().get('/api/public/signing-key')).body;
      publicKeyFile = join(scratch, 'server.pub.pem');
      writeFileSync(publicKeyFile, String(key.publicKey));
      // The attacker's first move: switch off the guards that refuse UPDATE and DELETE.
      if (pg()) {
        for (const table of ['revisions', 'audit_log']) await sql(`ALTER TABLE ${table} DISABLE TRIGGER USER`);
      } else {
        for (const trigger of ['revisions_no_update', 'revisions_no_delete', 'audit_log_no_update', 'audit_log_no_delete']) await sql(`DROP TRIGGER ${trigger}`);
      }
    });
    afterAll(async () => {
      await server?.close();
      if (scratch) rmSync(scratch, { recursive: true, force: true });
    });

    // The command line loads in seconds on a busy machine; each case runs it a few times, in parallel where it can.
    const SLOW = 180_000;

    it('publishes its public key with a fingerprint, and an untouched state passes every check', async () => {
      const key = (await anonymous().get('/api/public/signing-key')).body;
      expect(key).toMatchObject({ algorithm: 'Ed25519', fingerprint: expect.stringMatching(/^[0-9a-f]{64}$/) });
      expect(String(key.publicKey)).toContain('BEGIN PUBLIC KEY');
      expect(server.output()).toContain(`fingerprint (SHA-256) ${String(key.fingerprint)}`);
      for (const revision of [first, second]) {
        expect(revision.verification).toEqual({ status: 'verified', reason: null });
        expect((await anonymous().get(`/api/public/revisions/${String(revision.id)}/verify`)).body).toMatchObject({ ok: true, status: 'verified', keyFingerprint: key.fingerprint });
      }
      const [revision, audit] = await Promise.all([cli(['revision:verify', 'A/AC.291/22/Rev.1']), cli(['audit:verify'])]);
      expect(revision.out).toContain('A/AC.291/22/Rev.1: VERIFIED');
      expect(revision.code).toBe(0);
      expect(audit.out).toMatch(/^Audit chain intact: \d+ rows, signed head \d+:[0-9a-f]{64} .*; 2 signed pins checked/);
      expect(audit.code).toBe(0);
    }, SLOW);

    it('verifies a downloaded revision with the public key alone, and fails a modified copy', async () => {
      const file = join(scratch, 'rev1.signed.json');
      const forgedFile = join(scratch, 'rev1.forged.json');
      expect((await cli(['download', 'A/AC.291/22/Rev.1', '--server', server.url, '--format', 'signed', '--out', file])).code).toBe(0);
      const bundle = JSON.parse(readFileSync(file, 'utf8')) as Json;
      const altered = String(bundle.content).replace(/"text":"[^"]+"/, '"text":"Altered provision."');
      expect(altered).not.toBe(bundle.content);
      writeFileSync(forgedFile, JSON.stringify({ ...bundle, content: altered, contentHash: sha256(altered) }));
      // No database in the environment: only the file (or the server's public routes) and the public key.
      const [offline, online, forged] = await Promise.all([
        cli(['revision:verify', file, '--public-key', publicKeyFile], {}),
        cli(['revision:verify', 'A/AC.291/22/Rev.1', '--server', server.url], {}),
        cli(['revision:verify', forgedFile, '--public-key', publicKeyFile], {}),
      ]);
      expect(offline.out).toContain('A/AC.291/22/Rev.1: VERIFIED');
      expect(offline.code).toBe(0);
      expect(online.out).toContain('A/AC.291/22/Rev.1: VERIFIED');
      expect(online.code).toBe(0);
      expect(forged.out).toContain('A/AC.291/22/Rev.1: FAILED: the signature does not match');
      expect(forged.code).toBe(1);
    }, SLOW);

    it('serves a revision whose content and stored hash were changed together as failed: routes, exports, feed and command line', async () => {
      const id = String(second.id);
      const [row] = (await sql('SELECT content FROM revisions WHERE id = ?', [id])) as { content: string }[];
      const forged = row.content.replace(/"text":"[^"]+"/, '"text":"Provision agreed by nobody."');
      await sql('UPDATE revisions SET content = ?, content_hash = ? WHERE id = ?', [forged, sha256(forged), id]);
      try {
        const reason = /signature does not match/;
        const verify = (await anonymous().get(`/api/public/revisions/${id}/verify`)).body;
        expect(verify).toMatchObject({ ok: false, status: 'failed', storedHash: sha256(forged), computedHash: sha256(forged) });
        expect(String(verify.reason)).toMatch(reason);
        expect((await anonymous().get(`/api/public/revisions/${id}`)).body.verification).toMatchObject({ status: 'failed', reason: expect.stringMatching(reason) });
        expect((await as().get(`/api/revisions/${id}`)).body.verification).toMatchObject({ status: 'failed' });
        const listed = (await anonymous().get('/api/public/revisions')).body.items as Json[];
        expect(listed.find((r) => r.id === id)?.verification).toMatchObject({ status: 'failed' });
        expect(listed.find((r) => r.id === first.id)?.verification).toEqual({ status: 'verified', reason: null });
        for (const format of ['akn', 'docx', 'html']) {
          const exported = await anonymous().get(`/api/public/revisions/${id}/export?format=${format}`);
          expect(exported.status, format).toBe(409);
          expect(exported.body.error?.code).toBe('revision-verification-failed');
        }
        expect((await anonymous().get(`/api/public/revisions/${String(first.id)}/export?format=html`)).status).toBe(200);
        const feed = await (await fetch(`${server.url}/api/public/feed.atom`)).text();
        expect(feed).toContain('[FAILED VERIFICATION] A/AC.291/22/Rev.1');
        expect(feed).not.toContain('[FAILED VERIFICATION] A/AC.291/22 ');
        const verdict = await cli(['revision:verify', 'A/AC.291/22/Rev.1']);
        expect(verdict.out).toMatch(/A\/AC\.291\/22\/Rev\.1: FAILED: the signature does not match/);
        expect(verdict.code).toBe(1);
      } finally {
        await sql('UPDATE revisions SET content = ?, content_hash = ? WHERE id = ?', [row.content, second.contentHash, id]);
      }
      expect((await anonymous().get(`/api/public/revisions/${id}/verify`)).body).toMatchObject({ ok: true });
    }, SLOW);

    it('fails a revision whose publication record was rewritten with the chain recomputed, and keeps that on record through later changes', async () => {
      const id = String(first.id);
      const [pin] = (await sql('SELECT audit_seq FROM revisions WHERE id = ?', [id])) as { audit_seq: number }[];
      const saved = await rows(pin.audit_seq);
      const savedHead = await head();
      // The record now names another hash; every later row is re-linked so that the hashes alone still hold.
      let prevHash = saved[0].prev_hash;
      for (const r of saved) {
        const after = r.seq === pin.audit_seq ? (r.after ?? '').replace(String(first.contentHash), '0'.repeat(64)) : r.after;
        const at = typeof r.at === 'string' ? new Date(`${r.at.replace(' ', 'T')}Z`) : r.at;
        const hash = chainHash({ seq: r.seq, at, actorId: r.actor_id, action: r.action, entityType: r.entity_type, entityId: r.entity_id, before: r.before, after, prevHash });
        await sql('UPDATE audit_log SET after = ?, prev_hash = ?, hash = ? WHERE seq = ?', [after, prevHash, hash, r.seq]);
        prevHash = hash;
      }
      try {
        const [audit, revision] = await Promise.all([cli(['audit:verify']), cli(['revision:verify', 'A/AC.291/22'])]);
        expect(audit.out).toMatch(/^Audit chain BROKEN at row \d+: row \d+ differs from the signed head: the log was rewritten and its hashes recomputed/);
        expect(audit.code).toBe(1);
        expect(revision.out).toContain(`A/AC.291/22: FAILED: audit row ${pin.audit_seq}, which recorded the publication, was altered`);
        expect(revision.code).toBe(1);
        expect(String((await anonymous().get(`/api/public/revisions/${id}/verify`)).body.reason)).toBe(`audit row ${pin.audit_seq}, which recorded the publication, was altered`);
        // The server keeps recording changes, but the head it signs from now on says what it found, so that
        // appending does not make the rewritten log look authentic.
        const lastBefore = saved[saved.length - 1].seq;
        expect((await client(server, await login(server, 'egypt.delegate@concord.test')).post('/api/auth/logout')).status).toBeLessThan(300);
        const flagged = await cli(['audit:verify']);
        expect(flagged.out).toContain(`the server found the log altered when appending (before row ${lastBefore + 1}: row ${lastBefore} differs from the signed head`);
        expect(flagged.code).toBe(1);
      } finally {
        await sql('DELETE FROM audit_log WHERE seq > ?', [saved[saved.length - 1].seq]);
        await restoreRows(saved);
        await restoreHead(savedHead);
      }
      expect((await cli(['audit:verify'])).code).toBe(0);
    }, SLOW);

    it('fails a chain whose last rows were deleted, with or without its signed head', async () => {
      const last = await lastSeq();
      const saved = await rows(last - 2);
      const savedHead = await head();
      await sql('DELETE FROM audit_log WHERE seq > ?', [last - 3]);
      try {
        const truncated = await cli(['audit:verify']);
        expect(truncated.out).toContain(`Audit chain BROKEN at row ${last - 2}: the log ends at row ${last - 3} but the signed head is row ${last}: the last rows were deleted`);
        expect(truncated.code).toBe(1);

        // Deleting the head too: a log with rows and no signed head is itself the evidence.
        await sql('DELETE FROM audit_head');
        const headless = await cli(['audit:verify']);
        expect(headless.out).toContain(`Audit chain BROKEN at row ${last - 3}: the signed head of the chain is missing`);
        expect(headless.code).toBe(1);

        // A head written without the key is no better than none.
        await restoreHead({ ...savedHead, seq: last - 3, hash: saved[0].prev_hash, signature: Buffer.alloc(64, 7).toString('base64') });
        expect((await cli(['audit:verify'])).out).toContain("does not carry a valid signature of this server's key");

        // A change now is recorded under a head that says the log was found altered; it never verifies again.
        expect((await client(server, await login(server, 'egypt.delegate@concord.test')).post('/api/auth/logout')).status).toBeLessThan(300);
        const flagged = await cli(['audit:verify']);
        expect(flagged.out).toContain(`the server found the log altered when appending (before row ${last - 2}: the signed head (row ${last - 3}) does not carry a valid signature`);
        expect(flagged.code).toBe(1);
      } finally {
        await sql('DELETE FROM audit_log WHERE seq > ?', [last - 3]);
        await restoreRows(saved);
        await restoreHead(savedHead);
      }
      expect((await cli(['audit:verify'])).code).toBe(0);
    }, SLOW);

    it('catches a rollback to an earlier signed head past a publication; short of one, only a head recorded outside the database does', async () => {
      // Residual risk, stated as a test: after a change that no revision pins (here a language version added),
      // deleting the rows after an earlier signed head and putting that head back leaves a consistent log.
      const earlier = await head();
      expect((await as().post(`/api/instruments/${instrumentId}/languages`, { language: 'fr' })).status).toBe(201);
      const later = await rows(Number(earlier?.seq) + 1);
      const laterHead = await head();
      expect(later.length).toBeGreaterThan(0);
      await sql('DELETE FROM audit_log WHERE seq > ?', [earlier?.seq]);
      await restoreHead(earlier);
      const [alone, against] = await Promise.all([cli(['audit:verify']), cli(['audit:verify', '--head', `${String(laterHead?.seq)}:${String(laterHead?.hash)}`])]);
      expect(alone.code).toBe(0);
      expect(against.out).toContain(`Audit chain BROKEN at row ${String(laterHead?.seq)}: the head given with --head pins row ${String(laterHead?.seq)} but the log has no such row: it was rolled back`);
      expect(against.code).toBe(1);
      await restoreRows(later);
      await restoreHead(laterHead);

      // Past a publication, the revision's signature names a row that the rolled-back log lacks.
      const beforePublication = await head();
      const third = (await as().post(`/api/instruments/${instrumentId}/revisions`, { tier: 'public', confirmStale: true })).body;
      expect(third.symbol).toBe('A/AC.291/22/Rev.2');
      const afterPublication = await rows(Number(beforePublication?.seq) + 1);
      const publishedHead = await head();
      await sql('DELETE FROM audit_log WHERE seq > ?', [beforePublication?.seq]);
      await restoreHead(beforePublication);
      try {
        const audit = await cli(['audit:verify']);
        expect(audit.out).toMatch(/^Audit chain BROKEN at row \d+: revision A\/AC\.291\/22\/Rev\.2 pins row \d+ but the log has no such row: it was rolled back/);
        expect(audit.code).toBe(1);
        expect((await anonymous().get(`/api/public/revisions/${String(third.id)}`)).body.verification).toMatchObject({ status: 'failed', reason: expect.stringMatching(/^the audit log has no row \d+/) });
      } finally {
        await restoreRows(afterPublication);
        await restoreHead(publishedHead);
      }
      expect((await cli(['audit:verify', '--head', `${String(laterHead?.seq)}:${String(laterHead?.hash)}`])).code).toBe(0);
    }, SLOW);

    it.skipIf(backend.name !== 'PostgreSQL')(
      `keeps one signed head while two instances append at once${backend.name !== 'PostgreSQL' ? ' (skipped: one SQLite file has one server)' : ''}`,
      async () => {
        // A second instance on the same database shares its key file, as instances share a mounted secret.
        const other = await startServer({ kind: 'postgres', env: { DATABASE_URL: server.env.DATABASE_URL }, drop: async () => undefined }, { SIGNING_KEY_FILE: server.env.SIGNING_KEY_FILE }, { ownsDatabase: false });
        try {
          const committeeId = String(((await anonymous().get('/api/committees')).body.items as Json[])[0].id);
          const tokenOther = await login(other, 'secretariat@concord.test');
          const created = await Promise.all(
            Array.from({ length: 12 }, (_, i) => client(i % 2 ? other : server, i % 2 ? tokenOther : secretariat).post(`/api/committees/${committeeId}/delegations`, { code: `T${String(i).padStart(2, '0')}`, kind: 'member-state', names: { en: `Tamper ${i}` } })),
          );
          expect(created.map((r) => r.status)).toEqual(Array(12).fill(201));
          const audit = await cli(['audit:verify']);
          expect(audit.out).toMatch(/^Audit chain intact: /);
          expect(audit.code).toBe(0);
        } finally {
          await other.close();
        }
      },
      SLOW,
    );
  });
}
