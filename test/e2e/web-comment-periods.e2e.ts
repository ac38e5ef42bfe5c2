import type { Browser } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { join } from 'node:path';
import { ARTIFACTS, BROWSER_SKIP_REASON, launchBrowser, screenshot, signIn } from '../support/browser';
import { scratchSqlite } from '../support/databases';
import { client, login, startServer, type TestServer } from '../support/server';

type Json = Record<string, unknown>;
interface NodeJson {
  type: string;
  attrs?: Record<string, unknown>;
  content?: NodeJson[];
}

function articleIds(doc: NodeJson): { id: string; paragraphs: string[] }[] {
  const found: { id: string; paragraphs: string[] }[] = [];
  const walk = (node: NodeJson): void => {
    if (node.type === 'article') found.push({ id: String(node.attrs?.id), paragraphs: (node.content ?? []).filter((c) => c.type === 'paragraph').map((c) => String(c.attrs?.id)) });
    else (node.content ?? []).forEach(walk);
  };
  walk(doc);
  return found;
}

const WIDE = { width: 1440, height: 1000 };
const DELEGATE_REMARK = 'Egypt proposes that paragraph 2 refer expressly to the principle of non-intervention.';

/**
 * The browser side of issue 13: a delegate drafts her delegation's written comment in the form; the secretariat
 * records dispositions from the comments matrix; a co-sponsor invitation arrives live in the invitee's inbox; and
 * the public reads the published comments beside the revision. Screenshots in English and Arabic.
 */
