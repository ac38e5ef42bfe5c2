import { Injectable, Logger, type BeforeApplicationShutdown } from '@nestjs/common';
import type { IncomingMessage } from 'node:http';
import type { RawData, WebSocket } from 'ws';
import type * as Y from 'yjs';
import { onSessionExpiry } from '../auth/auth-context';
import { requestToken } from '../auth/auth.guard';
import { AuthService } from '../auth/auth.service';
import { Env } from '../config/env';
import { CollabAdmission } from './admission';
import type { DocumentAccess } from '../documents/document-catalogue';
import { ClientMessages } from './client-messages';
import { DocumentRegistry } from './document-registry';
import { ConnectionPresence, type PresenceLimits, RateBudget } from './presence';
import { CloseCode, awarenessMessage, syncStep1Message } from './protocol';
import { RedisRelay } from './redis-relay';
import type { Connection, SharedDocument } from './shared-document';
import type { AgreedGuardOptions } from './agreed-guard';

/**
 * Sync steps 1 and awareness queries answered with a whole state that one connection may ask per second; a sync step 1
 * answered with little counts for a fraction of one (see `syncAnswerCost`).
 */
const REQUESTS_PER_SECOND = 2;
/** How many of those it may ask at once (a reconnecting client asks one or two). */
const REQUESTS_BURST = 10;
/** Messages a connection may send before its document is open (a client types while a large document loads). */
const MAX_EARLY_MESSAGES = 1_000;

/** Why a connection's document name cannot be read. */
function documentName(url: URL): string | null {
  try {
    const name = decodeURIComponent(url.pathname.replace(/^\/collab\/?/, ''));
    return name.length <= 200 ? name : null;
  } catch {
    return null;
  }
}

function toBytes(data: RawData): Uint8Array {
  if (Array.isArray(data)) return new Uint8Array(Buffer.concat(data));
  return data instanceof ArrayBuffer ? new Uint8Array(data) : new Uint8Array(data.buffer, data.byteOffset, data.byteLength);
}

/**
 * The collaboration server's connections: admits a socket (its session, its rights on the document), attaches it
 * to its document in the registry, and hands each message it sends, in order, to the protocol handler. The
 * documents themselves (loading, storing before relaying, compaction, unloading) are the `DocumentRegistry`'s;
 * the server's own use cases reach them through `change` and `snapshotOf` here.
 */
@Injectable()
export class CollabService implements BeforeApplicationShutdown {
  private readonly logger = new Logger('Collaboration');
  private shuttingDown = false;
  private readonly messages: ClientMessages;

  constructor(
    private readonly env: Env,
    private readonly admission: CollabAdmission,
    private readonly registry: DocumentRegistry,
    relay: RedisRelay,
    auth: AuthService,
  ) {
    this.messages = new ClientMessages(this.logger, (shared, update, origin) => this.registry.accept(shared, update, origin));
    relay.onSessionRevoked((sessionId) => this.closeSession(sessionId));
    auth.onSessionRevoked((sessionId) => {
      this.closeSession(sessionId);
      relay.publishSessionRevoked(sessionId);
    });
  }

  /** Documents loaded in memory, for tests and diagnostics. */
  loadedDocuments(): string[] {
    return this.registry.loaded();
  }

  /**
   * A copy of a document's current state for reading, which the caller destroys: the loaded document's when it is
   * in memory, else folded from the database (which holds everything any client has been shown); empty when
   * nothing is stored yet. Item ids are kept, so Yjs relative positions resolve against the copy.
   */
  snapshotOf(document: string): Promise<Y.Doc> {
    return this.registry.snapshotOf(document);
  }

  /**
   * Makes a change on the server's behalf, such as compiling proposals into a consolidated draft: `mutate` edits a
   * copy of the current state, the resulting update is stored, and only then applied and relayed to every client,
   * as one transaction. Concurrent client edits merge with it like two edits always do. In a consolidated draft
   * the change may not touch an agreed provision unless `lock` lets it (a status change, a renumbering); one that
   * does is refused with `provision-agreed` and changes nothing.
   */
  change(document: string, initialContent: DocumentAccess['initialContent'], mutate: (doc: Y.Doc) => void, lock?: AgreedGuardOptions): Promise<Uint8Array | null> {
    return this.registry.change(document, initialContent, mutate, lock);
  }

  /**
   * Takes over a socket that was upgraded at `/collab/<document>`. Nothing one connection sends or causes may end
   * the process: every asynchronous step of it ends in a catch that closes that socket only.
   */
  connect(socket: WebSocket, request: IncomingMessage): void {
    // Messages that arrive while the socket is being authorised and its document loaded wait here, in order.
    const early: Uint8Array[] = [];
    let earlyBytes = 0;
    let handle: ((data: Uint8Array) => void) | null = null;
    socket.on('message', (data: RawData) => {
      try {
        const bytes = toBytes(data);
        if (handle) return handle(bytes);
        earlyBytes += bytes.byteLength;
        if (early.length < MAX_EARLY_MESSAGES && earlyBytes <= 2 * this.env.COLLAB_MAX_MESSAGE_BYTES) early.push(bytes);
        else socket.close(CloseCode.throttled, 'too much sent before the document was open');
      } catch (error) {
        this.failed(socket, 'message', error);
      }
    });
    socket.on('error', () => socket.terminate());
    this.admit(socket, request)
      .then((admitted) => {
        if (!admitted) return;
        let chain = Promise.resolve();
        handle = (data) => {
          chain = chain.then(() => this.onMessage(admitted.shared, admitted.connection, data)).catch((error: unknown) => this.failed(socket, 'message', error));
        };
        for (const data of early.splice(0)) handle(data);
      })
      .catch((error: unknown) => this.failed(socket, 'admission', error));
  }

