import { randomBytes } from 'node:crypto';
import { createRequire } from 'node:module';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { BACKENDS } from '../support/databases';
import { client, login, startServer, type TestServer } from '../support/server';

type Json = Record<string, unknown>;

/** The built server's modules the suite uses: its DOCX importer, and the ZIP writer its unit specs build archives with. */
const DIST = join(__dirname, '../../dist/apps/api/src/instruments');
const load = createRequire(__filename);

/** As apps/api/src/instruments/testing/zip-writer.ts declares them. */
type RepeatedData = { readonly head: string; readonly body: string | Uint8Array; readonly times: number; readonly tail: string };
type ZipEntrySpec = { readonly name: string; readonly data: Uint8Array | string | RepeatedData; readonly method?: 0 | 8; readonly declaredSize?: number; readonly flags?: number };
const { DOCUMENT_HEAD, DOCUMENT_TAIL, docxEntries, documentXml, paragraphsXml, treatyDocx, writeZip } = load(join(DIST, 'testing/zip-writer.js')) as {
  readonly DOCUMENT_HEAD: string;
  readonly DOCUMENT_TAIL: string;
  docxEntries(document: ZipEntrySpec['data'] | null): ZipEntrySpec[];
  documentXml(body: string): string;
  paragraphsXml(lines: readonly string[]): string;
  treatyDocx(): Buffer;
  writeZip(entries: readonly ZipEntrySpec[]): Buffer;
};

/** As apps/api/src/instruments/docx-importer.ts declares it, with the settings it reads. */
type ImporterSettings = { MAX_UPLOAD_INFLATED_BYTES: number; DOCX_IMPORT_HEAP_MB: number; DOCX_IMPORT_TIMEOUT_MS: number };
const { DocxImporter } = load(join(DIST, 'docx-importer.js')) as {
  DocxImporter: new (env: ImporterSettings) => { import(bytes: Buffer, language: string): Promise<{ doc: unknown }> };
};

const MiB = 1024 * 1024;
/** The upload cap of the suite's server: small, so that the oversized upload is cheap to send. */
const MAX_UPLOAD_BYTES = 4 * MiB;
/**
 * How long a refusal may take, and the longest /api/health may wait meanwhile. A bomb is answered in well under
 * a second on an idle machine (the figures are printed at the end); the bounds leave room for a busy CI machine,
 * and are far below the 27 s the server was unanswering before uploads were guarded.
 */
const ANSWER_WITHIN_MS = 4000;
const HEALTH_WITHIN_MS = 1500;

const withDocument = (...extra: ZipEntrySpec[]): Buffer => writeZip([...docxEntries(documentXml(paragraphsXml(['Article 1', 'Text.']))), ...extra]);
const zeros = (times: number): ZipEntrySpec['data'] => ({ head: '', body: Buffer.alloc(MiB), times, tail: '' });
const numbered = (count: number, tag: (i: number) => string): string => Array.from({ length: count }, (_, i) => tag(i)).join('');

/** Every bomb of the suite: what it is, what it is answered, and the words the answer's message must have. */
interface Bomb {
  readonly name: string;
  readonly bytes: () => Uint8Array;
  readonly status: number;
  readonly code: string;
  readonly says: RegExp;
}

