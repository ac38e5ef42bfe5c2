import { consolidatedDocument } from '@concord/domain';
import { docFromYFragment, newNodeId, provenanceTracking, treatySchema, type ProvenanceAttrs, treatyFragment } from '@concord/schema';
import { createHash } from 'node:crypto';
import { readFileSync } from 'node:fs';
import type { Node } from 'prosemirror-model';
import { EditorState, type Transaction } from 'prosemirror-state';
import type { Browser, BrowserContext } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { WebsocketProvider } from 'y-websocket';
import type * as Y from 'yjs';
import { BROWSER_SKIP_REASON, launchBrowser, recordProblems, seriousAccessibilityViolations, screenshot } from '../support/browser';
import { provider, relayed, synced } from '../support/collab';
import { scratchSqlite } from '../support/databases';
import { client, login, startServer, type TestServer } from '../support/server';
import { editTreaty, replaceText } from '../support/treaty-edit';

type Json = Record<string, unknown>;

/** The position just before the first occurrence of `find` in the document's text. */
function positionOf(doc: Node, find: string): number {
  let at = -1;
  doc.descendants((node, pos) => {
    if (at >= 0 || !node.isText) return at < 0;
    const index = (node.text ?? '').indexOf(find);
    if (index >= 0) at = pos + index;
    return false;
  });
  if (at < 0) throw new Error(`"${find}" is not in the document`);
  return at;
}

/** The position just before the `index`-th article (counting from 0). */
function articlePosition(doc: Node, index: number): number {
  const positions: number[] = [];
  doc.descendants((node, pos) => {
    if (node.type.name === 'article') positions.push(pos);
    return node.type.name !== 'article';
  });
  const at = positions[index];
  if (at === undefined) throw new Error(`the document has no article ${index + 1}`);
  return at;
}

/**
 * Edits a consolidated draft as the secretariat's editor does: what the transaction inserts is attributed to
 * the editing user by the provenance plugin of `@concord/schema`.
 */
function secretariatEdit(ydoc: Y.Doc, attrs: ProvenanceAttrs, edit: (state: EditorState) => Transaction): void {
  editTreaty(ydoc, (state) => {
    const tracked = EditorState.create({ doc: state.doc, plugins: [provenanceTracking({ attrs })] });
    return tracked.applyTransaction(edit(tracked)).state.doc;
  });
}

const textOf = (doc: Y.Doc) => docFromYFragment(treatyFragment(doc)).textContent;

