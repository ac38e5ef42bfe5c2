import type { Browser } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { BROWSER_SKIP_REASON, connected, launchBrowser, screenshot, signIn, treatyText } from '../support/browser';
import { scratchSqlite } from '../support/databases';
import { client, login, startServer, type TestServer } from '../support/server';

type Json = Record<string, unknown>;

describe.skipIf(BROWSER_SKIP_REASON !== null)(`The Chair's desk and agreed text in Chromium${BROWSER_SKIP_REASON ? ` (${BROWSER_SKIP_REASON})` : ''}`, () => {
  let server: TestServer;
  let browser: Browser;
  let draftPath = '';
  let instrumentId = '';
  let token = '';

  beforeAll(async () => {
    server = await startServer(scratchSqlite());
    browser = await launchBrowser();
    token = await login(server, 'secretariat@concord.test');
    const committeeId = String(((await client(server).get('/api/committees')).body.items as Json[])[0]?.id);
    instrumentId = String(((await client(server, token).get(`/api/committees/${committeeId}/instruments`)).body.items as Json[])[0]?.id);
    draftPath = `/committees/${committeeId}/instruments/${instrumentId}/draft/en`;
  });
  afterAll(async () => {
    await browser?.close();
    await server?.close();
  });

  it('lets the Chair agree an article and reopen it only with a reason, in English and Arabic', async () => {
    const chair = await signIn(browser, server, 'chair@concord.test');
    const { page } = chair;
    await page.goto(draftPath);
    const desk = page.getByRole('region', { name: 'Informal consultations' });
    await desk.waitFor();
    const status = desk.getByLabel('Status of Article 1', { exact: true });
    await status.selectOption('agreed-ad-referendum');
    await desk.getByText('Status saved').waitFor();
    await expect.poll(() => status.inputValue()).toBe('agreed-ad-referendum');

    await status.selectOption('open');
    const dialog = page.getByRole('dialog', { name: 'Reopen Article 1' });
    await dialog.waitFor();
    await screenshot(page, 'chair-reopen-en.png');
    await dialog.getByLabel('Why is this agreed text reopened?').fill('Brazil asked to revisit the definitions.');
    await dialog.getByRole('button', { name: 'Reopen' }).click();
    await expect.poll(() => status.inputValue()).toBe('open');
    const history = (await client(server, token).get(`/api/instruments/${instrumentId}/provisions/status-history?lang=en`)).body.items as Json[];
    expect(history.at(-1)).toMatchObject({ to: 'open', reason: 'Brazil asked to revisit the definitions.' });

    await status.selectOption('informally-agreed');
    await desk.getByText('Status saved').waitFor();
    await page.getByLabel('Language', { exact: true }).selectOption('ar');
    const arabicDesk = page.getByRole('region', { name: 'المشاورات غير الرسمية' });
    await arabicDesk.waitFor();
    await arabicDesk.getByRole('columnheader', { name: 'التعليقات المفتوحة' }).waitFor();
    await arabicDesk.getByLabel('حالة Article 1', { exact: true }).selectOption('open');
    await page.getByRole('dialog').waitFor();
    await screenshot(page, 'chair-reopen-ar.png');
    expect(chair.errors).toEqual([]);
    await chair.context.close();
  });

  it('keeps the secretariat from typing into agreed text and shows the numbering, in English and Arabic', async () => {
    const secretariat = await signIn(browser, server, 'secretariat@concord.test');
    const { page } = secretariat;
    await page.goto(draftPath);
    await connected(page);
    const before = await treatyText(page).locator('section[data-node="article"]').first().innerText();
    await treatyText(page).locator('section[data-node="article"]').first().locator('p[data-node="text-block"]').first().click();
    await page.keyboard.type('SNEAKED');
    expect(await treatyText(page).locator('section[data-node="article"]').first().innerText()).toBe(before);
    // The keys did nothing, and the bar says why.
    await page.getByRole('status').filter({ hasText: 'This provision is agreed: its text cannot change until it is reopened.' }).waitFor();
    await screenshot(page, 'chair-agreed-typing.png');
    await expect.poll(() => page.locator('[data-connection="connected"]').count()).toBe(1);
    const numbering = page.getByRole('region', { name: 'Numbering' });
    await numbering.getByRole('button', { name: 'Renumber articles' }).click();
    await numbering.getByRole('alert').waitFor();
    await screenshot(page, 'chair-numbering-en.png');
    await page.getByLabel('Language', { exact: true }).selectOption('ar');
    await page.getByRole('region', { name: 'الترقيم' }).waitFor();
    await screenshot(page, 'chair-numbering-ar.png');
    expect(secretariat.errors).toEqual([]);
    await secretariat.context.close();
  });
});
