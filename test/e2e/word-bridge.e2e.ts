import { consolidatedDocument } from '@concord/domain';
import { treatyFragment } from '@concord/schema';
import { readWordDocument } from '@concord/export';
import { createRequire } from 'node:module';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { WebsocketProvider } from 'y-websocket';
import { provider, synced, until } from '../support/collab';
import { BACKENDS } from '../support/databases';
import { convertWithLibreOffice, missing, renderDocx, unzipEntries as unzipText } from '../support/documents';
import { client, login, startServer, type TestServer } from '../support/server';
import { replaceText } from '../support/treaty-edit';

type Json = Record<string, unknown>;

/** The ZIP reader and writer of the server's own specs (apps/api/src/instruments/testing/zip-writer.ts), as built. */
const load = createRequire(__filename);
type RepeatedData = { readonly head: string; readonly body: string | Uint8Array; readonly times: number; readonly tail: string };
type ZipEntrySpec = { readonly name: string; readonly data: Uint8Array | string | RepeatedData };
const { docxEntries, documentXml, writeZip } = load(join(__dirname, '../../dist/apps/api/src/instruments/testing/zip-writer.js')) as {
  docxEntries(document: string | null): ZipEntrySpec[];
  documentXml(body: string): string;
  writeZip(entries: readonly ZipEntrySpec[]): Buffer;
};

const ARTICLE_3_P1 = 'This Convention shall apply, except as otherwise stated herein, to the prevention, investigation and prosecution of the offences established in accordance with this Convention.';
const ARTICLE_4_P2 =
  'Nothing in this Convention shall entitle a State Party to undertake in the territory of another State the exercise of jurisdiction and performance of functions that are reserved exclusively for the authorities of that other State by its domestic law.';

const escape = (text: string) => text.replace(/&/g, '&amp;').replace(/</g, '&lt;');

/**
 * A text document with tracked changes by "Egypt" as LibreOffice's own format records them (flat ODT): in
 * article 3 paragraph 1 "also " inserted, in article 4 paragraph 2 "exclusively " deleted. LibreOffice turns it
 * into the DOCX under test, so the file comes from a program nobody on the project wrote.
 */
function trackedOdt(first = ARTICLE_3_P1, second = ARTICLE_4_P2): string {
  const [before3, after3] = first.split('shall ');
  const [before4, after4] = second.split('exclusively ');
  return `<?xml version="1.0" encoding="UTF-8"?>
<office:document xmlns:office="urn:oasis:names:tc:opendocument:xmlns:office:1.0" xmlns:text="urn:oasis:names:tc:opendocument:xmlns:text:1.0" xmlns:dc="http://purl.org/dc/elements/1.1/" office:version="1.3" office:mimetype="application/vnd.oasis.opendocument.text">
 <office:body><office:text>
  <text:tracked-changes text:track-changes="true">
   <text:changed-region text:id="ct1"><text:insertion><office:change-info><dc:creator>Egypt</dc:creator><dc:date>2026-03-01T10:00:00</dc:date></office:change-info></text:insertion></text:changed-region>
   <text:changed-region text:id="ct2"><text:deletion><office:change-info><dc:creator>Egypt</dc:creator><dc:date>2026-03-01T10:05:00</dc:date></office:change-info><text:p>exclusively </text:p></text:deletion></text:changed-region>
  </text:tracked-changes>
  <text:p>Article 3</text:p>
  <text:p>Scope of application</text:p>
  <text:p>1.<text:tab/>${escape(before3 ?? '')}shall <text:change-start text:change-id="ct1"/>also <text:change-end text:change-id="ct1"/>${escape(after3 ?? '')}</text:p>
  <text:p>Article 4</text:p>
  <text:p>Protection of sovereignty</text:p>
  <text:p>2.<text:tab/>${escape(before4 ?? '')}<text:change text:change-id="ct2"/>${escape(after4 ?? '')}</text:p>
 </office:text></office:body>
</office:document>`;
}

const plainParagraphs = (lines: readonly string[]) => lines.map((line) => `<w:p><w:r><w:t xml:space="preserve">${escape(line)}</w:t></w:r></w:p>`).join('');
const docx = (body: string) => writeZip(docxEntries(documentXml(body)));

