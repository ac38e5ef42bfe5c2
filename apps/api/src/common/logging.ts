import type { DynamicModule } from '@nestjs/common';
import { LoggerModule } from 'nestjs-pino';
import { randomUUID } from 'node:crypto';
import type { IncomingMessage, ServerResponse } from 'node:http';
import type { Env } from '../config/env';

const LEVELS: Record<Env['LOG_LEVEL'], string> = { silent: 'silent', error: 'error', warn: 'warn', log: 'info', debug: 'debug' };

/** A request id a client or proxy may pass on: short and plain, so that it cannot forge log lines. */
const REQUEST_ID = /^[A-Za-z0-9._:-]{1,64}$/;

/** Query parameters whose values are secrets (the collaboration socket's and the invitation page's tokens). */
const SECRET_PARAMETERS = new Set(['token', 'access_token', 'invitation']);

/**
 * The address as logged: secret query values replaced, and the body never logged at all, so that no password,
 * token or text of a delegation's private record reaches a log line.
 */
export function loggedUrl(url: string | undefined): string {
  // The invitation page carries its one-time token in the path.
  const raw = (url ?? '/').replace(/^\/invite\/[^/?#]+/, '/invite/[redacted]');
  const at = raw.indexOf('?');
  if (at < 0) return raw;
  const params = new URLSearchParams(raw.slice(at + 1));
  for (const key of [...params.keys()]) if (SECRET_PARAMETERS.has(key.toLowerCase())) params.set(key, '[redacted]');
  const query = params.toString();
  return `${raw.slice(0, at)}${query ? `?${query}` : ''}`;
}

/** The id of a request: the `X-Request-Id` it came with when that is plain, else a new one; echoed in the answer. */
export function requestId(req: IncomingMessage, res: ServerResponse): string {
  const given = req.headers['x-request-id'];
  const id = typeof given === 'string' && REQUEST_ID.test(given) ? given : randomUUID();
  res.setHeader('X-Request-Id', id);
  return id;
}

/**
 * Structured logs: one JSON object per line (pino), with level, time, the request id on every line written while
 * a request is served, and one line per request (method, address, status, duration). Headers are not logged, so
 * cookies and bearer tokens never are.
 */
export function loggingModule(env: Pick<Env, 'LOG_LEVEL'>): DynamicModule {
  return LoggerModule.forRoot({
    pinoHttp: {
      level: LEVELS[env.LOG_LEVEL],
      genReqId: requestId,
      customLogLevel: (_req, res, error) => (error || res.statusCode >= 500 ? 'error' : 'info'),
      serializers: {
        req: (req: IncomingMessage & { id?: unknown }) => ({ id: req.id, method: req.method, url: loggedUrl(req.url) }),
        res: (res: ServerResponse) => ({ statusCode: res.statusCode }),
      },
      redact: { paths: ['req.headers', 'res.headers', '*.password', '*.token'], remove: true },
    },
  });
}
