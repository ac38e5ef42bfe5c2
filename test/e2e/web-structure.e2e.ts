import type { Browser, Locator, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { BROWSER_SKIP_REASON, connected, launchBrowser, screenshot, seriousAccessibilityViolations, signIn, treatyText } from '../support/browser';
import { scratchSqlite } from '../support/databases';
import { client, login, startServer, type TestServer } from '../support/server';

type Json = Record<string, unknown>;

/** Clicks into a text block and waits for the caret to land there, as a person would before pressing a tool. */
async function placeCaret(page: Page, block: Locator): Promise<void> {
  const caretMoved = page.evaluate(() => new Promise<void>((resolve) => document.addEventListener('selectionchange', () => resolve(), { once: true })));
  await block.click();
  await caretMoved;
}

const article = (page: Page, id: string): Locator => treatyText(page).locator(`section[data-node="article"][data-id="${id}"]`);

describe.skipIf(BROWSER_SKIP_REASON !== null)(`The secretariat's structure tools in Chromium${BROWSER_SKIP_REASON ? ` (${BROWSER_SKIP_REASON})` : ''}`, () => {
  let server: TestServer;
  let browser: Browser;
  let committeeId = '';
  let instrumentId = '';
  let token = '';
  /** An open article of the demo text, another for the Arabic version, and an agreed one. */
  let open: Json = {};
  let otherOpen: Json = {};
  let agreed: Json = {};

  const numbers = async (lang: string): Promise<Json[]> => (await client(server, token).get(`/api/instruments/${instrumentId}/numbers?lang=${lang}`)).body.items as Json[];

  beforeAll(async () => {
    server = await startServer(scratchSqlite());
    browser = await launchBrowser();
    token = await login(server, 'secretariat@concord.test');
    committeeId = String(((await client(server).get('/api/committees')).body.items as Json[])[0]?.id);
    instrumentId = String(((await client(server, token).get(`/api/committees/${committeeId}/instruments`)).body.items as Json[])[0]?.id);
    const items = (await client(server, token).get(`/api/instruments/${instrumentId}/consultations?lang=en`)).body.items as Json[];
    const opens = items.filter((item) => item.status === 'open');
    open = opens[0] ?? {};
    otherOpen = opens[1] ?? {};
    agreed = items.find((item) => item.status !== 'open') ?? {};
    if (agreed.provisionId === undefined) {
      agreed = opens[opens.length - 1] ?? {};
      const chair = await login(server, 'chair@concord.test');
      await client(server, chair).put(`/api/instruments/${instrumentId}/provisions/${String(agreed.provisionId)}/status`, { language: 'en', status: 'informally-agreed' });
    }
    expect(otherOpen.provisionId).toBeDefined();
  });
  afterAll(async () => {
    await browser?.close();
    await server?.close();
  });

  it('inserts an article (n bis), a paragraph and a subparagraph, deletes after confirming, refers to the new article, and refuses agreed text, in English', async () => {
    const secretariat = await signIn(browser, server, 'secretariat@concord.test');
    const { page } = secretariat;
    await page.goto(`/committees/${committeeId}/instruments/${instrumentId}/draft/en`);
    await connected(page);
    const tools = page.getByRole('toolbar', { name: 'Secretariat tools' });
    const label = String(open.label);

    await placeCaret(page, article(page, String(open.provisionId)).locator('p[data-node="text-block"]').first());
    await tools.getByRole('button', { name: 'Insert article after' }).click();
    await page.getByRole('status').filter({ hasText: `${label} bis inserted.` }).waitFor();
    await page.keyboard.type('A new article on cooperation.');
    let inserted: Json | undefined;
    await expect.poll(async () => (inserted = (await numbers('en')).find((item) => item.label === `${label} bis`))).toMatchObject({ number: expect.stringMatching(/\.1$/), frozen: true });
    const insertedId = String(inserted?.provisionId);

    await tools.getByRole('button', { name: 'Insert paragraph after' }).click();
    await page.keyboard.type('Its second paragraph:');
    await tools.getByRole('button', { name: 'Insert subparagraph' }).click();
    await page.keyboard.type('a point to withdraw;');
    await expect.poll(() => article(page, insertedId).locator('div[data-node="subparagraph"]').count()).toBe(1);

    await tools.getByRole('button', { name: 'Delete provision…' }).click();
    const confirm = page.getByRole('alertdialog', { name: 'Delete this provision?' });
    await confirm.getByText(`${label.toLowerCase()} bis, paragraph 2 (a)`).waitFor();
    await screenshot(page, 'structure-delete-en.png');
    expect(await seriousAccessibilityViolations(page)).toEqual([]);
    await confirm.getByRole('button', { name: 'Delete', exact: true }).click();
    await expect.poll(() => treatyText(page).innerText()).not.toContain('a point to withdraw');

    await placeCaret(page, article(page, String(open.provisionId)).locator('p[data-node="text-block"]').first());
    await page.keyboard.press('End');
    await page.keyboard.type(' See ');
    // By keyboard: back from the text to the last tool, open the picker, choose, and insert.
    await page.keyboard.press('Shift+Tab');
    await expect.poll(() => page.evaluate(() => document.activeElement?.textContent)).toBe('Insert reference…');
    await page.keyboard.press('Enter');
    const picker = page.getByRole('dialog', { name: 'Insert a reference to a provision' });
    const choice = picker.getByLabel('Provision referred to');
    await expect.poll(() => choice.evaluate((element) => element === document.activeElement)).toBe(true);
    await choice.selectOption(insertedId);
    await screenshot(page, 'structure-reference-en.png');
    await page.keyboard.press('Tab');
    await page.keyboard.press('Enter');
    const reference = treatyText(page).locator(`.xref[data-target="${insertedId}"]`);
    await expect.poll(() => reference.innerText()).toBe(`${label.toLowerCase()} bis`);

    await placeCaret(page, article(page, String(agreed.provisionId)).locator('p[data-node="text-block"]').first());
    await tools.getByRole('button', { name: 'Delete provision…' }).click();
    await page.getByRole('status').filter({ hasText: 'This provision is agreed' }).waitFor();
    expect(await page.getByRole('alertdialog').count()).toBe(0);
    await tools.getByRole('button', { name: 'Insert paragraph after' }).click();
    await expect.poll(() => page.locator('.editor-tools-status').innerText()).toBe('This provision is agreed: the Chair or the secretariat must reopen it before it changes.');
    // In the title no tool applies, and the message says where to place the cursor.
    await placeCaret(page, treatyText(page).locator('h1[data-node="title"]'));
    await tools.getByRole('button', { name: 'Insert subparagraph' }).click();
    await expect.poll(() => page.locator('.editor-tools-status').innerText()).toBe('Place the cursor in the text of a provision first.');
    await screenshot(page, 'structure-tools-en.png');

    // What the server stored: a fresh page reads the inserted article and the reference back.
    await page.reload();
    await connected(page);
    await expect.poll(() => article(page, insertedId).innerText()).toContain('A new article on cooperation.');
    await expect.poll(() => treatyText(page).locator(`.xref[data-target="${insertedId}"]`).innerText()).toBe(`${label.toLowerCase()} bis`);

    // Deleting the article referred to (its second paragraph, then the article with its lone one) leaves the
    // reference's words, flagged for the secretariat.
    for (const block of [1, 0]) {
      await placeCaret(page, article(page, insertedId).locator('p[data-node="text-block"]').nth(block));
      await tools.getByRole('button', { name: 'Delete provision…' }).click();
      await page.getByRole('alertdialog', { name: 'Delete this provision?' }).getByRole('button', { name: 'Delete', exact: true }).click();
      await expect.poll(() => article(page, insertedId).locator('p[data-node="text-block"]').count()).toBe(block);
    }
    await expect.poll(() => article(page, insertedId).count()).toBe(0);
    const dangling = treatyText(page).locator('.xref-stale');
    await expect.poll(() => dangling.getAttribute('title')).toBe('The provision this reference names is no longer in the text.');
    expect(secretariat.errors).toEqual([]);
    await secretariat.context.close();
  });

  it('offers the same tools in Arabic, numbering the inserted article مكرراً and referring to it in Arabic', async () => {
    // The demo's text has no Arabic version in a fresh database: the secretariat starts one.
    const started = await client(server, token).post(`/api/instruments/${instrumentId}/languages`, { language: 'ar' });
    expect(started.status, JSON.stringify(started.body)).toBeLessThan(300);
    const secretariat = await signIn(browser, server, 'secretariat@concord.test');
    const { page } = secretariat;
    await page.getByLabel('Language', { exact: true }).selectOption('ar');
    await page.goto(`/committees/${committeeId}/instruments/${instrumentId}/draft/ar`);
    await connected(page);
    const tools = page.getByRole('toolbar', { name: 'أدوات الأمانة' });
    const before = new Set((await numbers('ar')).map((item) => item.provisionId));

    await placeCaret(page, article(page, String(otherOpen.provisionId)).locator('p[data-node="text-block"]').first());
    await tools.getByRole('button', { name: 'إدراج مادة بعدها' }).click();
    await page.getByRole('status').filter({ hasText: /^أُدرجت المادة [٠-٩]+ مكرراً\.$/ }).waitFor();
    await page.keyboard.type('مادة جديدة بشأن التعاون.');
    let inserted: Json | undefined;
    await expect.poll(async () => (inserted = (await numbers('ar')).find((item) => !before.has(item.provisionId)))).toMatchObject({ frozen: true });
    const insertedId = String(inserted?.provisionId);
    expect(String(inserted?.label)).toMatch(/^المادة [٠-٩]+ مكرراً$/);

    await tools.getByRole('button', { name: 'حذف الحكم…' }).click();
    const confirm = page.getByRole('alertdialog', { name: 'حذف هذا الحكم؟' });
    await confirm.getByText(String(inserted?.label)).waitFor();
    await screenshot(page, 'structure-delete-ar.png');
    await confirm.getByRole('button', { name: 'إلغاء' }).click();
    expect(await article(page, insertedId).count()).toBe(1);

    await placeCaret(page, article(page, String(otherOpen.provisionId)).locator('p[data-node="text-block"]').first());
    await page.keyboard.press('End');
    await page.keyboard.type(' انظر ');
    await tools.getByRole('button', { name: 'إدراج إحالة…' }).click();
    const picker = page.getByRole('dialog', { name: 'إدراج إحالة إلى حكم' });
    await picker.getByLabel('الحكم المحال إليه').selectOption(insertedId);
    await screenshot(page, 'structure-reference-ar.png');
    expect(await seriousAccessibilityViolations(page)).toEqual([]);
    await picker.getByRole('button', { name: 'إدراج الإحالة' }).click();
    await expect.poll(() => treatyText(page).locator(`.xref[data-target="${insertedId}"]`).innerText()).toBe(String(inserted?.label));
    await screenshot(page, 'structure-tools-ar.png');
    expect(secretariat.errors).toEqual([]);
    await secretariat.context.close();
  });
});
