import { consolidatedDocument } from '@concord/domain';
import ExcelJS from 'exceljs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { WebsocketProvider } from 'y-websocket';
import { docFromYFragment, treatySchema, treatyFragment } from '@concord/schema';
import { provider, relayed, synced } from '../support/collab';
import { BACKENDS } from '../support/databases';
import { missing, renderDocx, tools } from '../support/documents';
import { accepted, openStream } from '../support/sse';
import { client, login, startServer, type TestServer } from '../support/server';
import { editTreaty } from '../support/treaty-edit';

type Json = Record<string, unknown>;
interface NodeJson {
  type: string;
  attrs?: Record<string, unknown>;
  content?: NodeJson[];
}

/** The ids of article `n` (1-based, in document order) and of its paragraphs. */
function article(doc: NodeJson, n: number): { id: string; paragraphs: string[] } {
  const articles: NodeJson[] = [];
  const walk = (node: NodeJson): void => {
    if (node.type === 'article') articles.push(node);
    else (node.content ?? []).forEach(walk);
  };
  walk(doc);
  const found = articles[n - 1];
  if (!found) throw new Error(`no article ${n}`);
  return { id: String(found.attrs?.id), paragraphs: (found.content ?? []).filter((c) => c.type === 'paragraph').map((c) => String(c.attrs?.id)) };
}

const SECRETARIAT_NAME = 'Lena Okafor';
const EGYPT_REMARK = 'Egypt considers that the words "except as otherwise stated herein" should be deleted from this paragraph.';
const EGYPT_GENERAL = 'مصر ترحب بالمسودة وتؤكد على أهمية احترام السيادة.';
const EU_REMARK = 'The European Union proposes to align the offence of illegal access with the Budapest Convention.';
const COE_REMARK = 'The Council of Europe recalls the standards of its Convention on Cybercrime on the protection of sovereignty.';

/**
 * Comment tracking as a process (issue 13): a call for written comments on a public revision, written comments of a
 * delegation (drafted by a delegate, submitted by its head), a group and an observer organization (late), what each
 * sees before publication, dispositions with their history, publication, the public reading them beside the
 * provisions and in the feed, the compilation and matrix, and the comments followed onto the next revision.
 */