/** The Arabic translation of the demo convention, as far as the translators have gone. */
const ARABIC: readonly (readonly [string, string])[] = [
  [
    'Draft United Nations convention on countering the use of information and communications technologies for criminal purposes',
    'مشروع اتفاقية الأمم المتحدة بشأن مكافحة استخدام تكنولوجيات المعلومات والاتصالات للأغراض الإجرامية',
  ],
  ['The States Parties to this Convention,', 'إن الدول الأطراف في هذه الاتفاقية،'],
  [
    'Noting that information and communications technologies, while having enormous potential for the development of States, create new opportunities for perpetrators and may contribute to a rise in crime,',
    'إذ تلاحظ أن تكنولوجيات المعلومات والاتصالات، رغم ما تنطوي عليه من إمكانات هائلة لتنمية الدول، تتيح فرصًا جديدة لمرتكبي الجرائم وقد تسهم في ارتفاع معدلات الجريمة،',
  ],
  [
    'Convinced of the need to pursue, as a matter of priority, a common criminal policy aimed at the protection of society against the criminal use of such technologies,',
    'واقتناعًا منها بضرورة أن تنتهج، على سبيل الأولوية، سياسة جنائية مشتركة تهدف إلى حماية المجتمع من الاستخدام الإجرامي لهذه التكنولوجيات،',
  ],
  ['Have agreed as follows:', 'قد اتفقت على ما يلي:'],
  ['General provisions', 'أحكام عامة'],
  ['Statement of purpose', 'بيان الغرض'],
  ['The purposes of this Convention are:', 'أغراض هذه الاتفاقية هي:'],
  [
    'To promote and strengthen measures to prevent and combat the criminal use of information and communications technologies more efficiently and effectively;',
    'تعزيز وتدعيم التدابير الرامية إلى منع ومكافحة الاستخدام الإجرامي لتكنولوجيات المعلومات والاتصالات بمزيد من الكفاءة والفعالية؛',
  ],
  [
    'To promote, facilitate and strengthen international cooperation in preventing and combating such crimes;',
    'تعزيز التعاون الدولي في منع هذه الجرائم ومكافحتها وتيسيره وتدعيمه؛',
  ],
  ['To promote, facilitate and support technical assistance and capacity-building.', 'تعزيز المساعدة التقنية وبناء القدرات وتيسيرهما ودعمهما.'],
  ['Use of terms', 'المصطلحات المستخدمة'],
  ['Scope of application', 'نطاق الانطباق'],
  ['Protection of sovereignty', 'صون السيادة'],
  ['Criminalization', 'التجريم'],
  ['Illegal access', 'الوصول غير المشروع'],
  [
    'Each State Party shall adopt such legislative and other measures as may be necessary to establish as a criminal offence under its domestic law, when committed intentionally, the access to the whole or any part of an information and communications technology system without right.',
    'تعتمد كل دولة طرف ما قد يلزم من تدابير تشريعية وتدابير أخرى لكي تجرّم في قانونها الداخلي، عند ارتكابه عمدًا، الوصول دون وجه حق إلى نظام لتكنولوجيا المعلومات والاتصالات أو إلى أي جزء منه.',
  ],
  ['Illegal interception', 'الاعتراض غير المشروع'],
  [
    'Each State Party shall adopt such legislative and other measures as may be necessary to establish as a criminal offence under its domestic law, when committed intentionally, the interception without right, made by technical means, of non-public transmissions of electronic data.',
    'تعتمد كل دولة طرف ما قد يلزم من تدابير تشريعية وتدابير أخرى لكي تجرّم في قانونها الداخلي، عند ارتكابه عمدًا، اعتراض عمليات الإرسال غير العمومية للبيانات الإلكترونية دون وجه حق وبوسائل تقنية.',
  ],
];

/** Ids of the nodes whose own words (heading or lead text, not their sub-provisions') are in Arabic. */
function arabicNodes(doc: Node): string[] {
  const ids: string[] = [];
  doc.descendants((node) => {
    const id: unknown = node.attrs['id'];
    if (typeof id !== 'string') return true;
    const own: string[] = [];
    if (node.isTextblock) own.push(node.textContent);
    else node.forEach((child) => child.isTextblock && own.push(child.textContent));
    if (own.length > 0 && own.every((words) => /\p{Script=Arabic}/u.test(words))) ids.push(id);
    return true;
  });
  return ids;
}

