import { treatyFragment } from '@concord/schema';
import type { Browser } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { WebsocketProvider } from 'y-websocket';
import { BROWSER_SKIP_REASON, connected, launchBrowser, recordProblems, screenshot, seriousAccessibilityViolations, signIn } from '../support/browser';
import { provider, relayed, synced } from '../support/collab';
import { scratchSqlite } from '../support/databases';
import { client, login, startServer, type TestServer } from '../support/server';
import { replaceText } from '../support/treaty-edit';

type Json = Record<string, unknown>;

describe.skipIf(BROWSER_SKIP_REASON !== null)(
  `What each role meets, in Chromium${BROWSER_SKIP_REASON ? ` (${BROWSER_SKIP_REASON})` : ''}`,
  () => {
    let server: TestServer;
    let browser: Browser;
    const tokens: Record<string, string> = {};
    const providers: WebsocketProvider[] = [];
    let committeeId = '';
    let instrumentId = '';
    let proposalId = '';
    const as = (who: string) => client(server, tokens[who]);

    beforeAll(async () => {
      server = await startServer(scratchSqlite());
      browser = await launchBrowser();
      for (const who of ['secretariat', 'brazil.head']) tokens[who] = await login(server, `${who}@concord.test`);
      committeeId = String(((await client(server).get('/api/committees')).body.items as Json[])[0]?.id);
      instrumentId = String(((await as('secretariat').get(`/api/committees/${committeeId}/instruments`)).body.items as Json[])[0]?.id);
      const text = await as('secretariat').get(`/api/instruments/${instrumentId}/text?lang=en`);
      const article = ((text.body.doc as Json).content as Json[])
        .flatMap((node) => (node.type === 'chapter' ? (node.content as Json[]) : [node]))
        .find((node) => node.type === 'article' && JSON.stringify(node).includes('Protection of sovereignty')) as Json;
      const space = await as('brazil.head').post(`/api/instruments/${instrumentId}/drafting-spaces`, { title: 'Sovereignty', language: 'en', provisionIds: [String((article.attrs as Json).id)] });
      const writer = provider(server, String(space.body.document), tokens['brazil.head'] ?? '');
      providers.push(writer);
      await synced(writer);
      replaceText(writer.doc, 'sovereign equality', 'sovereign equality of nations');
      await relayed(server, String(space.body.document), tokens['brazil.head'] ?? '', (doc) => treatyFragment(doc).toString().includes('of nations'));
      const submitted = await as('brazil.head').post(`/api/drafting-spaces/${String(space.body.id)}/submit`, { justification: 'Wording of Brazil.' });
      expect(submitted.status).toBe(201);
      proposalId = String(submitted.body.id);
    }, 60_000);
    afterAll(async () => {
      for (const p of providers) p.destroy();
      await browser?.close();
      await server?.close();
    });

    it('lands an observer on the reading room, with what it may comment on, and no permission error', async () => {
      const { page, context } = await signIn(browser, server, 'observer@concord.test');
      const errors: string[] = [];
      recordProblems(page, errors);
      // Signing in already landed there; the home page sends an observer there too.
      await page.waitForURL(/\/reading-room$/);
      await page.goto('/');
      await page.waitForURL(/\/reading-room$/);
      await page.getByRole('heading', { level: 1, name: 'Reading room' }).waitFor();
      const periods = page.getByRole('region', { name: 'What you may comment on' });
      await periods.getByText('No call for comments is open to observers at the moment.', { exact: false }).waitFor();
      expect(await page.getByRole('alert').count()).toBe(0);
      expect(await page.getByText(/permission|no proposals/i).count()).toBe(0);
      expect(await seriousAccessibilityViolations(page)).toEqual([]);
      await screenshot(page, 'roles-observer-landing.png');
      expect(errors).toEqual([]);
      await context.close();
    }, 60_000);

    it('tells a delegate why there is no Support button, in their language', async () => {
      const { page, context } = await signIn(browser, server, 'egypt.delegate@concord.test');
      await page.goto(`/proposals/${proposalId}`);
      await page.getByText('Only your head of delegation can declare your delegation’s support for a proposal.', { exact: false }).waitFor();
      expect(await page.getByRole('button', { name: 'Support', exact: true }).count()).toBe(0);
      await screenshot(page, 'roles-delegate-support.png');
      await page.getByLabel('Language').selectOption('fr');
      await page.getByText('Seul le chef de votre délégation peut déclarer l’appui de votre délégation', { exact: false }).waitFor();
      await context.close();
    }, 60_000);

    it('says what to do when an address carries an id that is not valid, instead of "Validation failed (uuid is expected)"', async () => {
      const bad = await as('secretariat').post('/api/drafting-spaces/not-an-id/submit', { justification: 'x' });
      expect(bad.status).toBe(400);
      expect(bad.body.error).toEqual({ code: 'invalid-id', message: expect.stringMatching(/^The address names a record with an id that is not valid\./) });
      const { page, context } = await signIn(browser, server, 'egypt.head@concord.test');
      await page.goto('/drafting-spaces/not-an-id');
      await page.waitForLoadState('networkidle');
      expect(await page.getByText(/uuid is expected|Validation failed/).count()).toBe(0);
      await screenshot(page, 'roles-invalid-id.png');
      await context.close();
    }, 60_000);

    it('shows two people in one draft in different colours', async () => {
      const first = await signIn(browser, server, 'secretariat@concord.test');
      const second = await signIn(browser, server, 'egypt.head@concord.test');
      const draft = `/committees/${committeeId}/instruments/${instrumentId}/draft/en`;
      await first.page.goto(draft);
      await connected(first.page);
      await second.page.goto(draft);
      await connected(second.page);
      for (const { page } of [first, second]) {
        await expect.poll(() => page.locator('.presence-item').count(), { timeout: 15_000 }).toBe(2);
        const colours = await page.locator('.presence-item:not(:has(.presence-self)) .presence-swatch').evaluateAll((swatches) =>
          swatches.map((swatch) => (swatch as HTMLElement).style.backgroundColor),
        );
        const own = await page.locator('.presence-item:has(.presence-self) .presence-swatch').evaluate((swatch) => (swatch as HTMLElement).style.backgroundColor);
        expect(colours).toHaveLength(1);
        expect(colours[0]).not.toBe(own);
      }
      await first.context.close();
      await second.context.close();
    }, 60_000);
  },
);