describe.skipIf(BROWSER_SKIP_REASON !== null)(`Calls for comments in Chromium${BROWSER_SKIP_REASON ? ` (${BROWSER_SKIP_REASON})` : ''}`, () => {
  let server: TestServer;
  let browser: Browser;
  let periodId: string;
  let revisionId: string;
  let instrumentId: string;
  let articles: { id: string; paragraphs: string[] }[];
  const tokens: Record<string, string> = {};
  const as = (who: string) => client(server, tokens[who]);

  beforeAll(async () => {
    server = await startServer(scratchSqlite());
    browser = await launchBrowser();
    for (const who of ['secretariat', 'egypt.head', 'eu.head', 'brazil.head']) tokens[who] = await login(server, `${who}@concord.test`);
    const committeeId = String(((await as('secretariat').get('/api/committees')).body.items as Json[])[0].id);
    instrumentId = String(((await as('secretariat').get(`/api/committees/${committeeId}/instruments`)).body.items as Json[])[0].id);
    const revision = await as('secretariat').post(`/api/instruments/${instrumentId}/revisions`, { tier: 'public', symbol: 'A/AC.291/22', date: '2027-01-10' });
    revisionId = String(revision.body.id);
    articles = articleIds((await client(server).get(`/api/public/revisions/${revisionId}`)).body.doc as NodeJson);
    const period = await as('secretariat').post('/api/comment-periods', {
      targetKind: 'revision',
      targetId: revisionId,
      title: 'Written comments on the draft convention',
      deadline: new Date(Date.now() + 3_600_000).toISOString(),
      publication: 'at-close',
      allowObservers: true,
    });
    periodId = String(period.body.id);
    const eu = await as('eu.head').post(`/api/comment-periods/${periodId}/written-comments`, { language: 'fr', remarks: [{ provisionId: articles[4].id, body: 'L’Union européenne propose d’aligner cette infraction sur la Convention de Budapest.' }] });
    await as('eu.head').post(`/api/written-comments/${String(eu.body.id)}/submit`);
  }, 60_000);
  afterAll(async () => {
    await browser?.close();
    await server?.close();
  });

  it('lets a delegate draft her delegation\'s comment in the form, for her head to submit', async () => {
    const delegate = await signIn(browser, server, 'egypt.delegate@concord.test', WIDE);
    await delegate.page.goto(`/comment-periods/${periodId}`);
    const form = delegate.page.getByRole('region', { name: "Your delegation's comment" });
    await form.getByLabel('Provision').selectOption({ label: 'Article 4 (2)' });
    await form.getByLabel('Remark', { exact: true }).fill(DELEGATE_REMARK);
    await form.getByText(new RegExp(`^${DELEGATE_REMARK.length} of 20,000 characters$`)).waitFor();
    await form.getByRole('button', { name: 'Save draft' }).click();
    await form.getByText('This draft is seen only by your delegation until its head submits it.').waitFor();
    await form.getByText('Only the head of your delegation can submit it.').waitFor();
    await form.getByRole('status').filter({ hasText: /^Draft saved \(.+\)\. It stays private until it is submitted\.$/ }).waitFor();
    await screenshot(delegate.page, 'comment-period-draft-en.png');
    expect(delegate.errors).toEqual([]);
    await delegate.context.close();

    const drafts = (await as('egypt.head').get(`/api/comment-periods/${periodId}/written-comments`)).body.items as Json[];
    const draft = drafts.find((c) => c.delegationCode === 'EGY');
    expect(draft).toMatchObject({ status: 'draft', remarks: [{ provisionId: articles[3].paragraphs[1], body: DELEGATE_REMARK }] });
    expect((await as('egypt.head').post(`/api/written-comments/${String(draft?.id)}/submit`)).status).toBe(200);
  });

  it('lets the secretariat record dispositions from the matrix, and filter it', async () => {
    const secretariat = await signIn(browser, server, 'secretariat@concord.test', WIDE);
    const page = secretariat.page;
    await page.goto(`/comment-periods/${periodId}`);
    const matrix = page.getByRole('region', { name: 'Comments matrix' });
    const egyptRow = matrix.locator('tbody tr', { hasText: DELEGATE_REMARK });
    await egyptRow.waitFor();
    await egyptRow.getByLabel('Disposition').selectOption('accepted-in-part');
    await egyptRow.getByLabel('Response').fill('Non-intervention is recalled in paragraph 1; paragraph 2 is kept.');
    const recorded = page.waitForResponse((response) => response.url().includes('/dispositions') && response.status() === 201);
    await egyptRow.getByRole('button', { name: 'Record' }).click();
    await recorded;
    await matrix.getByLabel('Disposition').first().selectOption('accepted-in-part');
    await expect.poll(async () => matrix.locator('tbody tr').count()).toBe(1);
    const comment = ((await as('egypt.head').get(`/api/comment-periods/${periodId}/written-comments`)).body.items as Json[]).find((c) => c.delegationCode === 'EGY');
    expect(((comment?.remarks as Json[])[0].disposition as Json)).toMatchObject({ disposition: 'accepted-in-part', response: 'Non-intervention is recalled in paragraph 1; paragraph 2 is kept.' });
    await matrix.getByLabel('Disposition').first().selectOption('');
    await expect.poll(async () => matrix.locator('tbody tr').count()).toBe(2);
    await screenshot(page, 'comment-period-matrix-en.png');
    await page.getByLabel('Language', { exact: true }).selectOption('ar');
    await page.getByRole('region', { name: 'جدول التعليقات' }).locator('tbody tr').first().waitFor();
    expect(await page.evaluate(() => document.documentElement.dir)).toBe('rtl');
    await screenshot(page, 'comment-period-matrix-ar.png');
    expect(secretariat.errors).toEqual([]);
    await secretariat.context.close();
  });

  it('shows a co-sponsor invitation in the invitee\'s inbox as it arrives, with the count in the header', async () => {
    // Brazil has read what it had (the call for comments); the invitation arrives while its inbox is open.
    expect((await as('brazil.head').post('/api/inbox/read-all', undefined, { origin: server.url })).body).toEqual({ unread: 0 });
    const brazil = await signIn(browser, server, 'brazil.head@concord.test', WIDE);
    const page = brazil.page;
    await page.goto('/inbox');
    await page.locator('.inbox-item[data-kind="comment-period-opened"]').waitFor();
    const before = 0;
    const space = await as('egypt.head').post(`/api/instruments/${instrumentId}/drafting-spaces`, { title: 'Article 4: sovereignty', language: 'en', provisionIds: [articles[3].id] });
    const brazilId = String(((await as('brazil.head').get('/api/auth/me')).body.user as Json).delegationId);
    expect((await as('egypt.head').post(`/api/drafting-spaces/${String(space.body.id)}/co-sponsors`, { delegationId: brazilId })).status).toBe(201);
    const item = page.locator('.inbox-item[data-kind="co-sponsor-invitation"]');
    await item.getByText('Invitation to co-sponsor').waitFor();
    await item.getByText(/Article 4: sovereignty · EGY/).waitFor();
    await page.getByRole('link', { name: `Inbox, ${before + 1} unread` }).waitFor();
    await screenshot(page, 'inbox-invitation-en.png');
    await page.getByLabel('Language', { exact: true }).selectOption('ar');
    await page.getByText('دعوة إلى المشاركة في تقديم مقترح').waitFor();
    await screenshot(page, 'inbox-invitation-ar.png');
    await page.locator('#interface-language').selectOption('en');
    await item.getByRole('link', { name: 'Open' }).click();
    await page.waitForURL(`**/drafting-spaces/${String(space.body.id)}`);
    expect(brazil.errors).toEqual([]);
    await brazil.context.close();
  });

  it('shows the published comments and dispositions beside the revision in the reading room, to anyone', async () => {
    await as('secretariat').post(`/api/comment-periods/${periodId}/close`);
    expect((await as('secretariat').post(`/api/comment-periods/${periodId}/publish`)).status).toBe(200);
    const context = await browser.newContext({ baseURL: server.url, viewport: WIDE });
    const page = await context.newPage();
    await page.goto(`/reading-room/revisions/${revisionId}`);
    const aside = page.getByRole('region', { name: 'Written comments' });
    await aside.getByText(DELEGATE_REMARK).waitFor();
    await aside.getByText('Accepted in part').waitFor();
    await aside.getByRole('link', { name: 'Article 4 (2)' }).waitFor();
    await aside.getByText('Written comments: 1').first().waitFor();
    // The article navigator counts them per article (a paragraph's remark counts for its article), and the
    // remark on a paragraph leads to its article in the text.
    const navigator = page.getByRole('navigation', { name: 'Articles' });
    await navigator.getByRole('button', { name: /^Article 4 Written comments: 1/ }).waitFor();
    expect(await navigator.getByRole('button', { name: /^Article 1\b/ }).textContent()).not.toContain('Written comments');
    expect(await aside.getByRole('link', { name: 'Article 4 (2)' }).getAttribute('href')).toBe(`#provision-${articles[3].id}`);
    await navigator.getByRole('button', { name: /^Article 5/ }).click();
    await expect.poll(() => page.evaluate((id) => { const box = document.getElementById(`provision-${id}`)?.getBoundingClientRect(); return box !== undefined && window.scrollY > 0 && box.top >= -2 && box.top < window.innerHeight - 100; }, articles[4].id)).toBe(true);
    await screenshot(page, 'reading-room-comments-en.png');
    await page.getByLabel('Language', { exact: true }).selectOption('ar');
    await page.getByRole('region', { name: 'التعليقات الكتابية' }).getByText('مقبول جزئياً').waitFor();
    await screenshot(page, 'reading-room-comments-ar.png');
    await context.close();
  });
  it('lets the secretariat open a call from the committee page, says it is open and clears the form for the next', async () => {
    const secretariat = await signIn(browser, server, 'secretariat@concord.test', WIDE);
    const committeeId = String(((await as('secretariat').get('/api/committees')).body.items as Json[])[0].id);
    await secretariat.page.goto(`/committees/${committeeId}`);
    const form = secretariat.page.getByRole('form', { name: 'Open a call for comments' });
    await form.getByLabel('Published revision').selectOption({ index: 0 });
    await form.getByLabel('Title').fill('Second reading: comments on Articles 1 to 6');
    await form.getByLabel('Deadline').fill('2027-02-01T17:00');
    await form.getByLabel('Observer organizations may comment').check();
    await form.getByRole('button', { name: 'Open the call' }).click();
    await form.getByRole('status').filter({ hasText: 'The call “Second reading: comments on Articles 1 to 6” is open' }).waitFor();
    expect(await form.getByLabel('Title').inputValue()).toBe('');
    expect(await form.getByLabel('Deadline').inputValue()).toBe('');
    expect(await form.getByLabel('Observer organizations may comment').isChecked()).toBe(false);
    await secretariat.page.getByRole('link', { name: 'Second reading: comments on Articles 1 to 6' }).waitFor();
    await form.screenshot({ path: join(ARTIFACTS, 'period-opened.png') });
    expect(secretariat.errors).toEqual([]);
    await secretariat.context.close();
  });
});
