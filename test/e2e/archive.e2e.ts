import { treatyFragment } from '@concord/schema';
import { execFile } from 'node:child_process';
import { createHash } from 'node:crypto';
import { existsSync, mkdirSync, mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { promisify } from 'node:util';
import JSZip from 'jszip';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { WebsocketProvider } from 'y-websocket';
import { provider, relayed, synced } from '../support/collab';
import { scratchSqlite } from '../support/databases';
import { AKN_SCHEMA, missing, renderDocx, tools, xmllintErrors } from '../support/documents';
import { client, login, runCli, startServer, type TestServer } from '../support/server';
import { replaceText } from '../support/treaty-edit';

type Json = Record<string, unknown>;
const run = promisify(execFile);
const SLOW = 300_000;

describe('The committee archive (SQLite)', () => {
  let server: TestServer;
  let scratch: string;
  let committeeId: string;
  let folder: string;
  const tokens: Record<string, string> = {};
  const providers: WebsocketProvider[] = [];
  const as = (who: string) => client(server, tokens[who]);

  beforeAll(async () => {
    server = await startServer(scratchSqlite());
    scratch = mkdtempSync(join(tmpdir(), 'concord-archive-'));
    for (const who of ['secretariat', 'chair', 'egypt.head', 'egypt.delegate', 'observer', 'admin']) tokens[who] = await login(server, `${who}@concord.test`);
    committeeId = String(((await client(server).get('/api/committees')).body.items as Json[])[0].id);
    const instrumentId = String(((await as('secretariat').get(`/api/committees/${committeeId}/instruments`)).body.items as Json[])[0].id);
    // A record worth archiving: Egypt's proposal, compiled and published in a compilation, a revision, comments.
    const space = await as('egypt.head').post(`/api/instruments/${instrumentId}/drafting-spaces`, { title: 'Sovereignty', language: 'en' });
    const writer = provider(server, String(space.body.document), tokens['egypt.head']);
    providers.push(writer);
    await synced(writer);
    replaceText(writer.doc, 'sovereign equality', 'sovereign equality of States');
    await relayed(server, String(space.body.document), tokens['egypt.head'], (doc) => treatyFragment(doc).toString().includes('equality of States'));
    // Drafts are private: the wording typed in the space must not reach the archive before submission.
    const submitted = await as('egypt.head').post(`/api/drafting-spaces/${String(space.body.id)}/submit`, { justification: 'Clarity.' });
    expect(submitted.status).toBe(201);
    expect((await as('secretariat').post(`/api/instruments/${instrumentId}/compilation/publish`, { language: 'en' })).status).toBe(201);
    expect((await as('secretariat').put(`/api/proposals/${String(submitted.body.id)}/decision`, { language: 'en', decision: 'incorporate' })).status).toBe(200);
    expect((await as('secretariat').post(`/api/instruments/${instrumentId}/compile`, { language: 'en' })).status).toBe(200);
    const revision = await as('secretariat').post(`/api/instruments/${instrumentId}/revisions`, { tier: 'public', symbol: 'A/AC.291/22', date: '2027-01-10' });
    expect(revision.status).toBe(201);
    expect((await as('egypt.delegate').post('/api/comments', { targetKind: 'proposal', targetId: submitted.body.id, tier: 'committee', body: 'We stand by this wording.' })).status).toBe(201);
    expect((await as('egypt.delegate').post('/api/comments', { targetKind: 'proposal', targetId: submitted.body.id, tier: 'delegation', body: 'Internal: fall back to the base if pressed.' })).status).toBe(201);

    const zip = await fetch(`${server.url}/api/committees/${committeeId}/archive`, { headers: { authorization: `Bearer ${tokens.secretariat}` } });
    expect(zip.status).toBe(200);
    expect(zip.headers.get('content-type')).toBe('application/zip');
    expect(zip.headers.get('content-disposition')).toMatch(/^attachment; filename="A_AC.291-archive-\d{4}-\d{2}-\d{2}\.zip"$/);
    const archive = await JSZip.loadAsync(Buffer.from(await zip.arrayBuffer()));
    const extracted = join(scratch, 'zip');
    for (const [path, entry] of Object.entries(archive.files)) {
      if (entry.dir) continue;
      const target = join(extracted, path);
      mkdirSync(dirname(target), { recursive: true });
      writeFileSync(target, await entry.async('nodebuffer'));
    }
    [folder] = readdirSync(extracted).map((name) => join(extracted, name));
  }, SLOW);
  afterAll(async () => {
    for (const p of providers) p.destroy();
    await server?.close();
    if (scratch) rmSync(scratch, { recursive: true, force: true });
  });

  it('verifies without Concord: every file is in the manifest with its hash, and sha256sum -c agrees', async () => {
    const manifest = JSON.parse(readFileSync(join(folder, 'manifest.json'), 'utf8')) as { format: string; files: { path: string; bytes: number; sha256: string }[]; keyFingerprint: string };
    expect(manifest.format).toBe('concord-archive/1');
    const listed = new Set(manifest.files.map((f) => f.path));
    const walk = (dir: string, prefix = ''): string[] => readdirSync(dir, { withFileTypes: true }).flatMap((e) => (e.isDirectory() ? walk(join(dir, e.name), `${prefix}${e.name}/`) : [`${prefix}${e.name}`]));
    expect(walk(folder).filter((p) => p !== 'manifest.json' && p !== 'SHA256SUMS').sort()).toEqual([...listed].sort());
    for (const file of manifest.files) {
      const bytes = readFileSync(join(folder, file.path));
      expect(bytes.length, file.path).toBe(file.bytes);
      expect(createHash('sha256').update(bytes).digest('hex'), file.path).toBe(file.sha256);
    }
    const { stdout } = await run('sha256sum', ['-c', 'SHA256SUMS'], { cwd: folder });
    expect(stdout.split('\n').filter(Boolean).every((line) => line.endsWith(': OK'))).toBe(true);
    const key = (await client(server).get('/api/public/signing-key')).body;
    expect(readFileSync(join(folder, 'signing-key.pub.pem'), 'utf8')).toBe(key.publicKey);
    expect(manifest.keyFingerprint).toBe(key.fingerprint);

    // What it holds: the revision in every format, the compilation, the proposal with its history, the
    // committee-tier comment (not the delegation's own), the status history and the audit log.
    for (const file of ['revisions/A_AC.291_22/en.akn.xml', 'revisions/A_AC.291_22/en.docx', 'revisions/A_AC.291_22/en.html', 'revisions/A_AC.291_22/signed.json', 'committee.json', 'instruments.json', 'comments/threads.json', 'audit-log.jsonl', 'README.txt']) {
      expect(listed.has(file), file).toBe(true);
    }
    expect([...listed].filter((p) => p.startsWith('compilations/')).sort().map((p) => p.replace(/^compilations\/[^/]+\//, ''))).toEqual(['compilation.docx', 'compilation.html']);
    const proposals = [...listed].filter((p) => p.startsWith('proposals/'));
    expect(proposals).toHaveLength(1);
    const proposal = JSON.parse(readFileSync(join(folder, proposals[0]), 'utf8')) as Json;
    expect(proposal).toMatchObject({ status: 'incorporated', justification: 'Clarity.' });
    expect((proposal.history as Json[]).map((h) => h.to)).toEqual(['submitted', 'incorporated']);
    const threads = readFileSync(join(folder, 'comments/threads.json'), 'utf8');
    expect(threads).toContain('We stand by this wording.');
    expect(threads).not.toContain('fall back to the base');
    const audit = readFileSync(join(folder, 'audit-log.jsonl'), 'utf8').trim().split('\n').map((line) => JSON.parse(line) as Json);
    expect(audit.length).toBeGreaterThan(10);
    expect(audit.map((row) => Number(row.seq))).toEqual([...audit.map((row) => Number(row.seq))].sort((a, b) => a - b));
    expect(audit.some((row) => row.action === 'revision.publish')).toBe(true);
  }, SLOW);

  it.skipIf(!tools.xmllint)(`holds Akoma Ntoso that validates against the OASIS schema${missing('xmllint') ? ` (skipped: ${missing('xmllint')})` : ''}`, async () => {
    const akn = readdirSync(join(folder, 'revisions/A_AC.291_22')).filter((name) => name.endsWith('.akn.xml'));
    expect(akn.length).toBeGreaterThan(0);
    for (const name of akn) expect(await xmllintErrors(readFileSync(join(folder, 'revisions/A_AC.291_22', name), 'utf8'), '--schema', AKN_SCHEMA), name).toEqual([]);
  }, SLOW);

  it.skipIf(!tools.libreoffice)(`holds Word files that LibreOffice renders${missing('libreoffice') ? ` (skipped: ${missing('libreoffice')})` : ''}`, async () => {
    const docx = ['revisions/A_AC.291_22/en.docx', ...readdirSync(join(folder, 'compilations')).map((d) => `compilations/${d}/compilation.docx`)];
    for (const path of docx) {
      const { pdfBytes, pages } = await renderDocx(readFileSync(join(folder, path)), `archive-${path.replace(/\W+/g, '-')}`);
      expect(pdfBytes, path).toBeGreaterThan(1000);
      expect(pages.join('\n'), path).toContain(path.startsWith('revisions/') ? 'A/AC.291/22' : 'sovereign equality of States');
    }
  }, SLOW);

  it('is for the secretariat and administrators only; a refused request writes nothing', async () => {
    for (const who of ['chair', 'egypt.head', 'egypt.delegate', 'observer']) {
      const refused = await as(who).get(`/api/committees/${committeeId}/archive`);
      expect(refused.status, who).toBe(403);
      expect(refused.body.error?.code, who).toBe('forbidden');
    }
    expect((await client(server).get(`/api/committees/${committeeId}/archive`)).status).toBe(401);
    expect((await as('secretariat').get('/api/committees/00000000-0000-4000-8000-000000000000/archive')).status).toBe(404);
    expect((await as('admin').get(`/api/committees/${committeeId}/archive`)).status).toBe(200);
  }, SLOW);

  it('writes the same record into a new folder from the command line, and never into a used one', async () => {
    const out = join(scratch, 'cli');
    const written = await runCli(['archive', '--committee', committeeId, '--out', out], { SQLITE_PATH: server.env.SQLITE_PATH, SIGNING_KEY_FILE: server.env.SIGNING_KEY_FILE });
    expect(written.stderr).toContain('archive: revisions/A_AC.291_22/en.akn.xml');
    expect(written.stdout).toMatch(/^Archived .* into .*: \d+ files, [\d.]+ MB; check it with: cd .* && sha256sum -c SHA256SUMS/);
    expect(written.status).toBe(0);
    const { stdout } = await run('sha256sum', ['-c', 'SHA256SUMS'], { cwd: out });
    expect(stdout).not.toContain('FAILED');
    expect(existsSync(join(out, 'revisions/A_AC.291_22/en.akn.xml'))).toBe(true);
    const again = await runCli(['archive', '--committee', committeeId, '--out', out], { SQLITE_PATH: server.env.SQLITE_PATH, SIGNING_KEY_FILE: server.env.SIGNING_KEY_FILE });
    expect(again.stderr).toContain('is not empty; archive writes into a new folder');
    expect(again.status).toBe(1);
  }, SLOW);
});