const BOMBS: readonly Bomb[] = [
  {
    name: 'an honest bomb: 300 KB declaring and inflating to 300 MiB',
    bytes: () => withDocument({ name: 'word/media/image1.png', data: zeros(300) }),
    status: 413,
    code: 'payload-too-large',
    says: /inflates to 300 MiB/,
  },
  {
    name: 'a bomb lying about its size: 300 MiB of zeros declared as 10 KiB',
    bytes: () => writeZip([...docxEntries(null), { name: 'word/document.xml', data: zeros(300), declaredSize: 10 * 1024 }]),
    status: 413,
    code: 'payload-too-large',
    says: /more than the 10240 bytes it declares/,
  },
  {
    name: 'a part compressed 1,000 to 1 under the size limit',
    bytes: () => withDocument({ name: 'word/media/image1.png', data: zeros(40) }),
    status: 413,
    code: 'payload-too-large',
    says: /compressed \d+ to 1/,
  },
  {
    name: 'a document.xml of 20 MB of paragraphs, compressed like prose',
    bytes: () =>
      writeZip([
        ...docxEntries(null),
        { name: 'word/document.xml', data: { head: DOCUMENT_HEAD, body: paragraphsXml(Array.from({ length: 5000 }, (_, i) => `Item ${i}`)), times: 100, tail: DOCUMENT_TAIL } },
      ]),
    status: 413,
    code: 'payload-too-large',
    says: /more than 25000 paragraphs/,
  },
  {
    name: 'a document.xml of 20 MB nested ever deeper',
    bytes: () => writeZip([...docxEntries(null), { name: 'word/document.xml', data: { head: DOCUMENT_HEAD, body: numbered(2000, (i) => `<w:sdt w:id="${i}">`), times: 500, tail: '' } }]),
    status: 413,
    code: 'payload-too-large',
    says: /nested more than 96 deep/,
  },
  {
    name: 'an archive of 5,000 entries',
    bytes: () => withDocument(...Array.from({ length: 5000 }, (_, i) => ({ name: `customXml/item${i}.xml`, data: '<a/>', method: 0 as const }))),
    status: 413,
    code: 'payload-too-large',
    says: /5003 entries/,
  },
  { name: 'data that is not a ZIP archive', bytes: () => randomBytes(64 * 1024), status: 422, code: 'import-failed', says: /not a readable ZIP archive/ },
  { name: 'an archive without word/document.xml', bytes: () => writeZip(docxEntries(null)), status: 422, code: 'import-failed', says: /no word\/document\.xml/ },
  {
    name: 'an archive with an encrypted entry',
    bytes: () => withDocument({ name: 'word/styles.xml', data: '<w:styles/>', flags: 1 }),
    status: 422,
    code: 'import-failed',
    says: /encrypted/,
  },
  {
    name: 'an archive holding another archive',
    bytes: () => withDocument({ name: 'word/embeddings/Workbook1.xlsx', data: treatyDocx() }),
    status: 422,
    code: 'import-failed',
    says: /archive inside the document/,
  },
  {
    name: 'an archive with a path leaving it',
    bytes: () => withDocument({ name: 'word/../../../etc/cron.d/job', data: '* * * * * root true' }),
    status: 422,
    code: 'import-failed',
    says: /unsafe name/,
  },
  {
    name: 'a document.xml declaring entities',
    bytes: () => {
      const entities = `<!DOCTYPE w:document [<!ENTITY a "${'a'.repeat(1000)}"><!ENTITY b "&a;&a;&a;&a;&a;&a;&a;&a;&a;&a;"><!ENTITY c "&b;&b;&b;&b;&b;&b;&b;&b;&b;&b;">]>`;
      return writeZip(docxEntries(documentXml('<w:p><w:r><w:t>&c;&c;&c;</w:t></w:r></w:p>').replace('?>', `?>${entities}`)));
    },
    status: 422,
    code: 'import-failed',
    says: /document type/,
  },
];

/** The rows of every table, counted: equal before and after a refused request when nothing was written. */
async function fingerprint(server: TestServer): Promise<Record<string, number>> {
  const pg = server.db.options.type === 'postgres';
  const tables = (await server.db.query(
    pg
      ? "SELECT table_name AS name FROM information_schema.tables WHERE table_schema = current_schema() AND table_type = 'BASE TABLE' ORDER BY 1"
      : "SELECT name FROM sqlite_master WHERE type = 'table' AND name NOT LIKE 'sqlite_%' ORDER BY 1",
  )) as Array<{ name: string }>;
  const counts: Record<string, number> = {};
  for (const { name } of tables) {
    const rows = (await server.db.query(`SELECT COUNT(*) AS n FROM "${name}"`)) as Array<{ n: string | number }>;
    counts[name] = Number(rows[0].n);
  }
  return counts;
}

