import { COLLAB_CLOSE_CODES, distinctUserColor, isConsolidatedDocument } from '@concord/domain';
import type { WebSocket } from 'ws';
import * as awarenessProtocol from 'y-protocols/awareness';
import * as Y from 'yjs';
import type { AuthContext } from '../auth/auth-context';
import type { AccessLevel } from '../documents/document-access';
import type { StoredDocument } from './collab.repository';
import type { DocumentHost } from './document-host';
import type { ConnectionPresence, PresenceClaims, RateBudget } from './presence';
import { type AwarenessEntry, awarenessMessage, updateMessage } from './protocol';

/** One client connection to a document. */
export interface Connection {
  readonly socket: WebSocket;
  /** The document's name. */
  readonly document: string;
  readonly auth: AuthContext;
  level: AccessLevel;
  /** The awareness client ids this connection introduced (removed when it drops), and its presence budget. */
  readonly presence: ConnectionPresence;
  /** Budget for requests that make the server send much (sync step 1, awareness queries). */
  readonly requests: RateBudget;
}

/** Relays a document's changes to other server instances. */
export interface Relay {
  publishUpdate(document: string, update: Uint8Array): void;
  publishAwareness(document: string, update: Uint8Array): void;
}

/**
 * Folds a document's log into its snapshot (the repository's compaction): `fold` turns what is stored into one
 * update; resolves with the last update the new snapshot holds.
 */
export type StoreFold = (document: string, fold: (stored: StoredDocument) => Promise<Uint8Array>) => Promise<number>;

/** What a document was loaded from: how many logged updates follow its snapshot, and that snapshot's last update. */
export interface LoadedFrom {
  readonly updates: number;
  readonly snapshotSeq: number;
}

/** A change applied to the document but not stored yet; settled once it is stored (or failed). */
interface Write {
  readonly stored: Promise<void>;
  settle(error?: unknown): void;
}

/**
 * A document loaded in memory with its connections. Its Yjs state lives in its host (the main thread or a worker
 * of its own). A client's update is checked and applied by the host first (so that each is checked against every
 * update accepted before it), then stored, and only then sent to the other connections and the relay: nobody is
 * shown what the database does not hold, and an answer to a sync waits for the writes its content includes.
 * It keeps its own counts (updates stored since its last compaction, the snapshot it holds) and its idle timer;
 * the registry asks, it does not edit them.
 */
export class SharedDocument {
  /**
   * Presence only: the server's awareness needs a Y.Doc for its client id, never the document's content. Its guid
   * is given (documents here are never subdocuments): Yjs would otherwise draw a random UUID, 32 calls to the
   * system's random source, for every document loaded.
   */
  readonly awareness: awarenessProtocol.Awareness;
  /** A consolidated draft (where agreed provisions are locked), read from the name once rather than per change. */
  readonly consolidated: boolean;
  readonly connections = new Set<Connection>();
  /** Which connection introduced each awareness client id: the only one that may set or remove it. */
  readonly presenceOwners = new Map<number, Connection>();
  /** Updates stored since the document was loaded or last compacted. */
  private unfolded: number;
  /** The snapshot this copy was loaded from or last compacted into (its last update), whose content it holds. */
  private snapshotSeq: number;
  private idleTimer: NodeJS.Timeout | null = null;
  private compacting: Promise<void> | null = null;
  private readonly writes = new Set<Write>();
  /** Stored changes broadcast in this turn, sent together at its end (see `broadcast`). */
  private outgoing: Array<{ readonly changed: Uint8Array; readonly origin: Connection | 'server' }> = [];

  constructor(
    readonly name: string,
    private readonly relay: Relay,
    readonly host: DocumentHost,
    private readonly maxBufferedBytes: number,
    loadedFrom: LoadedFrom,
  ) {
    this.awareness = new awarenessProtocol.Awareness(new Y.Doc({ guid: name }));
    this.consolidated = isConsolidatedDocument(name);
    this.unfolded = loadedFrom.updates;
    this.snapshotSeq = loadedFrom.snapshotSeq;
    // The server has no presence of its own.
    this.awareness.setLocalState(null);
    this.awareness.on('update', ({ added, updated, removed }: AwarenessChange, origin: unknown) => {
      const changed = [...added, ...updated, ...removed];
      const message = awarenessMessage(this.awareness, changed);
      for (const connection of this.connections) this.send(connection, message);
      if (isConnection(origin) || origin === 'disconnect') {
        this.relay.publishAwareness(this.name, awarenessProtocol.encodeAwarenessUpdate(this.awareness, changed));
      }
    });
  }

