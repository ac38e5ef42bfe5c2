import type { WebSocket } from 'ws';
import * as awarenessProtocol from 'y-protocols/awareness';
import * as Y from 'yjs';
import type { AuthContext } from '../auth/auth-context';
import type { AccessLevel } from './collab-access.service';
import type { DocumentHost } from './document-host';
import { awarenessMessage, updateMessage } from './protocol';

/** One client connection to a document. */
export interface Connection {
  readonly socket: WebSocket;
  /** The document's name. */
  readonly document: string;
  readonly auth: AuthContext;
  level: AccessLevel;
  /** Awareness client ids this connection has spoken for; removed when it drops. */
  readonly awarenessClients: Set<number>;
}

/** Where a change to the shared state came from. */
export type ChangeOrigin = Connection | 'remote' | 'database' | 'server';

/** Relays a document's changes to other server instances. */
export interface Relay {
  publishUpdate(document: string, update: Uint8Array): void;
  publishAwareness(document: string, update: Uint8Array): void;
}

/**
 * A document loaded in memory with its connections. Its Yjs state lives in its host (the main thread or a worker
 * of its own); every change made to it is sent to each connection except the one it came from, and changes from
 * this instance's clients and from the server itself are also handed to the relay.
 */
export class SharedDocument {
  /** Presence only: the server's awareness needs a Y.Doc for its client id, never the document's content. */
  readonly awareness = new awarenessProtocol.Awareness(new Y.Doc());
  readonly connections = new Set<Connection>();
  /** Updates stored since the document was loaded or last compacted. */
  updatesSinceCompaction = 0;
  /** The snapshot this copy was loaded from or last compacted into (its last update), whose content it holds. */
  snapshotSeq = 0;
  idleTimer: NodeJS.Timeout | null = null;
  compacting: Promise<void> | null = null;

  constructor(
    readonly name: string,
    private readonly relay: Relay,
    readonly host: DocumentHost,
  ) {
    // The server has no presence of its own.
    this.awareness.setLocalState(null);
    this.awareness.on('update', ({ added, updated, removed }: AwarenessChange, origin: unknown) => {
      const changed = [...added, ...updated, ...removed];
      const message = awarenessMessage(this.awareness, changed);
      for (const connection of this.connections) send(connection.socket, message);
      if (isConnection(origin) || origin === 'disconnect') {
        this.relay.publishAwareness(this.name, awarenessProtocol.encodeAwarenessUpdate(this.awareness, changed));
      }
    });
  }

  /** Applies updates (from `origin`) and passes on what they changed; resolves once it is sent. */
  async apply(updates: readonly Uint8Array[], origin: ChangeOrigin): Promise<void> {
    const changed = await this.host.apply(updates);
    if (!changed) return;
    const message = updateMessage(changed);
    for (const connection of this.connections) if (connection !== origin) send(connection.socket, message);
    if (isConnection(origin) || origin === 'server') this.relay.publishUpdate(this.name, changed);
  }

  /** Removes a connection and the presence it announced. */
  detach(connection: Connection): void {
    this.connections.delete(connection);
    const clients = [...connection.awarenessClients].filter((id) => this.awareness.getStates().has(id));
    if (clients.length) awarenessProtocol.removeAwarenessStates(this.awareness, clients, 'disconnect');
  }

  destroy(): void {
    if (this.idleTimer) clearTimeout(this.idleTimer);
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

/** Sends unless the socket is closing; a failed send closes that socket only. */
export function send(socket: WebSocket, message: Uint8Array): void {
  if (socket.readyState !== socket.OPEN) return;
  socket.send(message, (error) => {
    if (error) socket.terminate();
  });
}
