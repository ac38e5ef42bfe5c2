import { treatyFragment } from '@concord/schema';
import { join } from 'node:path';
import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { WebsocketProvider } from 'y-websocket';
import { ARTIFACTS, BROWSER_SKIP_REASON, launchBrowser, seriousAccessibilityViolations, signIn, screenshot, connected } from '../support/browser';
import { provider, relayed, synced } from '../support/collab';
import { scratchSqlite } from '../support/databases';
import { client, login, startServer, type TestServer } from '../support/server';
import { editTreaty, replaceText } from '../support/treaty-edit';
import { newNodeId, treatySchema } from '@concord/schema';

type Json = Record<string, unknown>;

/** The decision on the whole of a proposal, beside the decision on its changes to the article shown. */
const whole = (proposal: ReturnType<typeof card>) => proposal.getByRole('group', { name: 'Decision on the whole proposal' });

/** The card of the proposal with this title on the desk. */
const card = (page: Page, title: string) => page.locator('.desk-proposal').filter({ has: page.getByRole('heading', { name: title }) });

describe.skipIf(BROWSER_SKIP_REASON !== null)(
  `The compile desk and publishing in Chromium${BROWSER_SKIP_REASON ? ` (${BROWSER_SKIP_REASON})` : ''}`,
  () => {
    let server: TestServer;
    let browser: Browser;
    const tokens: Record<string, string> = {};
    const providers: WebsocketProvider[] = [];
    let instrumentId = '';
    let sovereignty = '';
    const as = (who: string) => client(server, tokens[who]);

    /** A drafting space on Article 4 whose words `sovereign equality` become `replacement`, submitted by `head`. */
    async function propose(head: string, title: string, replacement: string, justification: string, coSponsor?: { id: string; head: string }): Promise<string> {
      const space = await as(head).post(`/api/instruments/${instrumentId}/drafting-spaces`, { title, language: 'en', provisionIds: [sovereignty] });
      expect(space.status).toBe(201);
      const writer = provider(server, String(space.body.document), tokens[head]);
      providers.push(writer);
      await synced(writer);
      replaceText(writer.doc, 'sovereign equality', replacement);
      await relayed(server, String(space.body.document), tokens[head], (doc) => treatyFragment(doc).toString().includes(replacement));
      if (coSponsor !== undefined) {
        expect((await as(head).post(`/api/drafting-spaces/${String(space.body.id)}/co-sponsors`, { delegationId: coSponsor.id })).status).toBeLessThan(300);
        expect((await as(coSponsor.head).post(`/api/drafting-spaces/${String(space.body.id)}/co-sponsors/accept`)).status).toBeLessThan(300);
      }
      const submitted = await as(head).post(`/api/drafting-spaces/${String(space.body.id)}/submit`, { justification });
      expect(submitted.status).toBe(201);
      return String(submitted.body.id);
    }

    beforeAll(async () => {
      server = await startServer(scratchSqlite());
      browser = await launchBrowser();
      for (const who of ['secretariat', 'egypt.head', 'eu.head', 'brazil.head']) tokens[who] = await login(server, `${who}@concord.test`);
      const committeeId = String(((await client(server).get('/api/committees')).body.items as Json[])[0]?.id);
      instrumentId = String(((await as('secretariat').get(`/api/committees/${committeeId}/instruments`)).body.items as Json[])[0]?.id);
      const delegations = (await as('secretariat').get(`/api/committees/${committeeId}/delegations`)).body.items as Json[];
      const brazil = String(delegations.find((d) => d.code === 'BRA')?.id);
      const text = await as('secretariat').get(`/api/instruments/${instrumentId}/text?lang=en`);
      const articles = ((text.body.doc as Json).content as Json[])
        .flatMap((n) => (n.type === 'chapter' ? (n.content as Json[]) : [n]))
        .filter((n) => n.type === 'article');
      sovereignty = String(((articles.find((a) => JSON.stringify(a).includes('Protection of sovereignty')) as Json).attrs as Json).id);

      // Egypt (co-sponsored by Brazil, supported by the EU) and Brazil propose overlapping words for Article 4.
      const egypt = await propose(
        'egypt.head',
        'Sovereign equality of all States',
        'sovereign equality of all States',
        'Aligns the text with Article 2 of the Charter. <b>Not bold</b>',
        { id: brazil, head: 'brazil.head' },
      );
      await propose(
        'brazil.head',
        'Equality and mutual respect',
        'sovereign equality and\u200B mutual respect',
        'Brazil prefers a reference to mutual respect.',
      );
      expect((await as('eu.head').post(`/api/proposals/${egypt}/support`)).status).toBeLessThan(300);
    }, 180_000);

    afterAll(async () => {
      for (const p of providers) p.destroy();
      await browser?.close();
      await server?.close();
    });

    it('lets the secretariat decide on two proposals, compile them into options and publish the draft as a revision', async () => {
      const secretariat = await signIn(browser, server, 'secretariat@concord.test');
      const { page } = secretariat;

      // The dashboard leads to the desk, which opens on the article that received proposals.
      await page.getByRole('link', { name: 'Compile desk (English)' }).click();
      await expect.poll(() => page.url()).toMatch(/\/instruments\/[0-9a-f-]{36}\/desk\/en$/);
      await page.getByRole('heading', { level: 1, name: /Draft convention/ }).waitFor();
      await page.getByRole('heading', { name: 'Proposals received (2)' }).waitFor();
      const articleHeading = page.locator('.desk-article-heading');
      expect(await articleHeading.textContent()).toContain('Article 4');
      const navigator = page.getByRole('navigation', { name: 'Articles' });
      expect(await navigator.locator('[aria-current="page"]').textContent()).toMatch(/Article 4.*Proposals: 2/);
      expect(await page.locator('.desk-current-text').textContent()).toContain('sovereign equality and territorial integrity');

      // Each proposal: its sponsors by name, its change in place, its justification as text, its warnings.
      const egypt = card(page, 'Sovereign equality of all States');
      const brazil = card(page, 'Equality and mutual respect');
      await egypt.waitFor();
      await brazil.waitFor();
      expect(await egypt.locator('.desk-attribution').textContent()).toMatch(
        /Sponsor:Egypt.*Co-sponsors:Brazil.*Supported by:European Union and its member States/,
      );
      expect(await egypt.locator('ins').first().textContent()).toContain('of all States');
      expect(await egypt.locator('.desk-justification blockquote').textContent()).toContain('<b>Not bold</b>');
      expect(await egypt.locator('.desk-justification b').count()).toBe(0);
      expect(await brazil.locator('.desk-attribution').textContent()).toMatch(/Sponsor:Brazil/);
      expect(await brazil.locator('ins').first().textContent()).toContain('mutual respect');
      expect(await brazil.locator('.desk-warning').textContent()).toContain('U+200B ZERO WIDTH SPACE');
      expect(await brazil.locator('.desk-hidden-char').textContent()).toContain('U+200B');
      expect(await seriousAccessibilityViolations(page)).toEqual([]);
      await screenshot(page, 'compile-desk-en.png');

      // Decisions are saved as soon as they are chosen.
      await whole(egypt).getByRole('radio', { name: 'Present as an option' }).check();
      await egypt.getByText('Decision saved. It applies at the next compilation.').waitFor();
      await whole(brazil).getByRole('radio', { name: 'Present as an option' }).check();
      await brazil.getByText('Decision saved. It applies at the next compilation.').waitFor();
      await page.getByText('Decisions waiting to be compiled: 2.').waitFor();

      // Compiling reports what became of each proposal, in words.
      await page.getByRole('button', { name: 'Compile into the consolidated draft' }).click();
      const report = page.locator('.desk-compile-report');
      await report.getByText('Compiled. Proposals applied to the consolidated draft: 2.').waitFor();
      expect(await report.locator('.desk-outcomes').textContent()).toMatch(
        /“Sovereign equality of all States” \(Egypt\): presented as an option\./,
      );
      expect(await report.locator('.desk-outcomes').textContent()).toMatch(/“Equality and mutual respect” \(Brazil\): presented as an option\./);
      await egypt.getByText('Presented as an option', { exact: true }).waitFor();
      expect(await whole(egypt).getByRole('radio', { name: 'Present as an option' }).isDisabled()).toBe(true);
      await navigator.locator('[aria-current="page"]').getByText('Options: 1').waitFor();

      // The provision's status changes at once and keeps its history.
      await page.getByLabel('Status of Article 4').selectOption('informally-agreed');
      await page.getByText('Status saved.').waitFor();
      await page.getByText('Status history (1)').click();
      await page.getByText(/from “Open” to “Informally agreed” by Lena Okafor/).waitFor();
      await screenshot(page, 'compile-desk-compiled-en.png');

      // The live draft shows the options with their sponsors.
      await report.getByRole('link', { name: 'Open the live consolidated draft' }).click();
      await expect.poll(() => page.url()).toMatch(/\/draft\/en$/);
      await connected(page);
      const group = page.locator('.treaty-text div[data-node="option-group"]');
      await group.waitFor();
      expect(await group.locator('div[data-node="option"]').count()).toBe(3);
      expect(await group.textContent()).toContain('sovereign equality of all States');
      expect(await group.textContent()).toContain('mutual respect');
      // Options name their delegations by name, with co-sponsors and supporters, not by code.
      expect(await group.locator('.option-sponsors').allTextContents()).toEqual([
        'Base text',
        'Proposed by Brazil',
        'Proposed by Egypt, co-sponsored by Brazil; supported by European Union and its member States (Germany and France)',
      ]);

      // Publishing: the dialog takes the focus, asks for the first symbol, and shows what was published.
      const opener = page.getByRole('button', { name: 'Publish a revision…' });
      await opener.click();
      await page.getByRole('dialog', { name: 'Publish a revision' }).waitFor();
      // Once published, the dialog is named after what it published.
      const dialog = page.getByRole('dialog');
      const symbol = dialog.getByLabel(/Document symbol/);
      await expect.poll(() => symbol.evaluate((input) => input === document.activeElement)).toBe(true);
      await dialog.getByText('Required for the first publication, for example A/AC.291/1.').waitFor();
      await dialog.getByRole('button', { name: 'Publish', exact: true }).click();
      await dialog.getByRole('alert').getByText('Enter the document symbol of the first publication.').waitFor();
      await symbol.fill('A/AC.291/22');
      await dialog.getByRole('radio', { name: /Public/ }).check();
      expect(await dialog.getByRole('checkbox', { name: /English/ }).isChecked()).toBe(true);
      expect(await seriousAccessibilityViolations(page)).toEqual([]);
      await page.screenshot({ path: join(ARTIFACTS, 'publish-dialog-en.png') });
      await dialog.getByRole('button', { name: 'Publish', exact: true }).click();
      await dialog.getByRole('heading', { name: 'Published: A/AC.291/22' }).waitFor();
      expect(await dialog.locator('.desk-hash').textContent()).toMatch(/^[0-9a-f]{64}$/);
      await dialog.getByRole('link', { name: 'Read it in the public reading room' }).waitFor();
      await page.screenshot({ path: join(ARTIFACTS, 'publish-dialog-done-en.png') });
      const revisions = (await as('secretariat').get(`/api/instruments/${instrumentId}/revisions`)).body.items as Json[];
      expect(revisions).toEqual([expect.objectContaining({ symbol: 'A/AC.291/22', tier: 'public' })]);
      // Escape closes the dialog and gives the focus back to the button that opened it.
      await page.keyboard.press('Escape');
      await dialog.waitFor({ state: 'hidden' });
      await expect.poll(() => opener.evaluate((button) => button === document.activeElement)).toBe(true);

      // Back on the desk: a French version starts as a copy of the original, every provision stale until confirmed.
      await page.goBack();
      await page.getByRole('heading', { name: 'Proposals received (2)' }).waitFor();
      const versions = page.getByRole('region', { name: 'Language versions' });
      await versions.getByLabel('New version in').selectOption('fr');
      await versions.getByRole('button', { name: 'Add version' }).click();
      const added = versions.getByText(/^The French version has been added\. Provisions to translate: \d+\.$/);
      const toTranslate = Number(/(\d+)\.$/.exec((await added.textContent()) ?? '')?.[1]);
      const french = versions.getByRole('row', { name: /French/ });
      await french.getByRole('cell', { name: String(toTranslate), exact: true }).waitFor();
      await versions.getByRole('button', { name: 'Stale queue (French)' }).click();
      const queue = versions.getByRole('region', { name: 'Stale queue: French' });
      await queue.getByRole('checkbox', { name: 'Confirm this translation' }).first().check();
      await queue.getByRole('button', { name: 'Confirm selected (1)' }).click();
      await queue.getByText('Translations confirmed: 1.').waitFor();
      await french.getByRole('cell', { name: String(toTranslate - 1), exact: true }).waitFor();
      expect(await seriousAccessibilityViolations(page)).toEqual([]);
      await screenshot(page, 'compile-desk-languages-en.png');

      // The next publication gets its symbol from the first, and warns that the French version is stale.
      await page.getByRole('button', { name: 'Publish a revision…' }).click();
      await expect.poll(() => dialog.getByLabel(/Document symbol/).inputValue()).toBe('A/AC.291/22/Rev.1');
      await dialog.getByText(/^French: stale provisions: \d+$/).waitFor();
      await dialog.getByRole('button', { name: 'Publish', exact: true }).click();
      await dialog.getByRole('alert').getByText('Confirm that you want to publish with stale translations, or leave those languages out.').waitFor();
      await dialog.getByRole('checkbox', { name: /Publish with stale translations/ }).check();
      await dialog.getByRole('alert').waitFor({ state: 'detached' });
      await page.screenshot({ path: join(ARTIFACTS, 'publish-dialog-stale-en.png') });
      await dialog.getByRole('button', { name: 'Cancel' }).click();
      await dialog.waitFor({ state: 'hidden' });

      // In Arabic the desk is right to left; the English text beside the proposals stays left to right.
      await page.getByLabel('Language', { exact: true }).selectOption('ar');
      await expect.poll(() => page.evaluate(() => document.documentElement.dir)).toBe('rtl');
      await page.getByRole('heading', { name: 'المقترحات الواردة (٢)' }).waitFor();
      expect(await page.locator('.desk-current-text').getAttribute('dir')).toBe('ltr');
      expect(await seriousAccessibilityViolations(page)).toEqual([]);
      await screenshot(page, 'compile-desk-ar.png');

      expect(secretariat.errors).toEqual([]);
      await secretariat.context.close();
    }, 180_000);

    it('lets the secretariat decide a proposal article by article and accept or reject its single changes, in English and Arabic', async () => {
      const text = await as('secretariat').get(`/api/instruments/${instrumentId}/text?lang=en`);
      const articles = ((text.body.doc as Json).content as Json[]).flatMap((n) => (n.type === 'chapter' ? (n.content as Json[]) : [n])).filter((n) => n.type === 'article');
      const idOf = (heading: string) => String(((articles.find((a) => JSON.stringify(a).includes(heading)) as Json).attrs as Json).id);
      const scope = idOf('Scope of application');
      const access = idOf('Illegal access');
      const space = await as('egypt.head').post(`/api/instruments/${instrumentId}/drafting-spaces`, { title: 'Scope and access', language: 'en', provisionIds: [scope, access] });
      const writer = provider(server, String(space.body.document), tokens['egypt.head']);
      providers.push(writer);
      await synced(writer);
      replaceText(writer.doc, 'prevention, investigation', 'prevention, detection, investigation');
      replaceText(writer.doc, 'Convention shall apply', 'Convention applies');
      replaceText(writer.doc, 'system without right.', 'system without right and with dishonest intent.');
      await relayed(server, String(space.body.document), tokens['egypt.head'], (doc) => treatyFragment(doc).toString().includes('dishonest intent'));
      expect((await as('egypt.head').post(`/api/drafting-spaces/${String(space.body.id)}/submit`, { justification: 'Two articles.' })).status).toBe(201);

      const secretariat = await signIn(browser, server, 'secretariat@concord.test');
      const { page } = secretariat;
      await page.getByRole('link', { name: 'Compile desk (English)' }).click();
      const navigator = page.getByRole('navigation', { name: 'Articles' });
      await navigator.getByRole('link', { name: /Article 3/ }).click();
      expect(await page.locator('.desk-article-heading').textContent()).toContain('Article 3');
      expect(await page.locator('.desk-current-text').textContent()).toMatch(/^Article 3/);
      const proposal = card(page, 'Scope and access');
      await proposal.waitFor();
      // Only its changes to Article 3, each labelled by paragraph.
      expect(await proposal.locator('.desk-change-place').allTextContents()).toEqual(['Paragraph 1', 'Paragraph 1']);
      expect(await proposal.locator('.desk-changes').textContent()).not.toContain('dishonest');

      await proposal.getByRole('group', { name: 'Decision on its changes to this article' }).getByRole('radio', { name: 'Incorporate' }).click();
      await proposal.getByText('Decision saved. It applies at the next compilation.').waitFor();
      const changes = proposal.locator('.desk-change');
      await changes.nth(0).getByRole('button', { name: 'Reject' }).click();
      await expect.poll(() => changes.nth(0).getAttribute('class')).toContain('desk-change-not-retain');
      expect(await changes.nth(1).getAttribute('class')).toContain('desk-change-incorporate');
      await screenshot(page, 'compile-desk-changes-en.png');

      await navigator.getByRole('link', { name: /Article 5/ }).click();
      const there = card(page, 'Scope and access');
      // The card is the same element, re-rendered for Article 5 once its changes arrive: wait for them.
      await expect.poll(() => there.locator('.desk-changes').textContent()).toContain('dishonest intent');
      await there.getByRole('group', { name: 'Decision on its changes to this article' }).getByRole('radio', { name: 'Present as an option' }).click();
      await there.getByText('Decision saved. It applies at the next compilation.').waitFor();
      await page.getByText('Decisions waiting to be compiled: 1.').waitFor();
      await page.getByRole('button', { name: 'Compile into the consolidated draft' }).click();
      await page.locator('.desk-compile-report').getByText(/“Scope and access” \(Egypt\): partly incorporated/).waitFor();
      expect(await seriousAccessibilityViolations(page)).toEqual([]);

      // In Arabic: the same desk, right to left, on Article 3 again.
      await navigator.getByRole('link', { name: /Article 3/ }).click();
      await page.getByLabel('Language', { exact: true }).selectOption('ar');
      await expect.poll(() => page.evaluate(() => document.documentElement.dir)).toBe('rtl');
      const arabic = card(page, 'Scope and access');
      await arabic.locator('.desk-change-place').first().waitFor();
      expect(await arabic.locator('.desk-change-place').allTextContents()).toEqual(['الفقرة 1', 'الفقرة 1']);
      await screenshot(page, 'compile-desk-changes-ar.png');
      expect(secretariat.errors).toEqual([]);
      await secretariat.context.close();
    }, 180_000);

    it('lets the secretariat bracket and unbracket words in the live draft, in English and Arabic', async () => {
      const secretariat = await signIn(browser, server, 'secretariat@concord.test');
      const { page } = secretariat;
      await page.getByRole('link', { name: 'Compile desk (English)' }).click();
      await page.getByRole('link', { name: 'Open the live consolidated draft' }).first().click();
      await expect.poll(() => page.url()).toMatch(/\/draft\/en$/);
      await connected(page);
      const select = (words: string) =>
        page.evaluate((find) => {
          const root = document.querySelector('.treaty-text');
          const walker = document.createTreeWalker(root as globalThis.Node, NodeFilter.SHOW_TEXT);
          for (let node = walker.nextNode(); node; node = walker.nextNode()) {
            const at = (node.textContent ?? '').indexOf(find);
            if (at < 0) continue;
            (root as HTMLElement).focus();
            const range = document.createRange();
            range.setStart(node, at);
            range.setEnd(node, at + find.length);
            const selection = window.getSelection();
            selection?.removeAllRanges();
            selection?.addRange(range);
            return true;
          }
          return false;
        }, words);
      const tools = page.getByRole('toolbar', { name: 'Secretariat tools' });
      // Selected with the space after it: the bracket takes the words only.
      expect(await select('made by technical means, ')).toBe(true);
      await page.waitForTimeout(100);
      await tools.getByRole('button', { name: 'Bracket', exact: true }).click();
      const bracket = page.locator('.treaty-text .bracket', { hasText: 'technical means' });
      await bracket.waitFor();
      expect(await bracket.textContent()).toBe('made by technical means,');
      expect(await select('technical means')).toBe(true);
      await page.waitForTimeout(100);
      await tools.getByRole('button', { name: 'Bracket', exact: true }).click();
      await expect.poll(() => page.locator('.treaty-text .bracket .bracket').count()).toBe(1);
      await screenshot(page, 'draft-brackets-en.png');

      // Clicking compiled text tells where it came from, with a link to the proposal (Egypt's option of Article 4).
      const box = await page.evaluate(() => {
        const walker = document.createTreeWalker(document.querySelector('.treaty-text') as globalThis.Node, NodeFilter.SHOW_TEXT);
        for (let node = walker.nextNode(); node; node = walker.nextNode()) {
          const at = (node.textContent ?? '').indexOf('of all States');
          if (at < 0) continue;
          const range = document.createRange();
          range.setStart(node, at + 3);
          range.setEnd(node, at + 6);
          range.startContainer.parentElement?.scrollIntoView({ block: 'center' });
          const rect = range.getBoundingClientRect();
          return { x: rect.x + rect.width / 2, y: rect.y + rect.height / 2 };
        }
        return null;
      });
      expect(box).not.toBeNull();
      if (box !== null) await page.mouse.click(box.x, box.y);
      const origin = page.getByRole('region', { name: 'Selected passage' });
      await origin.getByText('Proposed by Egypt, co-sponsored by Brazil; supported by European Union and its member States (Germany and France)').waitFor();
      expect(await origin.getByRole('link', { name: 'Open the proposal' }).getAttribute('href')).toMatch(/^\/proposals\/[0-9a-f-]{36}$/);
      await screenshot(page, 'draft-provenance-en.png');

      await page.getByLabel('Language', { exact: true }).selectOption('ar');
      await expect.poll(() => page.evaluate(() => document.documentElement.dir)).toBe('rtl');
      const arabicTools = page.getByRole('toolbar', { name: 'أدوات الأمانة' });
      expect(await select('technical means')).toBe(true);
      await page.waitForTimeout(100);
      await arabicTools.getByRole('button', { name: 'إزالة القوسين المعقوفين' }).click();
      await expect.poll(() => page.locator('.treaty-text .bracket .bracket').count()).toBe(0);
      expect(await page.locator('.treaty-text .bracket', { hasText: 'technical means' }).count()).toBe(1);
      await screenshot(page, 'draft-brackets-ar.png');
      expect(secretariat.errors).toEqual([]);
      await secretariat.context.close();
    }, 120_000);

    it('brings a provision the Spanish version lacks into it from the stale queue, translated, in English and Arabic', async () => {
      expect((await as('secretariat').post(`/api/instruments/${instrumentId}/languages`, { language: 'es' })).status).toBe(201);
      // An article added to the English original after the Spanish version was made: the Spanish version lacks it.
      const original = provider(server, `consolidated:${instrumentId}:en`, tokens.secretariat);
      providers.push(original);
      await synced(original);
      const [articleId, paragraphId] = [newNodeId(), newNodeId()];
      editTreaty(original.doc, (state) => {
        const article = treatySchema.nodes.article.create({ id: articleId }, [
          treatySchema.nodes.heading.create(null, treatySchema.text('Cooperation with the private sector')),
          treatySchema.nodes.paragraph.create({ id: paragraphId }, [treatySchema.nodes.text_block.create(null, treatySchema.text('States Parties shall cooperate with service providers.'))]),
        ]);
        let at = -1;
        state.doc.descendants((node, pos) => {
          if (at < 0 && node.type.name === 'article') at = pos + node.nodeSize;
          return at < 0;
        });
        return state.tr.insert(at, article).doc;
      });
      await expect
        .poll(async () => ((await as('secretariat').get(`/api/instruments/${instrumentId}/languages/stale?lang=es`)).body.items as Json[]).filter((s) => s.reason === 'missing').length)
        .toBe(2);

      const secretariat = await signIn(browser, server, 'secretariat@concord.test');
      const { page } = secretariat;
      await page.getByRole('link', { name: 'Compile desk (English)' }).click();
      const versions = page.getByRole('region', { name: 'Language versions' });
      await versions.getByRole('button', { name: 'Stale queue (Spanish)' }).click();
      const queue = versions.getByRole('region', { name: 'Stale queue: Spanish' });
      // Found by node id, as the queue's name changes with the interface's language.
      await queue.waitFor();
      const item = page.locator(`.desk-stale-item[data-node-id="${paragraphId}"]`);
      await item.getByText('Missing', { exact: true }).waitFor();
      await item.getByText('Not in this version yet.').waitFor();
      // A missing provision has nothing to confirm, but can be brought in with its translation.
      expect(await item.getByRole('checkbox').isDisabled()).toBe(true);
      await item.getByRole('button', { name: 'Bring Chapter I › Article 2 into this version and translate it' }).click();
      await item.getByText(/^This provision is not in this version yet: saving its translation places it where it stands in the original\./).waitFor();
      expect(await seriousAccessibilityViolations(page)).toEqual([]);
      await item.screenshot({ path: join(ARTIFACTS, 'stale-queue-bring-en.png') });

      await page.getByLabel('Language', { exact: true }).selectOption('ar');
      await expect.poll(() => page.evaluate(() => document.documentElement.dir)).toBe('rtl');
      await item.getByText(/^هذا الحكم غير موجود بعد في هذه النسخة/).waitFor();
      await item.getByRole('button', { name: /^إدراج .+ في هذه النسخة وترجمته$/ }).waitFor();
      expect(await seriousAccessibilityViolations(page)).toEqual([]);
      await item.screenshot({ path: join(ARTIFACTS, 'stale-queue-bring-ar.png') });

      await page.getByLabel('اللغة', { exact: true }).selectOption('en');
      await item.getByRole('textbox').fill('Los Estados partes cooperarán con los proveedores de servicios.');
      await item.getByRole('button', { name: 'Save the translation' }).click();
      await item.waitFor({ state: 'detached' });
      // The article came with its paragraph, its heading still in English and to be translated.
      const heading = page.locator(`.desk-stale-item[data-node-id="${articleId}"]`);
      await heading.getByText('Not yet confirmed', { exact: true }).waitFor();
      await heading.getByText('Cooperation with the private sector').first().waitFor();
      await heading.screenshot({ path: join(ARTIFACTS, 'stale-queue-brought-en.png') });
      const spanish = (await as('secretariat').get(`/api/instruments/${instrumentId}/languages/stale?lang=es`)).body.items as Json[];
      expect(spanish.filter((s) => s.reason === 'missing')).toEqual([]);
      expect(secretariat.errors).toEqual([]);
      await secretariat.context.close();
    }, 120_000);
  },
);