/**
 * Asks /api/health one request after another until stopped; resolves with the longest any of them waited, and
 * how many were answered. A server busy inflating or parsing on its main thread would keep them waiting.
 */
function watchHealth(server: TestServer): { stop(): Promise<{ longestMs: number; answered: number }> } {
  let running = true;
  let longestMs = 0;
  let answered = 0;
  const loop = (async () => {
    while (running) {
      const started = performance.now();
      const res = await fetch(`${server.url}/api/health`);
      await res.arrayBuffer();
      if (res.status !== 200) throw new Error(`health answered ${res.status}`);
      longestMs = Math.max(longestMs, performance.now() - started);
      answered++;
      // A short pause between polls, so that the watcher does not itself take the CPU the import needs.
      await new Promise((resolve) => setTimeout(resolve, 10));
    }
  })();
  return {
    async stop() {
      running = false;
      await loop;
      return { longestMs, answered };
    },
  };
}

function form(file: Uint8Array, name = 'bomb.docx'): FormData {
  const body = new FormData();
  body.set('titles', JSON.stringify({ en: 'Upload' }));
  body.set('originalLanguage', 'en');
  body.set('file', new Blob([new Uint8Array(file)]), name);
  return body;
}

const measured: string[] = [];

for (const backend of BACKENDS) {
  const title = backend.skip ? `Upload bombs on ${backend.name} (${backend.skip})` : `Upload bombs on ${backend.name}`;
  describe.skipIf(backend.skip !== null)(title, () => {
    let server: TestServer;
    let path: string;
    let secretariat: string;

    beforeAll(async () => {
      server = await startServer(await backend.create(), { MAX_UPLOAD_BYTES: String(MAX_UPLOAD_BYTES) });
      const committees = await client(server).get('/api/committees');
      path = `/api/committees/${String((committees.body.items as Json[])[0].id)}/instruments/import`;
      secretariat = await login(server, 'secretariat@concord.test');
    });
    afterAll(async () => server?.close());

    /** Sends a form, watching health meanwhile; checks that nothing was written and the server still answers. */
    async function refused(name: string, body: FormData) {
      const before = await fingerprint(server);
      const health = watchHealth(server);
      const started = performance.now();
      const res = await client(server, secretariat).post(path, body);
      const elapsedMs = performance.now() - started;
      const { longestMs, answered } = await health.stop();
      measured.push(`${backend.name} | ${name} | ${res.status} in ${elapsedMs.toFixed(0)} ms | health: ${answered} answers, longest ${longestMs.toFixed(0)} ms`);
      expect(elapsedMs).toBeLessThan(ANSWER_WITHIN_MS);
      expect(longestMs).toBeLessThan(HEALTH_WITHIN_MS);
      expect(await fingerprint(server)).toEqual(before);
      return res;
    }

    it.each(BOMBS.map((bomb) => [bomb.name, bomb] as const))('refuses %s quickly, answering health meanwhile and writing nothing', async (name, bomb) => {
      const bytes = bomb.bytes();
      expect(bytes.length).toBeLessThan(MAX_UPLOAD_BYTES);
      const res = await refused(name, form(bytes));
      expect(res.status).toBe(bomb.status);
      expect(res.body.error?.code).toBe(bomb.code);
      expect(res.body.error?.message).toMatch(bomb.says);
    });

    it('refuses a file over MAX_UPLOAD_BYTES with 413 before reading it', async () => {
      const res = await refused('a file over MAX_UPLOAD_BYTES', form(randomBytes(MAX_UPLOAD_BYTES + 1024)));
      expect(res.status).toBe(413);
      expect(res.body.error?.code).toBe('payload-too-large');
    });

    it.each([
      ['several files in one request', (body: FormData) => [1, 2, 3].forEach((i) => body.append('file', new Blob([new Uint8Array(treatyDocx())]), `copy${i}.docx`)), /Too many files/],
      [
        'a file under another field name',
        (body: FormData) => {
          body.delete('file');
          body.set('attachment', new Blob([new Uint8Array(treatyDocx())]), 'other.docx');
        },
        /Unexpected file field/,
      ],
      ['many fields', (body: FormData) => Array.from({ length: 50 }, (_, i) => body.append(`f${i}`, 'x')), /Too many (fields|parts)/],
      ['a field over the body limit', (body: FormData) => body.set('content', 'x'.repeat(2 * MiB)), /Field value too long/],
      ['an overlong field name', (body: FormData) => body.set('x'.repeat(500), 'x'), /Field name too long/],
    ])('refuses a form with %s (400), writing nothing', async (name, build, says) => {
      const body = form(treatyDocx(), 'first.docx');
      build(body);
      const res = await refused(name, body);
      expect(res.status).toBe(400);
      expect(res.body.error?.code).toBe('bad-request');
      expect(res.body.error?.message).toMatch(says);
    });

    it('still imports a well-made DOCX after every bomb, and writes it', async () => {
      const before = await fingerprint(server);
      const res = await client(server, secretariat).post(path, form(treatyDocx(), 'protocol.docx'));
      expect(res.body.error).toBeUndefined();
      expect(res.status).toBe(201);
      const text = await client(server, secretariat).get(`/api/instruments/${String(res.body.id)}/text`);
      expect(String(text.body.text)).toContain('It enters into force at once.');
      const after = await fingerprint(server);
      expect(after.instruments).toBe(before.instruments + 1);
    });
  });
}