  /** Updates stored since the document was loaded or last compacted, which a compaction would fold. */
  get unfoldedUpdates(): number {
    return this.unfolded;
  }

  /** Counts one more update stored in the document's log. */
  noteStored(): void {
    this.unfolded += 1;
  }

  /** The copy now holds everything stored up to the given snapshot (it was caught up from the database). */
  caughtUpTo(snapshotSeq: number): void {
    this.snapshotSeq = snapshotSeq;
  }

  /**
   * Folds the log into the snapshot in the background through `store`, or joins the fold under way. Never rejects:
   * a failed fold is reported to `failed` and the log stays authoritative.
   */
  compact(store: StoreFold, failed: (error: unknown) => void): Promise<void> {
    if (this.compacting) return this.compacting;
    const counted = this.unfolded;
    this.compacting = store(this.name, (stored) => this.host.fold(stored, this.snapshotSeq))
      .then((snapshotSeq) => {
        this.snapshotSeq = snapshotSeq;
        this.unfolded = Math.max(0, this.unfolded - counted);
      })
      .catch(failed)
      .finally(() => {
        this.compacting = null;
      });
    return this.compacting;
  }

  /** The fold under way (a resolved promise when there is none). */
  compaction(): Promise<void> {
    return this.compacting ?? Promise.resolve();
  }

  /** Adds a connection; a document in use is no longer idle. */
  attach(connection: Connection): void {
    this.connections.add(connection);
    if (this.idleTimer) clearTimeout(this.idleTimer);
    this.idleTimer = null;
  }

  /**
   * Calls `unload` after `ms` unless a connection attaches first. Does nothing while connections are attached or a
   * timer is already running.
   */
  idleAfter(ms: number, unload: () => void): void {
    if (this.connections.size > 0 || this.idleTimer) return;
    this.idleTimer = setTimeout(() => {
      this.idleTimer = null;
      unload();
    }, ms);
  }

  /** Applies changes that are stored already (relayed by another instance, or read back from the database). */
  async apply(updates: readonly Uint8Array[]): Promise<void> {
    const changed = await this.host.apply(updates);
    if (!changed) return;
    const message = updateMessage(changed);
    for (const connection of this.connections) this.send(connection, message);
  }

  /**
   * Marks the start of a change that the host applies before it is stored. Ask for it before asking the host to
   * apply, so that any read of the state asked for afterwards waits for it to be stored.
   */
  beginWrite(): Write {
    let settle: (error?: unknown) => void = () => undefined;
    const stored = new Promise<void>((resolve, reject) => {
      settle = (error?: unknown) => (error === undefined ? resolve() : reject(error instanceof Error ? error : new Error(String(error))));
    });
    // A failed write drops the document; nobody needs to hear of it through this promise.
    stored.catch(() => undefined);
    const write: Write = {
      stored,
      settle: (error?: unknown) => {
        this.writes.delete(write);
        settle(error);
      },
    };
    this.writes.add(write);
    return write;
  }

  /** Resolves once every change begun so far is stored; rejects if one could not be. */
  async stored(): Promise<void> {
    await Promise.all([...this.writes].map((write) => write.stored));
  }

  /**
   * Sends a stored change to every connection but the one it came from, and to the other instances. A group
   * commit stores several changes at once and their writers all go on in the same turn; the changes they
   * broadcast in that turn go out together, one message per connection (and one to the relay), instead of one
   * socket write per change and connection, which is what a fan-out to hundreds of connections spends its time on.
   */
  broadcast(changed: Uint8Array, origin: Connection | 'server'): void {
    this.outgoing.push({ changed, origin });
    if (this.outgoing.length === 1) queueMicrotask(() => this.flushOutgoing());
  }