  /** The last resort of a connection: whatever went wrong, that socket is closed and the server goes on. */
  private failed(socket: WebSocket, stage: string, error: unknown): void {
    this.logger.error(`collaboration ${stage} failed: ${error instanceof Error ? (error.stack ?? error.message) : String(error)}`);
    try {
      if (socket.readyState === socket.OPEN || socket.readyState === socket.CONNECTING) socket.close(CloseCode.loadFailed, 'server error');
    } catch {
      socket.terminate();
    }
  }

  private async admit(socket: WebSocket, request: IncomingMessage): Promise<{ shared: SharedDocument; connection: Connection } | null> {
    const refuse = (code: number, reason: string): null => {
      socket.close(code, reason);
      return null;
    };
    if (this.shuttingDown) return refuse(CloseCode.goingAway, 'server shutting down');
    let url: URL;
    try {
      url = new URL(request.url ?? '/', 'http://localhost');
    } catch {
      return refuse(CloseCode.malformed, 'malformed address');
    }
    const document = documentName(url);
    if (document === null) return refuse(CloseCode.malformed, 'malformed document name');
    const token = url.searchParams.get('token') ?? requestToken(request.headers);
    const admitted = token ? await this.admission.session(token) : null;
    if (!admitted) return refuse(CloseCode.unauthenticated, token ? 'session expired or signed out' : 'sign in first');
    const { auth, delegation } = admitted;
    let access: DocumentAccess | null;
    try {
      access = await this.admission.decide(auth, document);
    } catch (error) {
      this.logger.error(`access to ${document} could not be decided: ${String(error)}`);
      return refuse(CloseCode.loadFailed, 'document could not be loaded');
    }
    if (!access) return refuse(CloseCode.unknownDocument, 'no such document');
    if (access.level === 'none') return refuse(CloseCode.forbidden, access.reason.slice(0, 120));
    const shared = await this.registry.openFor(auth.user.id, document, access.initialContent);
    if (typeof shared === 'number') {
      return refuse(shared, shared === CloseCode.tooManyLoads ? 'too many documents loading' : 'document could not be loaded');
    }
    if (socket.readyState !== socket.OPEN) {
      // Gone while its document loaded: the document unloads unless another connection comes.
      this.registry.unloadWhenIdle(shared);
      return null;
    }
    const presence = new ConnectionPresence({ auth, level: access.level, delegation }, this.presenceLimits());
    const requests = new RateBudget(REQUESTS_PER_SECOND, REQUESTS_BURST);
    const connection: Connection = { socket, document, auth, level: access.level, presence, requests };
    this.registry.attach(shared, connection);
    const cancelExpiry = onSessionExpiry(auth, () => socket.close(CloseCode.unauthenticated, 'session expired'));
    socket.on('close', () => {
      cancelExpiry();
      this.registry.detach(shared, connection);
    });
    try {
      shared.send(connection, syncStep1Message(await shared.host.stateVector()));
    } catch {
      // The document was dropped meanwhile (its worker stopped); the client reloads it.
      return refuse(CloseCode.loadFailed, 'document must be reloaded');
    }
    if (shared.awareness.getStates().size > 0) shared.send(connection, awarenessMessage(shared.awareness));
    return { shared, connection };
  }

  private presenceLimits(): PresenceLimits {
    return {
      maxClients: this.env.COLLAB_MAX_PRESENCE_CLIENTS,
      maxMessageBytes: this.env.COLLAB_MAX_AWARENESS_BYTES,
      ratePerSecond: this.env.COLLAB_PRESENCE_RATE,
    };
  }

  private async onMessage(shared: SharedDocument, connection: Connection, data: Uint8Array): Promise<void> {
    if (!shared.connections.has(connection)) return;
    try {
      await this.messages.handle(shared, connection, data);
    } catch (error) {
      // Only the document's host failing gets here (its worker stopped): what was stored stays stored.
      this.logger.warn(`message on ${shared.name} not handled: ${error instanceof Error ? error.message : String(error)}`);
      connection.socket.close(CloseCode.loadFailed, 'document must be reloaded');
    }
  }

  private closeSession(sessionId: string): void {
    this.admission.forgetSession(sessionId);
    this.closeWhere((c) => c.auth.sessionId === sessionId, CloseCode.unauthenticated, 'signed out');
  }

  /**
   * Closes the connections that match, such as those of a signed-out session or of a delegation whose rights on a
   * document changed; access decisions kept for admission are made again from now on.
   */
  closeWhere(match: (connection: Connection) => boolean, code: number, reason: string): number {
    this.admission.forgetAccess();
    let closed = 0;
    for (const connection of [...this.registry.connections()]) {
      if (!match(connection)) continue;
      connection.socket.close(code, reason);
      closed += 1;
    }
    return closed;
  }

  async beforeApplicationShutdown(): Promise<void> {
    this.shuttingDown = true;
    await this.registry.shutdown();
  }
}
