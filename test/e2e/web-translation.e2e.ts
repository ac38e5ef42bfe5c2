import { consolidatedDocument } from '@concord/domain';
import { docFromYFragment, newNodeId, provenanceTracking, treatySchema, type ProvenanceAttrs, treatyFragment } from '@concord/schema';
import type { Node } from 'prosemirror-model';
import { EditorState } from 'prosemirror-state';
import type { Browser } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { WebsocketProvider } from 'y-websocket';
import type * as Y from 'yjs';
import { BROWSER_SKIP_REASON, launchBrowser, recordProblems, screenshot, seriousAccessibilityViolations, signIn } from '../support/browser';
import { provider, relayed, synced } from '../support/collab';
import { scratchSqlite } from '../support/databases';
import { client, login, startServer, type TestServer } from '../support/server';
import { editTreaty, replaceText } from '../support/treaty-edit';

type Json = Record<string, unknown>;

const treaty = (doc: Y.Doc): Node => docFromYFragment(treatyFragment(doc));

/** Every text of a document with its marks, "words|[bracket],kind:DELEGATIONS". */
function markedTexts(doc: Node, within: (node: Node) => boolean = () => true): string[] {
  const out: string[] = [];
  const visit = (node: Node, inside: boolean): void => {
    const here = inside || within(node);
    if (node.isText) {
      if (!here) return;
      const marks = node.marks.map((m) =>
        m.type.name === 'bracket' ? '[bracket]' : `${String(m.attrs['kind'])}:${(m.attrs['delegations'] as string[]).join('+')}`,
      );
      out.push(`${node.text ?? ''}|${marks.join(',')}`);
      return;
    }
    node.forEach((child) => visit(child, here));
  };
  visit(doc, false);
  return out;
}

function nodeById(doc: Node, id: string): Node | null {
  let found: Node | null = null;
  doc.descendants((node) => {
    if (found) return false;
    if (node.attrs['id'] === id) found = node;
    return !found;
  });
  return found;
}

/** Ids of the nodes whose own text blocks (not their sub-provisions') hold text marked as `mark` says. */
function ownersOf(doc: Node, marked: string): string[] {
  const ids: string[] = [];
  doc.descendants((node) => {
    const id = node.attrs['id'];
    if (typeof id !== 'string') return true;
    const own: Node[] = node.isTextblock ? [node] : node.children.filter((child) => child.isTextblock);
    if (own.some((block) => markedTexts(block).some((t) => t.includes(marked)))) ids.push(id);
    return true;
  });
  return ids;
}

/** The article whose heading is `heading`, and its paragraphs (those in options included), in order. */
function articleNamed(doc: Node, heading: string): { article: Node; paragraphs: Node[] } {
  let article: Node | null = null;
  doc.descendants((node) => {
    if (article) return false;
    if (node.type.name === 'article' && node.firstChild?.textContent === heading) article = node;
    return !article;
  });
  if (!article) throw new Error(`no article "${heading}"`);
  const paragraphs: Node[] = [];
  (article as Node).descendants((node) => {
    if (node.type.name === 'paragraph') paragraphs.push(node);
    return true;
  });
  return { article, paragraphs };
}

