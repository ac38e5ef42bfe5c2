import { existsSync, mkdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { type Browser, type BrowserContext, chromium, type Locator, type Page } from 'playwright-core';
import type { TestServer } from './server';

/** Debian's Chromium; the tests never download a browser. */
export const CHROMIUM = '/usr/bin/chromium';

/** Why the browser suites are skipped, or null when they run. */
export const BROWSER_SKIP_REASON: string | null = existsSync(CHROMIUM)
  ? null
  : `skipped: ${CHROMIUM} is missing (.ci/run installs Debian's chromium)`;

/** Screenshots land here for people to look at; the folder is not committed. */
export const ARTIFACTS = join(__dirname, '../artifacts');

export function launchBrowser(): Promise<Browser> {
  mkdirSync(ARTIFACTS, { recursive: true });
  return chromium.launch({
    executablePath: CHROMIUM,
    args: ['--headless', '--no-sandbox', '--disable-gpu', '--disable-background-networking', '--disable-component-update', '--no-first-run'],
  });
}

interface AxeViolation {
  readonly id: string;
  readonly impact: string | null;
  readonly help: string;
  readonly nodes: readonly { readonly target: readonly string[] }[];
}

/** Runs axe-core in the page and returns the serious and critical violations, described for a failure message. */
export async function seriousAccessibilityViolations(page: Page): Promise<string[]> {
  // Evaluated through the debugging protocol rather than added as a <script>: the app's CSP rightly refuses
  // inline scripts, and a test tool must not need the policy loosened.
  await page.evaluate(readFileSync(require.resolve('axe-core/axe.min.js'), 'utf8'));
  const violations = await page.evaluate(async () => {
    const axe = (globalThis as unknown as { axe: { run: (context: Document) => Promise<{ violations: AxeViolation[] }> } }).axe;
    return (await axe.run(document)).violations;
  });
  return violations
    .filter((v) => v.impact === 'serious' || v.impact === 'critical')
    .map((v) => `${v.id} (${v.impact}): ${v.help} at ${v.nodes.map((n) => n.target.join(' ')).join(', ')}`);
}

/** The demo users' password (see the README). */
export const DEMO_PASSWORD = 'concord-demo-2026';

/** A browser context signed in as one demo user. */
export interface SignedIn {
  readonly context: BrowserContext;
  readonly page: Page;
  /** Uncaught exceptions and dialogs (an injected script would open one) in the page, which must stay empty. */
  readonly errors: string[];
}

/**
 * Collects what must never happen in a page into `errors`: uncaught exceptions, dialogs (an injected script would
 * open one), and anything the Content Security Policy refused (the app must fit its own policy).
 */
export function recordProblems(page: Page, errors: string[]): void {
  page.on('pageerror', (error) => errors.push(error.stack ?? error.message));
  page.on('dialog', (dialog) => {
    errors.push(`dialog: ${dialog.message()}`);
    void dialog.dismiss();
  });
  page.on('console', (message) => {
    if (message.type() === 'error' && /Content Security Policy/i.test(message.text())) errors.push(`CSP violation: ${message.text()}`);
  });
}

/**
 * Signs a new browser context in as a demo user through the sign-in page, and waits for the page made for their
 * role: the reading room for the observer, the committee dashboard for everyone else.
 */
export async function signIn(browser: Browser, server: TestServer, email: string, viewport = { width: 1280, height: 900 }): Promise<SignedIn> {
  const context = await browser.newContext({ baseURL: server.url, viewport });
  const page = await context.newPage();
  const errors: string[] = [];
  recordProblems(page, errors);
  await page.goto('/sign-in');
  await page.getByLabel('Email').fill(email);
  await page.getByLabel('Password').fill(DEMO_PASSWORD);
  await page.getByRole('button', { name: 'Sign in' }).click();
  await page.getByRole('heading', email.startsWith('observer@') ? { level: 1, name: 'Reading room' } : { name: 'Instruments' }).waitFor();
  return { context, page, errors };
}

/** A full-page screenshot from the top (sticky bars would otherwise be drawn where the page was scrolled to). */
export async function screenshot(page: Page, name: string): Promise<void> {
  await page.evaluate(() => window.scrollTo(0, 0));
  await page.screenshot({ path: join(ARTIFACTS, name), fullPage: true });
}

/** The live text of the page's treaty editor. */
export const treatyText = (page: Page): Locator => page.locator('.treaty-text');

/** Waits until the page's collaborative document is synced with the server. */
export async function connected(page: Page): Promise<void> {
  await page.locator('[data-connection="connected"]').waitFor();
}

/**
 * Clicks just past the end of the last line of the `index`-th text block (of a left-to-right text), which puts
 * the cursor at the end of the block as it would for a person, and types.
 */
export async function typeAtEndOf(page: Page, index: number, words: string): Promise<void> {
  const block = treatyText(page).locator('p[data-node="text-block"]').nth(index);
  const box = await block.boundingBox();
  if (box === null) throw new Error(`text block ${index} is not visible`);
  // ProseMirror takes a click's caret from the selectionchange event that follows; a key pressed before it
  // arrives (no person is that fast) would act at the previous caret.
  const caretMoved = page.evaluate(
    () => new Promise<void>((resolve) => document.addEventListener('selectionchange', () => resolve(), { once: true })),
  );
  await block.click({ position: { x: box.width - 2, y: box.height - 12 } });
  await caretMoved;
  await page.keyboard.type(words);
}
