import type { Request, Response } from 'express';
import { createHash } from 'node:crypto';

/**
 * Bumped when the server renders the same revision differently (a new field in its JSON, a changed export), so
 * that a copy rendered by an older server no longer matches.
 */
export const REPRESENTATION_VERSION = 1;

/**
 * How readers may keep a representation of published revisions (a revision, its export, a comparison of two):
 * its strong ETag, derived from the revisions' content hashes and the representation asked for, and whether a
 * shared cache may keep it (every revision in it public).
 */
export interface RevisionValidator {
  readonly etag: string;
  readonly shared: boolean;
}

/** The validator of a representation of revisions with these content hashes. */
export function revisionValidator(contentHashes: readonly string[], variant: string, shared: boolean): RevisionValidator {
  const digest = createHash('sha256').update(JSON.stringify([REPRESENTATION_VERSION, variant, contentHashes])).digest('base64url');
  return { etag: `"${digest}"`, shared };
}

/** Kinds of representation, by how long a copy may be used without asking. */
export type Representation = 'api' | 'file';

/**
 * Cache-Control for a representation of published, verified revisions. Their content never changes, so a copy is
 * used without asking again (`immutable`): for a year for files (exports), and for a day for the API's own JSON
 * and HTML, whose shape a new server version may change under the same address. A committee-tier revision is
 * never kept by a shared cache and is revalidated on each use (`private, no-cache`), so that the server checks
 * that the reader still may read it before answering 304.
 */
export function revisionCacheControl(validator: RevisionValidator, representation: Representation): string {
  if (!validator.shared) return 'private, no-cache';
  return `public, max-age=${representation === 'file' ? 31_536_000 : 86_400}, immutable`;
}

/**
 * Sets the validator and caching of a representation of revisions and answers 304 when the request already holds
 * it. Returns true when the answer is sent. Without a validator (the live draft, a revision that fails
 * verification), the answer keeps the API's default: stored nowhere.
 */
export function answeredFromCache(req: Request, res: Response, validator: RevisionValidator | null, representation: Representation): boolean {
  if (validator === null) return false;
  res.setHeader('ETag', validator.etag);
  res.setHeader('Cache-Control', revisionCacheControl(validator, representation));
  if (!req.fresh) return false;
  res.status(304).end();
  return true;
}
