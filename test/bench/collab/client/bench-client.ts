/**
 * A lightweight collaboration client speaking the wire protocol directly over `ws`.
 *
 * Hundreds of clients share one benchmark process, so this is not `WebsocketProvider`: no awareness,
 * no reconnect, no timers. It speaks the two dialects the benchmark needs:
 *
 * - `y-websocket` — the standard protocol (Concord and the reference server): one document per socket,
 *   each frame is `[messageType, ...]` with sync step 1 / step 2 / update from `y-protocols/sync`.
 * - `hocuspocus` — Hocuspocus 2+/3 framing: every frame starts with the document name, and the client
 *   must authenticate (`[name, Auth, Token, token]`) before the server syncs the document.
 *
 * A `full` client keeps a Y.Doc and applies every update (writers, verifiers, cold loads). A `light`
 * client only decodes incoming updates to find the benchmark entries in them and never integrates them:
 * it is how the many passive readers are simulated without the harness eating the CPU the servers need.
 * Both find the entries of an update by decoding it (`entriesInUpdate`), not by observing the document.
 */
import * as decoding from 'lib0/decoding';
import * as encoding from 'lib0/encoding';
import * as syncProtocol from 'y-protocols/sync';
import WebSocket from 'ws';
import * as Y from 'yjs';
import { nowEpochMs } from '../shared/time';

/** Which framing a server speaks. */
export type Dialect = 'y-websocket' | 'hocuspocus';

/** `full` integrates updates into a Y.Doc; `light` only decodes them. */
export type ClientMode = 'full' | 'light';

/** How one client reaches one document on one server. */
export interface ClientSpec {
  /** The WebSocket URL to open (for y-websocket servers it names the document and carries credentials). */
  readonly url: string;
  readonly docName: string;
  readonly dialect: Dialect;
  /** Sent in Hocuspocus' authentication message; y-websocket servers read credentials from the URL. */
  readonly token?: string;
  readonly mode: ClientMode;
}

/** One benchmark update as it travels through the document: a unique id and its send time (epoch ms). */
export interface BenchEntry {
  readonly id: string;
  readonly t: number;
}

/** The top-level Y.Array the benchmark entries are pushed to. */
export const ENTRIES_KEY = 'bench';
/** The top-level Y.Text holding the large cold-load document's content. */
export const TEXT_KEY = 'bench-text';

const MESSAGE_SYNC = 0;
const MESSAGE_AWARENESS = 1;
const MESSAGE_AUTH = 2;
const MESSAGE_QUERY_AWARENESS = 3;
/** Hocuspocus: a sync message that must not trigger another sync step 1. */
const MESSAGE_SYNC_REPLY = 4;
/** Hocuspocus: the server's acknowledgement that it applied an update. */
const MESSAGE_SYNC_STATUS = 8;
/** Hocuspocus: the server closes this document's connection. */
const MESSAGE_CLOSE = 7;

/** Hocuspocus' authentication sub-messages. */
const AUTH_TOKEN = 0;
const AUTH_PERMISSION_DENIED = 1;
const AUTH_AUTHENTICATED = 2;
/** y-protocols/auth: the only authentication message of the standard protocol. */
const Y_WEBSOCKET_PERMISSION_DENIED = 0;

/** Close codes that mean "not now, try again later": a reconnecting client (y-websocket's provider) retries. */
const TRY_AGAIN_CODES: ReadonlySet<number> = new Set([1013, 4429]);

/** The connection failed before the first full sync: refused upgrade, close frame, denied or timed out. */
export class ConnectError extends Error {
  override readonly name = 'ConnectError';

  constructor(
    message: string,
    /** The close code when the server closed the socket, else null. */
    readonly closeCode: number | null = null,
  ) {
    super(message);
  }

  /** The server asked the client to come back later (e.g. too many documents loading). */
  get tryAgain(): boolean {
    return this.closeCode !== null && TRY_AGAIN_CODES.has(this.closeCode);
  }
}

