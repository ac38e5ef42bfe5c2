import { consolidatedDocument } from '@concord/domain';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { BACKENDS, POSTGRES_SKIP_REASON, scratchPostgres } from '../support/databases';
import { client, login, runCli, startServer, type TestServer } from '../support/server';

type Json = Record<string, unknown>;

/** What the first start leaves in the demo committee, counted through the API as its members would see it. */
async function seeded(server: TestServer) {
  const secretariat = client(server, await login(server, 'secretariat@concord.test'));
  const committeeId = String(((await client(server).get('/api/committees')).body.items as Json[])[0]?.id);
  const instruments = (await secretariat.get(`/api/committees/${committeeId}/instruments`)).body.items as Json[];
  const instrumentId = String(instruments[0]?.id);
  const proposals = (await secretariat.get('/api/proposals')).body.items as Json[];
  const revisions = (await client(server).get('/api/public/revisions')).body.items as Json[];
  const desk = (await secretariat.get(`/api/instruments/${instrumentId}/desk?lang=en`)).body.articles as Json[];
  const threads = (await secretariat.get(`/api/comments?targetKind=document&targetId=${encodeURIComponent(consolidatedDocument(instrumentId, 'en'))}`)).body.items as Json[];
  const periods = (await secretariat.get('/api/comment-periods')).body.items as Json[];
  const written = (await secretariat.get(`/api/comment-periods/${String(periods[0]?.id)}/written-comments`)).body.items as Json[];
  const count = (values: readonly unknown[]) => values.reduce<Record<string, number>>((acc, v) => ({ ...acc, [String(v)]: (acc[String(v)] ?? 0) + 1 }), {});
  return {
    instruments: instruments.length,
    proposals: count(proposals.map((p) => p.status)),
    coSponsored: proposals.filter((p) => (p.coSponsorIds as unknown[]).length > 0).length,
    supported: proposals.filter((p) => (p.supporterIds as unknown[]).length > 0).length,
    sponsors: new Set(proposals.map((p) => p.sponsorDelegationId)).size,
    revisions: revisions.map((r) => `${String(r.symbol)} ${(r.languages as string[]).join('+')}`),
    statuses: desk.map((a) => a.status),
    brackets: desk.reduce((n, a) => n + Number((a.counts as Json).brackets), 0),
    optionGroups: desk.reduce((n, a) => n + Number((a.counts as Json).optionGroups), 0),
    threads: threads.length,
    replies: threads.reduce((n, t) => n + ((t.replies as unknown[] | undefined)?.length ?? 0), 0),
    periods: periods.map((p) => `${String(p.title)} ${String(p.state)}`),
    written: written.length,
    dispositions: written.flatMap((c) => c.remarks as Json[]).filter((r) => r.disposition !== null && r.disposition !== undefined).length,
  };
}

const EXPECTED = {
  instruments: 1,
  proposals: { submitted: 1, incorporated: 3, 'presented-as-option': 4, 'not-retained': 1 },
  coSponsored: 2,
  supported: 6,
  sponsors: 4,
  revisions: ['A/AC.291/22/Rev.2 ar+en', 'A/AC.291/22/Rev.1 ar+en', 'A/AC.291/22 ar+en'],
  statuses: ['agreed-ad-referendum', 'open', 'agreed-ad-referendum', 'open', 'open', 'informally-agreed'],
  brackets: 4,
  optionGroups: 2,
  threads: 3,
  replies: 4,
  periods: ['Written comments on A/AC.291/22/Rev.1 closed'],
  written: 3,
  dispositions: 5,
};

for (const backend of BACKENDS) {
  describe.skipIf(backend.skip !== null)(`The demo in mid-negotiation on ${backend.name}${backend.skip ? ` (${backend.skip})` : ''}`, () => {
    let server: TestServer;

    beforeAll(async () => {
      server = await startServer(await backend.create(), { DEMO_NEGOTIATION: 'true' });
    }, 120_000);
    afterAll(async () => {
      await server?.close();
    });

    it('plays the negotiation on first start and prints every login', async () => {
      expect(server.output()).toMatch(/Demo committee ".*" created\. Sign in with password concord-demo-2026 as:/);
      for (const email of ['admin', 'secretariat', 'chair', 'egypt.head', 'egypt.delegate', 'brazil.head', 'brazil.delegate', 'eu.head', 'china.head', 'observer']) {
        expect(server.output()).toContain(`${email}@concord.test`);
      }
      expect(server.output()).toMatch(/Demo negotiation played in \d+ ms: 9 proposals, A\/AC\.291\/22, A\/AC\.291\/22\/Rev\.1, A\/AC\.291\/22\/Rev\.2 in English and Arabic, 4 comment threads, 3 written comments\./);
      expect(await seeded(server)).toEqual(EXPECTED);
    });

    it('leaves a record that verifies: the audit chain and every revision', async () => {
      const verified = await runCli(['verify'], server.env);
      expect(verified.stdout + verified.stderr).not.toMatch(/FAILED/);
      expect(verified.status).toBe(0);
    });

    it('shows the observer the public revisions and its own written comment, and no delegation draft', async () => {
      const observer = client(server, await login(server, 'observer@concord.test'));
      expect(((await observer.get('/api/drafting-spaces')).body.items as Json[]).length).toBe(0);
      const periods = (await observer.get('/api/comment-periods')).body.items as Json[];
      const written = (await observer.get(`/api/comment-periods/${String(periods[0]?.id)}/written-comments`)).body.items as Json[];
      expect(written.length).toBe(3);
    });

    it('does not play it again on the next start', async () => {
      await server.restart();
      expect(server.output()).toMatch(/Demo committee ".*" found\. Sign in with password concord-demo-2026 as:/);
      expect(server.output().match(/Demo negotiation played/g)).toHaveLength(1);
      expect(await seeded(server)).toEqual(EXPECTED);
    });
  });
}

describe.skipIf(POSTGRES_SKIP_REASON !== null)(`The demo on a real database${POSTGRES_SKIP_REASON ? ` (${POSTGRES_SKIP_REASON})` : ''}`, () => {
  it('is not created when DATABASE_URL is set and DEMO_SEED is not', async () => {
    // An empty variable is an unset one, so this starts the server as an operator who never set DEMO_SEED.
    const server = await startServer(await scratchPostgres(), { DEMO_SEED: '' });
    try {
      expect(server.output()).not.toContain('Demo committee');
      expect((await client(server).get('/api/committees')).body.items).toEqual([]);
    } finally {
      await server.close();
    }
  });
});
