import type { NextFunction, Request, Response } from 'express';
import type { IncomingHttpHeaders } from 'node:http';
import { parse as parseCookies } from 'cookie';
import { SESSION_COOKIE } from '../auth/token';
import { AppException } from './app.exception';

const SAFE_METHODS = new Set(['GET', 'HEAD', 'OPTIONS']);
// Bodies a browser may send across sites without asking first (a "simple" request), besides JSON's own type.
const JSON_TYPES = /^application\/json$/;
// Routes that take a file: only there does a multipart body make sense.
const UPLOAD_ROUTE = /\/(?:import|upload|word\/preview|word\/apply)$/;

/** The origin (`scheme://host[:port]`) of a URL, or null when it is not an http(s) URL. */
export function originOf(url: string): string | null {
  try {
    const parsed = new URL(url);
    return parsed.protocol === 'http:' || parsed.protocol === 'https:' ? parsed.origin : null;
  } catch {
    return null;
  }
}

/**
 * Where a browser says a request comes from: its Origin header or, when a browser left that out, the origin of its
 * Referer. `"null"` (a sandboxed frame, a redirect across sites) is no origin at all.
 */
export function claimedOrigin(headers: IncomingHttpHeaders): string | null {
  const origin = headers.origin;
  if (typeof origin === 'string' && origin !== '') return origin === 'null' ? 'null' : (originOf(origin) ?? origin);
  const referer = headers.referer;
  return typeof referer === 'string' && referer !== '' ? (originOf(referer) ?? 'null') : null;
}

/** How a request authenticates: a bearer token (or `?token=` on a socket) is deliberate; a cookie is ambient. */
export function credentialKind(headers: IncomingHttpHeaders, queryToken: string | null = null): 'bearer' | 'cookie' | 'none' {
  if (queryToken || /^Bearer\s+\S+\s*$/i.test(headers.authorization ?? '')) return 'bearer';
  const cookie = headers.cookie ? parseCookies(headers.cookie)[SESSION_COOKIE] : undefined;
  return cookie ? 'cookie' : 'none';
}

/**
 * The app's own origins: that of PUBLIC_URL, and that of the host this request was addressed to (with the scheme
 * the server sees, or that a trusted proxy reports), so that a server reached under another name still works.
 */
export function ownOrigins(publicUrl: string, host: string | undefined, secure: boolean): Set<string> {
  const origins = new Set<string>();
  const configured = originOf(publicUrl);
  if (configured) origins.add(configured);
  if (host) {
    const served = originOf(`${secure ? 'https' : 'http'}://${host}`);
    if (served) origins.add(served);
  }
  return origins;
}

/**
 * Why a request must be refused as possibly forged by another site, or null when it may go on. A request that
 * carries the session cookie must say it comes from one of the app's own pages; one with no credential may not
 * come from a foreign page either (that would sign a victim into someone else's account); a bearer token is never
 * sent by a browser on its own, so it needs no such proof.
 */
export function crossSiteProblem(
  headers: IncomingHttpHeaders,
  own: ReadonlySet<string>,
  queryToken: string | null = null,
): string | null {
  const kind = credentialKind(headers, queryToken);
  if (kind === 'bearer') return null;
  const origin = claimedOrigin(headers);
  if (origin === null) {
    return kind === 'cookie' ? 'The request carries the session cookie but does not say which page sent it (no Origin or Referer header).' : null;
  }
  if (own.has(origin)) return null;
  return `The request comes from another site (${origin.slice(0, 200)}); Concord accepts changes only from its own pages.`;
}

/**
 * Express middleware for every state-changing API request: refuses (403 cross-origin-refused) what another site
 * could have made a signed-in browser send, and (415) bodies that are not JSON, since those are the ones a browser
 * sends across sites without asking first. Runs before the body is read and before any route, so it writes nothing.
 */
export function requestOriginGuard(publicUrl: string) {
  return (req: Request, _res: Response, next: NextFunction): void => {
    if (SAFE_METHODS.has(req.method)) return next();
    const problem = crossSiteProblem(req.headers, ownOrigins(publicUrl, req.get('host'), req.secure));
    if (problem) return next(new AppException('cross-origin-refused', problem));
    const type = (req.get('content-type') ?? '').split(';')[0].trim().toLowerCase();
    const hasBody = type !== '' || Number(req.get('content-length') ?? 0) > 0 || req.get('transfer-encoding') !== undefined;
    if (!hasBody || JSON_TYPES.test(type)) return next();
    if (type === 'multipart/form-data' && UPLOAD_ROUTE.test(req.path)) return next();
    next(new AppException('unsupported-media-type', `The request body must be JSON (Content-Type: application/json), not ${type ? `"${type.slice(0, 100)}"` : 'untyped'}.`));
  };
}