/** True when `value` is an entry written by the benchmark. */
export function isBenchEntry(value: unknown): value is BenchEntry {
  if (typeof value !== 'object' || value === null) return false;
  const candidate = value as Record<string, unknown>;
  return typeof candidate.id === 'string' && typeof candidate.t === 'number';
}

/** An entry found in an update, with the Yjs client id of the document that wrote it. */
export interface AuthoredEntry {
  readonly author: number;
  readonly entry: BenchEntry;
}

/**
 * Recently decoded small updates. A server sends the same update bytes to every client of a document, and
 * a worker hosts many of them: decoding each distinct update once keeps the harness's cost per receipt low.
 */
const decodedUpdates = new Map<string, readonly AuthoredEntry[]>();
const DECODED_UPDATES_KEPT = 4096;
const CACHED_UPDATE_MAX_BYTES = 1024;

/** The benchmark entries an encoded (V1) update inserts, without integrating it anywhere. */
export function entriesInUpdate(update: Uint8Array): readonly AuthoredEntry[] {
  const cacheable = update.byteLength <= CACHED_UPDATE_MAX_BYTES;
  const key = cacheable ? Buffer.from(update.buffer, update.byteOffset, update.byteLength).toString('latin1') : '';
  const known = cacheable ? decodedUpdates.get(key) : undefined;
  if (known) return known;
  const found: AuthoredEntry[] = [];
  for (const struct of Y.decodeUpdate(update).structs) {
    if (!(struct instanceof Y.Item) || !(struct.content instanceof Y.ContentAny)) continue;
    for (const value of struct.content.arr) if (isBenchEntry(value)) found.push({ author: struct.id.client, entry: value });
  }
  if (cacheable) {
    if (decodedUpdates.size >= DECODED_UPDATES_KEPT) decodedUpdates.clear();
    decodedUpdates.set(key, found);
  }
  return found;
}

/** All entries currently in a document. */
export function entriesInDoc(doc: Y.Doc): BenchEntry[] {
  return doc.getArray<unknown>(ENTRIES_KEY).toArray().filter(isBenchEntry);
}

/** Normalises what `ws` hands to a message listener into one byte array. */
function toBytes(data: WebSocket.RawData): Uint8Array {
  if (Array.isArray(data)) return Buffer.concat(data);
  if (data instanceof ArrayBuffer) return new Uint8Array(data);
  return data;
}

/** One client connection to one document. */
export class BenchClient {
  readonly doc = new Y.Doc();
  /** Called for every batch of entries that arrived from the server (never for this client's own). */
  onRemoteEntries: ((entries: readonly BenchEntry[], receivedAt: number) => void) | null = null;
  /** When `connect` opened the socket, and when the first full sync (sync step 2) arrived, in epoch ms. */
  connectStartedAt = 0;
  firstSyncAt = 0;
  /** The socket closed although this client did not close it (e.g. the server died). */
  closedUnexpectedly = false;

  private socket: WebSocket | null = null;
  private synced = false;
  private closing = false;
  private syncWaiters: (() => void)[] = [];
  private textWaiters: { readonly length: number; readonly resolve: (receivedAt: number) => void; readonly timer: NodeJS.Timeout }[] = [];

  constructor(readonly spec: ClientSpec) {
    this.doc.on('update', (update: Uint8Array, origin: unknown) => {
      if (origin !== this) this.sendSync((encoder) => syncProtocol.writeUpdate(encoder, update));
    });
  }

  /** The socket is open and the first full sync has arrived. */
  get isLive(): boolean {
    return this.synced && this.socket?.readyState === WebSocket.OPEN;
  }

