import { consolidatedDocument } from '@concord/domain';
import { builders, docFromYFragment, docToYFragment, treatyFragment } from '@concord/schema';
import type * as Y from 'yjs';
import { join } from 'node:path';
import type { Browser } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ARTIFACTS, BROWSER_SKIP_REASON, launchBrowser, seriousAccessibilityViolations, signIn, screenshot, connected, treatyText, typeAtEndOf } from '../support/browser';
import { provider, relayed, synced } from '../support/collab';
import { scratchSqlite } from '../support/databases';
import { client, login, startServer, type TestServer } from '../support/server';

type Json = Record<string, unknown>;

/** The provenance of the text node holding `text` in a shared treaty document, or null. */
function typedProvenance(ydoc: Y.Doc, text: string): unknown {
  let found: unknown = null;
  docFromYFragment(treatyFragment(ydoc)).descendants((node) => {
    if (node.isText && node.text?.includes(text)) found = node.marks.find((mark) => mark.type.name === 'provenance')?.attrs ?? null;
  });
  return found;
}

const { article, bracket, chapter, doc, heading, option, options, p, preamble, recital, sub, title } = builders;

/** The agreed provisions of {@link arabicDraft} and their statuses, which the Chair sets through the API. */
const ARABIC_STATUSES = [
  ['ar-art-1', 'agreed-ad-referendum'],
  ['ar-art-2', 'informally-agreed'],
  ['ar-art-2-p2', 'agreed-ad-referendum'],
] as const;

/**
 * An Arabic consolidated draft as the compile engine leaves it: nested brackets, sponsored options. Its provisions
 * are open: a client may not write agreed text (issue 15), so the statuses of ARABIC_STATUSES are set afterwards.
 */
function arabicDraft() {
  return doc(
    title('مشروع اتفاقية الأمم المتحدة لمكافحة الجريمة السيبرانية'),
    preamble(recital('إن الدول الأطراف في هذه الاتفاقية،')),
    chapter(
      heading('أحكام عامة'),
      article(
        { id: 'ar-art-1' },
        heading('بيان الغرض'),
        p('أغراض هذه الاتفاقية هي تعزيز التدابير الرامية إلى منع الجريمة السيبرانية ومكافحتها.'),
      ),
      article(
        { id: 'ar-art-2' },
        heading('المصطلحات المستخدمة'),
        p(
          'لأغراض هذه الاتفاقية:',
          sub('يقصد بتعبير "نظام حاسوبي" ', bracket('أي جهاز ', bracket('أو مجموعة من الأجهزة'), ' المترابطة'), '؛'),
          sub('يقصد بتعبير "بيانات حاسوبية" أي تمثيل للوقائع أو المعلومات.'),
        ),
        p({ id: 'ar-art-2-p2' }, 'يجوز للدول الأطراف ', bracket('اعتماد'), ' تدابير إضافية.'),
      ),
    ),
    chapter(
      heading('التجريم'),
      article(
        heading('الوصول غير المشروع'),
        options(
          option({ isBase: true }, p('تعتمد كل دولة طرف ما يلزم من تدابير تشريعية لتجريم الوصول غير المشروع.')),
          option({ sponsors: ['EU', 'EGY'] }, p('يجوز لكل دولة طرف أن تعتمد ما يلزم من تدابير لتجريم الوصول عمدًا ودون وجه حق.')),
        ),
      ),
    ),
  );
}

