import compression from 'compression';
import type { NextFunction, Request, Response } from 'express';
import expressStaticGzip from 'express-static-gzip';
import type { ServerResponse } from 'node:http';
import { sep } from 'node:path';

/** What every API answer says about caching unless its route says otherwise: keep nothing, anywhere. */
export const API_DEFAULT_CACHE = 'private, no-store';
/**
 * The observers' API (`/api/public`) answers every caller as an anonymous visitor, so one answer fits all: a shared cache
 * may keep it, but asks each time whether it changed (a new revision published), and gets a 304 when it did not.
 */
export const PUBLIC_API_CACHE = 'public, no-cache';
/** Files whose name carries a hash of their content (Vite's `assets/`): a new build gives them new names. */
export const HASHED_ASSET_CACHE = 'public, max-age=31536000, immutable';
/** index.html and the other unhashed files: kept, but asked about again each time, so a new build shows at once. */
export const REVALIDATE = 'no-cache';

/**
 * Until a route says otherwise, an API answer may be stored by no cache at all: most of them are mutable, and
 * many are committee-tier or a delegation's own, which a shared cache must never keep and replay to someone else.
 * The observers' API is the exception (`PUBLIC_API_CACHE`). Routes that serve immutable published content replace this header (revision-cache.ts).
 */
export function apiCacheDefault(req: Request, res: Response, next: NextFunction): void {
  if (req.path.startsWith('/api/public/')) res.setHeader('Cache-Control', PUBLIC_API_CACHE);
  else if (req.path === '/api' || req.path.startsWith('/api/')) res.setHeader('Cache-Control', API_DEFAULT_CACHE);
  next();
}

/**
 * Brotli or gzip for the API's answers (JSON, HTML exports, XML), by the client's Accept-Encoding, with the
 * `compression` middleware (expressjs), which negotiates, streams, sets `Vary` and skips small answers. Left alone:
 * server-sent events, which must reach the client as each event is written, not when a compressor's block fills;
 * and answers that set a cookie or hand out a session (`/api/auth/`), so that no secret is compressed beside text
 * an attacker chose (BREACH). The web app's files are compressed once at build time instead (see `webApp`).
 */
export function compressResponses() {
  return compression({
    filter: (req: Request, res: Response) => {
      const type = String(res.getHeader('Content-Type') ?? '');
      if (type.startsWith('text/event-stream')) return false;
      if (res.getHeader('Set-Cookie') !== undefined || req.path.startsWith('/api/auth/')) return false;
      return compression.filter(req, res);
    },
  });
}

/**
 * The built web app's files. Vite writes each file's brotli and gzip forms beside it at build time (at their
 * highest levels, which would cost too much per request), and `express-static-gzip` picks the one the browser
 * accepts, brotli first, with `Vary: Accept-Encoding`. Hashed files under `assets/` are cached for a year and
 * never revalidated; index.html and the rest are revalidated each time (weak ETag and Last-Modified from
 * serve-static), so that a new build is picked up by the next page load.
 */
export function webApp(root: string) {
  const assets = `${root}${sep}assets${sep}`;
  return expressStaticGzip(root, {
    enableBrotli: true,
    orderPreference: ['br', 'gzip'],
    index: false,
    serveStatic: {
      index: false,
      setHeaders: (res: ServerResponse, path: string) => {
        res.setHeader('Cache-Control', path.startsWith(assets) ? HASHED_ASSET_CACHE : REVALIDATE);
      },
    },
  });
}