describe.skipIf(BROWSER_SKIP_REASON !== null)(
  `The public reading room in Chromium${BROWSER_SKIP_REASON ? ` (${BROWSER_SKIP_REASON})` : ''}`,
  () => {
    let server: TestServer;
    let browser: Browser;
    const tokens: Record<string, string> = {};
    const providers: WebsocketProvider[] = [];
    let instrumentId = '';
    let revisionId = '';
    const as = (who: string) => client(server, tokens[who]);

    beforeAll(async () => {
      server = await startServer(scratchSqlite());
      browser = await launchBrowser();
      for (const who of ['secretariat', 'egypt.head', 'eu.head', 'brazil.head']) tokens[who] = await login(server, `${who}@concord.test`);
      const committeeId = String(((await client(server).get('/api/committees')).body.items as Json[])[0]?.id);
      instrumentId = String(((await as('secretariat').get(`/api/committees/${committeeId}/instruments`)).body.items as Json[])[0]?.id);
    });
    afterAll(async () => {
      for (const p of providers) p.destroy();
      await browser?.close();
      await server?.close();
    });

    it('publishes a compiled text with options, then an edited one, as public revisions through the API', async () => {
      // Three delegations propose wording for Article 4; the secretariat presents them as options and compiles.
      const text = await as('secretariat').get(`/api/instruments/${instrumentId}/text?lang=en`);
      const articles = ((text.body.doc as Json).content as Json[])
        .flatMap((node) => (node.type === 'chapter' ? (node.content as Json[]) : [node]))
        .filter((node) => node.type === 'article');
      const sovereignty = String(((articles.find((a) => JSON.stringify(a).includes('Protection of sovereignty')) as Json).attrs as Json).id);
      const formulations: Record<string, string> = {
        'egypt.head': 'sovereign equality of States',
        'eu.head': 'sovereign equality and human rights',
        'brazil.head': 'the sovereign equality of all nations',
      };
      const proposalIds: string[] = [];
      for (const [head, replacement] of Object.entries(formulations)) {
        const space = await as(head).post(`/api/instruments/${instrumentId}/drafting-spaces`, { title: `Sovereignty (${head})`, language: 'en', provisionIds: [sovereignty] });
        const writer = provider(server, String(space.body.document), tokens[head] ?? '');
        providers.push(writer);
        await synced(writer);
        replaceText(writer.doc, 'sovereign equality', replacement);
        await relayed(server, String(space.body.document), tokens[head] ?? '', (doc) => treatyFragment(doc).toString().includes(replacement));
        const submitted = await as(head).post(`/api/drafting-spaces/${String(space.body.id)}/submit`, { justification: `Wording proposed by ${head}.` });
        expect(submitted.status).toBe(201);
        proposalIds.push(String(submitted.body.id));
      }
      expect((await as('eu.head').post(`/api/proposals/${proposalIds[0]}/support`)).status).toBeLessThan(300);
      for (const id of proposalIds) {
        expect((await as('secretariat').put(`/api/proposals/${id}/decision`, { language: 'en', decision: 'present-as-option' })).status).toBe(200);
      }
      expect((await as('secretariat').post(`/api/instruments/${instrumentId}/compile`, { language: 'en' })).body).toMatchObject({ compiled: 3 });
      expect((await as('secretariat').post(`/api/instruments/${instrumentId}/compilation/publish`, { language: 'en' })).status).toBe(201);

      // An Arabic version, partly translated: the rest is published stale, with explicit confirmation.
      expect((await as('secretariat').post(`/api/instruments/${instrumentId}/languages`, { language: 'ar' })).status).toBe(201);
      const arabicDocument = consolidatedDocument(instrumentId, 'ar');
      const arabic = provider(server, arabicDocument, tokens.secretariat ?? '');
      providers.push(arabic);
      await synced(arabic);
      for (const [original, translation] of ARABIC) replaceText(arabic.doc, original, translation);
      await relayed(server, arabicDocument, tokens.secretariat ?? '', (doc) => textOf(doc).includes('الاعتراض غير المشروع'));
      // The translator confirms what is translated; the rest stays stale.
      const translated = arabicNodes(docFromYFragment(treatyFragment(arabic.doc)));
      expect(translated.length).toBeGreaterThan(10);
      const confirmed = await as('secretariat').post(`/api/instruments/${instrumentId}/languages/confirm?lang=ar`, { nodeIds: translated });
      expect(confirmed.status).toBeLessThan(300);

      const first = await as('secretariat').post(`/api/instruments/${instrumentId}/revisions`, { tier: 'public', symbol: 'A/AC.291/22', confirmStale: true });
      expect(first.status).toBe(201);
      expect(first.body).toMatchObject({ symbol: 'A/AC.291/22', languages: ['ar', 'en'] });

      // The secretariat edits the English draft live: a new article, a few words, and brackets around unagreed text.
      const me = (await as('secretariat').get('/api/auth/me')).body.user as Json;
      const edit: ProvenanceAttrs = { kind: 'edit', ref: String(me.id), delegations: [], label: `Edit by ${String(me.displayName)}` };
      const english = provider(server, consolidatedDocument(instrumentId, 'en'), tokens.secretariat ?? '');
      providers.push(english);
      await synced(english);
      // The new article has the same ids in both language versions, which aligns the translation with its original.
      const ids = { article: newNodeId(), paragraph: newNodeId() };
      const newArticle = (headingText: string, text: string) => {
        const { article, heading, paragraph, text_block: textBlock } = treatySchema.nodes;
        return article.create({ id: ids.article }, [
          heading.create(null, treatySchema.text(headingText)),
          paragraph.create({ id: ids.paragraph }, [textBlock.create(null, treatySchema.text(text))]),
        ]);
      };
      secretariatEdit(english.doc, edit, (state) =>
        state.tr.insert(
          articlePosition(state.doc, 1),
          newArticle('Relationship with other instruments', 'This Convention shall be without prejudice to existing international instruments.'),
        ),
      );
      secretariatEdit(arabic.doc, edit, (state) =>
        state.tr.insert(articlePosition(state.doc, 1), newArticle('العلاقة بالصكوك الأخرى', 'لا تخل هذه الاتفاقية بالصكوك الدولية القائمة.')),
      );
      await relayed(server, arabicDocument, tokens.secretariat ?? '', (doc) => textOf(doc).includes('العلاقة بالصكوك الأخرى'));
      secretariatEdit(english.doc, edit, (state) => state.tr.insertText('detection, ', positionOf(state.doc, 'investigation and prosecution')));
      editTreaty(english.doc, (state) => {
        const from = positionOf(state.doc, 'and capacity-building');
        return state.tr.addMark(from, from + 'and capacity-building'.length, treatySchema.marks.bracket.create({ id: newNodeId() })).doc;
      });
      await relayed(server, consolidatedDocument(instrumentId, 'en'), tokens.secretariat ?? '', (doc) => {
        const current = docFromYFragment(treatyFragment(doc));
        let bracketed = false;
        current.descendants((node) => {
          bracketed ||= node.marks.some((mark) => mark.type.name === 'bracket');
          return !bracketed;
        });
        return bracketed && current.textContent.includes('detection, investigation') && current.textContent.includes('Relationship with other instruments');
      });

      const second = await as('secretariat').post(`/api/instruments/${instrumentId}/revisions`, { tier: 'public', confirmStale: true });
      expect(second.body).toMatchObject({ symbol: 'A/AC.291/22/Rev.1', tier: 'public' });
      revisionId = String(second.body.id);
    }, 120_000);

    it('lets anyone read, check, download and compare the public revisions, in English and in Arabic', async () => {
      const context: BrowserContext = await browser.newContext({ baseURL: server.url, viewport: { width: 1280, height: 900 }, acceptDownloads: true });
      const page = await context.newPage();
      const errors: string[] = [];
      recordProblems(page, errors);

      // The sign-in page points to the reading room; nobody signs in.
      await page.goto('/sign-in');
      await page.getByRole('heading', { level: 1, name: 'Sign in' }).waitFor();
      await screenshot(page, 'sign-in-en.png');
      await page.getByRole('link', { name: 'Open the reading room' }).click();
      await page.getByRole('heading', { level: 1, name: 'Reading room' }).waitFor();
      expect(await page.getByRole('link', { name: 'Reading room', exact: true }).getAttribute('aria-current')).toBe('page');
      const revisions = page.getByRole('region', { name: 'Public revisions' });
      await revisions.getByRole('link', { name: 'A/AC.291/22/Rev.1', exact: true }).waitFor();
      await revisions.getByRole('link', { name: 'A/AC.291/22', exact: true }).waitFor();
      await revisions.getByRole('link', { name: 'A/AC.291/22/Rev.1, العربية' }).waitFor();
      const compilations = page.getByRole('region', { name: 'Compilations of proposals' });
      await compilations.getByRole('link', { name: 'Download DOCX' }).waitFor();
      expect(await page.getByRole('link', { name: /Atom feed/ }).getAttribute('href')).toBe('/api/public/feed.atom');
      expect(await seriousAccessibilityViolations(page)).toEqual([]);
      await screenshot(page, 'reading-room-en.png');

      // Rev.1 in English: numbered articles, options with their sponsors, brackets, and the provenance chart.
      await revisions.getByRole('link', { name: 'A/AC.291/22/Rev.1', exact: true }).click();
      const text = page.getByRole('article', { name: 'Text of A/AC.291/22/Rev.1 in English' });
      await text.waitFor();
      expect(await text.getAttribute('dir')).toBe('ltr');
      // Numbers are frozen during the session (issue 15): the article inserted after article 1 is "1 bis".
      expect(await text.locator('.article-number').allTextContents()).toEqual(['Article 1', 'Article 1 bis', 'Article 2', 'Article 3', 'Article 4', 'Article 5', 'Article 6']);
      await text.locator('.article-heading', { hasText: 'Relationship with other instruments' }).waitFor();
      expect(await text.locator('.option-number').allTextContents()).toEqual(['Option 1', 'Option 2', 'Option 3', 'Option 4']);
      expect(await text.locator('.option-sponsors').allTextContents()).toEqual(expect.arrayContaining(['Base text', 'Proposed by Egypt; supported by European Union and its member States (Germany and France)', 'Proposed by Brazil']));
      expect(await text.locator('.bracket').first().textContent()).toBe('and capacity-building');
      expect(await text.locator('.bracket').first().evaluate((element) => getComputedStyle(element, '::before').content)).toBe('"["');
      const chart = page.getByRole('region', { name: 'Where the text comes from' });
      await chart.getByRole('img', { name: /Share of the text by origin: A\/AC\.291\/22\/Rev\.1, English text/ }).waitFor();
      const origins = await chart.getByRole('rowheader').allTextContents();
      expect(origins).toEqual(expect.arrayContaining(['Base text', 'Egypt (EGY)', 'Brazil (BRA)', 'Secretariat edits']));

      // Provenance on demand: colours by origin, and a click names who proposed a passage.
      await page.getByRole('button', { name: 'Show provenance' }).click();
      expect(await page.getByRole('button', { name: 'Hide provenance' }).getAttribute('aria-pressed')).toBe('true');
      const egyptian = text.locator('[data-origin="delegation:EGY"]').first();
      await egyptian.click();
      const details = page.locator('.origin-details');
      await details.getByText('Proposed by Egypt (EGY) and European Union and its member States (EU)').waitFor();
      await details.getByText('proposer', { exact: false }).waitFor();
      const [chartColour, spanColour] = await Promise.all([
        chart.locator('[data-origin="delegation:EGY"] rect').getAttribute('fill'),
        egyptian.evaluate((element) => getComputedStyle(element).getPropertyValue('--origin-strong').trim()),
      ]);
      expect(spanColour).toBe(chartColour);
      await text.locator('[data-origin="edit"]').first().focus();
      await page.keyboard.press('Enter');
      await details.getByText('Secretariat edits').waitFor();

      // The hash, the server's signature and the publication record check out.
      expect(await page.getByTestId('verification-badge').getAttribute('data-status')).toBe('verified');
      await page.getByRole('button', { name: 'Verify' }).click();
      await page.getByRole('status').filter({ hasText: 'Verified: the text matches its fingerprint' }).waitFor();
      expect(await seriousAccessibilityViolations(page)).toEqual([]);
      await screenshot(page, 'reading-room-revision-en.png');
      await page.keyboard.press('Escape');
      await details.waitFor({ state: 'detached' });

      // The Akoma Ntoso download.
      const [download] = await Promise.all([page.waitForEvent('download'), page.getByRole('link', { name: 'Download Akoma Ntoso XML' }).click()]);
      expect(download.suggestedFilename()).toBe('A_AC.291_22_Rev.1_en.xml');
      const xml = readFileSync(await download.path(), 'utf8');
      expect(xml.startsWith('<?xml')).toBe(true);
      expect(xml).toContain('akomaNtoso');

      // The Arabic text, read with an English interface: right to left, Arabic numbering, stale translations flagged.
      await page.getByRole('navigation', { name: 'Language of the text' }).getByRole('link', { name: 'العربية' }).click();
      const arabicText = page.getByRole('article', { name: 'Text of A/AC.291/22/Rev.1 in Arabic' });
      await arabicText.waitFor();
      expect(new URL(page.url()).pathname).toBe(`/reading-room/revisions/${revisionId}/ar`);
      expect([await arabicText.getAttribute('dir'), await arabicText.getAttribute('lang')]).toEqual(['rtl', 'ar']);
      expect(await page.evaluate(() => document.documentElement.dir)).toBe('ltr');
      expect((await arabicText.locator('.article-number').allTextContents()).slice(0, 3)).toEqual(['المادة ١', 'المادة ١ مكرراً', 'المادة ٢']);
      await arabicText.locator('.chapter-label', { hasText: 'الفصل الأول' }).waitFor();
      await arabicText.getByText('صون السيادة').waitFor();
      await page.getByText(/Provisions whose translation had not yet been checked/).waitFor();
      expect(await arabicText.locator('.is-stale').count()).toBeGreaterThan(0);
      await screenshot(page, 'reading-room-revision-ar-text-en.png');

      // Comparing the two revisions: side by side, inline, and the concordance table.
      await page.getByRole('link', { name: 'Compare with A/AC.291/22' }).click();
      await page.getByRole('heading', { level: 1, name: 'Compare revisions' }).waitFor();
      await page.getByLabel('Language of the text').selectOption('en');
      const sideBySide = page.getByRole('region', { name: 'A/AC.291/22 and A/AC.291/22/Rev.1 side by side' });
      await sideBySide.locator('table.concord-side-by-side[lang="en"] td.new ins', { hasText: 'detection,' }).waitFor();
      expect(await page.getByLabel('Older revision').inputValue()).not.toBe(revisionId);
      expect(await page.getByLabel('Newer revision').inputValue()).toBe(revisionId);
      const tiles = page.locator('.summary-tiles');
      expect(await tiles.locator('.change-added dd').textContent()).toBe('1');
      // No article was renumbered: the inserted one is 1 bis and the others kept their numbers.
      expect(await tiles.locator('.change-renumbered').count()).toBe(0);
      expect(await seriousAccessibilityViolations(page)).toEqual([]);
      await screenshot(page, 'reading-room-compare-side-by-side-en.png');

      // Chosen the wrong way round, the page says so and swaps them back on request.
      const original = await page.getByLabel('Older revision').inputValue();
      await page.getByLabel('Older revision').selectOption(revisionId);
      await page.getByLabel('Newer revision').selectOption(original);
      const reversed = page.getByRole('status').filter({ hasText: 'A/AC.291/22/Rev.1, chosen as the older text, was published after A/AC.291/22' });
      await reversed.waitFor();
      await reversed.getByRole('button', { name: 'Swap them' }).click();
      await expect.poll(() => page.getByLabel('Newer revision').inputValue()).toBe(revisionId);
      expect(await page.getByLabel('Older revision').inputValue()).toBe(original);
      expect(await reversed.count()).toBe(0);

      await page.getByRole('button', { name: 'Inline' }).click();
      const inline = page.getByRole('region', { name: 'Changes from A/AC.291/22 to A/AC.291/22/Rev.1' });
      await inline.locator('.concord-inline ins', { hasText: 'Relationship with other instruments' }).waitFor();
      expect(new URL(page.url()).searchParams.get('view')).toBe('inline');
      await screenshot(page, 'reading-room-compare-inline-en.png');

      await page.getByRole('button', { name: 'Concordance table' }).click();
      const table = page.getByRole('table', { name: /Concordance/ });
      // Frozen numbers (issue 15): the inserted article is 1 bis, and no other article changes its number.
      await table.getByRole('row', { name: 'Article — Article 1 bis added' }).waitFor();
      expect(await table.getByRole('row', { name: /renumbered$/ }).count()).toBe(0);
      await page.getByLabel('Include paragraphs').check();
      await table.getByRole('row', { name: /^Paragraph Article 3, paragraph 1 Article 3, paragraph 1 .*text changed$/ }).waitFor();
      expect(await seriousAccessibilityViolations(page)).toEqual([]);
      await screenshot(page, 'reading-room-concordance-en.png');

      // The same pages with the interface in Arabic: right to left throughout.
      await page.getByLabel('Language', { exact: true }).selectOption('ar');
      await expect.poll(() => page.evaluate(() => [document.documentElement.dir, document.documentElement.lang])).toEqual(['rtl', 'ar']);
      await page.getByRole('heading', { level: 1, name: 'مقارنة التنقيحات' }).waitFor();
      await page.getByLabel('لغة النص').selectOption('ar');
      await page.getByRole('button', { name: 'جنبًا إلى جنب' }).click();
      const arabicComparison = page.locator('.comparison-html table.concord-side-by-side');
      await arabicComparison.waitFor();
      expect(await arabicComparison.getAttribute('dir')).toBe('rtl');
      expect(await seriousAccessibilityViolations(page)).toEqual([]);
      await screenshot(page, 'reading-room-compare-ar.png');

      await page.getByRole('button', { name: 'جدول التناظر' }).click();
      await page.getByRole('table', { name: /جدول التناظر/ }).getByRole('row', { name: /المادة ١ مكرراً/ }).waitFor();
      await screenshot(page, 'reading-room-concordance-ar.png');

      await page.getByRole('link', { name: 'قراءة A/AC.291/22/Rev.1' }).click();
      const arabicPage = page.getByRole('article', { name: 'نص A/AC.291/22/Rev.1 باللغة العربية' });
      await arabicPage.waitFor();
      expect(await arabicPage.getAttribute('dir')).toBe('rtl');
      await page.getByRole('button', { name: 'إظهار منشأ النص' }).click();
      await arabicPage.locator('[data-origin="delegation:EGY"]').first().click();
      await page.locator('.origin-details').getByText('مقترح من مصر (EGY) والاتحاد الأوروبي ودوله الأعضاء (EU)').waitFor();
      await page.getByRole('button', { name: 'تحقق' }).click();
      await page.getByRole('status').filter({ hasText: 'تم التحقق' }).waitFor();
      expect(await seriousAccessibilityViolations(page)).toEqual([]);
      await screenshot(page, 'reading-room-revision-ar.png');

      await page.locator('.breadcrumb a').click();
      await page.getByRole('heading', { level: 1, name: 'قاعة المطالعة' }).waitFor();
      expect(await page.evaluate(() => document.documentElement.dir)).toBe('rtl');
      expect(await seriousAccessibilityViolations(page)).toEqual([]);
      await screenshot(page, 'reading-room-ar.png');

      // A revision that is not public reads as missing, with a message that says so.
      await page.goto('/reading-room/revisions/A%2FAC.291%2F99');
      await page.getByRole('alert').getByText('هذا التنقيح غير موجود أو لم يُنشر للجمهور.').waitFor();

      expect(errors).toEqual([]);
      await context.close();
    }, 180_000);

    it('shows a revision whose text and hash were changed together in the database as failed, and withholds its downloads', async () => {
      // As someone with write access to the database would: guard off, text and hash changed together.
      const [row] = (await server.db.query('SELECT content FROM revisions WHERE id = ?', [revisionId])) as { content: string }[];
      const forged = row.content.replace(/"text":"[^"]+"/, '"text":"Provision agreed by nobody."');
      await server.db.query('DROP TRIGGER revisions_no_update');
      await server.db.query('UPDATE revisions SET content = ?, content_hash = ? WHERE id = ?', [forged, createHash('sha256').update(forged).digest('hex'), revisionId]);

      const context: BrowserContext = await browser.newContext({ baseURL: server.url, viewport: { width: 1280, height: 900 } });
      const page = await context.newPage();
      await page.goto(`/reading-room/revisions/${revisionId}`);
      await page.getByTestId('verification-failed-notice').getByText('This revision failed verification').waitFor();
      expect(await page.getByTestId('verification-badge').getAttribute('data-status')).toBe('failed');
      expect(await page.getByTestId('verification-badge').textContent()).toContain('Failed verification');
      await page.getByText('Downloads are withheld while this revision fails verification.').waitFor();
      expect(await page.locator('a[data-format]').count()).toBe(0);
      await page.getByRole('button', { name: 'Verify' }).click();
      await page.getByRole('alert').filter({ hasText: 'Verification failed: this is not the text as the committee published it.' }).waitFor();
      expect(await seriousAccessibilityViolations(page)).toEqual([]);
      await screenshot(page, 'reading-room-revision-failed-en.png');

      await page.goto('/reading-room');
      const listed = page.getByRole('region', { name: 'Public revisions' });
      await listed.getByRole('link', { name: 'A/AC.291/22', exact: true }).waitFor();
      expect(await listed.locator('[data-testid="verification-badge"][data-status="failed"]').count()).toBe(1);
      await context.close();
    }, 120_000);
  },
);
