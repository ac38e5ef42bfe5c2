import { createHash, randomBytes } from 'node:crypto';

/** A new secret token: 256 random bits, URL-safe. */
export function newToken(): string {
  return randomBytes(32).toString('base64url');
}

/** What the database stores of a token. */
export function tokenHash(token: string): string {
  return createHash('sha256').update(token).digest('hex');
}

/** Name of the session cookie the web app signs in with. */
export const SESSION_COOKIE = 'concord_session';