for (const backend of BACKENDS) {
  describe.skipIf(backend.skip !== null)(`Comment periods on ${backend.name}${backend.skip ? ` (${backend.skip})` : ''}`, () => {
    let server: TestServer;
    const tokens: Record<string, string> = {};
    const providers: WebsocketProvider[] = [];
    let instrumentId: string;
    let revision: Json;
    let doc: NodeJson;
    let period: Json;
    let egypt: Json;
    let eu: Json;
    let coe: Json;
    const ids: Record<string, string> = {};
    const as = (who: string) => client(server, tokens[who]);
    const anonymous = () => client(server);

    beforeAll(async () => {
      server = await startServer(await backend.create());
      for (const who of ['secretariat', 'chair', 'egypt.delegate', 'egypt.head', 'eu.head', 'france.delegate', 'observer']) tokens[who] = await login(server, `${who}@concord.test`);
      const committeeId = String(((await anonymous().get('/api/committees')).body.items as Json[])[0].id);
      instrumentId = String(((await as('secretariat').get(`/api/committees/${committeeId}/instruments`)).body.items as Json[])[0].id);
      const published = await as('secretariat').post(`/api/instruments/${instrumentId}/revisions`, { tier: 'public', symbol: 'A/AC.291/22', date: '2027-01-10' });
      expect(published.status).toBe(201);
      revision = published.body;
      doc = (await anonymous().get(`/api/public/revisions/${String(revision.id)}`)).body.doc as NodeJson;
      ids.article3para2 = article(doc, 3).paragraphs[1];
      ids.article4para1 = article(doc, 4).paragraphs[0];
      ids.article5 = article(doc, 5).id;
    }, 60_000);
    afterAll(async () => {
      for (const p of providers) p.destroy();
      await server?.close();
    });

    it('lets only the secretariat open a period, on a text that exists, with a deadline in the future', async () => {
      const body = { targetKind: 'revision', targetId: String(revision.id), title: 'Written comments on the draft convention', deadline: new Date(Date.now() + 4000).toISOString(), publication: 'at-close', allowObservers: true };
      expect((await as('egypt.head').post('/api/comment-periods', body)).status).toBe(403);
      expect((await as('observer').post('/api/comment-periods', body)).status).toBe(403);
      expect((await anonymous().post('/api/comment-periods', body)).status).toBe(401);
      expect((await as('secretariat').post('/api/comment-periods', { ...body, targetId: '00000000-0000-4000-8000-000000000000' })).body.error?.code).toBe('comment-period-target-not-found');
      expect((await as('secretariat').post('/api/comment-periods', { ...body, deadline: '2020-01-01T00:00:00Z' })).body.error?.code).toBe('validation-failed');
      expect((await as('secretariat').post('/api/comment-periods', { ...body, publication: 'whenever' })).body.error?.code).toBe('validation-failed');

      const inbox = accepted(await openStream(server, '/api/inbox/stream', { token: tokens['egypt.delegate'] }));
      const opened = await as('secretariat').post('/api/comment-periods', body);
      expect(opened.status).toBe(201);
      period = opened.body;
      expect(period).toMatchObject({ state: 'open', tier: 'public', targetLabel: 'A/AC.291/22', publication: 'at-close', allowObservers: true });
      // Delegates hear of it live, with the count for the header.
      const item = await inbox.next((e) => e.type === 'item', 'the period in the inbox');
      expect(item.data).toMatchObject({ item: { kind: 'comment-period-opened', facts: { title: 'Written comments on the draft convention' } }, unread: 1 });
      inbox.close();
      expect(((await as('observer').get('/api/inbox')).body.items as Json[]).map((i) => i.kind)).toContain('comment-period-opened');
      expect(((await as('secretariat').get('/api/inbox')).body.items as Json[])).toEqual([]);
    });

    it('lets Egypt draft privately (a delegate writes, only the head submits)', async () => {
      const draft = await as('egypt.delegate').post(`/api/comment-periods/${String(period.id)}/written-comments`, {
        language: 'en',
        remarks: [
          { provisionId: ids.article3para2, body: EGYPT_REMARK, proposedWording: 'For the purposes of implementing this Convention, it shall not be necessary for the offences set forth in it to result in damage or harm to property.' },
          { body: EGYPT_GENERAL },
        ],
      });
      expect(draft.status).toBe(201);
      egypt = draft.body;
      expect(egypt).toMatchObject({ status: 'draft', tier: 'delegation', number: null, delegationCode: 'EGY' });
      expect((egypt.remarks as Json[])[0]).toMatchObject({ provisionId: ids.article3para2, provisionLabel: 'Article 3 (2)' });
      // Nobody outside Egypt sees the draft: not the secretariat, not another delegation.
      for (const who of ['secretariat', 'eu.head', 'chair', 'observer']) {
        expect((await as(who).get(`/api/written-comments/${String(egypt.id)}`)).status, who).toBe(404);
        expect(((await as(who).get(`/api/comment-periods/${String(period.id)}/written-comments`)).body.items as Json[]).map((c) => c.id), who).not.toContain(egypt.id);
      }
      expect((await as('eu.head').put(`/api/written-comments/${String(egypt.id)}`, { language: 'en', remarks: [{ body: 'hijack' }] })).status).toBe(404);
      expect((await as('egypt.delegate').post(`/api/comment-periods/${String(period.id)}/written-comments`, { language: 'en', remarks: [{ provisionId: 'no-such-provision', body: 'x' }] })).body.error?.code).toBe('provision-not-found');
      expect((await as('egypt.delegate').post(`/api/comment-periods/${String(period.id)}/written-comments`, { language: 'xx', remarks: [{ body: 'x' }] })).body.error?.code).toBe('validation-failed');
      expect((await as('egypt.delegate').post(`/api/written-comments/${String(egypt.id)}/submit`)).status).toBe(403);
      // Nor does the secretariat's audit log tell of it: that Egypt drafts, edits or discards, and how many remarks.
      const discarded = await as('egypt.delegate').post(`/api/comment-periods/${String(period.id)}/written-comments`, { language: 'en', remarks: [{ body: 'Second thoughts.' }] });
      expect(discarded.status).toBe(201);
      expect((await as('egypt.delegate').delete(`/api/written-comments/${String(discarded.body.id)}`)).status).toBe(204);
      const drafting = JSON.stringify((await as('secretariat').get('/api/audit?limit=50')).body);
      for (const secret of [String(egypt.id), String(discarded.body.id), 'written-comment.draft', 'written-comment.discard', '"remarks":2']) expect(drafting).not.toContain(secret);
      const submitted = await as('egypt.head').post(`/api/written-comments/${String(egypt.id)}/submit`);
      expect(submitted.status).toBe(200);
      egypt = submitted.body;
      expect(egypt).toMatchObject({ status: 'submitted', number: 1, late: false, tier: 'committee', publishedAt: null });
      expect((await as('egypt.delegate').put(`/api/written-comments/${String(egypt.id)}`, { language: 'en', remarks: [{ body: 'changed' }] })).body.error?.code).toBe('invalid-transition');
    });

    it('receives the EU on time and the observer organization late, flagged', async () => {
      const draft = await as('eu.head').post(`/api/comment-periods/${String(period.id)}/written-comments`, { language: 'en', remarks: [{ provisionId: ids.article5, body: EU_REMARK }] });
      eu = (await as('eu.head').post(`/api/written-comments/${String(draft.body.id)}/submit`)).body;
      expect(eu).toMatchObject({ status: 'submitted', number: 2, late: false, delegationCode: 'EU' });
      // The deadline passes; a submission is still received, and flagged.
      await new Promise((resolve) => setTimeout(resolve, Math.max(0, new Date(String(period.deadline)).getTime() - Date.now() + 100)));
      expect((await as('secretariat').get(`/api/comment-periods/${String(period.id)}`)).body).toMatchObject({ state: 'past-deadline' });
      const observerDraft = await as('observer').post(`/api/comment-periods/${String(period.id)}/written-comments`, { language: 'en', remarks: [{ provisionId: ids.article4para1, body: COE_REMARK }] });
      expect(observerDraft.status).toBe(201);
      coe = (await as('observer').post(`/api/written-comments/${String(observerDraft.body.id)}/submit`)).body;
      expect(coe).toMatchObject({ status: 'submitted', number: 3, late: true, delegationCode: 'COE' });
    });

    it('shows before publication: the committee sees all, an observer only its own, the public nothing', async () => {
      const list = async (who: string) => ((await as(who).get(`/api/comment-periods/${String(period.id)}/written-comments`)).body.items as Json[]).map((c) => c.delegationCode).sort();
      expect(await list('france.delegate')).toEqual(['COE', 'EGY', 'EU']);
      expect(await list('secretariat')).toEqual(['COE', 'EGY', 'EU']);
      expect(await list('observer')).toEqual(['COE']);
      expect((await as('observer').get(`/api/written-comments/${String(egypt.id)}`)).status).toBe(404);
      expect(((await anonymous().get(`/api/public/comment-periods/${String(period.id)}/written-comments`)).body.items as Json[])).toEqual([]);
      expect((await anonymous().get(`/api/public/written-comments/${String(egypt.id)}`)).status).toBe(404);
      expect(await (await fetch(`${server.url}/api/public/comments.atom`)).text()).not.toContain('Egypt considers');
    });

    it('records dispositions with their history: the commenter sees its own at once, others once published', async () => {
      const egyptRemark = (egypt.remarks as Json[])[0];
      const remarkId = String(egyptRemark.id);
      expect((await as('egypt.head').post(`/api/written-remarks/${remarkId}/dispositions`, { disposition: 'accepted', response: 'self-serving' })).status).toBe(403);
      expect((await as('observer').post(`/api/written-remarks/${remarkId}/dispositions`, { disposition: 'accepted', response: '' })).status).toBe(404);
      expect((await as('secretariat').post(`/api/written-remarks/${remarkId}/dispositions`, { disposition: 'maybe', response: '' })).body.error?.code).toBe('validation-failed');
      const inbox = accepted(await openStream(server, '/api/inbox/stream', { token: tokens['egypt.head'] }));
      const first = await as('secretariat').post(`/api/written-remarks/${remarkId}/dispositions`, { disposition: 'to-be-discussed', response: 'To be taken up at the second session.' });
      expect(first.status).toBe(201);
      await inbox.next((e) => e.type === 'item' && (e.data as { item: Json }).item.kind === 'comment-disposition', 'the disposition in the inbox');
      inbox.close();
      const second = await as('secretariat').post(`/api/written-remarks/${remarkId}/dispositions`, { disposition: 'accepted-in-part', response: 'The words are deleted; the rest is kept.' });
      const seen = (second.body.remarks as Json[])[0];
      expect(seen.disposition).toMatchObject({ disposition: 'accepted-in-part' });
      expect((seen.dispositionHistory as Json[]).map((d) => d.disposition)).toEqual(['to-be-discussed', 'accepted-in-part']);
      expect((seen.dispositionHistory as Json[])[0].recordedBy).toBe(SECRETARIAT_NAME);
      await as('secretariat').post(`/api/written-remarks/${String((eu.remarks as Json[])[0].id)}/dispositions`, { disposition: 'noted', response: 'Noted.' });
      await as('secretariat').post(`/api/written-remarks/${String((coe.remarks as Json[])[0].id)}/dispositions`, { disposition: 'not-accepted', response: 'Outside the scope of the article.' });

      const own = (await as('egypt.delegate').get(`/api/written-comments/${String(egypt.id)}`)).body;
      expect(((own.remarks as Json[])[0].disposition as Json).disposition).toBe('accepted-in-part');
      expect(((await as('eu.head').get(`/api/written-comments/${String(egypt.id)}`)).body.remarks as Json[])[0].disposition).toBeNull();
      expect(((await as('chair').get(`/api/written-comments/${String(egypt.id)}`)).body.remarks as Json[])[0].disposition).toBeNull();
      const matrix = await as('secretariat').get(`/api/comment-periods/${String(period.id)}/matrix?disposition=not-accepted`);
      expect((matrix.body.items as Json[]).map((r) => r.commenter)).toEqual(['Council of Europe']);
      expect(((await as('secretariat').get(`/api/comment-periods/${String(period.id)}/matrix?provision=general`)).body.items as Json[]).map((r) => r.number)).toEqual(['1.2']);
      expect((await as('observer').get(`/api/comment-periods/${String(period.id)}/matrix`)).body.items as Json[]).toHaveLength(1);
    });

    it('publishes: the public reads comments and dispositions beside the provisions and in the feed', async () => {
      expect((await as('egypt.head').post(`/api/comment-periods/${String(period.id)}/publish`)).status).toBe(403);
      expect((await as('secretariat').post(`/api/comment-periods/${String(period.id)}/close`)).body).toMatchObject({ state: 'closed' });
      expect((await as('egypt.head').post(`/api/comment-periods/${String(period.id)}/written-comments`, { language: 'en', remarks: [{ body: 'too late' }] })).body.error?.code).toBe('comment-period-closed');
      const published = await as('secretariat').post(`/api/comment-periods/${String(period.id)}/publish`);
      expect(published.status).toBe(200);
      expect((published.body.history as Json[]).map((h) => h.action)).toEqual(['opened', 'closed', 'published']);

      const list = (await anonymous().get(`/api/public/comment-periods/${String(period.id)}/written-comments`)).body.items as Json[];
      expect(list.map((c) => c.delegationCode)).toEqual(['EGY', 'EU', 'COE']);
      expect(list.find((c) => c.delegationCode === 'COE')).toMatchObject({ late: true, tier: 'public' });
      expect(((list[0].remarks as Json[])[0].disposition as Json).disposition).toBe('accepted-in-part');
      const beside = (await anonymous().get(`/api/public/revisions/${String(revision.id)}/written-comments`)).body.items as Json[];
      expect(beside.map((r) => [r.currentLabel, (r.comment as Json).delegationCode])).toEqual([
        ['Article 3 (2)', 'EGY'],
        ['Article 4 (1)', 'COE'],
        ['Article 5', 'EU'],
      ]);
      const feed = await fetch(`${server.url}/api/public/comments.atom`);
      expect(feed.headers.get('content-type')).toContain('application/atom+xml');
      const xml = await feed.text();
      expect(xml).toContain('<feed xmlns="http://www.w3.org/2005/Atom">');
      expect(xml).toContain('Egypt considers that the words');
      expect(xml).toContain('(late)');
    });

    it('renders the compilation of comments in English and Arabic, as HTML and DOCX', async () => {
      const html = await fetch(`${server.url}/api/public/comment-periods/${String(period.id)}/compilation?format=html&lang=en`);
      expect(html.headers.get('content-type')).toContain('text/html');
      const page = await html.text();
      expect(page).toContain('Compilation of comments received');
      expect(page).toContain('in no order of priority');
      expect(page).toContain('A/AC.291/22');
      expect(page).toContain(EGYPT_REMARK);
      expect(page).toContain(EGYPT_GENERAL);
      expect(page).toContain('Received after the deadline');
      expect(page.indexOf('General comments')).toBeLessThan(page.indexOf('Article 3 (2)'));
      expect(page.indexOf('Article 3 (2)')).toBeLessThan(page.indexOf('Article 5'));
      const arabic = await (await fetch(`${server.url}/api/public/comment-periods/${String(period.id)}/compilation?format=html&lang=ar`)).text();
      expect(arabic).toContain('<html lang="ar" dir="rtl">');
      expect(arabic).toContain('تجميع التعليقات الواردة');
      expect(arabic).toContain(EU_REMARK);
      expect((await fetch(`${server.url}/api/public/comment-periods/${String(period.id)}/compilation?format=pdf`)).status).toBe(400);
    });

    it.skipIf(!tools.libreoffice)(`renders the DOCX compilation to PDF with LibreOffice${missing('libreoffice') ? ` (${missing('libreoffice')})` : ''}`, async () => {
      for (const lang of ['en', 'ar']) {
        const docx = await fetch(`${server.url}/api/public/comment-periods/${String(period.id)}/compilation?format=docx&lang=${lang}`);
        expect(docx.headers.get('content-disposition')).toBe(`attachment; filename="comments_A_AC.291_22_${lang}.docx"`);
        const rendered = await renderDocx(new Uint8Array(await docx.arrayBuffer()), `comments-${backend.name}-${lang}`);
        const text = rendered.pages.join('\n').replace(/\s+/g, ' ');
        expect(text).toContain('A/AC.291/22');
        expect(text).toContain(lang === 'en' ? 'Council of Europe' : 'مجلس أوروبا');
        expect(text).toContain(lang === 'en' ? 'Compilation of comments received' : 'التعليقات');
      }
    }, 240_000);

    it('exports the matrix as XLSX (read back with exceljs) and CSV', async () => {
      const xlsx = await fetch(`${server.url}/api/comment-periods/${String(period.id)}/matrix?format=xlsx`, { headers: { authorization: `Bearer ${tokens.secretariat}` } });
      expect(xlsx.headers.get('content-type')).toContain('spreadsheetml');
      const workbook = new ExcelJS.Workbook();
      await workbook.xlsx.load(await xlsx.arrayBuffer());
      const sheet = workbook.worksheets[0];
      const rows: string[][] = [];
      sheet.eachRow((row) => rows.push((row.values as unknown[]).slice(1).map((v) => String(v ?? ''))));
      expect(rows[0]).toEqual(['No.', 'Provision', 'Commenter', 'Language', 'Late', 'Comment', 'Proposed wording', 'Disposition', 'Response', 'Addressed in', 'Comment period']);
      expect(rows.slice(1).map((r) => [r[0], r[1], r[2], r[4], r[7]])).toEqual([
        ['1.2', 'General comments', 'Egypt', '', ''],
        ['1.1', 'Article 3 (2)', 'Egypt', '', 'Accepted in part'],
        ['3.1', 'Article 4 (1)', 'Council of Europe', 'yes', 'Not accepted'],
        ['2.1', 'Article 5', 'European Union and its member States', '', 'Noted'],
      ]);
      const bytes = Buffer.from(await (await fetch(`${server.url}/api/public/comment-periods/${String(period.id)}/matrix?format=csv`)).arrayBuffer());
      // A byte order mark first, so that spreadsheets read the file as UTF-8.
      expect([...bytes.subarray(0, 3)]).toEqual([0xef, 0xbb, 0xbf]);
      const csv = bytes.subarray(3).toString('utf8');
      expect(csv.startsWith('No.,Provision,Commenter')).toBe(true);
      expect(csv).toContain('"Egypt considers that the words ""except as otherwise stated herein"" should be deleted from this paragraph."');
      expect(csv.split('\r\n').filter((l) => l !== '')).toHaveLength(5);
    });

    it('follows the comments onto the next revision: a moved and changed provision keeps them, marked', async () => {
      const document = consolidatedDocument(instrumentId, 'en');
      const editor = provider(server, document, tokens.secretariat);
      providers.push(editor);
      await synced(editor);
      // Paragraph 2 of article 3 moves to the end of article 4, with new words.
      editTreaty(editor.doc, (state) => {
        let moving: { pos: number; size: number } | null = null;
        let target = -1;
        state.doc.descendants((node, pos) => {
          if (node.attrs['id'] === ids.article3para2) moving = { pos, size: node.nodeSize };
          if (node.attrs['id'] === article(doc, 4).id) target = pos + node.nodeSize - 1;
          return true;
        });
        if (!moving || target < 0) throw new Error('provisions not found');
        const { pos, size } = moving;
        const paragraph = treatySchema.nodes.paragraph.create({ id: ids.article3para2 }, [treatySchema.nodes.text_block.create(null, treatySchema.text('No damage or harm to property need result from the offences.'))]);
        return state.tr.insert(target, paragraph).delete(pos, pos + size).doc;
      });
      await relayed(server, document, tokens.secretariat, (ydoc) => docFromYFragment(treatyFragment(ydoc)).textContent.includes('No damage or harm'));
      const next = await as('secretariat').post(`/api/instruments/${instrumentId}/revisions`, { tier: 'public' });
      expect(next.body).toMatchObject({ symbol: 'A/AC.291/22/Rev.1' });
      const beside = (await anonymous().get(`/api/public/revisions/${String(next.body.id)}/written-comments`)).body.items as Json[];
      const moved = beside.find((r) => (r.comment as Json).delegationCode === 'EGY');
      expect(moved).toMatchObject({ currentLabel: 'Article 4 (3)', textChanged: true, moved: true, deleted: false, revisionSymbol: 'A/AC.291/22' });
      expect(beside.find((r) => (r.comment as Json).delegationCode === 'EU')).toMatchObject({ currentLabel: 'Article 5', textChanged: false, deleted: false });
      // The secretariat records where it was addressed, in the new revision.
      const addressed = await as('secretariat').post(`/api/written-remarks/${String((egypt.remarks as Json[])[0].id)}/dispositions`, {
        disposition: 'accepted-in-part',
        response: 'The words are deleted; the rest is kept.',
        addressedRevisionId: String(next.body.id),
        addressedProvisionId: ids.article3para2,
      });
      expect(((addressed.body.remarks as Json[])[0].disposition as Json)).toMatchObject({ addressedRevisionSymbol: 'A/AC.291/22/Rev.1', addressedProvisionId: ids.article3para2, addressedProvisionLabel: 'Article 4 (3)' });
      const csv = Buffer.from(await (await fetch(`${server.url}/api/public/comment-periods/${String(period.id)}/matrix?format=csv`)).arrayBuffer()).toString('utf8');
      expect(csv).toContain('A/AC.291/22/Rev.1, Article 4 (3)');
      expect((await as('secretariat').post(`/api/written-remarks/${String((egypt.remarks as Json[])[0].id)}/dispositions`, { disposition: 'accepted', response: '', addressedRevisionId: String(next.body.id), addressedProvisionId: 'nowhere' })).body.error?.code).toBe('provision-not-found');
    });

    it('supersedes a submitted comment with a revised one, keeping both', async () => {
      const again = await as('secretariat').post('/api/comment-periods', { targetKind: 'revision', targetId: String(revision.id), title: 'Second round', deadline: new Date(Date.now() + 3_600_000).toISOString(), publication: 'on-arrival', allowObservers: false });
      expect(again.status).toBe(201);
      const first = await as('egypt.head').post(`/api/comment-periods/${String(again.body.id)}/written-comments`, { language: 'ar', remarks: [{ body: 'تعليق أول' }] });
      const one = (await as('egypt.head').post(`/api/written-comments/${String(first.body.id)}/submit`)).body;
      expect(one).toMatchObject({ tier: 'public', number: 1 });
      expect((await anonymous().get(`/api/public/comment-periods/${String(again.body.id)}/written-comments`)).body.items as Json[]).toHaveLength(1);
      expect((await as('observer').post(`/api/comment-periods/${String(again.body.id)}/written-comments`, { language: 'en', remarks: [{ body: 'x' }] })).body.error?.message).toMatch(/observers/);
      const revised = await as('egypt.delegate').post(`/api/comment-periods/${String(again.body.id)}/written-comments`, { language: 'ar', supersedesId: String(one.id), remarks: [{ body: 'تعليق منقح' }] });
      const two = (await as('egypt.head').post(`/api/written-comments/${String(revised.body.id)}/submit`)).body;
      expect(two).toMatchObject({ number: 2, supersedesId: one.id });
      const list = (await as('eu.head').get(`/api/comment-periods/${String(again.body.id)}/written-comments`)).body.items as Json[];
      expect(list.map((c) => [c.number, c.status])).toEqual([[1, 'superseded'], [2, 'submitted']]);
      expect(((await as('secretariat').post(`/api/comment-periods/${String(again.body.id)}/extend`, { deadline: new Date(Date.now() + 7_200_000).toISOString() })).body.history as Json[]).map((h) => h.action)).toEqual(['opened', 'extended']);
      expect((await as('secretariat').post(`/api/comment-periods/${String(again.body.id)}/extend`, { deadline: new Date(Date.now() + 60_000).toISOString() })).body.error?.code).toBe('validation-failed');
    });
  });
}
