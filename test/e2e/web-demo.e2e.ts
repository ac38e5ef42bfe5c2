import type { Browser } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { BROWSER_SKIP_REASON, DEMO_PASSWORD, launchBrowser, recordProblems, screenshot } from '../support/browser';
import { scratchSqlite } from '../support/databases';
import { client, login, startServer, type TestServer } from '../support/server';

/** Every demo account, with what its landing page must show of the negotiation played on first start. */
const ROLES = [
  { email: 'admin@concord.test', file: 'admin', shows: 'Written comments on A/AC.291/22/Rev.1' },
  { email: 'secretariat@concord.test', file: 'secretariat', shows: 'Article 5: dishonest intent' },
  { email: 'chair@concord.test', file: 'chair', shows: 'Article 5: dishonest intent' },
  { email: 'egypt.head@concord.test', file: 'egypt-head', shows: 'Article 4: non-interference in internal affairs' },
  { email: 'egypt.delegate@concord.test', file: 'egypt-delegate', shows: 'Article 4: non-interference in internal affairs' },
  { email: 'brazil.head@concord.test', file: 'brazil-head', shows: 'Article 6: electromagnetic emissions' },
  { email: 'brazil.delegate@concord.test', file: 'brazil-delegate', shows: 'Article 6: electromagnetic emissions' },
  { email: 'eu.head@concord.test', file: 'eu-head', shows: 'Article 4: wording of the Charter' },
  { email: 'china.head@concord.test', file: 'china-head', shows: 'Article 2: providers of storage services' },
  { email: 'france.delegate@concord.test', file: 'france-delegate', shows: 'Written comments on A/AC.291/22/Rev.1' },
  // The observer's landing page names the published revisions it reads (Rev.1's call for comments, or Rev.2).
  { email: 'observer@concord.test', file: 'observer', shows: 'A/AC.291/22/Rev.' },
] as const;

describe.skipIf(BROWSER_SKIP_REASON !== null)(`The demo in mid-negotiation in the browser${BROWSER_SKIP_REASON ? ` (${BROWSER_SKIP_REASON})` : ''}`, () => {
  let server: TestServer;
  let browser: Browser;

  beforeAll(async () => {
    server = await startServer(scratchSqlite(), { DEMO_NEGOTIATION: 'true' });
    browser = await launchBrowser();
  });
  afterAll(async () => {
    await browser?.close();
    await server?.close();
  });

  /** Signs in through the sign-in page and waits for wherever the app lands this user. */
  async function signInAs(email: string) {
    const context = await browser.newContext({ baseURL: server.url, viewport: { width: 1280, height: 900 } });
    const page = await context.newPage();
    const errors: string[] = [];
    recordProblems(page, errors);
    await page.goto('/sign-in');
    await page.getByLabel('Email').fill(email);
    await page.getByLabel('Password').fill(DEMO_PASSWORD);
    await page.getByRole('button', { name: 'Sign in' }).click();
    await page.waitForURL((url) => url.pathname !== '/sign-in' && url.pathname !== '/');
    await page.locator('h1').first().waitFor();
    return { context, page, errors };
  }

  it.each(ROLES)('signs $email in to a landing page that shows the negotiation and no error', async ({ email, file, shows }) => {
    const { context, page, errors } = await signInAs(email);
    try {
      await page.getByText(shows, { exact: false }).first().waitFor();
      // Every section has loaded: nothing is still loading.
      await page.waitForFunction(() => document.querySelectorAll('.loading').length === 0);
      await screenshot(page, `demo-${file}.png`);
      expect(await page.getByRole('alert').allTextContents()).toEqual([]);
      // The page fits the window on a laptop and on a phone: a wide table scrolls within its panel.
      for (const width of [1280, 390]) {
        await page.setViewportSize({ width, height: 900 });
        expect(await page.evaluate(() => document.documentElement.scrollWidth), `${email} at ${width} px`).toBeLessThanOrEqual(width);
      }
      expect(errors).toEqual([]);
    } finally {
      await context.close();
    }
  });

  it('shows the compiled draft with options, brackets and statuses, and Rev.2 in Arabic in the reading room', async () => {
    const token = await login(server, 'secretariat@concord.test');
    const committeeId = String(((await client(server).get('/api/committees')).body.items as { id: string }[])[0]?.id);
    const instrumentId = String(((await client(server, token).get(`/api/committees/${committeeId}/instruments`)).body.items as { id: string }[])[0]?.id);
    const { context, page, errors } = await signInAs('egypt.delegate@concord.test');
    try {
      await page.goto(`/committees/${committeeId}/instruments/${instrumentId}/draft/en`);
      await page.locator('[data-connection="connected"]').waitFor();
      await page.getByText('by infringing security measures').first().waitFor();
      await screenshot(page, 'demo-draft-en.png');
      // Two option groups of two options each (Articles 2 and 5), and the bracketed definition and paragraph.
      expect(await page.locator('.treaty-text [data-node="option"]').count()).toBe(4);
      expect(await page.locator('.treaty-text .bracket').count()).toBeGreaterThanOrEqual(2);
      await expect(page.locator('.treaty-text .bracket').filter({ hasText: 'States Parties shall not use' }).count()).resolves.toBe(1);

      const revisions = (await client(server).get('/api/public/revisions')).body.items as { id: string; symbol: string }[];
      const rev2 = revisions.find((r) => r.symbol === 'A/AC.291/22/Rev.2');
      await page.goto(`/reading-room/revisions/${rev2?.id ?? ''}/ar`);
      await page.getByText('الوصول غير المشروع').first().waitFor();
      await screenshot(page, 'demo-reading-room-rev2-ar.png');
      expect(await page.getByRole('alert').allTextContents()).toEqual([]);
      expect(errors).toEqual([]);
    } finally {
      await context.close();
    }
  });
});