  /** Opens the socket and resolves once the server's sync step 2 (the whole document) has arrived. */
  connect(timeoutMs: number): Promise<void> {
    return new Promise<void>((resolve, reject) => {
      let lastError = '';
      const fail = (reason: string, closeCode: number | null = null): void => {
        clearTimeout(timer);
        reject(new ConnectError(reason, closeCode));
        this.closing = true;
        socket.terminate();
      };
      const timer = setTimeout(() => fail(`no full sync within ${timeoutMs} ms`), timeoutMs);
      this.connectStartedAt = nowEpochMs();
      const socket = new WebSocket(this.spec.url);
      this.socket = socket;
      this.syncWaiters.push(() => {
        clearTimeout(timer);
        resolve();
      });
      socket.on('open', () => {
        if (this.spec.dialect === 'hocuspocus') this.sendAuthentication();
        else this.sendSyncStep1();
      });
      socket.on('message', (data) => {
        try {
          this.handleMessage(toBytes(data), fail);
        } catch (error) {
          fail(`could not read a message: ${(error as Error).message}`);
        }
      });
      socket.on('error', (error) => {
        lastError = error.message;
      });
      socket.on('close', (code, reason) => {
        if (!this.synced) {
          const why = reason.length > 0 ? ` (${reason.toString()})` : '';
          fail(`closed with code ${code}${why}${lastError ? `: ${lastError}` : ''}`, code);
        } else if (!this.closing) {
          this.closedUnexpectedly = true;
        }
      });
    });
  }

  /** Pushes one entry to the shared array; false (and nothing sent) when the connection is not live. */
  push(entry: BenchEntry): boolean {
    if (!this.isLive) return false;
    this.doc.getArray<BenchEntry>(ENTRIES_KEY).push([entry]);
    return true;
  }

  /**
   * Sends sync step 1 and resolves when the server's sync step 2 answers it: a round trip through the
   * server's document handling, used to see whether a server is responsive while it is busy elsewhere.
   */
  roundTrip(): Promise<void> {
    return new Promise<void>((resolve) => {
      this.syncWaiters.push(resolve);
      this.sendSyncStep1();
    });
  }

  /**
   * Resolves with the receipt time (epoch ms) of the message after which the document's text had at least
   * `length` characters — the moment the client held the whole document, whether it came in sync step 2 or
   * (as from servers that answer before they finished loading) in later updates. Full clients only; call
   * it before `connect`.
   */
  whenTextLength(length: number, timeoutMs: number): Promise<number> {
    return new Promise<number>((resolve, reject) => {
      const timer = setTimeout(() => reject(new Error(`the text did not reach ${length} characters within ${timeoutMs} ms`)), timeoutMs);
      this.textWaiters.push({
        length,
        timer,
        resolve: (receivedAt) => {
          clearTimeout(timer);
          resolve(receivedAt);
        },
      });
    });
  }

  private settleTextWaiters(receivedAt: number): void {
    if (this.textWaiters.length === 0) return;
    const length = this.doc.getText(TEXT_KEY).length;
    const ready = this.textWaiters.filter((waiter) => waiter.length <= length);
    this.textWaiters = this.textWaiters.filter((waiter) => waiter.length > length);
    for (const waiter of ready) waiter.resolve(receivedAt);
  }

  /** Closes the socket (a normal close; the server sees the client leave). Pending text waits never settle. */
  close(): void {
    for (const waiter of this.textWaiters) clearTimeout(waiter.timer);
    this.textWaiters = [];
    this.closing = true;
    this.socket?.close(1000);
  }

  private handleMessage(bytes: Uint8Array, fail: (reason: string) => void): void {
    const receivedAt = nowEpochMs();
    const decoder = decoding.createDecoder(bytes);
    if (this.spec.dialect === 'hocuspocus') decoding.readVarString(decoder);
    const messageType = decoding.readVarUint(decoder);
    switch (messageType) {
      case MESSAGE_SYNC:
      case MESSAGE_SYNC_REPLY:
        this.handleSync(decoder, receivedAt);
        break;
      case MESSAGE_AUTH:
        this.handleAuth(decoder, fail);
        break;
      case MESSAGE_CLOSE:
        fail('the server closed the document');
        break;
      case MESSAGE_AWARENESS:
      case MESSAGE_QUERY_AWARENESS:
      case MESSAGE_SYNC_STATUS:
      default:
        // Awareness and acknowledgements carry nothing the benchmark measures.
        break;
    }
  }

