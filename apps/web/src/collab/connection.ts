import { COLLAB_CLOSE_CODES } from '@concord/domain';
import type { StringKey } from '../i18n/strings';

/**
 * Whether reconnecting after the server closed with `code` is pointless: the server decided something a retry
 * cannot change (no session, no right, no document, a malformed message), or the page would only resend the
 * change that was too large. Every other code (a restart, a busy or failing server, a dropped network) is
 * transient, and the provider keeps trying with backoff.
 */
export function isPermanentClose(code: number): boolean {
  return (
    code === COLLAB_CLOSE_CODES.tooLarge || (code >= 4400 && code < 4500 && code !== COLLAB_CLOSE_CODES.tooManyLoads)
  );
}

const CLOSE_MESSAGES: ReadonlyMap<number, StringKey> = new Map<number, StringKey>([
  [COLLAB_CLOSE_CODES.goingAway, 'collab.close.going-away'],
  [COLLAB_CLOSE_CODES.rightsChanged, 'collab.close.rights-changed'],
  [COLLAB_CLOSE_CODES.tooLarge, 'collab.close.too-large'],
  [COLLAB_CLOSE_CODES.malformed, 'collab.close.malformed'],
  [COLLAB_CLOSE_CODES.unauthenticated, 'collab.close.unauthenticated'],
  [COLLAB_CLOSE_CODES.forbidden, 'collab.close.forbidden'],
  [COLLAB_CLOSE_CODES.unknownDocument, 'collab.close.unknown-document'],
  [COLLAB_CLOSE_CODES.tooManyLoads, 'collab.close.too-many-loads'],
  [COLLAB_CLOSE_CODES.rejected, 'collab.close.rejected'],
  [COLLAB_CLOSE_CODES.agreed, 'collab.close.agreed'],
  [COLLAB_CLOSE_CODES.loadFailed, 'collab.close.load-failed'],
]);

/** The message that explains why the connection closed; `null` is a close this page noticed itself. */
export function closeMessageKey(code: number | null): StringKey {
  return (code === null ? undefined : CLOSE_MESSAGES.get(code)) ?? 'collab.close.lost';
}

/** The state of the live connection of one document, as the status indicator shows it. */
export type ConnectionState =
  /** Before the first full sync. */
  | { readonly kind: 'connecting' }
  /** Synced: changes flow both ways. */
  | { readonly kind: 'connected' }
  /** Lost after a transient close (`code`, or `null` when the page closed a silent socket); retrying. */
  | { readonly kind: 'reconnecting'; readonly code: number | null }
  /** The browser says there is no network; retrying when it returns. */
  | { readonly kind: 'offline' }
  /** Closed for good with a permanent `code`; no more retries. */
  | { readonly kind: 'closed'; readonly code: number };

/** What the provider and the browser report. */
export type ConnectionEvent =
  | { readonly type: 'synced' }
  | { readonly type: 'connection-close'; readonly code: number | null }
  | { readonly type: 'browser-offline' }
  | { readonly type: 'browser-online' }
  | { readonly type: 'retry' };

/** The next connection state after an event. A permanent close stays until the reader asks to retry. */
export function nextConnectionState(state: ConnectionState, event: ConnectionEvent): ConnectionState {
  if (state.kind === 'closed' && event.type !== 'retry') return state;
  switch (event.type) {
    case 'synced':
      return { kind: 'connected' };
    case 'connection-close':
      if (event.code !== null && isPermanentClose(event.code)) return { kind: 'closed', code: event.code };
      // Sockets keep failing while the network is down; the reader is told about the network, not each failure.
      if (state.kind === 'offline') return state;
      return { kind: 'reconnecting', code: event.code };
    case 'browser-offline':
      return { kind: 'offline' };
    case 'browser-online':
      return state.kind === 'offline' ? { kind: 'reconnecting', code: null } : state;
    case 'retry':
      return { kind: 'connecting' };
  }
}

/** The collaboration endpoint on the page's own origin (`ws:` or `wss:`), so the session cookie goes with the upgrade. */
export function collabServerUrl(location: Pick<Location, 'protocol' | 'host'>): string {
  return `${location.protocol === 'https:' ? 'wss:' : 'ws:'}//${location.host}/collab`;
}
