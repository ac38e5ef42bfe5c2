import { createRequire } from 'node:module';
import { join } from 'node:path';
import type { Browser } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { BROWSER_SKIP_REASON, connected, launchBrowser, screenshot, signIn, treatyText } from '../support/browser';
import { scratchSqlite } from '../support/databases';
import { unzipEntries } from '../support/documents';
import { client, login, startServer, type TestServer } from '../support/server';

type Json = Record<string, unknown>;

/** The ZIP writer of the server's own specs (apps/api/src/instruments/testing/zip-writer.ts), as built. */
const { writeZip } = createRequire(__filename)(join(__dirname, '../../dist/apps/api/src/instruments/testing/zip-writer.js')) as {
  writeZip(entries: readonly { readonly name: string; readonly data: string }[]): Buffer;
};

const WIDE = { width: 1440, height: 1000 };

describe.skipIf(BROWSER_SKIP_REASON !== null)(`The Word bridge in Chromium${BROWSER_SKIP_REASON ? ` (${BROWSER_SKIP_REASON})` : ''}`, () => {
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

  it('downloads a drafting space, checks the file edited in Word, and applies it, in English and Arabic', async () => {
    const token = await login(server, 'egypt.head@concord.test');
    const api = client(server, token);
    const committeeId = String(((await api.get('/api/committees')).body.items as Json[])[0]?.id);
    const instrumentId = String(((await api.get(`/api/committees/${committeeId}/instruments`)).body.items as Json[])[0]?.id);
    const text = await api.get(`/api/instruments/${instrumentId}/text?lang=en`);
    const articles = ((text.body.doc as Json).content as Json[]).flatMap((n) => (n.type === 'chapter' ? (n.content as Json[]) : [n])).filter((n) => n.type === 'article');
    const idOf = (heading: string) => String(((articles.find((a) => JSON.stringify(a).includes(heading)) as Json).attrs as Json).id);
    const created = await api.post(`/api/instruments/${instrumentId}/drafting-spaces`, { title: 'Articles 3 and 4 in Word', language: 'en', provisionIds: [idOf('Scope of application'), idOf('Protection of sovereignty')] });
    const spaceId = String(created.body.id);

    const head = await signIn(browser, server, 'egypt.head@concord.test', WIDE);
    await head.page.goto(`/drafting-spaces/${spaceId}`);
    await connected(head.page);
    const panel = head.page.getByRole('region', { name: 'Work in Word' });
    const link = panel.getByRole('link', { name: 'Download as Word (DOCX)' });
    const [download] = await Promise.all([head.page.waitForEvent('download'), link.click()]);
    const bytes = await download.createReadStream().then(
      (stream) =>
        new Promise<Buffer>((resolve, reject) => {
          const chunks: Buffer[] = [];
          stream.on('data', (chunk: Buffer) => chunks.push(chunk));
          stream.on('end', () => resolve(Buffer.concat(chunks)));
          stream.on('error', reject);
        }),
    );
    // Edited in Word, tracking off.
    const files = unzipEntries(bytes);
    const edited = writeZip(
      [...files].map(([name, data]) => ({ name, data: name === 'word/document.xml' ? data.replace('investigation and prosecution', 'investigation, prosecution and adjudication') : data })),
    );

    await panel.getByLabel('Word file (DOCX) with changes to this text').setInputFiles({ name: 'edited.docx', mimeType: 'application/vnd.openxmlformats-officedocument.wordprocessingml.document', buffer: edited });
    await panel.getByRole('button', { name: 'Check the file' }).click();
    await panel.getByTestId('word-preview').waitFor();
    expect(await panel.getByTestId('word-preview').textContent()).toContain('only what changed in Word since the download is applied');
    await screenshot(head.page, 'word-preview-en.png');
    await panel.getByRole('button', { name: /^Apply \d+ changes to the text$/ }).click();
    await panel.getByText(/changes applied to the live text/).waitFor();
    await treatyText(head.page).getByText(/prosecution and adjudication/).waitFor();

    await head.page.getByLabel('Language', { exact: true }).selectOption('ar');
    const arabic = head.page.getByRole('region', { name: 'العمل في Word' });
    await arabic.getByLabel('ملف Word ‏(DOCX) يتضمن تغييرات على هذا النص').setInputFiles({ name: 'edited.docx', mimeType: 'application/vnd.openxmlformats-officedocument.wordprocessingml.document', buffer: edited });
    await arabic.getByRole('button', { name: 'فحص الملف' }).click();
    await arabic.getByTestId('word-preview').waitFor();
    await screenshot(head.page, 'word-preview-ar.png');
    expect(head.errors).toEqual([]);
  }, 120_000);
});