  /**
   * y-websocket (`y-protocols/auth`): `[Auth, 0, reason]` is "permission denied". Hocuspocus: the server
   * asks for the token, denies, or confirms authentication (then the client starts syncing).
   */
  private handleAuth(decoder: decoding.Decoder, fail: (reason: string) => void): void {
    const authType = decoding.readVarUint(decoder);
    if (this.spec.dialect === 'y-websocket') {
      if (authType === Y_WEBSOCKET_PERMISSION_DENIED) fail(`permission denied: ${decoding.readVarString(decoder)}`);
      return;
    }
    if (authType === AUTH_AUTHENTICATED) this.sendSyncStep1();
    else if (authType === AUTH_PERMISSION_DENIED) fail(`permission denied: ${decoding.readVarString(decoder)}`);
    else if (authType === AUTH_TOKEN) this.sendAuthentication();
  }

  /**
   * Sync step 1 is answered with step 2 (for a light client: of its empty document). Step 2 and updates
   * are integrated by a full client, and searched for benchmark entries by both kinds.
   */
  private handleSync(decoder: decoding.Decoder, receivedAt: number): void {
    const syncType = decoding.readVarUint(decoder);
    if (syncType === syncProtocol.messageYjsSyncStep1) {
      const stateVector = decoding.readVarUint8Array(decoder);
      this.sendSync((encoder) => syncProtocol.writeSyncStep2(encoder, this.doc, stateVector));
      return;
    }
    const update = decoding.readVarUint8Array(decoder);
    if (this.spec.mode === 'full') {
      Y.applyUpdate(this.doc, update, this);
      this.settleTextWaiters(receivedAt);
    }
    if (this.onRemoteEntries) {
      // Servers echo an update to its sender too; a client's own entries are not receipts.
      const own = this.doc.clientID;
      const entries = entriesInUpdate(update).flatMap((found) => (found.author === own ? [] : [found.entry]));
      if (entries.length > 0) this.onRemoteEntries(entries, receivedAt);
    }
    if (syncType === syncProtocol.messageYjsSyncStep2) {
      if (!this.synced) {
        this.synced = true;
        this.firstSyncAt = receivedAt;
      }
      const waiters = this.syncWaiters;
      this.syncWaiters = [];
      for (const waiter of waiters) waiter();
    }
  }

  /** Hocuspocus: authenticate for this document (the token is empty when the server needs none). */
  private sendAuthentication(): void {
    const encoder = this.startFrame(MESSAGE_AUTH);
    encoding.writeVarUint(encoder, AUTH_TOKEN);
    encoding.writeVarString(encoder, this.spec.token ?? '');
    this.send(encoding.toUint8Array(encoder));
  }

  private sendSyncStep1(): void {
    this.sendSync((encoder) => syncProtocol.writeSyncStep1(encoder, this.doc));
  }

  private sendSync(write: (encoder: encoding.Encoder) => void): void {
    const encoder = this.startFrame(MESSAGE_SYNC);
    write(encoder);
    this.send(encoding.toUint8Array(encoder));
  }

  /** A new frame with the dialect's header: the document name for Hocuspocus, then the message type. */
  private startFrame(messageType: number): encoding.Encoder {
    const encoder = encoding.createEncoder();
    if (this.spec.dialect === 'hocuspocus') encoding.writeVarString(encoder, this.spec.docName);
    encoding.writeVarUint(encoder, messageType);
    return encoder;
  }

  private send(frame: Uint8Array): void {
    if (this.socket?.readyState === WebSocket.OPEN) this.socket.send(frame);
  }
}
