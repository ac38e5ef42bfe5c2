import * as decoding from 'lib0/decoding';
import * as encoding from 'lib0/encoding';
import WebSocket from 'ws';
import type { TestServer } from './server';

/** y-websocket frames written by hand, to send exactly what a test means (well-formed or not). */
export const frames = {
  syncStep1(stateVector: Uint8Array = new Uint8Array([0])): Uint8Array {
    return frame((e) => {
      encoding.writeVarUint(e, 0);
      encoding.writeVarUint(e, 0);
      encoding.writeVarUint8Array(e, stateVector);
    });
  },
  update(update: Uint8Array, step: 1 | 2 = 2): Uint8Array {
    return frame((e) => {
      encoding.writeVarUint(e, 0);
      encoding.writeVarUint(e, step);
      encoding.writeVarUint8Array(e, update);
    });
  },
  awareness(entries: ReadonlyArray<{ clientID: number; clock: number; state: unknown }>): Uint8Array {
    const inner = encoding.createEncoder();
    encoding.writeVarUint(inner, entries.length);
    for (const entry of entries) {
      encoding.writeVarUint(inner, entry.clientID);
      encoding.writeVarUint(inner, entry.clock);
      encoding.writeVarString(inner, JSON.stringify(entry.state));
    }
    return frame((e) => {
      encoding.writeVarUint(e, 1);
      encoding.writeVarUint8Array(e, encoding.toUint8Array(inner));
    });
  },
  queryAwareness(): Uint8Array {
    return new Uint8Array([3]);
  },
};

function frame(write: (encoder: encoding.Encoder) => void): Uint8Array {
  const encoder = encoding.createEncoder();
  write(encoder);
  return encoding.toUint8Array(encoder);
}

/** A message the server sent, decoded as far as the tests need. */
export type ServerMessage =
  | { readonly kind: 'sync'; readonly step: number; readonly payload: Uint8Array }
  | { readonly kind: 'awareness'; readonly states: ReadonlyMap<number, unknown>; readonly clocks: ReadonlyMap<number, number> }
  | { readonly kind: 'other' };

export function decodeServerMessage(data: Uint8Array): ServerMessage {
  const decoder = decoding.createDecoder(data);
  const type = decoding.readVarUint(decoder);
  if (type === 0) return { kind: 'sync', step: decoding.readVarUint(decoder), payload: decoding.readVarUint8Array(decoder) };
  if (type !== 1) return { kind: 'other' };
  const inner = decoding.createDecoder(decoding.readVarUint8Array(decoder));
  const states = new Map<number, unknown>();
  const clocks = new Map<number, number>();
  const count = decoding.readVarUint(inner);
  for (let i = 0; i < count; i += 1) {
    const id = decoding.readVarUint(inner);
    clocks.set(id, decoding.readVarUint(inner));
    states.set(id, JSON.parse(decoding.readVarString(inner)));
  }
  return { kind: 'awareness', states, clocks };
}

/**
 * A raw collaboration socket that records what the server sends and how it closes, for sending hand-made frames
 * and waiting for the server's answer instead of sleeping.
 */
export class RawClient {
  readonly socket: WebSocket;
  readonly received: ServerMessage[] = [];
  readonly closed: Promise<{ code: number; reason: string }>;
  /** Resolves with true once the server has said something (its sync step 1), false if it closed first. */
  readonly opened: Promise<boolean>;
  private waiters: Array<() => void> = [];

  constructor(server: Pick<TestServer, 'port'>, document: string, token?: string) {
    const query = token ? `?token=${encodeURIComponent(token)}` : '';
    this.socket = new WebSocket(`ws://127.0.0.1:${server.port}/collab/${document}${query}`);
    this.socket.on('error', () => undefined);
    this.closed = new Promise((resolve) => this.socket.once('close', (code: number, reason: Buffer) => resolve({ code, reason: reason.toString() })));
    this.opened = new Promise((resolve) => {
      this.socket.once('message', () => resolve(true));
      void this.closed.then(() => resolve(false));
    });
    this.socket.on('message', (data: Buffer) => {
      try {
        this.received.push(decodeServerMessage(new Uint8Array(data)));
      } catch {
        this.received.push({ kind: 'other' });
      }
      for (const wake of this.waiters.splice(0)) wake();
    });
    void this.closed.then(() => {
      for (const wake of this.waiters.splice(0)) wake();
    });
  }

  get isOpen(): boolean {
    return this.socket.readyState === WebSocket.OPEN;
  }

  send(data: Uint8Array): void {
    if (this.isOpen) this.socket.send(data);
  }

  /** Resolves once a received message matches, or the socket closed (then false). */
  async until(match: (message: ServerMessage) => boolean, from = 0): Promise<boolean> {
    for (;;) {
      if (this.received.slice(from).some(match)) return true;
      if (this.socket.readyState === WebSocket.CLOSED) return false;
      await new Promise<void>((resolve) => this.waiters.push(resolve));
    }
  }

  /**
   * Resolves once the server has handled everything sent so far: it answers messages of one connection in order,
   * so its answer to a sync step 1 sent last means the rest was handled. False when it closed the socket instead.
   */
  async roundTrip(): Promise<boolean> {
    const from = this.received.length;
    this.send(frames.syncStep1());
    return this.until((m) => m.kind === 'sync' && m.step === 1, from);
  }

  close(): void {
    this.socket.terminate();
  }
}
