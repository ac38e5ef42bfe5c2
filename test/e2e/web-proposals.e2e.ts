import { consolidatedDocument } from '@concord/domain';
import { docFromJSON } from '@concord/schema';
import { join } from 'node:path';
import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ARTIFACTS, BROWSER_SKIP_REASON, launchBrowser, seriousAccessibilityViolations, signIn, screenshot, connected, treatyText, typeAtEndOf } from '../support/browser';
import { scratchSqlite } from '../support/databases';
import { client, login, startServer, type TestServer } from '../support/server';

const SPACE_TITLE = 'Article 4: sovereignty';
const JUSTIFICATION = 'Sovereignty deserves <script>window.__injected = true</script> a stronger wording.';

/** The drafting space with its comment sidebar needs a wider window. */
const WIDE = { width: 1440, height: 1000 };

/** The comment sidebar of the page. */
const comments = (page: Page) => page.getByRole('region', { name: /^Comments/ });

/** Selects a phrase of the text as a reader dragging over it would (numbers and labels drawn around it aside). */
async function selectPhrase(page: Page, phrase: string): Promise<void> {
  await page.evaluate((wanted) => {
    const root = document.querySelector('.treaty-text');
    if (root === null) throw new Error('no text');
    const walker = document.createTreeWalker(root, NodeFilter.SHOW_TEXT);
    for (let node = walker.nextNode(); node !== null; node = walker.nextNode()) {
      const at = (node.textContent ?? '').indexOf(wanted);
      if (at < 0 || node.parentElement?.closest('.node-label, .provision-number') != null) continue;
      const range = document.createRange();
      range.setStart(node, at);
      range.setEnd(node, at + wanted.length);
      const selection = window.getSelection();
      selection?.removeAllRanges();
      selection?.addRange(range);
      return;
    }
    throw new Error(`"${wanted}" is not in the text`);
  }, phrase);
}

