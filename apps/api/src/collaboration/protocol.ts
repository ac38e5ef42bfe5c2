import * as decoding from 'lib0/decoding';
import * as encoding from 'lib0/encoding';
import * as awarenessProtocol from 'y-protocols/awareness';
import * as syncProtocol from 'y-protocols/sync';
import * as Y from 'yjs';
import { COLLAB_CLOSE_CODES } from '@concord/domain';

/** The y-websocket message types. */
export const MESSAGE_SYNC = 0;
export const MESSAGE_AWARENESS = 1;
export const MESSAGE_AUTH = 2;
export const MESSAGE_QUERY_AWARENESS = 3;

/** The collaboration server's close codes; defined in libs/domain so that clients share them. */
export const CloseCode = COLLAB_CLOSE_CODES;

/** A decoded message from a client. */
export type ClientMessage =
  | { readonly type: 'sync-step-1'; readonly stateVector: Uint8Array }
  | { readonly type: 'update'; readonly update: Uint8Array; readonly step: 'sync-step-2' | 'update' }
  | { readonly type: 'awareness'; readonly update: Uint8Array; readonly entries: readonly AwarenessEntry[] }
  | { readonly type: 'query-awareness' }
  | { readonly type: 'auth' };

/** Thrown for anything that is not a well-formed y-websocket message. */
export class ProtocolError extends Error {}

/** Decodes one client message, validating Yjs updates so that no undecodable update ever reaches the log. */
export function decodeClientMessage(data: Uint8Array): ClientMessage {
  try {
    const decoder = decoding.createDecoder(data);
    const type = decoding.readVarUint(decoder);
    switch (type) {
      case MESSAGE_SYNC: {
        const step = decoding.readVarUint(decoder);
        const payload = decoding.readVarUint8Array(decoder);
        if (step === syncProtocol.messageYjsSyncStep1) {
          // Decoding throws on a malformed state vector, which encoding a diff against it would otherwise hit.
          Y.decodeStateVector(payload);
          return { type: 'sync-step-1', stateVector: payload };
        }
        if (step === syncProtocol.messageYjsSyncStep2 || step === syncProtocol.messageYjsUpdate) {
          // Decoding throws on a malformed update; applying one that decodes cannot corrupt the document.
          Y.decodeUpdate(payload);
          return { type: 'update', update: payload, step: step === syncProtocol.messageYjsSyncStep2 ? 'sync-step-2' : 'update' };
        }
        throw new ProtocolError(`unknown sync step ${step}`);
      }
      case MESSAGE_AWARENESS: {
        const update = decoding.readVarUint8Array(decoder);
        return { type: 'awareness', update, entries: decodeAwarenessEntries(update) };
      }
      case MESSAGE_QUERY_AWARENESS:
        return { type: 'query-awareness' };
      case MESSAGE_AUTH:
        return { type: 'auth' };
      default:
        throw new ProtocolError(`unknown message type ${type}`);
    }
  } catch (error) {
    if (error instanceof ProtocolError) throw error;
    throw new ProtocolError(error instanceof Error ? error.message : String(error));
  }
}

/** Sync step 1: the server's state vector, asking the client for what the server lacks. */
export function syncStep1Message(stateVector: Uint8Array): Uint8Array {
  const encoder = encoding.createEncoder();
  encoding.writeVarUint(encoder, MESSAGE_SYNC);
  encoding.writeVarUint(encoder, syncProtocol.messageYjsSyncStep1);
  encoding.writeVarUint8Array(encoder, stateVector);
  return encoding.toUint8Array(encoder);
}

/** Sync step 2: what the server holds beyond the state vector a client sent in its step 1. */
export function syncStep2Message(update: Uint8Array): Uint8Array {
  const encoder = encoding.createEncoder();
  encoding.writeVarUint(encoder, MESSAGE_SYNC);
  encoding.writeVarUint(encoder, syncProtocol.messageYjsSyncStep2);
  encoding.writeVarUint8Array(encoder, update);
  return encoding.toUint8Array(encoder);
}

/** An update relayed to clients. */
export function updateMessage(update: Uint8Array): Uint8Array {
  const encoder = encoding.createEncoder();
  encoding.writeVarUint(encoder, MESSAGE_SYNC);
  syncProtocol.writeUpdate(encoder, update);
  const bytes = encoding.toUint8Array(encoder);
  // A Buffer over the same bytes: ws wraps every other view in a new Buffer on each send, and an update fanned
  // out to hundreds of connections would be wrapped once per connection.
  return Buffer.from(bytes.buffer, bytes.byteOffset, bytes.byteLength);
}

/** An awareness update for the given clients (all known states by default). */
export function awarenessMessage(awareness: awarenessProtocol.Awareness, clients?: number[]): Uint8Array {
  const encoder = encoding.createEncoder();
  encoding.writeVarUint(encoder, MESSAGE_AWARENESS);
  encoding.writeVarUint8Array(encoder, awarenessProtocol.encodeAwarenessUpdate(awareness, clients ?? [...awareness.getStates().keys()]));
  return encoding.toUint8Array(encoder);
}

/** An already encoded awareness update, framed for the wire. */
export function rawAwarenessMessage(update: Uint8Array): Uint8Array {
  const encoder = encoding.createEncoder();
  encoding.writeVarUint(encoder, MESSAGE_AWARENESS);
  encoding.writeVarUint8Array(encoder, update);
  return encoding.toUint8Array(encoder);
}

/** One client's presence in an awareness update: its id, its clock, and its state as JSON text (`null` when it left). */
export interface AwarenessEntry {
  readonly clientID: number;
  readonly clock: number;
  readonly state: string;
}

/** The entries of an awareness update, states left unparsed (most are echoes of others' states, then ignored). */
export function decodeAwarenessEntries(update: Uint8Array): AwarenessEntry[] {
  const decoder = decoding.createDecoder(update);
  const count = decoding.readVarUint(decoder);
  const entries: AwarenessEntry[] = [];
  for (let i = 0; i < count; i += 1) {
    const clientID = decoding.readVarUint(decoder);
    const clock = decoding.readVarUint(decoder);
    entries.push({ clientID, clock, state: decoding.readVarString(decoder) });
  }
  return entries;
}

/** An awareness update holding the given entries. */
export function encodeAwarenessEntries(entries: readonly AwarenessEntry[]): Uint8Array {
  const encoder = encoding.createEncoder();
  encoding.writeVarUint(encoder, entries.length);
  for (const entry of entries) {
    encoding.writeVarUint(encoder, entry.clientID);
    encoding.writeVarUint(encoder, entry.clock);
    encoding.writeVarString(encoder, entry.state);
  }
  return encoding.toUint8Array(encoder);
}