function form(file: Uint8Array, fields: Record<string, string> = {}): FormData {
  const body = new FormData();
  for (const [name, value] of Object.entries(fields)) body.set(name, value);
  body.set('file', new Blob([new Uint8Array(file)]), 'proposal.docx');
  return body;
}

const LIBREOFFICE = missing('libreoffice');

for (const backend of BACKENDS) {
  const skip = backend.skip ?? LIBREOFFICE;
  describe.skipIf(skip !== null)(`The Word bridge on ${backend.name}${skip ? ` (${skip})` : ''}`, () => {
    let server: TestServer;
    const tokens: Record<string, string> = {};
    const providers: WebsocketProvider[] = [];
    let instrumentId: string;
    const articles: Record<string, string> = {};
    let tracked: Buffer;
    const as = (who: string) => client(server, tokens[who]);

    async function space(title: string): Promise<{ id: string; document: string }> {
      const created = await as('egypt.head').post(`/api/instruments/${instrumentId}/drafting-spaces`, { title, language: 'en', provisionIds: [articles.scope, articles.sovereignty] });
      expect(created.status).toBe(201);
      return { id: String(created.body.id), document: String(created.body.document) };
    }

    async function open(document: string, who: string): Promise<WebsocketProvider> {
      const p = provider(server, document, tokens[who]);
      providers.push(p);
      await synced(p);
      return p;
    }

    const text = (p: WebsocketProvider) => treatyFragment(p.doc).toString();

    beforeAll(async () => {
      server = await startServer(await backend.create());
      for (const who of ['secretariat', 'egypt.head', 'egypt.delegate', 'brazil.head', 'observer']) tokens[who] = await login(server, `${who}@concord.test`);
      const committeeId = String(((await client(server).get('/api/committees')).body.items as Json[])[0].id);
      instrumentId = String(((await as('secretariat').get(`/api/committees/${committeeId}/instruments`)).body.items as Json[])[0].id);
      const base = await as('secretariat').get(`/api/instruments/${instrumentId}/text?lang=en`);
      const all = ((base.body.doc as Json).content as Json[]).flatMap((n) => (n.type === 'chapter' ? (n.content as Json[]) : [n])).filter((n) => n.type === 'article');
      const idOf = (heading: string) => String(((all.find((a) => JSON.stringify(a).includes(heading)) as Json).attrs as Json).id);
      articles.scope = idOf('Scope of application');
      articles.sovereignty = idOf('Protection of sovereignty');
      tracked = await convertWithLibreOffice(trackedOdt(), 'changes.fodt', 'docx:MS Word 2007 XML');
    }, 180_000);
    afterAll(async () => {
      for (const p of providers) p.destroy();
      await server?.close();
    });

    it('reads the tracked changes LibreOffice wrote, with their author', () => {
      const files = unzipText(tracked);
      const word = readWordDocument({ document: files.get('word/document.xml') ?? '' });
      const changes = word.paragraphs.flatMap((p) => p.segments.filter((s) => s.kind !== 'equal').map((s) => [s.kind, s.text, s.author]));
      expect(changes).toEqual([
        ['insert', 'also ', 'Egypt'],
        ['delete', 'exclusively ', 'Egypt'],
      ]);
    });

    it("applies Egypt's Word file while a delegate types elsewhere; the proposal equals the typed one", async () => {
      const uploaded = await space('From Word');
      const delegate = await open(uploaded.document, 'egypt.delegate');
      const preview = await as('egypt.head').post(`/api/drafting-spaces/${uploaded.id}/word/preview`, form(tracked));
      expect(preview.status).toBe(200);
      expect(preview.body).toMatchObject({ roundTrip: false, tracked: true, unplaced: [] });
      expect((preview.body.changes as Json[]).map((c) => [c.edits, c.authors, c.conflicts])).toEqual([
        [1, ['Egypt'], []],
        [1, ['Egypt'], []],
      ]);
      // Previewing wrote nothing.
      expect(text(delegate)).not.toContain('shall also apply');

      // Meanwhile the delegate types in another paragraph of the same space.
      replaceText(delegate.doc, 'sovereign equality', 'sovereign equality and political independence');
      const head = await open(uploaded.document, 'egypt.head');
      await until(() => text(head).includes('political independence'), 'the typed edit to reach the head');

      const applied = await as('egypt.head').post(`/api/drafting-spaces/${uploaded.id}/word/apply`, form(tracked, { digest: String(preview.body.digest) }));
      expect(applied.status).toBe(200);
      expect(applied.body.applied).toBe(2);
      await until(() => text(delegate).includes('shall also apply') && !text(delegate).includes('reserved exclusively'), 'the applied file to reach the delegate');
      expect(text(delegate)).toContain('political independence');

      // The same three changes typed by hand in a second space.
      const typed = await space('Typed');
      const typist = await open(typed.document, 'egypt.delegate');
      replaceText(typist.doc, 'This Convention shall apply', 'This Convention shall also apply');
      replaceText(typist.doc, 'reserved exclusively for', 'reserved for');
      replaceText(typist.doc, 'sovereign equality', 'sovereign equality and political independence');
      const check = await open(typed.document, 'egypt.head');
      await until(() => text(check).includes('reserved for') && text(check).includes('political independence') && text(check).includes('shall also'), 'the typed edits to be stored');

      const fromWord = await as('egypt.head').post(`/api/drafting-spaces/${uploaded.id}/submit`, { justification: 'From Word.' });
      const byHand = await as('egypt.head').post(`/api/drafting-spaces/${typed.id}/submit`, { justification: 'Typed.' });
      expect(fromWord.status).toBe(201);
      expect(byHand.status).toBe(201);
      expect(fromWord.body.changes).toEqual(byHand.body.changes);
      expect((fromWord.body.changes as Json[]).length).toBeGreaterThan(0);

      // The proposal's comparison as a Word file: LibreOffice keeps its tracked changes and prints the words in place.
      const comment = await as('egypt.head').post('/api/comments', { targetKind: 'proposal', targetId: String(fromWord.body.id), tier: 'committee', body: 'Prepared in Word by the capital.' });
      expect(comment.status).toBe(201);
      const download = await fetch(`${server.url}/api/proposals/${String(fromWord.body.id)}/compare/docx`, { headers: { authorization: `Bearer ${tokens['egypt.head']}` } });
      expect(download.status).toBe(200);
      expect(download.headers.get('content-type')).toContain('wordprocessingml');
      const bytes = new Uint8Array(await download.arrayBuffer());
      expect(unzipText(bytes).get('word/comments.xml')).toContain('Prepared in Word by the capital.');
      const resaved = await convertWithLibreOffice(bytes, 'comparison.docx', 'docx:MS Word 2007 XML');
      const back = readWordDocument({ document: unzipText(resaved).get('word/document.xml') ?? '' });
      const kept = back.paragraphs.flatMap((p) => p.segments.filter((s) => s.kind !== 'equal').map((s) => [s.kind, s.text.trim()]));
      expect(kept).toEqual(expect.arrayContaining([['insert', 'also'], ['delete', 'exclusively'], ['insert', 'political independence and']]));
      const pdf = (await renderDocx(bytes, 'word-bridge-proposal')).pages.join('\n').replace(/\s+/g, ' ');
      expect(pdf).toContain('shall also apply');
      expect(pdf).toContain('reserved exclusively for the authorities');
      expect(pdf).toContain('sovereign equality and political independence and territorial');
    }, 180_000);

    it('applies only what changed in Word since the download, on top of later edits, and shows conflicts', async () => {
      const roundTrip = await space('Round trip');
      const delegate = await open(roundTrip.document, 'egypt.delegate');
      const download = await fetch(`${server.url}/api/drafting-spaces/${roundTrip.id}/docx`, { headers: { authorization: `Bearer ${tokens['egypt.head']}` } });
      expect(download.status).toBe(200);
      const files = new Map(unzipText(new Uint8Array(await download.arrayBuffer())));
      // Edited in Word with tracking off: two words changed, one of them also changed in Concord meanwhile.
      const document = (files.get('word/document.xml') ?? '').replace('investigation and prosecution', 'investigation, prosecution and adjudication').replace('domestic law', 'national law');
      const edited = writeZip([...files].map(([name, data]) => ({ name, data: name === 'word/document.xml' ? document : data })));
      replaceText(delegate.doc, 'by its domestic law', 'by its own domestic law');
      replaceText(delegate.doc, 'sovereign equality', 'sovereign equality of States');
      const head = await open(roundTrip.document, 'egypt.head');
      await until(() => text(head).includes('own domestic law') && text(head).includes('equality of States'), 'the typed edits to be stored');

      const preview = await as('egypt.head').post(`/api/drafting-spaces/${roundTrip.id}/word/preview`, form(edited));
      expect(preview.body).toMatchObject({ roundTrip: true, unplaced: [] });
      const changes = preview.body.changes as Json[];
      expect(changes).toHaveLength(2);
      const adjudication = changes.find((c) => String(c.after).includes('adjudication'));
      expect(adjudication?.conflicts).toEqual([]);
      expect(Number(adjudication?.edits)).toBeGreaterThan(0);
      expect((changes.find((c) => String(c.after).includes('national law'))?.conflicts as Json[]).length).toBe(1);

      const applied = await as('egypt.head').post(`/api/drafting-spaces/${roundTrip.id}/word/apply`, form(edited, { digest: String(preview.body.digest) }));
      expect(applied.body.applied).toBe(adjudication?.edits);
      await until(() => text(delegate).includes('adjudication'), 'the round trip to be applied');
      expect(text(delegate)).toContain('own domestic law');
      expect(text(delegate)).toContain('equality of States');
      expect(text(delegate)).not.toContain('national law');
    }, 120_000);

    it('refuses bad files with a clear error and changes nothing', async () => {
      const target = await space('Bad files');
      const watcher = await open(target.document, 'egypt.head');
      const before = text(watcher);
      const other = await space('Other space');
      const otherDownload = new Uint8Array(await (await fetch(`${server.url}/api/drafting-spaces/${other.id}/docx`, { headers: { authorization: `Bearer ${tokens['egypt.head']}` } })).arrayBuffer());
      const foreign = await convertWithLibreOffice(
        trackedOdt('Fishing vessels flying the flag of a Party shall keep logbooks of their catch at sea.', 'Ports designated exclusively for landing fish are listed in the annex to this Agreement.'),
        'foreign.fodt',
        'docx:MS Word 2007 XML',
      );
      const cases: Array<[string, Uint8Array, number, RegExp]> = [
        ['not a DOCX', new TextEncoder().encode('%PDF-1.7 not a word file'), 422, /Not a DOCX file/],
        ['the DOCX of another drafting space', otherDownload, 422, /another drafting space/],
        ['provisions that do not match', foreign, 422, /None of the 2 changed paragraphs of this Word file matches a provision/],
        ['provisions of articles outside the space', docx(plainParagraphs(['Article 5', 'Illegal access', 'Each State Party shall adopt such measures.'])), 422, /No paragraph of this Word file matches/],
        [
          'tracked changes inside deleted text',
          docx(`<w:p><w:r><w:t xml:space="preserve">1.\t${escape(ARTICLE_3_P1.slice(0, 20))}</w:t></w:r><w:del w:id="1" w:author="X" w:date="2026-01-01T00:00:00Z"><w:r><w:delText>shall</w:delText></w:r><w:ins w:id="2" w:author="Y" w:date="2026-01-01T00:00:00Z"><w:r><w:t>must</w:t></w:r></w:ins></w:del></w:p>`),
          422,
          /insertion inside deleted text/,
        ],
        ['a bomb', writeZip([...docxEntries(documentXml(plainParagraphs(['Article 3']))), { name: 'word/media/image1.png', data: { head: '', body: new Uint8Array(1024 * 1024), times: 300, tail: '' } }]), 413, /too large/],
      ];
      for (const [name, bytes, status, says] of cases) {
        const res = await as('egypt.head').post(`/api/drafting-spaces/${target.id}/word/preview`, form(bytes));
        expect([name, res.status]).toEqual([name, status]);
        expect(res.body.error?.message).toMatch(says);
        const applied = await as('egypt.head').post(`/api/drafting-spaces/${target.id}/word/apply`, form(bytes, { digest: '0'.repeat(64) }));
        expect([name, applied.status]).toEqual([name, status]);
      }
      expect(text(watcher)).toBe(before);
    }, 180_000);

    it('downloads revision comparisons with tracked changes to whoever may read the comparison', async () => {
      const first = await as('secretariat').post(`/api/instruments/${instrumentId}/revisions`, { tier: 'public', symbol: 'A/AC.291/30', date: '2027-02-01' });
      expect(first.status).toBe(201);
      const editor = await open(consolidatedDocument(instrumentId, 'en'), 'secretariat');
      replaceText(editor.doc, 'the interception without right', 'the interception without right or authorization');
      const watcher = await open(consolidatedDocument(instrumentId, 'en'), 'egypt.delegate');
      await until(() => text(watcher).includes('or authorization'), 'the secretariat edit to be stored');
      const second = await as('secretariat').post(`/api/instruments/${instrumentId}/revisions`, { tier: 'public', symbol: 'A/AC.291/30/Rev.1', date: '2027-03-01' });
      expect(second.status).toBe(201);
      const [r1, r2] = [String(first.body.id), String(second.body.id)];

      const changesIn = async (res: Response) => {
        expect(res.status).toBe(200);
        const word = readWordDocument({ document: unzipText(new Uint8Array(await res.arrayBuffer())).get('word/document.xml') ?? '' });
        return word.paragraphs.flatMap((p) => p.segments.filter((s) => s.kind !== 'equal').map((s) => [s.kind, s.text, s.author]));
      };
      expect(await changesIn(await fetch(`${server.url}/api/public/revisions/${r1}/compare/${r2}/docx`))).toEqual([['insert', ' or authorization', 'A/AC.291/30/Rev.1']]);
      expect(await changesIn(await fetch(`${server.url}/api/revisions/${r1}/compare/${r2}/docx?lang=en`))).toHaveLength(1);
      // The live draft is the committee's: its comparison is not public.
      replaceText(editor.doc, 'Illegal access', 'Illegal access to systems');
      await until(() => text(watcher).includes('access to systems'), 'the second edit to be stored');
      const live = await fetch(`${server.url}/api/revisions/${r2}/compare/live/docx`, { headers: { authorization: `Bearer ${tokens['egypt.delegate']}` } });
      expect((await changesIn(live)).map(([kind, words]) => [kind, words])).toEqual([['insert', ' to systems']]);
      expect((await fetch(`${server.url}/api/revisions/${r2}/compare/live/docx`)).status).toBe(404);
      expect((await fetch(`${server.url}/api/public/revisions/${r2}/compare/live/docx`)).status).toBe(404);
    }, 120_000);

    it('lets only members who may write the space upload, and only readers download it', async () => {
      const target = await space('Members only');
      const body = () => form(tracked);
      for (const who of ['brazil.head', 'secretariat', 'observer']) {
        expect((await as(who).post(`/api/drafting-spaces/${target.id}/word/preview`, body())).status).toBe(404);
        expect((await as(who).post(`/api/drafting-spaces/${target.id}/word/apply`, form(tracked, { digest: '0'.repeat(64) }))).status).toBe(404);
        expect((await as(who).get(`/api/drafting-spaces/${target.id}/docx`)).status).toBe(404);
      }
      expect((await client(server).post(`/api/drafting-spaces/${target.id}/word/preview`, body())).status).toBe(401);
      // A delegation invited to co-sponsor reads the space but may not write it.
      const committeeId = String(((await client(server).get('/api/committees')).body.items as Json[])[0].id);
      const brazil = ((await client(server).get(`/api/committees/${committeeId}/delegations`)).body.items as Json[]).find((d) => d.code === 'BRA') as Json;
      await as('egypt.head').post(`/api/drafting-spaces/${target.id}/co-sponsors`, { delegationId: brazil.id });
      expect((await as('brazil.head').get(`/api/drafting-spaces/${target.id}/docx`)).status).toBe(200);
      expect((await as('brazil.head').post(`/api/drafting-spaces/${target.id}/word/preview`, body())).status).toBe(403);
    }, 120_000);
  });
}