describe.skipIf(BROWSER_SKIP_REASON !== null)(
  `Proposals and comments in Chromium${BROWSER_SKIP_REASON ? ` (${BROWSER_SKIP_REASON})` : ''}`,
  () => {
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

    it('takes a drafting space from invitation to a supported proposal, and discusses the draft in delegation-only comments', async () => {
      // Egypt's head opens a drafting space on Article 4 through the API.
      const headToken = await login(server, 'egypt.head@concord.test');
      const headApi = client(server, headToken);
      const committeeId = String(((await headApi.get('/api/committees')).body.items as { id: string }[])[0]?.id);
      const instrumentId = String(((await headApi.get(`/api/committees/${committeeId}/instruments`)).body.items as { id: string }[])[0]?.id);
      const base = docFromJSON((await headApi.get(`/api/instruments/${instrumentId}/text?lang=en`)).body.doc, { requireIds: false });
      const articleIds: string[] = [];
      base.descendants((node) => {
        if (node.type.name === 'article') articleIds.push(String(node.attrs['id']));
        return node.type.name !== 'article';
      });
      const created = await headApi.post(`/api/instruments/${instrumentId}/drafting-spaces`, {
        title: SPACE_TITLE,
        language: 'en',
        provisionIds: [articleIds[3]],
      });
      expect(created.status).toBe(201);
      const spacePath = `/drafting-spaces/${String(created.body.id)}`;

      // The head invites Brazil to co-sponsor.
      const head = await signIn(browser, server, 'egypt.head@concord.test', WIDE);
      await head.page.goto(spacePath);
      await connected(head.page);
      const coSponsors = head.page.getByRole('region', { name: 'Co-sponsors' });
      await coSponsors.getByText('No delegation has been invited to co-sponsor yet.').waitFor();
      await coSponsors.getByLabel('Invite a delegation to co-sponsor').selectOption({ label: 'Brazil (BRA)' });
      await coSponsors.getByRole('button', { name: 'Invite' }).click();
      await coSponsors.getByText('invited, no answer yet').waitFor();
      expect(await coSponsors.locator('.co-sponsor-list').textContent()).toContain('Brazil (BRA)');

      // Brazil's head reads the space, read-only, and accepts in the browser: its members may now edit.
      const brazil = await signIn(browser, server, 'brazil.head@concord.test', WIDE);
      await brazil.page.goto(spacePath);
      await connected(brazil.page);
      expect(await treatyText(brazil.page).getAttribute('aria-readonly')).toBe('true');
      const banner = brazil.page.getByRole('region', { name: 'Egypt (EGY) invites your delegation to co-sponsor this text' });
      await banner.getByRole('button', { name: 'Accept' }).click();
      await banner.waitFor({ state: 'detached' });
      await expect.poll(() => treatyText(brazil.page).getAttribute('aria-readonly'), { timeout: 15_000 }).toBe('false');
      await brazil.page.getByRole('region', { name: 'Co-sponsors' }).getByText('accepted').waitFor();
      // Egypt's page learns of the answer by itself.
      await coSponsors.getByText('accepted').waitFor({ timeout: 20_000 });
      // Brazil's head may not submit Egypt's text, and is told who does.
      await brazil.page.getByText('Only the head of the delegation of Egypt (EGY) can submit this text as a proposal.').waitFor();

      // Egypt's delegate edits the text in the browser; the head sees the change against the base as it is typed.
      const delegate = await signIn(browser, server, 'egypt.delegate@concord.test', WIDE);
      await delegate.page.goto(spacePath);
      await connected(delegate.page);
      await typeAtEndOf(delegate.page, 0, ' Egypt proposes this wording.');
      const proposal = head.page.getByRole('region', { name: 'Proposal' });
      await proposal.locator('.change-list ins', { hasText: 'Egypt proposes this wording.' }).waitFor();
      expect(await proposal.locator('.change-location').first().textContent()).toContain('Article 4, paragraph 1');
      await delegate.page.getByText('Only the head of the delegation of Egypt (EGY) can submit this text as a proposal.').waitFor();

      // The head justifies (with markup that must stay text) and submits, confirming.
      await proposal.getByLabel('Justification').fill(JUSTIFICATION);
      await proposal.getByRole('button', { name: 'Submit proposal' }).click();
      await proposal.getByRole('button', { name: 'Yes, submit it' }).click();
      const state = proposal.getByRole('status').filter({ hasText: 'Submitted' });
      await state.waitFor();
      expect(await proposal.locator('.proposal-justification .plain-text').textContent()).toBe(JUSTIFICATION);
      expect(await head.page.locator('.proposal-justification script').count()).toBe(0);
      expect(await head.page.evaluate(() => (window as unknown as { __injected?: boolean }).__injected)).toBeUndefined();
      expect(await proposal.locator('.proposal-facts').textContent()).toContain('Brazil (BRA)');
      await proposal.getByRole('button', { name: 'Withdraw proposal' }).waitFor();
      expect(await seriousAccessibilityViolations(head.page)).toEqual([]);
      await screenshot(head.page, 'drafting-space-proposal-en.png');

      // The EU's head supports it from the dashboard.
      const eu = await signIn(browser, server, 'eu.head@concord.test', WIDE);
      const proposals = eu.page.getByRole('region', { name: 'Proposals' });
      const row = proposals.getByRole('row').filter({ hasText: SPACE_TITLE });
      await row.getByText('Submitted', { exact: true }).waitFor();
      await row.getByText('Egypt (EGY)').waitFor();
      expect(await row.textContent()).toContain('with Brazil (BRA)');
      await row.getByRole('button', { name: `Support ${SPACE_TITLE}` }).click();
      await row.getByRole('button', { name: `Withdraw support ${SPACE_TITLE}` }).waitFor();
      expect(await row.locator('.support-count').textContent()).toBe('1');
      expect(await row.locator('.proposal-supporters').textContent()).toBe('EU');
      expect(await seriousAccessibilityViolations(eu.page)).toEqual([]);
      await screenshot(eu.page, 'dashboard-proposals-en.png');
      // The proposal's own page shows its changes as tracked changes, its status and its support.
      await row.getByRole('link', { name: SPACE_TITLE }).click();
      await eu.page.getByRole('heading', { level: 1, name: SPACE_TITLE }).waitFor();
      const changes = eu.page.getByRole('region', { name: 'Changes against the base text' });
      await changes.locator('ins', { hasText: 'Egypt proposes this wording.' }).waitFor();
      expect(await changes.locator('.change-location').textContent()).toBe('Article 4, paragraph 1');
      await eu.page.getByRole('region', { name: 'Status and support' }).getByRole('button', { name: 'Withdraw support' }).waitFor();
      await comments(eu.page).getByText('No comments yet.').waitFor();
      expect(await seriousAccessibilityViolations(eu.page)).toEqual([]);
      await screenshot(eu.page, 'proposal-page-en.png');
      // The head sees the support on reloading the space.
      await head.page.reload();
      await proposal.locator('.support-count', { hasText: '1' }).waitFor();

      // In Arabic the space's margin moves to the left of the text.
      await head.page.getByLabel('Language', { exact: true }).selectOption('ar');
      await expect.poll(() => head.page.evaluate(() => document.documentElement.dir)).toBe('rtl');
      await head.page.getByRole('region', { name: 'المقترح' }).getByText('مقدَّم', { exact: true }).first().waitFor();
      const margin = await head.page.locator('.editor-margin').boundingBox();
      const paper = await head.page.locator('.editor-paper').boundingBox();
      expect(margin !== null && paper !== null && margin.x < paper.x).toBe(true);
      expect(await seriousAccessibilityViolations(head.page)).toEqual([]);
      await screenshot(head.page, 'drafting-space-proposal-ar.png');
      await head.page.getByLabel('اللغة', { exact: true }).selectOption('en');

      // Comments on the consolidated draft: Egypt's head reads it, the delegate comments at delegation tier.
      const draftLink = (page: Page) => page.getByRole('link', { name: 'Consolidated draft (English)' });
      await head.page.goto('/');
      await draftLink(head.page).click();
      await connected(head.page);
      await comments(head.page).getByText('New comments appear as they are written.').waitFor();
      await comments(head.page).getByText('No comments yet.').waitFor();

      await delegate.page.goto('/');
      await draftLink(delegate.page).click();
      await connected(delegate.page);
      const panel = comments(delegate.page);
      await panel.getByText('New comments appear as they are written.').waitFor();
      expect(await panel.getByRole('button', { name: 'Comment', exact: true }).isDisabled()).toBe(true);
      await selectPhrase(delegate.page, 'common criminal policy');
      await panel.getByText('Selected: “common criminal policy”').waitFor();
      await panel.getByRole('button', { name: 'Comment', exact: true }).click();
      const form = panel.getByRole('form', { name: 'New comment' });
      await form.getByRole('radio', { name: 'My delegation only' }).check();
      await form.getByLabel('Comment', { exact: true }).fill('Could we say "shared" rather than "common"? <b>not bold</b>');
      await form.getByRole('button', { name: 'Post comment' }).click();
      const thread = panel.locator('.thread', { hasText: 'Could we say' });
      await thread.waitFor();
      expect(await thread.locator('.comment-body').first().textContent()).toBe('Could we say "shared" rather than "common"? <b>not bold</b>');
      expect(await thread.locator('b').count()).toBe(0);
      await thread.getByText('My delegation', { exact: true }).waitFor();
      await treatyText(delegate.page).locator('.comment-range', { hasText: 'common criminal policy' }).waitFor();

      // Egypt's head sees it live, without reloading, and replies; the delegate sees the reply live.
      const headThread = comments(head.page).locator('.thread', { hasText: 'Could we say' });
      await headThread.waitFor();
      await headThread.getByRole('button', { name: /Show in the text/ }).click();
      await treatyText(head.page).locator('.comment-range-focused', { hasText: 'common criminal policy' }).waitFor();
      await headThread.getByRole('button', { name: 'Reply' }).click();
      await headThread.getByLabel('Your reply').fill('Agreed; I will raise it with the EU.');
      await headThread.getByRole('button', { name: 'Post reply' }).click();
      await thread.getByText('Agreed; I will raise it with the EU.').waitFor();

      // The secretariat sees neither the thread nor a trace of it.
      const secretariat = await signIn(browser, server, 'secretariat@concord.test', WIDE);
      await draftLink(secretariat.page).click();
      await connected(secretariat.page);
      await comments(secretariat.page).getByText('No comments yet.').waitFor();
      expect(await secretariat.page.getByText('Could we say').count()).toBe(0);
      const secretariatApi = client(server, await login(server, 'secretariat@concord.test'));
      const listed = await secretariatApi.get(
        `/api/comments?targetKind=document&targetId=${encodeURIComponent(consolidatedDocument(instrumentId, 'en'))}`,
      );
      expect(listed.body.items).toEqual([]);
      // The committee-tier choice exists for the secretariat; the delegation tier does not.
      await selectPhrase(secretariat.page, 'common criminal policy');
      await comments(secretariat.page).getByRole('button', { name: 'Comment', exact: true }).click();
      await comments(secretariat.page).getByText('Visible to: The committee: all delegations, the secretariat and the bureau').waitFor();
      await comments(secretariat.page).getByRole('button', { name: 'Cancel' }).click();

      // The head resolves the thread; it folds away for both.
      await headThread.getByRole('button', { name: 'Resolve' }).click();
      await comments(head.page).getByRole('button', { name: 'Resolved (1)' }).waitFor();
      await comments(delegate.page).getByRole('button', { name: 'Resolved (1)' }).waitFor();
      await comments(delegate.page).getByText('0 open').waitFor();
      await comments(head.page).getByRole('button', { name: 'Resolved (1)' }).click();
      await comments(head.page).locator('.thread', { hasText: 'Could we say' }).getByText('Resolved', { exact: true }).waitFor();
      expect(await seriousAccessibilityViolations(head.page)).toEqual([]);
      await screenshot(head.page, 'consolidated-draft-comments-en.png');
      await comments(delegate.page).getByRole('button', { name: 'Resolved (1)' }).click();
      await comments(delegate.page).screenshot({ path: join(ARTIFACTS, 'comments-panel-en.png') });

      // In the drafting space, comments are the delegation's own; one whose words are deleted is set apart, live.
      await delegate.page.goto(spacePath);
      await connected(delegate.page);
      const spaceComments = comments(delegate.page);
      await spaceComments.getByText('New comments appear as they are written.').waitFor();
      const firstBlock = treatyText(delegate.page).locator('p[data-node="text-block"]').first();
      await firstBlock.click();
      await selectPhrase(delegate.page, 'Egypt proposes');
      await spaceComments.getByText('Selected: “Egypt proposes”').waitFor();
      await delegate.page.keyboard.press('Control+Alt+KeyM');
      const spaceForm = spaceComments.getByRole('form', { name: 'New comment' });
      await spaceForm.getByText('Visible to: My delegation only').waitFor();
      await spaceForm.getByLabel('Comment', { exact: true }).fill('Too assertive? \u202Eevil');
      await spaceForm.getByRole('button', { name: 'Post comment' }).click();
      const flagged = spaceComments.locator('.thread', { hasText: 'Too assertive?' });
      await flagged.locator('mark.hidden-character', { hasText: 'U+202E' }).waitFor();
      await flagged.getByRole('note').getByText('U+202E RIGHT-TO-LEFT OVERRIDE × 1').waitFor();
      await firstBlock.click();
      await selectPhrase(delegate.page, 'Egypt proposes');
      await delegate.page.keyboard.press('Backspace');
      await spaceComments.getByRole('heading', { name: 'Orphaned (1)' }).waitFor();
      await spaceComments.locator('.thread-group-orphaned del', { hasText: 'Egypt proposes' }).waitFor();
      await spaceComments.screenshot({ path: join(ARTIFACTS, 'comments-orphaned-en.png') });

      expect([...head.errors, ...brazil.errors, ...delegate.errors, ...eu.errors, ...secretariat.errors]).toEqual([]);
      for (const session of [head, brazil, delegate, eu, secretariat]) await session.context.close();
    }, 240_000);
  },
);
