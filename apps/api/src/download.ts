import { createWriteStream } from 'node:fs';
import { Readable } from 'node:stream';
import { pipeline } from 'node:stream/promises';
import type { ReadableStream as WebReadableStream } from 'node:stream/web';

/** What to download from a Concord server. */
export interface DownloadRequest {
  readonly server: string;
  /** A revision id or document symbol. */
  readonly revision: string;
  /** An export, or `signed`: the revision as signed, for `revision:verify <file>`. */
  readonly format: 'akn' | 'docx' | 'html' | 'signed';
  readonly language?: string;
  /** A bearer token, for committee-tier revisions; without it the public API is used. */
  readonly token?: string;
  readonly out?: string;
}

// Below this size a download is over before progress would be worth showing.
const PROGRESS_FROM_BYTES = 256 * 1024;

/**
 * Downloads a revision export, streaming it to a file and, for large files, showing progress on stderr. Returns
 * the file written.
 */
export async function download(request: DownloadRequest, progress: NodeJS.WritableStream = process.stderr): Promise<string> {
  const base = request.server.replace(/\/+$/, '');
  const route = request.token ? 'api/revisions' : 'api/public/revisions';
  const query = new URLSearchParams({ format: request.format, ...(request.language ? { lang: request.language } : {}) });
  const url =
    request.format === 'signed'
      ? `${base}/${route}/${encodeURIComponent(request.revision)}/signed`
      : `${base}/${route}/${encodeURIComponent(request.revision)}/export?${query.toString()}`;
  let response: Response;
  try {
    response = await fetch(url, { headers: request.token ? { authorization: `Bearer ${request.token}` } : {} });
  } catch (error) {
    throw new Error(`cannot reach ${base}: ${error instanceof Error ? error.message : String(error)}`);
  }
  if (!response.ok || !response.body) {
    const body = (await response.json().catch(() => null)) as { error?: { message?: string } } | null;
    throw new Error(`${response.status}: ${body?.error?.message ?? response.statusText}`);
  }
  const disposition = response.headers.get('content-disposition') ?? '';
  const file = request.out ?? /filename="([^"]+)"/.exec(disposition)?.[1] ?? (request.format === 'signed' ? `${request.revision.replace(/[^A-Za-z0-9.-]+/g, '_')}.signed.json` : `revision.${request.format}`);
  const total = Number(response.headers.get('content-length') ?? 0);
  let received = 0;
  let shown = -1;
  const source = Readable.fromWeb(response.body as unknown as WebReadableStream<Uint8Array>);
  source.on('data', (chunk: Buffer) => {
    received += chunk.length;
    if (total < PROGRESS_FROM_BYTES) return;
    const percent = Math.floor((received / total) * 100);
    if (percent === shown) return;
    shown = percent;
    progress.write(`\r${file}: ${percent}% (${Math.round(received / 1024)} of ${Math.round(total / 1024)} KiB)`);
  });
  await pipeline(source, createWriteStream(file));
  progress.write(`${total >= PROGRESS_FROM_BYTES ? '\n' : ''}${file}: ${received} bytes written\n`);
  return file;
}
