import type { Subject } from '@concord/domain';
import type { Request } from 'express';
import type { UserView } from '@concord/domain';
export type { UserView } from '@concord/domain';

/** Who is making a request, resolved by the auth guard from the session cookie or bearer token. */
export interface AuthContext {
  readonly user: UserView;
  readonly subject: Subject;
  readonly sessionId: string;
  /** When the session stops being valid; null for the command line, which has no session. */
  readonly sessionExpiresAt: Date | null;
}

/** The longest delay a Node.js timer takes (about 24.8 days); a later expiry is waited for in steps. */
const MAX_TIMER_MS = 2_147_483_647;

/**
 * Calls `expired` when the context's session expires, for a connection that outlives the request that opened it
 * (a collaboration socket, a comment stream). Returns the function that cancels the wait.
 */
export function onSessionExpiry(context: AuthContext, expired: () => void): () => void {
  const at = context.sessionExpiresAt?.getTime();
  if (at === undefined) return () => undefined;
  let timer: NodeJS.Timeout;
  const wait = (): void => {
    const left = at - Date.now();
    timer = setTimeout(left > MAX_TIMER_MS ? wait : expired, Math.max(0, Math.min(left, MAX_TIMER_MS)));
    timer.unref();
  };
  wait();
  return () => clearTimeout(timer);
}

/** An HTTP request after the auth guard has run. */
export type AuthedRequest = Request & { auth?: AuthContext };
