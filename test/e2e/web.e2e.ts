import { join } from 'node:path';
import type { Browser } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ARTIFACTS, BROWSER_SKIP_REASON, launchBrowser, seriousAccessibilityViolations } from '../support/browser';
import { scratchSqlite } from '../support/databases';
import { startServer, type TestServer } from '../support/server';

describe.skipIf(BROWSER_SKIP_REASON !== null)(`Web app in Chromium${BROWSER_SKIP_REASON ? ` (${BROWSER_SKIP_REASON})` : ''}`, () => {
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

  it('signs the secretariat in, shows the dashboard, and invites a delegate who sets a password', async () => {
    const context = await browser.newContext({ baseURL: server.url });
    const page = await context.newPage();
    await page.goto('/');
    await expect.poll(() => page.url()).toContain('/sign-in');
    expect(await seriousAccessibilityViolations(page)).toEqual([]);

    await page.getByLabel('Email').fill('secretariat@concord.test');
    await page.getByLabel('Password').fill('not the password');
    await page.getByRole('button', { name: 'Sign in' }).click();
    await expect.poll(() => page.getByRole('alert').textContent()).toMatch(/incorrect/i);

    await page.getByLabel('Password').fill('concord-demo-2026');
    await page.getByRole('button', { name: 'Sign in' }).click();
    await page.getByRole('heading', { name: 'Sessions' }).waitFor();
    await page.getByRole('heading', { name: 'Instruments' }).waitFor();
    // Each section loads on its own; wait for the delegations to arrive.
    await page.getByRole('rowheader', { name: 'Egypt', exact: true }).waitFor();
    expect(await seriousAccessibilityViolations(page)).toEqual([]);
    await page.screenshot({ path: join(ARTIFACTS, 'dashboard-en.png'), fullPage: true });

    const invite = page.getByRole('form', { name: 'Invite a user' });
    await invite.getByLabel('Email', { exact: true }).fill('mariana@brazil.example');
    await invite.getByLabel('Full name').fill('Mariana Souza');
    await invite.getByLabel('Delegation', { exact: true }).selectOption({ label: 'BRA — Brazil' });
    await invite.getByRole('checkbox', { name: 'Delegate', exact: true }).check();
    await invite.getByRole('button', { name: 'Create invitation' }).click();
    const link = await page.getByRole('textbox', { name: 'Invitation link' }).inputValue();
    expect(link).toMatch(/\/invite\/[A-Za-z0-9_-]{40,}$/);

    const invited = await (await browser.newContext({ baseURL: server.url })).newPage();
    await invited.goto(new URL(link).pathname);
    await invited.getByLabel('New password').fill('a passphrase for Mariana');
    await invited.getByLabel('Confirm the password').fill('a passphrase for Mariana');
    await invited.getByRole('button', { name: 'Set password and sign in' }).click();
    await invited.getByRole('heading', { name: 'Sessions' }).waitFor();
    expect(await invited.getByRole('region', { name: 'Your account' }).textContent()).toContain('Mariana Souza');
    await context.close();
  });

  it('lays the dashboard out right to left in Arabic', async () => {
    const context = await browser.newContext({ baseURL: server.url });
    const page = await context.newPage();
    await page.goto('/sign-in');
    await page.getByLabel('Email').fill('egypt.head@concord.test');
    await page.getByLabel('Password').fill('concord-demo-2026');
    await page.getByRole('button', { name: 'Sign in' }).click();
    await page.getByRole('heading', { name: 'Sessions' }).waitFor();
    await page.getByLabel('Language').selectOption('ar');
    await expect.poll(() => page.evaluate(() => [document.documentElement.dir, document.documentElement.lang])).toEqual(['rtl', 'ar']);
    await page.getByRole('rowheader', { name: 'مصر', exact: true }).waitFor();
    expect(await seriousAccessibilityViolations(page)).toEqual([]);
    await page.screenshot({ path: join(ARTIFACTS, 'dashboard-ar.png'), fullPage: true });
    await context.close();
  });
});