/**
 * The worker's own ceilings, on the built importer: a document within every count that still needs more memory
 * or time than allowed ends its worker, and the process that started it goes on.
 */
describe('The DOCX import worker', () => {
  const importer = (heapMb: number, timeoutMs: number) => new DocxImporter({ MAX_UPLOAD_INFLATED_BYTES: 50 * MiB, DOCX_IMPORT_HEAP_MB: heapMb, DOCX_IMPORT_TIMEOUT_MS: timeoutMs });
  const longText = () => writeZip(docxEntries(documentXml(paragraphsXml(Array.from({ length: 20_000 }, (_, i) => (i % 50 === 0 ? `Article ${i / 50 + 1}` : `Paragraph ${i} of the text.`))))));

  it('refuses a document that needs more than its heap ceiling, and the next import works', async () => {
    const started = performance.now();
    await expect(importer(16, 60_000).import(longText(), 'en')).rejects.toMatchObject({ code: 'too-large', message: expect.stringMatching(/more than the 16 MiB of memory/) });
    measured.push(`worker | 20,000 paragraphs under a 16 MiB heap | refused in ${(performance.now() - started).toFixed(0)} ms`);
    const { doc } = await importer(256, 60_000).import(treatyDocx(), 'en');
    expect(JSON.stringify(doc)).toContain('It enters into force at once.');
  });

  it('runs two imports at once, lets four wait their turn and refuses the next one', async () => {
    const one = importer(256, 60_000);
    const outcomes = await Promise.allSettled(Array.from({ length: 7 }, () => one.import(treatyDocx(), 'en')));
    expect(outcomes.filter((o) => o.status === 'fulfilled')).toHaveLength(6);
    expect(outcomes.filter((o) => o.status === 'rejected').map((o) => (o as PromiseRejectedResult).reason as { code: string })).toEqual([
      expect.objectContaining({ code: 'too-many-attempts' }),
    ]);
  });

  it('ends an import that takes longer than its deadline', async () => {
    const started = performance.now();
    await expect(importer(256, 300).import(longText(), 'en')).rejects.toMatchObject({ code: 'too-large', message: expect.stringMatching(/longer than 0.3 seconds/) });
    const elapsed = performance.now() - started;
    measured.push(`worker | 20,000 paragraphs with a 300 ms deadline | refused in ${elapsed.toFixed(0)} ms`);
    expect(elapsed).toBeLessThan(3000);
  });
});

afterAll(() => {
  // The figures behind the bounds above, for the record of a run.
  process.stdout.write(`\nUpload bombs, as measured:\n  ${measured.join('\n  ')}\n`);
});