describe.skipIf(BROWSER_SKIP_REASON !== null)(
  `Translation inside the structure, in Chromium${BROWSER_SKIP_REASON ? ` (${BROWSER_SKIP_REASON})` : ''}`,
  () => {
    let server: TestServer;
    let browser: Browser;
    const tokens: Record<string, string> = {};
    const providers: WebsocketProvider[] = [];
    let committeeId = '';
    let instrumentId = '';
    let optionParagraphs: string[] = [];
    let bracketedParagraph = '';
    const as = (who: string) => client(server, tokens[who]);

    beforeAll(async () => {
      server = await startServer(scratchSqlite());
      browser = await launchBrowser();
      for (const who of ['secretariat', 'egypt.head', 'brazil.head']) tokens[who] = await login(server, `${who}@concord.test`);
      committeeId = String(((await client(server).get('/api/committees')).body.items as Json[])[0]?.id);
      instrumentId = String(((await as('secretariat').get(`/api/committees/${committeeId}/instruments`)).body.items as Json[])[0]?.id);
    });
    afterAll(async () => {
      for (const p of providers) p.destroy();
      await browser?.close();
      await server?.close();
    });

    it('compiles a provision with options, a proposal’s words, brackets and a secretariat edit, and starts Arabic and French versions', async () => {
      const text = await as('secretariat').get(`/api/instruments/${instrumentId}/text?lang=en`);
      const articles = ((text.body.doc as Json).content as Json[])
        .flatMap((node) => (node.type === 'chapter' ? (node.content as Json[]) : [node]))
        .filter((node) => node.type === 'article');
      const sovereignty = String(((articles.find((a) => JSON.stringify(a).includes('Protection of sovereignty')) as Json).attrs as Json).id);
      const wordings: Record<string, string> = { 'egypt.head': 'sovereign equality of all States ', 'brazil.head': 'sovereign equality of nations' };
      for (const [head, replacement] of Object.entries(wordings)) {
        const space = await as(head).post(`/api/instruments/${instrumentId}/drafting-spaces`, { title: `Sovereignty (${head})`, language: 'en', provisionIds: [sovereignty] });
        const writer = provider(server, String(space.body.document), tokens[head] ?? '');
        providers.push(writer);
        await synced(writer);
        replaceText(writer.doc, 'sovereign equality', replacement);
        await relayed(server, String(space.body.document), tokens[head] ?? '', (doc) => treatyFragment(doc).toString().includes(replacement));
        const submitted = await as(head).post(`/api/drafting-spaces/${String(space.body.id)}/submit`, { justification: `Wording of ${head}.` });
        expect(submitted.status).toBe(201);
        const decision = head === 'egypt.head' ? 'incorporate' : 'present-as-option';
        expect((await as('secretariat').put(`/api/proposals/${String(submitted.body.id)}/decision`, { language: 'en', decision })).status).toBe(200);
      }
      expect((await as('secretariat').post(`/api/instruments/${instrumentId}/compile`, { language: 'en' })).body).toMatchObject({ compiled: 2 });

      // The secretariat brackets a proposal's words and adds a word of its own, as its editor would.
      const me = (await as('secretariat').get('/api/auth/me')).body.user as Json;
      const edit: ProvenanceAttrs = { kind: 'edit', ref: String(me.id), delegations: [], label: '' };
      const english = provider(server, consolidatedDocument(instrumentId, 'en'), tokens.secretariat ?? '');
      providers.push(english);
      await synced(english);
      // Paragraph 1 becomes three options: the base text, Brazil's wording, and Egypt's (incorporated, yet competing
      // with an option, so an option of its own: options tell the truth). The secretariat works in Egypt's.
      const proposed = ownersOf(articleNamed(treaty(english.doc), 'Protection of sovereignty').article, 'proposal:EGY');
      expect(proposed).toHaveLength(1);
      bracketedParagraph = String(proposed[0]);
      editTreaty(english.doc, (state) => {
        // Both within Egypt's wording, an option of its own since options tell the truth (issue 15).
        const from = positionBefore(state.doc, 'of all States', bracketedParagraph);
        const tracked = EditorState.create({ doc: state.doc, plugins: [provenanceTracking({ attrs: edit })] });
        const withEdit = tracked.applyTransaction(tracked.tr.insertText('duly ', positionBefore(state.doc, 'carry out', bracketedParagraph))).state;
        const shift = 'duly '.length;
        return withEdit.apply(withEdit.tr.addMark(from + shift, from + shift + 'of all States'.length, treatySchema.marks.bracket.create({ id: newNodeId() }))).doc;
      });
      await relayed(server, consolidatedDocument(instrumentId, 'en'), tokens.secretariat ?? '', (doc) => {
        const texts = markedTexts(treaty(doc));
        return texts.some((t) => t.includes('|[bracket]')) && texts.some((t) => t.startsWith('duly |edit'));
      });
      const compiled = articleNamed(treaty(english.doc), 'Protection of sovereignty');
      optionParagraphs = ownersOf(compiled.article, 'proposal:BRA');
      expect(optionParagraphs.length).toBeGreaterThan(0);
      const structure = JSON.stringify(compiled.article.toJSON());
      expect(structure).toContain('option_group');

      for (const language of ['ar', 'fr']) {
        expect((await as('secretariat').post(`/api/instruments/${instrumentId}/languages`, { language })).status).toBe(201);
      }
    }, 120_000);

    it('translates the provision run by run into Arabic and French: brackets, options and attributions survive', async () => {
      const { page, context } = await signIn(browser, server, 'secretariat@concord.test');
      const errors: string[] = [];
      recordProblems(page, errors);
      const translations: Record<string, Record<string, string>> = {
        ar: {
          'States Parties shall': 'تضطلع الدول الأطراف ',
          'duly': 'على النحو الواجب ',
          'carry out their obligations under this Convention in a manner consistent with the principles of': 'بالتزاماتها بموجب هذه الاتفاقية على نحو يتسق مع مبدأي ',
          'sovereign equality': 'المساواة في السيادة ',
          'of all States': 'بين جميع الدول ',
          'and territorial integrity of States and that of non-intervention in the domestic affairs of other States.': 'والسلامة الإقليمية للدول ومبدأ عدم التدخل في الشؤون الداخلية للدول الأخرى. ',
        },
        fr: {
          'States Parties shall': 'Les États Parties ',
          'duly': 'dûment ',
          'carry out their obligations under this Convention in a manner consistent with the principles of': 'exécutent leurs obligations au titre de la présente Convention d’une manière compatible avec les principes de ',
          'sovereign equality': 'l’égalité souveraine ',
          'of all States': 'de tous les États ',
          'and territorial integrity of States and that of non-intervention in the domestic affairs of other States.': 'et de l’intégrité territoriale des États et avec celui de la non-intervention dans les affaires intérieures d’autres États. ',
        },
      };
      for (const [language, name] of [['ar', 'Arabic'], ['fr', 'French']] as const) {
        await page.goto(`/committees/${committeeId}/instruments/${instrumentId}/desk/en`);
        const versions = page.getByRole('region', { name: 'Language versions' });
        await versions.getByRole('button', { name: `Stale queue (${name})` }).click();
        const queue = versions.getByRole('region', { name: `Stale queue: ${name}` });
        const item = queue.locator(`li[data-node-id="${bracketedParagraph}"]`);
        // The queue names the provision by its number, not by its text run together.
        await queue.locator('li').first().waitFor();
        if ((await item.count()) === 0) {
          await screenshot(page, `translation-queue-missing-${language}.png`);
        }
        expect(await item.locator('h4').textContent()).toMatch(/^Chapter I › Article 4 › 1\. › Option 3$/);
        await item.getByRole('button', { name: /^Translate Chapter I › Article 4/ }).click();
        const runs = item.locator('.desk-translate-run');
        const count = await runs.count();
        for (let index = 0; index < count; index++) {
          const run = runs.nth(index);
          const original = (await run.locator('label span').first().textContent())?.replace(/^\[(.*)\]$/, '$1') ?? '';
          await run.locator('input').fill(translations[language]?.[original.trim()] ?? `${language === 'ar' ? 'نص' : 'texte'} ${index + 1} `);
        }
        if (language === 'ar') {
          expect(await seriousAccessibilityViolations(page)).toEqual([]);
          await screenshot(page, 'translation-queue-ar.png');
        }
        await item.getByRole('button', { name: 'Save the translation' }).click();
        await item.waitFor({ state: 'detached' });

        // The options' paragraphs are translated too.
        for (const id of optionParagraphs) {
          const option = queue.locator(`li[data-node-id="${id}"]`);
          await option.getByRole('button', { name: /^Translate/ }).click();
          const fields = option.locator('.desk-translate-run input');
          for (let index = 0; index < (await fields.count()); index++) await fields.nth(index).fill(language === 'ar' ? 'نص الخيار' : 'texte de l’option');
          await option.getByRole('button', { name: 'Save the translation' }).click();
          await option.waitFor({ state: 'detached' });
        }
      }
      expect(errors).toEqual([]);

      for (const language of ['ar', 'fr'] as const) {
        const reader = provider(server, consolidatedDocument(instrumentId, language), tokens.secretariat ?? '');
        providers.push(reader);
        await synced(reader);
        const doc = treaty(reader.doc);
        const paragraph = nodeById(doc, bracketedParagraph);
        expect(paragraph).not.toBeNull();
        const texts = markedTexts(paragraph as Node);
        const words = translations[language] ?? {};
        // The bracket stays around the translated words, the proposal's delegation stays named, and every run is a translation.
        expect(texts).toContain(`${words['of all States'] ?? ''}|[bracket],translation:EGY`);
        expect(texts.every((t) => t.includes('|translation') || t.includes(',translation'))).toBe(true);
        expect(texts.some((t) => t.startsWith(`${words['duly'] ?? ''}|translation:`))).toBe(true);
        // The options are still options, with their sponsors.
        const english = provider(server, consolidatedDocument(instrumentId, 'en'), tokens.secretariat ?? '');
        providers.push(english);
        await synced(english);
        const shape = (node: Node): unknown => ({ type: node.type.name, id: node.attrs['id'] ?? null, sponsors: node.attrs['sponsors'] ?? null, children: node.isTextblock ? [] : node.children.map(shape) });
        expect(shape(articleNamed(doc, 'Protection of sovereignty').article)).toEqual(
          shape(articleNamed(treaty(english.doc), 'Protection of sovereignty').article),
        );
      }
      await context.close();
    }, 180_000);

    it('counts translation apart from secretariat edits in the share chart of the published Arabic and French texts', async () => {
      const published = await as('secretariat').post(`/api/instruments/${instrumentId}/revisions`, { tier: 'public', symbol: 'A/AC.291/30', confirmStale: true });
      expect(published.status).toBe(201);
      const page = await (await browser.newContext({ baseURL: server.url, viewport: { width: 1280, height: 900 } })).newPage();
      for (const [language, origin] of [['ar', 'الترجمة'], ['fr', 'Translation']] as const) {
        await page.goto(`/reading-room/revisions/${String(published.body.id)}/${language}`);
        const table = page.locator('table.provenance-table');
        await table.locator('tr[data-origin="translation"]').waitFor();
        const origins = await table.locator('tbody tr').evaluateAll((rows) => rows.map((row) => row.getAttribute('data-origin')));
        expect(origins).toContain('translation');
        // The translator's words are not counted as the secretariat's: the only edit, "duly", was translated.
        expect(origins).not.toContain('edit');
        if (language === 'fr') expect(await table.locator('tr[data-origin="translation"] th').textContent()).toContain(origin);
        await screenshot(page, `translation-shares-${language}.png`);
      }
      // The English original still counts the secretariat's edit as an edit.
      await page.goto(`/reading-room/revisions/${String(published.body.id)}/en`);
      await page.locator('table.provenance-table tr[data-origin="edit"]').waitFor();
      expect(await page.locator('table.provenance-table tr[data-origin="translation"]').count()).toBe(0);
      await page.context().close();
    }, 120_000);

    it('lists the provision again in the stale queue with what changed, and marks it in the language draft, once the original changes', async () => {
      const english = provider(server, consolidatedDocument(instrumentId, 'en'), tokens.secretariat ?? '');
      providers.push(english);
      await synced(english);
      editTreaty(english.doc, (state) => {
        const from = positionBefore(state.doc, 'territorial integrity', bracketedParagraph);
        return state.tr.insertText('political independence', from, from + 'territorial integrity'.length).doc;
      });
      await relayed(server, consolidatedDocument(instrumentId, 'en'), tokens.secretariat ?? '', (doc) => treaty(doc).textContent.includes('political independence'));

      for (const language of ['ar', 'fr'] as const) {
        const stale = ((await as('secretariat').get(`/api/instruments/${instrumentId}/languages/stale?lang=${language}`)).body.items as Json[]).filter((item) => item.reason === 'changed');
        expect(stale.map((item) => item.nodeId)).toEqual([bracketedParagraph]);
        expect(stale[0]?.changes).toEqual([expect.objectContaining({ deleted: 'territorial integrity', inserted: 'political independence' })]);
      }

      const { page, context } = await signIn(browser, server, 'secretariat@concord.test');
      await page.goto(`/committees/${committeeId}/instruments/${instrumentId}/desk/en`);
      const versions = page.getByRole('region', { name: 'Language versions' });
      await versions.getByRole('button', { name: 'Stale queue (Arabic)' }).click();
      const item = versions.getByRole('region', { name: 'Stale queue: Arabic' }).locator(`li[data-node-id="${bracketedParagraph}"]`);
      await item.getByText('Original changed').waitFor();
      await item.getByText('What changed in the original since it was translated').waitFor();
      expect(await item.locator('.desk-diff del').textContent()).toContain('territorial integrity');
      expect(await item.locator('.desk-diff ins').textContent()).toContain('political independence');
      await screenshot(page, 'translation-stale-changed.png');

      // The Arabic draft marks that provision, and only provisions that do not render the original, as stale.
      await page.goto(`/committees/${committeeId}/instruments/${instrumentId}/draft/ar`);
      const marked = page.locator(`.treaty-text [data-id="${bracketedParagraph}"].stale-translation`);
      await marked.waitFor();
      expect(await marked.getAttribute('data-stale')).toBe('changed');
      await marked.locator('.stale-badge').getByText('Stale: original changed').waitFor();
      await page.getByText(/^Provisions marked stale in this version: \d+\./).waitFor();
      for (const id of optionParagraphs) expect(await page.locator(`.treaty-text [data-id="${id}"].stale-translation`).count()).toBe(0);
      // Words never translated are still English: they are marked so and read left to right inside the Arabic text.
      const untranslated = page.locator('.treaty-text .stale-unconfirmed span[lang="en"][dir="ltr"]');
      expect(await untranslated.count()).toBeGreaterThan(0);
      expect(await page.locator(`.treaty-text [data-id="${bracketedParagraph}"] span[lang="en"][dir="ltr"]`).count()).toBe(0);
      await screenshot(page, 'translation-draft-stale-ar.png');
      await context.close();
    }, 120_000);

    it('lets only the secretariat translate: a delegation, an observer and a modified client change nothing', async () => {
      for (const who of ['egypt.delegate', 'observer']) tokens[who] = await login(server, `${who}@concord.test`);
      const path = `/api/instruments/${instrumentId}/languages/translate?lang=fr`;
      const before = (await as('secretariat').get(`/api/instruments/${instrumentId}/languages/stale?lang=fr`)).body.items as Json[];
      expect((await as('egypt.head').post(path, { nodeId: bracketedParagraph, texts: ['x'] })).status).toBe(403);
      expect((await as('egypt.delegate').post(path, { nodeId: bracketedParagraph, texts: ['x'] })).status).toBe(403);
      expect((await as('observer').post(path, { nodeId: bracketedParagraph, texts: ['x'] })).status).toBe(404);
      expect((await client(server).post(path, { nodeId: bracketedParagraph, texts: ['x'] })).status).toBe(401);
      // The secretariat with runs that do not fit the original: refused with a sentence, nothing written.
      const misfit = await as('secretariat').post(path, { nodeId: bracketedParagraph, texts: ['un seul'] });
      expect(misfit.status).toBe(422);
      expect(misfit.body.error).toMatchObject({ code: 'translation-mismatch', message: expect.stringMatching(/^Expected \d+ translated runs, got 1\. Give one translation per run/) });
      expect((await as('secretariat').post(`/api/instruments/${instrumentId}/languages/translate?lang=en`, { nodeId: bracketedParagraph, texts: [] })).status).toBe(400);
      const after = (await as('secretariat').get(`/api/instruments/${instrumentId}/languages/stale?lang=fr`)).body.items as Json[];
      expect(after).toEqual(before);
    }, 60_000);
  },
);

/** The position just before the first occurrence of `find` in the text of the node with id `within`. */
function positionBefore(doc: Node, find: string, within: string): number {
  let at = -1;
  doc.descendants((node, pos) => {
    if (at >= 0) return false;
    if (node.attrs['id'] !== within) return true;
    node.descendants((child, offset) => {
      if (at >= 0 || !child.isText) return at < 0;
      const index = (child.text ?? '').indexOf(find);
      if (index >= 0) at = pos + 1 + offset + index;
      return false;
    });
    return false;
  });
  if (at < 0) throw new Error(`"${find}" is not in ${within}`);
  return at;
}
