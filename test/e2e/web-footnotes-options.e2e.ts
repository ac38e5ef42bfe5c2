import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { BROWSER_SKIP_REASON, connected, launchBrowser, screenshot, seriousAccessibilityViolations, signIn } from '../support/browser';
import { scratchSqlite } from '../support/databases';
import { client, login, startServer, type TestServer } from '../support/server';

type Json = Record<string, unknown>;

/**
 * Selects, in the live treaty text, from the start of `from` (or its end, with `atEnd`) to the end of `to`, or puts
 * the cursor there when `to` is omitted, the way a person's mouse would; ProseMirror reads the selection from the DOM.
 */
async function select(page: Page, from: string, to?: string, atEnd = false): Promise<boolean> {
  const done = await page.evaluate(
    ([start, end, after]) => {
      const root = document.querySelector('.treaty-text');
      const find = (words: string): { node: globalThis.Node; at: number } | null => {
        const walker = document.createTreeWalker(root as globalThis.Node, NodeFilter.SHOW_TEXT);
        for (let node = walker.nextNode(); node; node = walker.nextNode()) {
          const at = (node.textContent ?? '').indexOf(words);
          if (at >= 0) return { node, at };
        }
        return null;
      };
      const first = find(start as string);
      const last = end === null ? first : find(end as string);
      if (first === null || last === null) return false;
      (root as HTMLElement).focus();
      const range = document.createRange();
      const anchor = after ? first.at + (start as string).length : first.at;
      range.setStart(first.node, anchor);
      if (end === null) range.setEnd(first.node, anchor);
      else range.setEnd(last.node, last.at + (end as string).length);
      const selection = window.getSelection();
      selection?.removeAllRanges();
      selection?.addRange(range);
      return true;
    },
    [from, to ?? null, atEnd] as const,
  );
  // ProseMirror takes the DOM selection over on the next selectionchange.
  await page.waitForTimeout(150);
  return done;
}

const focused = (page: Page) => page.evaluate(() => document.activeElement?.className ?? '');

