import { parentPort } from 'node:worker_threads';
import * as Y from 'yjs';
import type { StoredDocument } from './collab.repository';
import { addsNothing, applyChecked, applyQuietly, applyUpdates, type CheckedApply, type CheckOptions, foldLoaded, foldStored } from './yjs-state';

/** What the main thread asks of a document's worker (document-host.ts); answered one at a time, in order. */
export type WorkerRequest =
  | { readonly id: number; readonly op: 'load'; readonly updates: readonly Uint8Array[] }
  | { readonly id: number; readonly op: 'apply'; readonly updates: readonly Uint8Array[] }
  | { readonly id: number; readonly op: 'apply-checked'; readonly update: Uint8Array; readonly options: CheckOptions }
  | { readonly id: number; readonly op: 'state-vector' }
  | { readonly id: number; readonly op: 'encode'; readonly stateVector: Uint8Array | null }
  | { readonly id: number; readonly op: 'adds-nothing'; readonly update: Uint8Array }
  | { readonly id: number; readonly op: 'fold'; readonly stored: StoredDocument; readonly knownSnapshotSeq: number }
  /** Folds a stored document that is not loaded here (fold-worker.ts); needs no 'load'. */
  | { readonly id: number; readonly op: 'fold-stored'; readonly stored: StoredDocument };

/** The answer to a request: its value, or the message of what went wrong. */
export interface WorkerReply {
  readonly id: number;
  readonly value: Uint8Array | boolean | CheckedApply | null;
  readonly error: string | null;
}

let doc: Y.Doc | null = null;

function loaded(): Y.Doc {
  if (!doc) throw new Error('no document is loaded in this worker');
  return doc;
}

function answer(request: WorkerRequest): WorkerReply['value'] {
  switch (request.op) {
    case 'load': {
      const fresh = new Y.Doc();
      applyQuietly(fresh, request.updates);
      doc = fresh;
      return null;
    }
    case 'apply':
      return applyUpdates(loaded(), request.updates);
    case 'apply-checked': {
      const { doc: kept, result } = applyChecked(loaded(), request.update, request.options);
      doc = kept;
      return result;
    }
    case 'state-vector':
      return Y.encodeStateVector(loaded());
    case 'encode':
      return Y.encodeStateAsUpdate(loaded(), request.stateVector ?? undefined);
    case 'adds-nothing':
      return addsNothing(loaded(), request.update);
    case 'fold':
      return foldLoaded(loaded(), request.stored, request.knownSnapshotSeq);
    case 'fold-stored':
      return foldStored(request.stored);
  }
}

parentPort?.on('message', (request: WorkerRequest) => {
  let reply: WorkerReply;
  try {
    reply = { id: request.id, value: answer(request), error: null };
  } catch (error) {
    reply = { id: request.id, value: null, error: error instanceof Error ? error.message : String(error) };
  }
  // Large answers (a whole state) are handed over, not copied.
  const transfer = reply.value instanceof Uint8Array && reply.value.byteLength > 64 * 1024 ? [reply.value.buffer as ArrayBuffer] : [];
  parentPort?.postMessage(reply, transfer);
});
