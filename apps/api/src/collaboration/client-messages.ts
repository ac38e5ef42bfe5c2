import type { Logger } from '@nestjs/common';
import * as awarenessProtocol from 'y-protocols/awareness';
import { PresenceRefused } from './presence';
import { CloseCode, type ClientMessage, ProtocolError, awarenessMessage, decodeClientMessage, rawAwarenessMessage, syncStep2Message } from './protocol';
import type { Connection, SharedDocument } from './shared-document';
import { type CheckedApply, isEmptyUpdate } from './yjs-state';

/** An answer of this size or more counts as a whole request against a connection's request budget. */
export const WHOLE_ANSWER_BYTES = 64 * 1024;

/**
 * What answering a sync step 1 costs against the request budget: a whole request when the answer is a large part of
 * the state, a fraction in proportion to its size when it is small (a client that is nearly up to date, such as one
 * checking that the server answers). Encoding the answer costs the server about what the answer holds, so that is
 * what is limited; a client asking often but needing little is not taken for a flood.
 */
export function syncAnswerCost(answer: Uint8Array): number {
  return Math.min(1, answer.byteLength / WHOLE_ANSWER_BYTES);
}

/** Checks, applies, stores and relays a change (DocumentRegistry.accept); rejects only if the host failed. */
export type Accept = (shared: SharedDocument, update: Uint8Array, origin: Connection) => Promise<CheckedApply>;

/**
 * What the server does with each message of an admitted connection: answers syncs (once what the answer holds
 * is stored), passes updates on to be checked and stored, takes presence on the connection's behalf, and closes
 * the connection, with the code that says why, on anything no stock client sends.
 */
export class ClientMessages {
  constructor(
    private readonly logger: Logger,
    private readonly accept: Accept,
  ) {}

  async handle(shared: SharedDocument, connection: Connection, data: Uint8Array): Promise<void> {
    let message: ClientMessage;
    try {
      message = decodeClientMessage(data);
    } catch (error) {
      const reason = error instanceof ProtocolError ? error.message : 'malformed message';
      connection.socket.close(CloseCode.malformed, `malformed message: ${reason}`.slice(0, 120));
      return;
    }
    switch (message.type) {
      case 'sync-step-1': {
        // Requests queued behind a refused one cost nothing: nobody would read their answers.
        if (connection.socket.readyState !== connection.socket.OPEN) return;
        // Asked before the state, so that the answer waits for every change it includes to be stored.
        const stored = shared.stored();
        const state = await shared.host.encode(message.stateVector);
        if (!connection.requests.take(syncAnswerCost(state))) return this.throttle(connection);
        await stored;
        shared.send(connection, syncStep2Message(state));
        return;
      }
      case 'update':
        await this.onUpdate(shared, connection, message.update);
        return;
      case 'awareness':
        try {
          connection.presence.receive(message.update.byteLength, message.entries, shared.claimsFor(connection), {
            apply: (update) => awarenessProtocol.applyAwarenessUpdate(shared.awareness, update, connection),
            tell: (update) => shared.send(connection, rawAwarenessMessage(update)),
          });
        } catch (error) {
          if (!(error instanceof PresenceRefused)) throw error;
          connection.socket.close(error.code, error.message);
        }
        return;
      case 'query-awareness':
        if (!connection.requests.take()) return this.throttle(connection);
        shared.send(connection, awarenessMessage(shared.awareness));
        return;
      case 'auth':
        return;
    }
  }

  private throttle(connection: Connection): void {
    connection.socket.close(CloseCode.throttled, 'too many sync or presence requests');
  }

  /** A client's update: refused from a read-only connection, else checked, applied, stored and relayed. */
  private async onUpdate(shared: SharedDocument, connection: Connection, update: Uint8Array): Promise<void> {
    if (isEmptyUpdate(update)) return;
    if (connection.level !== 'write') {
      if (await shared.host.addsNothing(update)) return;
      connection.socket.close(CloseCode.forbidden, 'read-only: updates are refused');
      return;
    }
    const result = await this.accept(shared, update, connection);
    if (result.kind === 'applied') return;
    // The client keeps its change: out of order, it sends it again after a fresh sync; refused, the page says so.
    this.logger.warn(`update to ${shared.name} refused: ${result.reason}`);
    if (result.agreed) {
      connection.socket.close(CloseCode.agreed, 'agreed');
      return;
    }
    const code = result.missing ? CloseCode.outOfOrder : CloseCode.rejected;
    connection.socket.close(code, result.reason.slice(0, 120));
  }
}
