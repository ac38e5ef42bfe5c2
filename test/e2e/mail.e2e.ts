import type { Browser } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { BROWSER_SKIP_REASON, launchBrowser, screenshot, seriousAccessibilityViolations, signIn } from '../support/browser';
import { until } from '../support/collab';
import { scratchSqlite } from '../support/databases';
import { startSmtp, type TestSmtp } from '../support/smtp';
import { client, login, startServer, type TestServer } from '../support/server';

type Json = Record<string, unknown>;

describe('E-mail through the outbox (SQLite, with a real SMTP server)', () => {
  let smtp: TestSmtp;
  let server: TestServer;
  let committeeId: string;
  const tokens: Record<string, string> = {};
  const as = (who: string) => client(server, tokens[who]);
  const outbox = async (status?: string) => ((await as('admin').get(`/api/admin/mail${status ? `?status=${status}` : ''}`)).body.items ?? []) as Json[];

  beforeAll(async () => {
    smtp = await startSmtp();
    server = await startServer(scratchSqlite(), { SMTP_URL: smtp.url, MAIL_FROM: 'Concord secretariat <concord@un.test>', MAIL_POLL_MS: '100', MAIL_RETRY_BASE_MS: '100' });
    for (const who of ['secretariat', 'admin', 'egypt.head', 'egypt.delegate']) tokens[who] = await login(server, `${who}@concord.test`);
    committeeId = String(((await client(server).get('/api/committees')).body.items as Json[])[0].id);
  });
  afterAll(async () => {
    await server?.close();
    await smtp?.close();
  });

  it("sends an invitation in the invitee's language, with a link that works", async () => {
    const invited = await as('secretariat').post('/api/auth/invitations', { email: 'Claire.Martin@Mission.test', displayName: 'Claire Martin', roles: ['observer'], committeeId, language: 'fr' });
    expect(invited.status).toBe(201);
    expect(invited.body.emailed).toBe(true);
    await until(() => smtp.received.some((m) => m.to.includes('claire.martin@mission.test')), 'the invitation to arrive');
    const mail = smtp.received.find((m) => m.to.includes('claire.martin@mission.test'));
    expect(mail?.from).toBe('"Concord secretariat" <concord@un.test>');
    expect(mail?.subject).toBe('Invitation à Ad Hoc Committee to Elaborate a Comprehensive International Convention on Countering the Use of ICTs for Criminal Purposes sur Concord');
    expect(mail?.text).toContain('Choisissez votre mot de passe au moyen de ce lien dans un délai de 72 heures');
    const link = /(http\S+\/invite\/(\S+))/.exec(mail?.text ?? '');
    expect(link?.[1]).toBe(invited.body.inviteUrl);
    const accepted = await client(server).post('/api/auth/accept-invitation', { token: link?.[2], password: 'a long passphrase for claire 2026' });
    expect(accepted.status).toBe(200);
    const sent = (await outbox('sent')).find((m) => m.to === 'claire.martin@mission.test');
    expect(sent).toMatchObject({ kind: 'invitation', status: 'sent', attempts: 1, lastError: null });
    // The invitee's language is their e-mail setting from now on.
    const claire = await login(server, 'claire.martin@mission.test', 'a long passphrase for claire 2026');
    expect((await client(server, claire).get('/api/auth/me/mail')).body).toEqual({ enabled: true, delivery: 'immediate', language: 'fr' });
  });

  it('sends nothing for a refused invitation', async () => {
    const before = (await outbox()).length;
    const taken = await as('secretariat').post('/api/auth/invitations', { email: 'egypt.head@concord.test', displayName: 'Again', roles: ['observer'], committeeId }, { origin: server.url });
    expect(taken.status).toBe(409);
    const forbidden = await as('egypt.delegate').post('/api/auth/invitations', { email: 'someone@mission.test', displayName: 'Someone', roles: ['secretariat'], committeeId });
    expect(forbidden.status).toBe(403);
    expect(await outbox()).toHaveLength(before);
    expect(smtp.received.some((m) => m.to.includes('someone@mission.test'))).toBe(false);
  });

  it('retries a message the mail server refuses, gives up with the reason for the administrator, and sends it when retried', async () => {
    smtp.refuse.add('unreachable@mission.test');
    const invited = await as('secretariat').post('/api/auth/invitations', { email: 'unreachable@mission.test', displayName: 'Unreachable', roles: ['observer'], committeeId });
    expect(invited.status).toBe(201);
    let failed: Json | undefined;
    const started = Date.now();
    while (!failed && Date.now() - started < 60_000) {
      failed = (await outbox('failed')).find((m) => m.to === 'unreachable@mission.test');
      if (!failed) await new Promise((resolve) => setTimeout(resolve, 200));
    }
    expect(failed).toMatchObject({ kind: 'invitation', status: 'failed', attempts: 6 });
    expect(String(failed?.lastError)).toContain('Mailbox temporarily unavailable');
    // Only administrators see the outbox or retry.
    for (const who of ['secretariat', 'egypt.head']) {
      expect((await as(who).get('/api/admin/mail')).status, who).toBe(403);
      expect((await as(who).post(`/api/admin/mail/${String(failed?.id)}/retry`)).status, who).toBe(403);
    }
    expect((await client(server).get('/api/admin/mail')).status).toBe(401);
    smtp.refuse.delete('unreachable@mission.test');
    const retried = await as('admin').post(`/api/admin/mail/${String(failed?.id)}/retry`);
    expect(retried.status).toBe(201);
    expect(retried.body).toMatchObject({ status: 'pending', attempts: 0 });
    await until(() => smtp.received.some((m) => m.to.includes('unreachable@mission.test')), 'the retried invitation to arrive');
    const again = await as('admin').post(`/api/admin/mail/${String(failed?.id)}/retry`);
    expect(again.status).toBe(409);
    expect(again.body.error?.code).toBe('mail-not-failed');
  }, 90_000);

  it('tells of inbox items by e-mail: at once, or in the daily summary in the chosen language, with titles and never the text', async () => {
    for (const who of ['brazil.head', 'eu.head']) tokens[who] ??= await login(server, `${who}@concord.test`);
    const instrumentId = String(((await as('secretariat').get(`/api/committees/${committeeId}/instruments`)).body.items as Json[])[0].id);
    const delegationOf = async (who: string) => String(((await as(who).get('/api/auth/me')).body.user as Json).delegationId);
    const invite = async (title: string, who: string) => {
      const space = await as('egypt.head').post(`/api/instruments/${instrumentId}/drafting-spaces`, { title, language: 'en' });
      expect(space.status).toBe(201);
      expect((await as('egypt.head').post(`/api/drafting-spaces/${String(space.body.id)}/co-sponsors`, { delegationId: await delegationOf(who) })).status).toBe(201);
      return String(space.body.id);
    };
    // Brazil's head hears at once.
    const spaceId = await invite('Mail: article 4 on sovereignty', 'brazil.head');
    await until(() => smtp.received.some((m) => m.to.includes('brazil.head@concord.test')), 'the co-sponsor invitation e-mail');
    const now = smtp.received.find((m) => m.to.includes('brazil.head@concord.test'));
    expect(now?.subject).toBe('Invitation to co-sponsor "Mail: article 4 on sovereignty" from EGY');
    expect(now?.text).toContain(`/drafting-spaces/${spaceId}`);
    // The European Union's head asked for a daily summary in French: the item waits for it.
    expect((await as('eu.head').put('/api/auth/me/mail', { delivery: 'daily', language: 'fr' })).status).toBe(200);
    await invite('Mail: article 5 on jurisdiction', 'eu.head');
    await expect.poll(async () => ((await server.db.query("SELECT id FROM mail_outbox WHERE to_address = 'eu.head@concord.test' AND status = 'held'")) as Json[]).length).toBe(1);
    await new Promise((resolve) => setTimeout(resolve, 500));
    expect(smtp.received.some((m) => m.to.includes('eu.head@concord.test'))).toBe(false);
    // The digest hour comes (its time written as the database writes times, from the row's own past creation).
    await server.db.query("UPDATE mail_outbox SET next_attempt_at = created_at WHERE to_address = 'eu.head@concord.test' AND status = 'held'");
    await until(() => smtp.received.some((m) => m.to.includes('eu.head@concord.test')), 'the daily summary');
    const digest = smtp.received.find((m) => m.to.includes('eu.head@concord.test'));
    expect(digest?.subject).toBe('Concord : 1 nouvel élément dans votre boîte');
    expect(digest?.text).toContain('Invitation à coparrainer « Mail: article 5 on jurisdiction » de EGY');
    expect((await server.db.query("SELECT status FROM mail_outbox WHERE to_address = 'eu.head@concord.test' AND kind = 'co-sponsor-invitation'")) as Json[]).toEqual([{ status: 'sent' }]);
  });

  it('keeps each user’s delivery and language, and refuses values it does not know', async () => {
    expect((await as('egypt.head').get('/api/auth/me/mail')).body).toEqual({ enabled: true, delivery: 'immediate', language: 'en' });
    expect((await as('egypt.head').put('/api/auth/me/mail', { delivery: 'daily', language: 'ar' })).body).toEqual({ enabled: true, delivery: 'daily', language: 'ar' });
    expect((await as('egypt.head').get('/api/auth/me/mail')).body).toMatchObject({ delivery: 'daily', language: 'ar' });
    const bad = await as('egypt.head').put('/api/auth/me/mail', { delivery: 'hourly', language: 'ar' });
    expect(bad.status).toBe(400);
    expect(bad.body.error?.message).toContain('delivery must be one of immediate, daily, off');
    expect((await as('egypt.head').get('/api/auth/me/mail')).body).toMatchObject({ delivery: 'daily' });
  });
});

