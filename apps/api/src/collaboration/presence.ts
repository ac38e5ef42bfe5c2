import { type PresenceUser, userColor } from '@concord/domain';
import type { AuthContext } from '../auth/auth-context';
import type { AccessLevel } from '../documents/document-access';
import { type AwarenessEntry, encodeAwarenessEntries } from './protocol';

/** Limits on what one connection may announce. */
export interface PresenceLimits {
  /** Awareness client ids one connection may introduce (a stock client uses one; a Yjs client id clash, two). */
  readonly maxClients: number;
  /** Largest awareness message, in bytes. */
  readonly maxMessageBytes: number;
  /** Presence changes per second one connection may make, on average (twice that in a burst). */
  readonly ratePerSecond: number;
}

/** Largest presence state of one client (JSON text); a cursor and a name take a few hundred bytes. */
export const MAX_STATE_CHARS = 16 * 1024;

/** Why a connection's presence message was refused; the connection is closed with `code`. */
export class PresenceRefused extends Error {
  constructor(
    readonly code: number,
    message: string,
  ) {
    super(message);
  }
}

/** A token bucket: `take` answers whether one more event (or a fraction of one) fits in the rate, refilling with time. */
export class RateBudget {
  private tokens: number;
  private last = Date.now();

  constructor(
    private readonly perSecond: number,
    private readonly burst: number,
  ) {
    this.tokens = burst;
  }

  /** Spends `cost` (one request, or a fraction of one for a cheap request) if that much is left. */
  take(cost = 1): boolean {
    const now = Date.now();
    this.tokens = Math.min(this.burst, this.tokens + ((now - this.last) / 1000) * this.perSecond);
    this.last = now;
    if (this.tokens < cost) return false;
    this.tokens -= cost;
    return true;
  }

  /** Milliseconds until `take` succeeds again. */
  wait(): number {
    return Math.max(1, Math.ceil(((1 - this.tokens) / this.perSecond) * 1000));
  }
}

/** Which awareness client ids a document's connections hold. */
export interface PresenceClaims {
  /** Whether an entry's client id is free to introduce. */
  claimable(entry: AwarenessEntry): boolean;
  /** The colour `userId` shows here: one that no other user present on the document shows, where possible. */
  colorFor(userId: string): string;
  /** Records that the receiving connection now holds the client id. */
  claim(clientID: number): void;
}

/** Where a connection's accepted presence goes. */
export interface PresenceSink {
  /** Applies an awareness update to the document's presence (which relays it to everyone). */
  apply(update: Uint8Array): void;
  /** Sends an awareness update to this connection only. */
  tell(update: Uint8Array): void;
}

interface HeldEntry {
  readonly entry: AwarenessEntry;
  /** The client claimed another colour than the one it is shown in. */
  readonly recoloured: boolean;
}

/** Who the connection is, as the server's session says: what its presence shows, whatever its client claims. */
export interface PresenceIdentity {
  readonly auth: AuthContext;
  readonly level: AccessLevel;
  /** The code of the user's delegation, looked up when the connection was admitted. */
  readonly delegation: string | null;
}

function isRecord(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

/** The `user` field of a presence state, from the session; only the mode is the client's, and only if it may write. */
export function presenceUser(identity: PresenceIdentity, claimed: unknown, color = userColor(identity.auth.user.id)): PresenceUser {
  const { user, subject } = identity.auth;
  const editing = identity.level === 'write' && isRecord(claimed) && claimed['mode'] === 'editing';
  return {
    id: user.id,
    name: user.displayName,
    color,
    mode: editing ? 'editing' : 'reading',
    role: subject.roles[0] ?? null,
    delegation: identity.delegation,
  };
}

/**
 * One connection's side of presence: the awareness client ids it introduced (the only ones it may set or remove),
 * and its rate budget. A change over budget is not dropped but held, the newest per client id, and applied when
 * the budget allows, so that a flood costs the server a bounded rate and a fast typist's last cursor still shows.
 */
export class ConnectionPresence {
  readonly clients = new Set<number>();
  private readonly budget: RateBudget;
  /** Changes over budget, the newest per client id, with whether the client must be told its state was rewritten. */
  private held = new Map<number, HeldEntry>();
  private timer: NodeJS.Timeout | null = null;

  constructor(
    private readonly identity: PresenceIdentity,
    private readonly limits: PresenceLimits,
  ) {
    this.budget = new RateBudget(limits.ratePerSecond, limits.ratePerSecond * 2);
  }

  /**
   * Takes an awareness message from this connection's client and hands `apply` the awareness update to apply for
   * it: only entries of client ids this connection owns or may now introduce (`claimable`), with the user fields
   * rewritten from the session. The stock client echoes every presence it receives, so entries of others are
   * normal and ignored. Throws PresenceRefused for what no stock client sends.
   *
   * A client shows its own presence from its local state, which the server's rewrite does not reach: when the
   * colour it claimed is not the one others are shown (another user present has it), `tell` gets an update for
   * this client alone carrying the rewritten state one clock later, which a stock client adopts as its own, so
   * that everyone, the user included, sees one colour per person.
   */
  receive(size: number, entries: readonly AwarenessEntry[], document: PresenceClaims, sink: PresenceSink): void {
    if (size > this.limits.maxMessageBytes) throw new PresenceRefused(1009, 'presence message too large');
    const mine: HeldEntry[] = [];
    for (const entry of entries) {
      if (!this.clients.has(entry.clientID)) {
        if (entry.state === 'null' || !document.claimable(entry)) continue;
        if (this.clients.size >= this.limits.maxClients) throw new PresenceRefused(4400, 'too many presences on one connection');
        this.clients.add(entry.clientID);
        document.claim(entry.clientID);
      }
      mine.push(this.rewrite(entry, document));
    }
    if (mine.length === 0) return;
    for (const held of mine) this.held.set(held.entry.clientID, held);
    this.flush(sink);
  }

  private flush(sink: PresenceSink): void {
    if (this.timer || this.held.size === 0) return;
    if (!this.budget.take()) {
      this.timer = setTimeout(() => {
        this.timer = null;
        this.flush(sink);
      }, this.budget.wait());
      this.timer.unref();
      return;
    }
    const held = [...this.held.values()];
    this.held = new Map();
    sink.apply(encodeAwarenessEntries(held.map(({ entry }) => entry)));
    const corrections = held.filter(({ recoloured }) => recoloured).map(({ entry }) => ({ ...entry, clock: entry.clock + 1 }));
    if (corrections.length > 0) sink.tell(encodeAwarenessEntries(corrections));
  }

  private rewrite(entry: AwarenessEntry, document: PresenceClaims): HeldEntry {
    if (entry.state === 'null') return { entry, recoloured: false };
    if (entry.state.length > MAX_STATE_CHARS) throw new PresenceRefused(1009, 'presence state too large');
    let parsed: unknown;
    try {
      parsed = JSON.parse(entry.state);
    } catch {
      throw new PresenceRefused(4400, 'presence state is not JSON');
    }
    const state = isRecord(parsed) ? parsed : {};
    const claimed = state['user'];
    const user = presenceUser(this.identity, claimed, document.colorFor(this.identity.auth.user.id));
    const recoloured = !isRecord(claimed) || claimed['color'] !== user.color;
    return { entry: { ...entry, state: JSON.stringify({ ...state, user }) }, recoloured };
  }

  /** Stops applying held changes (the connection closed). */
  stop(): void {
    if (this.timer) clearTimeout(this.timer);
    this.timer = null;
    this.held.clear();
  }
}