describe.skipIf(BROWSER_SKIP_REASON !== null)(
  `Collaborative editing in Chromium${BROWSER_SKIP_REASON ? ` (${BROWSER_SKIP_REASON})` : ''}`,
  () => {
    let server: TestServer;
    let browser: Browser;

    beforeAll(async () => {
      server = await startServer(scratchSqlite());
      browser = await launchBrowser();
    });
    afterAll(async () => {
      await browser?.close();
      await server?.close();
    });

    it('lets two members of a delegation co-edit a drafting space, each seeing the other’s text and cursor, across a server restart', async () => {
      const head = await signIn(browser, server, 'egypt.head@concord.test');
      const delegate = await signIn(browser, server, 'egypt.delegate@concord.test');

      // The head opens a space on Article 4 from the dashboard.
      const spaces = head.page.getByRole('region', { name: 'My delegation’s drafting spaces' });
      await spaces.getByText('Your delegation has not opened a drafting space yet.').waitFor();
      const form = head.page.getByRole('form', { name: 'Open a drafting space' });
      await form.getByLabel('Title').fill('Article 4: sovereignty');
      await form.getByRole('checkbox', { name: /Article 4/ }).check();
      await screenshot(head.page, 'dashboard-drafting-spaces-en.png');
      await form.getByRole('button', { name: 'Open drafting space' }).click();
      await expect.poll(() => head.page.url()).toMatch(/\/drafting-spaces\/[0-9a-f-]{36}$/);
      const spacePath = new URL(head.page.url()).pathname;
      await head.page.getByRole('heading', { level: 1, name: 'Article 4: sovereignty' }).waitFor();
      await connected(head.page);
      expect(await treatyText(head.page).getAttribute('aria-readonly')).toBe('false');
      expect(await treatyText(head.page).textContent()).toContain('Protection of sovereignty');
      // The space holds only Article 4, and numbers it as the base text does.
      await treatyText(head.page).locator('.article-label', { hasText: 'Article 4' }).waitFor();

      // The delegate finds it on her dashboard.
      await delegate.page.reload();
      await delegate.page.getByRole('link', { name: 'Article 4: sovereignty' }).click();
      await expect.poll(() => new URL(delegate.page.url()).pathname).toBe(spacePath);
      await connected(delegate.page);

      // Each types; each sees the other's words, cursor and name.
      await typeAtEndOf(head.page, 0, ' Egypt proposes this wording.');
      await expect.poll(() => treatyText(delegate.page).textContent()).toContain('Egypt proposes this wording.');
      await typeAtEndOf(delegate.page, 1, ' Mona agrees.');
      await expect.poll(() => treatyText(head.page).textContent()).toContain('Mona agrees.');
      // (The other page draws Mona's cursor, with her name, at the end of that paragraph.)
      expect(await treatyText(delegate.page).locator('div[data-node="paragraph"]').nth(1).textContent()).toMatch(/domestic law\. Mona agrees\.$/);
      // Enter starts a new paragraph, which both see numbered at once.
      await typeAtEndOf(head.page, 1, '');
      await head.page.keyboard.press('Enter');
      await head.page.keyboard.type('A third paragraph.');
      await treatyText(delegate.page).locator('.provision-number', { hasText: '3.' }).waitFor();
      await expect.poll(() => treatyText(delegate.page).textContent()).toContain('A third paragraph.');
      await head.page.locator('.ProseMirror-yjs-cursor', { hasText: 'Mona Saleh' }).waitFor();
      await delegate.page.locator('.ProseMirror-yjs-cursor', { hasText: 'Ahmed Farouk' }).waitFor();
      const presence = head.page.getByRole('region', { name: /Who is here/ });
      await presence.getByText('Mona Saleh').waitFor();
      await presence.getByText('Ahmed Farouk').waitFor();
      expect(await seriousAccessibilityViolations(head.page)).toEqual([]);
      await screenshot(head.page, 'drafting-space-en.png');

      // The server goes away: both are told, the head keeps typing, and nothing is lost when it is back.
      await server.stop();
      await head.page.locator('[data-connection="reconnecting"]').waitFor();
      await delegate.page.locator('[data-connection="reconnecting"]').waitFor();
      expect(await head.page.getByRole('status').filter({ hasText: 'Reconnecting' }).textContent()).toMatch(
        /Your changes are kept in this browser/,
      );
      await typeAtEndOf(head.page, 0, ' Typed while offline.');
      await head.page.screenshot({ path: join(ARTIFACTS, 'drafting-space-reconnecting-en.png') });
      await server.restart();
      await connected(head.page);
      await connected(delegate.page);
      await expect.poll(() => treatyText(delegate.page).textContent(), { timeout: 15_000 }).toContain('Typed while offline.');

      // The delegate's browser loses the network: she is told, keeps typing, and her words arrive afterwards.
      await delegate.context.setOffline(true);
      await delegate.page.locator('[data-connection="offline"]').waitFor();
      await typeAtEndOf(delegate.page, 2, ' Typed by Mona offline.');
      await delegate.context.setOffline(false);
      await connected(delegate.page);
      await expect.poll(() => treatyText(head.page).textContent(), { timeout: 15_000 }).toContain('Typed by Mona offline.');

      // In Arabic the interface turns right to left; the English text stays left to right.
      await head.page.getByLabel('Language', { exact: true }).selectOption('ar');
      await expect.poll(() => head.page.evaluate(() => document.documentElement.dir)).toBe('rtl');
      expect(await treatyText(head.page).getAttribute('dir')).toBe('ltr');
      await head.page.getByRole('navigation', { name: 'المواد' }).getByText('المادة ٤').waitFor();
      await head.page.getByText('متصل', { exact: true }).waitFor();
      expect(await seriousAccessibilityViolations(head.page)).toEqual([]);
      await screenshot(head.page, 'drafting-space-ar.png');

      expect([...head.errors, ...delegate.errors]).toEqual([]);
      await head.context.close();
      await delegate.context.close();
    }, 180_000);

    it('shows the secretariat’s edits of the consolidated draft live to a delegate, who cannot edit it', async () => {
      const secretariat = await signIn(browser, server, 'secretariat@concord.test');
      const delegate = await signIn(browser, server, 'egypt.delegate@concord.test');

      await secretariat.page.getByRole('link', { name: 'Consolidated draft (English)' }).click();
      await expect.poll(() => secretariat.page.url()).toMatch(/\/instruments\/[0-9a-f-]{36}\/draft\/en$/);
      await connected(secretariat.page);
      await secretariat.page.getByText('Editing', { exact: true }).waitFor();
      expect(await treatyText(secretariat.page).getAttribute('aria-readonly')).toBe('false');
      await typeAtEndOf(secretariat.page, 0, ' Secretariat insertion one.');

      // What the secretariat types is attributed to it, as compiled text is to its proposals.
      const officer = await login(server, 'secretariat@concord.test');
      const me = (await client(server, officer).get('/api/auth/me')).body.user as Json;
      const instrumentId = /\/instruments\/([0-9a-f-]{36})\//.exec(secretariat.page.url())?.[1] ?? '';
      const copy = provider(server, consolidatedDocument(instrumentId, 'en'), officer);
      await synced(copy);
      await expect.poll(() => typedProvenance(copy.doc, 'Secretariat insertion one.')).toEqual({ kind: 'edit', ref: me.id, delegations: [], label: '' });
      copy.destroy();

      await delegate.page.getByRole('link', { name: 'Consolidated draft (English)' }).click();
      await connected(delegate.page);
      await delegate.page.getByText('Read-only', { exact: true }).waitFor();
      expect(await treatyText(delegate.page).getAttribute('aria-readonly')).toBe('true');
      await expect.poll(() => treatyText(delegate.page).textContent()).toContain('Secretariat insertion one.');

      // Numbers, statuses and the navigator come from the document.
      const navigator = delegate.page.getByRole('navigation', { name: 'Articles' });
      await navigator.getByRole('button', { name: /Article 4/ }).click();
      await delegate.page.locator('.treaty-text .is-navigated').waitFor();
      await treatyText(delegate.page).locator('.article-label', { hasText: 'Article 6' }).waitFor();
      expect(await treatyText(delegate.page).locator('.status-badge').first().textContent()).toBe('Open');

      // Typing does nothing for the reader; the secretariat's next words arrive live.
      const before = await treatyText(delegate.page).textContent();
      await treatyText(delegate.page).locator('p[data-node="text-block"]').first().click();
      await delegate.page.keyboard.type('delegate tries to type');
      expect(await treatyText(delegate.page).textContent()).toBe(before);
      await typeAtEndOf(secretariat.page, 2, ' Secretariat insertion two.');
      await expect.poll(() => treatyText(delegate.page).textContent()).toContain('Secretariat insertion two.');

      // The reader moves and selects with the keyboard alone, and comments on the selection with Ctrl+Alt+M.
      await delegate.page.getByText('You are reading: move through the text with the arrow keys, select with Shift and the arrows', { exact: false }).waitFor();
      await treatyText(delegate.page).focus();
      await delegate.page.keyboard.press('Control+Home');
      for (let i = 0; i < 2; i++) await delegate.page.keyboard.press('Control+Shift+ArrowRight');
      const selected = (await delegate.page.evaluate(() => window.getSelection()?.toString() ?? '')).trim();
      expect(selected.length).toBeGreaterThan(3);
      const readerComments = delegate.page.getByRole('region', { name: /^Comments/ });
      await readerComments.getByText(`Selected: “${selected}”`).waitFor();
      await delegate.page.keyboard.press('Control+Alt+KeyM');
      const form = readerComments.getByRole('form', { name: 'New comment' });
      await expect.poll(() => delegate.page.evaluate(() => document.activeElement?.tagName)).toBe('TEXTAREA');
      await delegate.page.keyboard.type('Should this be qualified?');
      await delegate.page.keyboard.press('Tab');
      expect(await form.getByRole('button', { name: 'Post comment' }).evaluate((button) => button === document.activeElement)).toBe(true);
      await delegate.page.keyboard.press('Enter');
      const thread = readerComments.locator('.thread', { hasText: 'Should this be qualified?' });
      await thread.locator('.thread-quote', { hasText: selected }).waitFor();
      // The quote follows an edit of its words by the secretariat, without a reload.
      await treatyText(secretariat.page).focus();
      await secretariat.page.keyboard.press('Control+Home');
      await secretariat.page.keyboard.press('ArrowRight');
      await secretariat.page.keyboard.press('ArrowRight');
      await secretariat.page.keyboard.type('QQ');
      const edited = `${selected.slice(0, 2)}QQ${selected.slice(2)}`;
      await thread.locator('.thread-quote', { hasText: edited }).waitFor();
      await screenshot(delegate.page, 'consolidated-draft-keyboard-comment-en.png');
      await secretariat.page.keyboard.press('Backspace');
      await secretariat.page.keyboard.press('Backspace');
      await thread.locator('.thread-quote', { hasText: selected }).waitFor();
      await typeAtEndOf(secretariat.page, 2, '');
      await secretariat.page.getByRole('region', { name: /Who is here/ }).getByText('Mona Saleh').waitFor();

      // A reader whose copy holds deleted text reconnects without being refused as a writer.
      await secretariat.page.keyboard.press('Backspace');
      await secretariat.page.keyboard.press('Backspace');
      await expect.poll(() => treatyText(delegate.page).textContent()).toContain('Secretariat insertion tw');
      await expect.poll(() => treatyText(delegate.page).textContent()).not.toContain('Secretariat insertion two.');
      await server.stop();
      await delegate.page.locator('[data-connection="reconnecting"]').waitFor();
      await server.restart();
      await connected(delegate.page);
      await connected(secretariat.page);
      // Presence comes back with the connection, not only at the next 15-second renewal.
      await secretariat.page.getByRole('region', { name: /Who is here/ }).getByText('Mona Saleh').waitFor({ timeout: 5_000 });
      await secretariat.page.keyboard.type('o, restored.');
      await expect.poll(() => treatyText(delegate.page).textContent()).toContain('Secretariat insertion two, restored.');
      expect(await delegate.page.locator('[data-connection]').getAttribute('data-connection')).toBe('connected');

      expect(await seriousAccessibilityViolations(delegate.page)).toEqual([]);
      expect(await seriousAccessibilityViolations(secretariat.page)).toEqual([]);
      await screenshot(secretariat.page, 'consolidated-draft-secretariat-en.png');
      await screenshot(delegate.page, 'consolidated-draft-delegate-en.png');

      await delegate.page.getByLabel('Language', { exact: true }).selectOption('ar');
      await expect.poll(() => delegate.page.evaluate(() => document.documentElement.dir)).toBe('rtl');
      await delegate.page.getByText('للقراءة فقط', { exact: true }).waitFor();
      expect(await seriousAccessibilityViolations(delegate.page)).toEqual([]);
      await screenshot(delegate.page, 'consolidated-draft-delegate-ar.png');

      expect([...secretariat.errors, ...delegate.errors]).toEqual([]);
      await secretariat.context.close();
      await delegate.context.close();
    }, 180_000);

    it('renders an Arabic draft right to left, with its numbers, statuses, nested brackets and sponsored options', async () => {
      // The secretariat imports an Arabic text, then (as the compile engine will) writes brackets and options into it.
      const token = await login(server, 'secretariat@concord.test');
      const api = client(server, token);
      const committees = (await api.get('/api/committees')).body.items as readonly { id: string }[];
      const committeeId = committees[0]?.id ?? '';
      const imported = await api.post(`/api/committees/${committeeId}/instruments/import`, {
        titles: { ar: 'مشروع اتفاقية بشأن الجريمة السيبرانية' },
        originalLanguage: 'ar',
        format: 'text',
        content: 'مشروع اتفاقية\n\nالمادة ١\nالغرض\n\nنص المادة.\n',
      });
      expect(imported.status).toBe(201);
      const instrumentId = String(imported.body.id);
      const secretariatCopy = provider(server, consolidatedDocument(instrumentId, 'ar'), token);
      await synced(secretariatCopy);
      docToYFragment(arabicDraft(), treatyFragment(secretariatCopy.doc));
      await relayed(server, consolidatedDocument(instrumentId, 'ar'), token, (d) => treatyFragment(d).toString().includes('ar-art-2-p2'));
      for (const [provisionId, status] of ARABIC_STATUSES) {
        expect((await api.put(`/api/instruments/${instrumentId}/provisions/${provisionId}/status`, { language: 'ar', status })).status).toBe(200);
      }

      const delegate = await signIn(browser, server, 'egypt.delegate@concord.test');
      await delegate.page.getByLabel('Language', { exact: true }).selectOption('ar');
      await delegate.page.getByRole('link', { name: 'المشروع الموحَّد (النسخة العربية)' }).click();
      await connected(delegate.page);
      const page = delegate.page;
      expect(await page.evaluate(() => [document.documentElement.dir, document.documentElement.lang])).toEqual(['rtl', 'ar']);
      expect([await treatyText(page).getAttribute('dir'), await treatyText(page).getAttribute('lang')]).toEqual(['rtl', 'ar']);

      await treatyText(page).locator('.chapter-label', { hasText: 'الفصل الأول' }).waitFor();
      expect(await treatyText(page).locator('.article-number').allTextContents()).toEqual(['المادة ١', 'المادة ٢', 'المادة ٣']);
      expect(await treatyText(page).locator('.article-label .status-badge').allTextContents()).toEqual([
        'متفق عليها رهناً بالاستشارة',
        'متفق عليها بصورة غير رسمية',
        'قيد التفاوض',
      ]);
      expect(await treatyText(page).locator('.provision-number').allTextContents()).toEqual(['١-', '(أ)', '(ب)', '٢-']);
      // Brackets nest: the inner bracket is drawn inside the outer one, each with its own [ ].
      expect(await treatyText(page).locator('.bracket .bracket').count()).toBeGreaterThan(0);
      const brackets = await treatyText(page).locator('.bracket').first().evaluate((element) => [
        getComputedStyle(element, '::before').content,
        getComputedStyle(element, '::after').content,
      ]);
      expect(brackets).toEqual(['"["', '"]"']);
      expect(await treatyText(page).locator('.option-number').allTextContents()).toEqual(['الخيار ١', 'الخيار ٢']);
      expect(await treatyText(page).locator('.option-sponsors').allTextContents()).toEqual(['النص الأساسي', 'مقترح من EU وEGY']);
      await page.getByRole('navigation', { name: 'المواد' }).getByRole('button', { name: /المادة ٣/ }).waitFor();
      expect(await seriousAccessibilityViolations(page)).toEqual([]);
      await screenshot(page, 'consolidated-draft-ar.png');

      // A reader of the Arabic text with an English interface still reads it right to left.
      await page.getByLabel('اللغة', { exact: true }).selectOption('en');
      await expect.poll(() => page.evaluate(() => document.documentElement.dir)).toBe('ltr');
      expect(await treatyText(page).getAttribute('dir')).toBe('rtl');
      await treatyText(page).locator('.article-label .status-badge', { hasText: 'Informally agreed' }).waitFor();
      expect(await treatyText(page).locator('.option-sponsors').allTextContents()).toEqual(['Base text', 'Proposed by EU and EGY']);
      await page.getByRole('navigation', { name: 'Articles' }).getByRole('button', { name: /Article 3/ }).waitFor();
      await screenshot(page, 'consolidated-draft-ar-text-en-interface.png');

      expect(delegate.errors).toEqual([]);
      secretariatCopy.destroy();
      await delegate.context.close();
    }, 120_000);
  },
);
