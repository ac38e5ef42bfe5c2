import type { TestServer } from './server';

/** One Server-Sent Event, its data parsed as JSON when it is JSON. */
export interface SseEvent {
  readonly type: string;
  readonly data: unknown;
}

/** An open event stream: what arrived so far, and ways to wait for more. */
export interface EventStream {
  readonly status: 200;
  /** Every event received so far, in order. */
  readonly events: readonly SseEvent[];
  /** The first event (received so far or later) that matches; fails with `what` after the timeout. */
  next(match: (event: SseEvent) => boolean, what: string, timeoutMs?: number): Promise<SseEvent>;
  /** Resolves when the server ends the stream. */
  readonly ended: Promise<void>;
  close(): void;
}

/** A stream the server refused, with its JSON error. */
export interface RefusedStream {
  readonly status: number;
  readonly body: { error?: { code: string; message: string } };
}

function parseBlock(block: string): SseEvent | null {
  let type = 'message';
  const data: string[] = [];
  for (const line of block.split('\n')) {
    if (line.startsWith(':') || line === '') continue;
    const colon = line.indexOf(':');
    const field = colon < 0 ? line : line.slice(0, colon);
    const value = colon < 0 ? '' : line.slice(colon + 1).replace(/^ /, '');
    if (field === 'event') type = value;
    else if (field === 'data') data.push(value);
  }
  if (data.length === 0) return null;
  const text = data.join('\n');
  try {
    return { type, data: JSON.parse(text) as unknown };
  } catch {
    return { type, data: text };
  }
}

/**
 * Opens a Server-Sent Events stream as a browser's EventSource would, with a bearer token or a cookie header, and
 * parses its events as they arrive.
 */
export async function openStream(server: Pick<TestServer, 'url'>, path: string, auth: { token?: string; cookie?: string }): Promise<EventStream | RefusedStream> {
  const abort = new AbortController();
  const headers: Record<string, string> = { accept: 'text/event-stream' };
  if (auth.token) headers.authorization = `Bearer ${auth.token}`;
  if (auth.cookie) headers.cookie = auth.cookie;
  const response = await fetch(`${server.url}${path}`, { headers, signal: abort.signal });
  if (response.status !== 200 || !response.body) {
    return { status: response.status, body: (await response.json()) as RefusedStream['body'] };
  }
  const events: SseEvent[] = [];
  const waiters = new Set<() => void>();
  const reader = response.body.getReader();
  const decoder = new TextDecoder();
  const ended = (async () => {
    let buffer = '';
    try {
      for (;;) {
        const { done, value } = await reader.read();
        if (done) return;
        buffer += decoder.decode(value, { stream: true }).replace(/\r\n?/g, '\n');
        let end: number;
        while ((end = buffer.indexOf('\n\n')) >= 0) {
          const event = parseBlock(buffer.slice(0, end));
          buffer = buffer.slice(end + 2);
          if (event) events.push(event);
        }
        for (const wake of waiters) wake();
      }
    } catch {
      // Aborted by close().
    }
  })();
  return {
    status: 200,
    events,
    ended,
    next(match, what, timeoutMs = 15_000) {
      return new Promise((resolve, reject) => {
        const check = () => {
          const found = events.find(match);
          if (!found) return;
          cleanup();
          resolve(found);
        };
        const timer = setTimeout(() => {
          cleanup();
          reject(new Error(`timed out waiting for ${what}; received ${JSON.stringify(events.map((e) => e.type))}`));
        }, timeoutMs);
        const cleanup = () => {
          clearTimeout(timer);
          waiters.delete(check);
        };
        waiters.add(check);
        check();
      });
    },
    close() {
      abort.abort();
    },
  };
}

/** Narrows an opened stream, failing the test with the server's answer when it was refused. */
export function accepted(stream: EventStream | RefusedStream): EventStream {
  if ('events' in stream) return stream;
  throw new Error(`stream refused: ${stream.status} ${JSON.stringify(stream.body)}`);
}