describe('Without SMTP_URL (SQLite)', () => {
  let server: TestServer;

  beforeAll(async () => {
    server = await startServer(scratchSqlite());
  });
  afterAll(async () => server?.close());

  it('writes no e-mail and returns the invitation link as before', async () => {
    const secretariat = await login(server, 'secretariat@concord.test');
    const committeeId = String(((await client(server).get('/api/committees')).body.items as Json[])[0].id);
    const invited = await client(server, secretariat).post('/api/auth/invitations', { email: 'quiet@mission.test', displayName: 'Quiet', roles: ['observer'], committeeId });
    expect(invited.status).toBe(201);
    expect(invited.body).toMatchObject({ emailed: false, inviteUrl: expect.stringMatching(/\/invite\/\S+$/) });
    expect(await server.db.query('SELECT COUNT(*) AS n FROM mail_outbox')).toEqual([{ n: 0 }]);
    expect((await client(server, secretariat).get('/api/auth/me/mail')).body).toEqual({ enabled: false, delivery: 'immediate', language: 'en' });
  });
});

describe.skipIf(BROWSER_SKIP_REASON !== null)(`E-mail settings and the outbox in Chromium${BROWSER_SKIP_REASON ? ` (${BROWSER_SKIP_REASON})` : ''}`, () => {
  let smtp: TestSmtp;
  let server: TestServer;
  let browser: Browser;

  beforeAll(async () => {
    smtp = await startSmtp();
    server = await startServer(scratchSqlite(), { SMTP_URL: smtp.url, MAIL_POLL_MS: '100', MAIL_RETRY_BASE_MS: '100' });
    browser = await launchBrowser();
  });
  afterAll(async () => {
    await browser?.close();
    await server?.close();
    await smtp?.close();
  });

  it('shows an administrator the e-mail given up, with the reason, and sends it again from there', async () => {
    smtp.refuse.add('lost@mission.test');
    const secretariat = client(server, await login(server, 'secretariat@concord.test'));
    const committeeId = String(((await client(server).get('/api/committees')).body.items as Json[])[0].id);
    expect((await secretariat.post('/api/auth/invitations', { email: 'lost@mission.test', displayName: 'Lost', roles: ['observer'], committeeId })).status).toBe(201);
    const admin = client(server, await login(server, 'admin@concord.test'));
    const started = Date.now();
    while (Date.now() - started < 60_000 && !((await admin.get('/api/admin/mail?status=failed')).body.items as Json[]).length) await new Promise((resolve) => setTimeout(resolve, 200));

    const { page, errors, context } = await signIn(browser, server, 'admin@concord.test');
    await page.getByRole('link', { name: 'Settings' }).click();
    await page.getByRole('heading', { name: 'Settings', level: 1 }).waitFor();
    const outbox = page.getByRole('region', { name: 'Outgoing e-mail given up' });
    const row = outbox.getByRole('row', { name: /lost@mission\.test/ });
    await row.waitFor();
    await expect(row.textContent()).resolves.toContain('Mailbox temporarily unavailable');
    await screenshot(page, 'settings-outbox-en.png');
    smtp.refuse.delete('lost@mission.test');
    await row.getByRole('button', { name: 'Try again' }).click();
    await row.getByRole('status').filter({ hasText: 'Queued again' }).waitFor();
    await until(() => smtp.received.some((m) => m.to.includes('lost@mission.test')), 'the invitation to arrive');
    expect(await seriousAccessibilityViolations(page)).toEqual([]);
    expect(errors).toEqual([]);
    await context.close();
  }, 120_000);

  it('lets a head of delegation choose a daily summary in Arabic', async () => {
    const { page, errors, context } = await signIn(browser, server, 'egypt.head@concord.test');
    await page.getByLabel('Language', { exact: true }).selectOption('ar');
    await page.getByRole('link', { name: 'الإعدادات' }).click();
    await page.getByRole('heading', { name: 'الإعدادات', level: 1 }).waitFor();
    await page.getByLabel('موجز واحد في اليوم').check();
    await page.getByLabel('لغة الرسائل').selectOption('ar');
    await page.getByRole('button', { name: 'حفظ' }).click();
    await page.getByText('حُفظت إعدادات البريد الإلكتروني.').waitFor();
    await screenshot(page, 'settings-mail-ar.png');
    // A head of delegation sees no outbox.
    expect(await page.getByRole('region', { name: 'رسائل تعذّر إرسالها' }).count()).toBe(0);
    const head = client(server, await login(server, 'egypt.head@concord.test'));
    expect((await head.get('/api/auth/me/mail')).body).toEqual({ enabled: true, delivery: 'daily', language: 'ar' });
    expect(await seriousAccessibilityViolations(page)).toEqual([]);
    expect(errors).toEqual([]);
    await context.close();
  }, 120_000);
});