describe.skipIf(BROWSER_SKIP_REASON !== null)(
  `Footnotes and options made by hand in Chromium${BROWSER_SKIP_REASON ? ` (${BROWSER_SKIP_REASON})` : ''}`,
  () => {
    let server: TestServer;
    let browser: Browser;
    let token = '';
    let committeeId = '';
    let instrumentId = '';

    beforeAll(async () => {
      server = await startServer(scratchSqlite());
      browser = await launchBrowser();
      token = await login(server, 'secretariat@concord.test');
      committeeId = String(((await client(server).get('/api/committees')).body.items as Json[])[0]?.id);
      instrumentId = String(((await client(server, token).get(`/api/committees/${committeeId}/instruments`)).body.items as Json[])[0]?.id);
    }, 120_000);

    afterAll(async () => {
      await browser?.close();
      await server?.close();
    });

    it('lets the secretariat insert and reword a footnote, make options of two paragraphs and dissolve them, then readers see the note, in English', async () => {
      const secretariat = await signIn(browser, server, 'secretariat@concord.test');
      const { page } = secretariat;
      await page.goto(`/committees/${committeeId}/instruments/${instrumentId}/draft/en`);
      await connected(page);
      const tools = page.getByRole('toolbar', { name: 'Secretariat tools' });

      // A footnote at the cursor, after "territorial integrity of States".
      expect(await select(page, 'territorial integrity of States', undefined, true)).toBe(true);
      await tools.getByRole('button', { name: 'Insert footnote' }).click();
      const form = page.getByRole('region', { name: 'Insert footnote' });
      const field = form.getByLabel('Text of the footnote');
      await expect.poll(() => field.evaluate((element) => element === document.activeElement)).toBe(true);
      await form.getByRole('button', { name: 'Insert the footnote' }).click();
      await form.getByRole('alert').getByText('Write the text of the footnote.').waitFor();
      await field.fill('See General Assembly resolution 2625 (XXV).');
      await form.getByRole('button', { name: 'Insert the footnote' }).click();
      await form.waitFor({ state: 'detached' });
      const marker = page.locator('.treaty-text .footnote-marker');
            await marker.waitFor();
      expect(await marker.textContent()).toBe('1');
      expect(await marker.getAttribute('aria-label')).toBe('Footnote 1');
      expect(await focused(page)).toContain('ProseMirror');
      const list = page.getByRole('region', { name: 'Footnotes' });
      await list.getByText('See General Assembly resolution 2625 (XXV).').waitFor();
      // The marker stands right after the words it was put after.
      expect(await page.locator('.treaty-text').evaluate((text) => (text.textContent ?? '').includes('territorial integrity of States1 and that'))).toBe(true);

      // The marker opens the note for rewording, from the keyboard.
      await marker.focus();
      await page.keyboard.press('Enter');
      const edit = page.getByRole('region', { name: 'Footnote 1' });
      await edit.getByLabel('Text of the footnote').fill('See General Assembly resolution 2625 (XXV), annex.');
      await edit.getByRole('button', { name: 'Save the footnote' }).click();
      await list.getByText('See General Assembly resolution 2625 (XXV), annex.').waitFor();
      // The number in the list leads back to the marker.
      await list.getByRole('button', { name: 'Back to footnote 1' }).click();
      expect(await focused(page)).toContain('footnote-marker');
      expect(await seriousAccessibilityViolations(page)).toEqual([]);
      await screenshot(page, 'draft-footnote-en.png');

      // Two paragraphs of Article 3 become options, Egypt's and Brazil's.
      expect(await select(page, 'This Convention shall apply', 'For the purposes of implementing')).toBe(true);
      await tools.getByRole('button', { name: 'Make options' }).click();
      const build = page.getByRole('region', { name: 'Make options' });
      await build.getByText('Each selected provision becomes one option.').waitFor();
      await build.getByRole('group', { name: 'Option 1 — Proposed by' }).getByRole('checkbox', { name: 'Egypt' }).check();
      await build.getByRole('group', { name: 'Option 2 — Proposed by' }).getByRole('checkbox', { name: 'Brazil' }).check();
      expect(await build.getByRole('checkbox', { name: 'Secretariat' }).count()).toBe(0);
      expect(await seriousAccessibilityViolations(page)).toEqual([]);
      await screenshot(page, 'draft-options-build-en.png');
      await build.getByRole('button', { name: 'Make the options' }).click();
      const group = page.locator('.treaty-text div[data-node="option-group"]');
      await group.waitFor();
      expect(await group.locator('.option-sponsors').allTextContents()).toEqual(['Proposed by Egypt', 'Proposed by Brazil']);
      expect(await group.locator('.option-number').allTextContents()).toEqual(['Option 1', 'Option 2']);
      await screenshot(page, 'draft-options-built-en.png');

      // Dissolved, keeping Egypt's option: its paragraph stays, Brazil's goes.
      expect(await select(page, 'For the purposes of implementing')).toBe(true);
      await tools.getByRole('button', { name: 'Dissolve options' }).click();
      const dissolve = page.getByRole('region', { name: 'Dissolve options' });
      expect(await dissolve.getByRole('radio', { name: /Option 2 — Proposed by Brazil/ }).isChecked()).toBe(true);
      await dissolve.getByRole('radio', { name: /Option 1 — Proposed by Egypt/ }).check();
      expect(await seriousAccessibilityViolations(page)).toEqual([]);
      await screenshot(page, 'draft-options-dissolve-en.png');
      await dissolve.getByRole('button', { name: 'Keep this option' }).click();
      await group.waitFor({ state: 'detached' });
      const text = (await page.locator('.treaty-text').textContent()) ?? '';
      expect(text).toContain('This Convention shall apply');
      expect(text).not.toContain('For the purposes of implementing');

      // Published, the footnote is in the revision: in the reading room and in the Akoma Ntoso export.
      const published = await client(server, token).post(`/api/instruments/${instrumentId}/revisions`, { tier: 'public', symbol: 'A/AC.291/22' });
      expect(published.status).toBe(201);
      const revisionId = String(published.body.id);
      await page.goto(`/reading-room/revisions/${revisionId}`);
      const readerMarker = page.locator('.reading-text .footnote-marker');
      await readerMarker.waitFor();
      expect(await readerMarker.textContent()).toBe('1');
      expect(await readerMarker.getAttribute('aria-label')).toBe('Footnote 1');
      const notes = page.getByRole('region', { name: 'Footnotes' });
      await notes.getByText('See General Assembly resolution 2625 (XXV), annex.').waitFor();
      await readerMarker.click();
      await expect.poll(() => new URL(page.url()).hash).toMatch(/^#note-/);
      expect(await seriousAccessibilityViolations(page)).toEqual([]);
      await screenshot(page, 'reading-room-footnote-en.png');
      const akn = await fetch(`${server.url}/api/public/revisions/${revisionId}/export?format=akn&lang=en`, { headers: { 'accept-encoding': 'identity' } });
      expect(akn.status).toBe(200);
      // The note's words are the secretariat's edit, and say so.
      expect(await akn.text()).toContain('territorial integrity of States<authorialNote eId="fn_1" marker="1" placement="bottom" class="footnote"><p><span class="provenance-edit">See General Assembly resolution 2625 (XXV), annex.</span></p></authorialNote> and that');

      expect(secretariat.errors).toEqual([]);
      await secretariat.context.close();
    }, 180_000);

    it('offers the same tools in Arabic, right to left: a footnote, options of a paragraph’s text, and dissolving them', async () => {
      const secretariat = await signIn(browser, server, 'secretariat@concord.test');
      const { page } = secretariat;
      await page.goto(`/committees/${committeeId}/instruments/${instrumentId}/draft/en`);
      await connected(page);
      await page.getByLabel('Language', { exact: true }).selectOption('ar');
      await expect.poll(() => page.evaluate(() => document.documentElement.dir)).toBe('rtl');
      const tools = page.getByRole('toolbar', { name: 'أدوات الأمانة' });

      expect(await select(page, 'made by technical means', undefined, true)).toBe(true);
      await tools.getByRole('button', { name: 'إدراج حاشية' }).click();
      const form = page.getByRole('region', { name: 'إدراج حاشية' });
      await form.getByLabel('نص الحاشية').fill('See the Budapest Convention, article 3.');
      await screenshot(page, 'draft-footnote-form-ar.png');
      await form.getByRole('button', { name: 'إدراج الحاشية' }).click();
      await form.waitFor({ state: 'detached' });
      const notes = page.getByRole('region', { name: 'الحواشي' });
      await notes.getByText('See the Budapest Convention, article 3.').waitFor();
      // Two notes now, numbered in document order: the new one, in Article 6, comes second.
      expect(await page.locator('.treaty-text .footnote-marker').allTextContents()).toEqual(['1', '2']);
      expect(await page.locator('.treaty-text .footnote-marker').nth(1).getAttribute('aria-label')).toBe('الحاشية 2');

      // Article 6's text becomes two options: itself, proposed by Egypt, and a copy, proposed by China.
      expect(await select(page, 'Each State Party shall adopt such legislative and other measures as may be necessary to establish as a criminal offence under its domestic law, when committed intentionally, the interception')).toBe(true);
      await tools.getByRole('button', { name: 'إنشاء خيارات' }).click();
      const build = page.getByRole('region', { name: 'إنشاء خيارات' });
      await build.getByText('يصبح النص الخيار ١ ونسخة منه الخيار ٢ لإعادة صياغتها.').waitFor();
      await build.getByRole('group', { name: /الخيار ١/ }).getByRole('checkbox', { name: 'مصر' }).check();
      await build.getByRole('group', { name: /الخيار ٢/ }).getByRole('checkbox', { name: 'الصين' }).check();
      expect(await seriousAccessibilityViolations(page)).toEqual([]);
      await screenshot(page, 'draft-options-build-ar.png');
      await build.getByRole('button', { name: 'إنشاء الخيارات' }).click();
      const group = page.locator('.treaty-text div[data-node="option-group"]');
      await group.waitFor();
      expect(await group.locator('.option-sponsors').allTextContents()).toEqual(['مقترح من مصر', 'مقترح من الصين']);
      await screenshot(page, 'draft-options-built-ar.png');

      expect(await select(page, 'made by technical means')).toBe(true);
      await tools.getByRole('button', { name: 'حل الخيارات' }).click();
      const dissolve = page.getByRole('region', { name: 'حل الخيارات' });
      await dissolve.getByRole('radio', { name: /مقترح من الصين/ }).check();
      await screenshot(page, 'draft-options-dissolve-ar.png');
      await dissolve.getByRole('button', { name: 'الإبقاء على هذا الخيار' }).click();
      await group.waitFor({ state: 'detached' });
      expect(await page.locator('.treaty-text').textContent()).toContain('made by technical means');

      // Published, the reader in Arabic sees both notes listed under an Arabic heading.
      const published = await client(server, token).post(`/api/instruments/${instrumentId}/revisions`, { tier: 'public' });
      expect(published.status).toBe(201);
      await page.goto(`/reading-room/revisions/${String(published.body.id)}`);
      const list = page.getByRole('region', { name: 'الحواشي' });
      await list.getByText('See the Budapest Convention, article 3.').waitFor();
      expect(await page.locator('.reading-text .footnote-marker').count()).toBe(2);
      expect(await seriousAccessibilityViolations(page)).toEqual([]);
      await screenshot(page, 'reading-room-footnote-ar.png');
      expect(secretariat.errors).toEqual([]);
      await secretariat.context.close();
    }, 180_000);
  },
);