  private flushOutgoing(): void {
    const outgoing = this.outgoing;
    this.outgoing = [];
    if (outgoing.length === 0) return;
    const merge = (changes: Uint8Array[]): Uint8Array => (changes.length === 1 ? changes[0] : Y.mergeUpdates(changes));
    const all = merge(outgoing.map((change) => change.changed));
    const toOthers = updateMessage(all);
    // A connection that sent some of these changes gets the others only.
    const origins = new Set(outgoing.map((change) => change.origin));
    const toOrigin = new Map<Connection | 'server', Uint8Array | null>();
    for (const origin of origins) {
      if (origin === 'server') continue;
      const others = outgoing.filter((change) => change.origin !== origin).map((change) => change.changed);
      toOrigin.set(origin, others.length > 0 ? updateMessage(merge(others)) : null);
    }
    for (const connection of this.connections) {
      const message = toOrigin.has(connection) ? toOrigin.get(connection) : toOthers;
      if (message) this.send(connection, message);
    }
    this.relay.publishUpdate(this.name, all);
  }

  /**
   * Applies a presence update on behalf of others (another instance): the entries of client ids one of this
   * instance's connections introduced are left out, since only that connection speaks for them.
   */
  applyRemotePresence(entries: readonly AwarenessEntry[], encode: (entries: readonly AwarenessEntry[]) => Uint8Array): void {
    const foreign = entries.filter((entry) => !this.presenceOwners.has(entry.clientID));
    if (foreign.length > 0) awarenessProtocol.applyAwarenessUpdate(this.awareness, encode(foreign), 'remote');
  }

  /**
   * What a connection may claim: an awareness client id nobody holds (here or on another instance), in an entry
   * newer than any seen for it, so that an echo of someone who left does not count as introducing it.
   */
  claimsFor(connection: Connection): PresenceClaims {
    return {
      claimable: (entry) => {
        if (this.presenceOwners.has(entry.clientID) || this.awareness.getStates().has(entry.clientID)) return false;
        const seen = this.awareness.meta.get(entry.clientID);
        return seen === undefined || entry.clock > seen.clock;
      },
      claim: (clientID) => {
        this.presenceOwners.set(clientID, connection);
      },
      colorFor: (userId) => {
        // Colours shown by others present (from every instance, since awareness crosses them through Redis).
        const present = new Map<string, string>();
        for (const state of this.awareness.getStates().values()) {
          const user: unknown = state['user'];
          if (typeof user !== 'object' || user === null) continue;
          const { id, color } = user as { id?: unknown; color?: unknown };
          if (typeof id === 'string' && typeof color === 'string' && !present.has(color)) present.set(color, id);
        }
        return distinctUserColor(userId, present);
      },
    };
  }

  /** Removes a connection and the presence it announced. */
  detach(connection: Connection): void {
    this.connections.delete(connection);
    connection.presence.stop();
    for (const id of connection.presence.clients) if (this.presenceOwners.get(id) === connection) this.presenceOwners.delete(id);
    const clients = [...connection.presence.clients].filter((id) => this.awareness.getStates().has(id));
    if (clients.length) awarenessProtocol.removeAwarenessStates(this.awareness, clients, 'disconnect');
  }

  /** Sends to one connection, closing it instead when it has fallen too far behind reading. */
  send(connection: Connection, message: Uint8Array): void {
    send(connection.socket, message, this.maxBufferedBytes);
  }

  destroy(): void {
    if (this.idleTimer) clearTimeout(this.idleTimer);
    for (const write of [...this.writes]) write.settle(new Error('the document was unloaded'));
    this.outgoing = [];
    this.awareness.doc.destroy();
    this.awareness.destroy();
    this.host.destroy();
  }
}

interface AwarenessChange {
  added: number[];
  updated: number[];
  removed: number[];
}

function isConnection(origin: unknown): origin is Connection {
  return typeof origin === 'object' && origin !== null && 'socket' in origin;
}

/** How long a reader that fell behind gets to take its close frame before its socket is cut. */
const SLOW_READER_GRACE_MS = 2_000;

/**
 * Sends unless the socket is closing; a failed send closes that socket only. A socket whose unsent backlog
 * already exceeds `maxBufferedBytes` (a client that does not read) is closed instead, so that the server never
 * buffers without bound for it.
 */
export function send(socket: WebSocket, message: Uint8Array, maxBufferedBytes = Number.POSITIVE_INFINITY): void {
  if (socket.readyState !== socket.OPEN) return;
  if (socket.bufferedAmount > maxBufferedBytes) {
    socket.close(COLLAB_CLOSE_CODES.behind, 'too far behind reading: reconnect');
    setTimeout(() => socket.terminate(), SLOW_READER_GRACE_MS).unref();
    return;
  }
  socket.send(message, (error) => {
    if (error) socket.terminate();
  });
}
