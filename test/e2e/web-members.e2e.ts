import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { BROWSER_SKIP_REASON, launchBrowser, screenshot, seriousAccessibilityViolations, type SignedIn, signIn } from '../support/browser';
import { scratchSqlite } from '../support/databases';
import { client, login, startServer, type TestServer } from '../support/server';

const RECRUIT = 'Nadia Recruit';
const RECRUIT_EMAIL = 'nadia@egypt.example';
const RECRUIT_PASSWORD = 'a long and unguessable passphrase';

/** The Members panel of the dashboard. */
const membersPanel = (page: Page) => page.getByRole('region', { name: 'Members of my delegation' });

describe.skipIf(BROWSER_SKIP_REASON !== null)(`Delegation members in Chromium${BROWSER_SKIP_REASON ? ` (${BROWSER_SKIP_REASON})` : ''}`, () => {
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

  /** The secretariat, signed in, on the demo committee's page (where its set-up forms are). */
  const secretariatOnCommitteePage = async (): Promise<SignedIn> => {
    const secretariat = await signIn(browser, server, 'secretariat@concord.test');
    const committeeId = String(((await client(server, await login(server, 'secretariat@concord.test')).get('/api/committees')).body.items as { id: string }[])[0]?.id);
    await secretariat.page.goto(`/committees/${committeeId}`);
    return secretariat;
  };

  it("tells a member the secretariat added that it waits for its head, whom the Members panel lets confirm and remove it", async () => {
    const secretariat = client(server, await login(server, 'secretariat@concord.test'));
    const committeeId = String(((await secretariat.get('/api/committees')).body.items as { id: string }[])[0]?.id);
    const egypt = ((await secretariat.get(`/api/committees/${committeeId}/delegations`)).body.items as { id: string; code: string }[]).find((d) => d.code === 'EGY');
    const invite = await secretariat.post('/api/auth/invitations', { email: RECRUIT_EMAIL, displayName: RECRUIT, roles: ['delegate'], delegationId: egypt?.id, committeeId });
    expect(invite.status).toBe(201);
    expect((await client(server).post('/api/auth/accept-invitation', { token: invite.body.token, password: RECRUIT_PASSWORD })).status).toBe(200);

    // The recruit signs in: a notice instead of its delegation's drafting spaces.
    const recruitContext = await browser.newContext({ baseURL: server.url });
    const recruit = await recruitContext.newPage();
    await recruit.goto('/sign-in');
    await recruit.getByLabel('Email').fill(RECRUIT_EMAIL);
    await recruit.getByLabel('Password').fill(RECRUIT_PASSWORD);
    await recruit.getByRole('button', { name: 'Sign in' }).click();
    await recruit.getByRole('heading', { name: 'Instruments' }).waitFor();
    await recruit.getByRole('status').filter({ hasText: 'Your membership of Egypt awaits confirmation by its head of delegation' }).waitFor();
    expect(await recruit.getByRole('heading', { name: 'My delegation’s drafting spaces' }).count()).toBe(0);

    // Egypt's head sees the pending member first, with who added it, and confirms it.
    const head = await signIn(browser, server, 'egypt.head@concord.test');
    const panel = membersPanel(head.page);
    await panel.waitFor();
    const row = panel.getByRole('row', { name: new RegExp(RECRUIT) });
    // The panel shows before its members have loaded; wait for the recruit's row, then read it.
    await row.getByText('Awaiting your confirmation').waitFor();
    await expect(row.getByText('Awaiting your confirmation').count()).resolves.toBe(1);
    await expect(row.getByText(/by Lena Okafor/).count()).resolves.toBe(1);
    expect(await seriousAccessibilityViolations(head.page)).toEqual([]);
    await screenshot(head.page, 'members-pending.png');
    await row.getByRole('button', { name: `Confirm ${RECRUIT}` }).click();
    await panel.getByRole('status').filter({ hasText: `${RECRUIT} is now a member` }).waitFor();
    await row.getByText('Confirmed').waitFor();

    // Confirmed, the recruit sees the delegation's drafting spaces and no notice.
    await recruit.reload();
    await recruit.getByRole('heading', { name: 'My delegation’s drafting spaces' }).waitFor();
    expect(await recruit.getByText('awaits confirmation').count()).toBe(0);

    // The panel reads right to left in Arabic.
    await head.page.getByLabel('Language').selectOption('ar');
    await head.page.getByRole('heading', { name: 'أعضاء وفدي' }).waitFor();
    expect(await head.page.locator('html').getAttribute('dir')).toBe('rtl');
    await screenshot(head.page, 'members-ar.png');
    await head.page.getByLabel(/اللغة|Language/).selectOption('en');

    // Removed, the member disappears from the panel (and is signed out, which the API suite checks).
    await membersPanel(head.page).getByRole('button', { name: `Remove ${RECRUIT}` }).click();
    await membersPanel(head.page).getByRole('status').filter({ hasText: `${RECRUIT} was removed` }).waitFor();
    expect(await membersPanel(head.page).getByRole('row', { name: new RegExp(RECRUIT) }).count()).toBe(0);
    expect(head.errors).toEqual([]);
    await recruitContext.close();
    await head.context.close();
  });

  it('offers the secretariat, in the invitation form, only the delegations the chosen roles may belong to', async () => {
    const secretariat = await secretariatOnCommitteePage();
    const form = secretariat.page.getByRole('form', { name: 'Invite a user' });
    await form.waitFor();
    const offered = async (): Promise<string[]> => (await form.getByLabel('Delegation', { exact: true }).locator('option').allTextContents()).map((text) => text.split(' — ')[0]);
    // A delegate (the form's default) speaks for a Member State or a group.
    await form.getByLabel('Delegation', { exact: true }).selectOption({ label: 'EGY — Egypt' });
    const forDelegates = await offered();
    expect(forDelegates).toEqual(expect.arrayContaining(['EGY', 'EU', 'BRA']));
    expect(forDelegates).not.toContain('COE');
    expect(forDelegates).not.toContain('SECRETARIAT');
    // An observer represents an observer organization: Egypt is no longer offered, nor kept as the choice.
    await form.getByLabel('Delegate', { exact: true }).uncheck();
    await form.getByLabel('Observer', { exact: true }).check();
    expect(await offered()).toEqual(['None (secretariat, chair or observer)', 'COE']);
    expect(await form.getByLabel('Delegation', { exact: true }).inputValue()).toBe('');
    expect(secretariat.errors).toEqual([]);
    await secretariat.context.close();
  });

  it('tells the secretariat, once and in words, what to correct in a session it cannot create', async () => {
    const secretariat = await secretariatOnCommitteePage();
    const form = secretariat.page.getByRole('form', { name: 'Create a session' });
    await form.getByLabel('Session number').fill('7');
    await form.getByLabel('Title').fill('Resumed session');
    await form.getByLabel('Venue').fill('   ');
    await form.getByLabel('First day').fill('2027-03-01');
    await form.getByLabel('Last day').fill('2027-03-05');
    await form.getByLabel('Proposal deadline (your local time)').fill('2027-02-15T12:00');
    await form.getByRole('button', { name: 'Create session' }).click();
    const alert = form.getByRole('alert');
    await alert.getByText('venue is empty: fill it in', { exact: false }).waitFor();
    // The sentence names the problem; it is not repeated below it as a list.
    expect(await alert.locator('li').count()).toBe(0);
    expect(await alert.textContent()).not.toMatch(/longer than or equal/);

    // Proposals due after the session ends: the server's own sentence says which dates, and to move the deadline.
    await form.getByLabel('Venue').fill('Vienna');
    await form.getByLabel('Proposal deadline (your local time)').fill('2027-03-20T12:00');
    await form.getByRole('button', { name: 'Create session' }).click();
    await alert.getByText('falls after the session ends (2027-03-05): set it on or before the last day', { exact: false }).waitFor();
    await screenshot(secretariat.page, 'session-deadline-after-end.png');
    expect(secretariat.errors.filter((e) => !/400/.test(e))).toEqual([]);
    await secretariat.context.close();
  });

  it('says once, without a pointless Try again, that a committee link leads nowhere', async () => {
    const secretariat = await signIn(browser, server, 'secretariat@concord.test');
    // The header names the secretariat once, not followed by its code (SECRETARIAT).
    await expect.poll(() => secretariat.page.locator('.account-delegation').textContent()).toBe('Secretariat');
    for (const id of ['00000000-0000-4000-8000-000000000000', 'not-a-committee']) {
      await secretariat.page.goto(`/committees/${id}`);
      await secretariat.page.getByRole('alert').first().waitFor();
      await secretariat.page.waitForFunction(() => document.querySelectorAll('.loading').length === 0);
      expect(await secretariat.page.getByRole('alert').count(), id).toBe(1);
      expect(await secretariat.page.getByRole('button', { name: 'Try again' }).count(), id).toBe(0);
    }
    await secretariat.context.close();
  });
  it("shows an observer its organization's members on the committee page, and the reading room instead of the committee's texts", async () => {
    const observer = await signIn(browser, server, 'observer@concord.test');
    const committeeId = String(((await client(server).get('/api/committees')).body.items as { id: string }[])[0]?.id);
    await observer.page.goto(`/committees/${committeeId}`);
    await membersPanel(observer.page).getByRole('row', { name: /Tomás Rivera/ }).waitFor();
    await observer.page.getByRole('region', { name: 'Instruments' }).getByRole('link', { name: 'Open the reading room' }).waitFor();
    await observer.page.waitForFunction(() => document.querySelectorAll('.loading').length === 0);
    expect(await observer.page.getByRole('alert').allTextContents()).toEqual([]);
    expect(observer.errors).toEqual([]);
    await observer.context.close();
  });
});
