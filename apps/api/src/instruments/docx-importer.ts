import type { Language } from '@concord/domain';
import { ImportError, ImportErrorCode, type ImportResult, type WordDocument } from '@concord/export';
import { Injectable, type OnModuleDestroy } from '@nestjs/common';
import { join } from 'node:path';
import { Worker } from 'node:worker_threads';
import { AppException } from '../common/app.exception';
import { Env } from '../config/env';
import { checkDocxDirectory, DEFAULT_DOCX_LIMITS, type DocxLimits } from './docx-guard';
import type { DocxWorkerReply, DocxWorkerRequest } from './docx-worker';

/** The worker's script, built next to this file (`dist/apps/api/src/instruments/docx-worker.js`). */
const WORKER_SCRIPT = join(__dirname, 'docx-worker.js');

/** Imports running at once (the rest wait their turn), and imports allowed to wait: imports are rare, and by the secretariat. */
const MAX_RUNNING = 2;
const MAX_WAITING = 4;

/**
 * Imports DOCX uploads off the main thread. The archive's central directory is checked first, on the main
 * thread, which inflates nothing (docx-guard.ts); then each upload gets a worker thread of its own with a heap
 * ceiling (DOCX_IMPORT_HEAP_MB) and a deadline (DOCX_IMPORT_TIMEOUT_MS): the worker inflates the parts through
 * byte counters, counts their XML and runs mammoth, and if it runs out of memory or time it is ended and the
 * upload refused, while the server goes on answering everyone else. From the first import on, one worker is kept
 * started ahead, so that an upload does not wait for a worker to load its modules (a second or more on a busy
 * machine); a process that never imports (the command line's other commands) never starts one.
 */
@Injectable()
export class DocxImporter implements OnModuleDestroy {
  private readonly limits: DocxLimits;
  private readonly heapMb: number;
  private readonly timeoutMs: number;
  private running = 0;
  private readonly waiting: Array<() => void> = [];
  /** A worker started ahead of the next import; each worker serves one import, then a new spare is started. */
  private spare: Worker | null = null;
  private closed = false;

  constructor(env: Env) {
    this.limits = { ...DEFAULT_DOCX_LIMITS, maxInflatedBytes: env.MAX_UPLOAD_INFLATED_BYTES };
    this.heapMb = env.DOCX_IMPORT_HEAP_MB;
    this.timeoutMs = env.DOCX_IMPORT_TIMEOUT_MS;
  }

  onModuleDestroy(): void {
    this.closed = true;
    void this.spare?.terminate();
    this.spare = null;
  }

  /** @throws ImportError when the document is refused; AppException `too-many-attempts` when too many wait. */
  async import(bytes: Buffer, language: Language): Promise<ImportResult> {
    const reply = await this.run(bytes, language, 'import');
    if (!('result' in reply)) throw new ImportError(ImportErrorCode.NotDocx, 'Not a DOCX file: the document could not be read');
    return reply.result;
  }

  /**
   * Reads an uploaded Word file's paragraphs with their tracked changes and its custom properties (the Word
   * bridge), under the same limits, in the same kind of worker.
   *
   * @throws ImportError when the document is refused; AppException `too-many-attempts` when too many wait.
   */
  async readWord(bytes: Buffer): Promise<WordDocument> {
    const reply = await this.run(bytes, 'en', 'word');
    if (!('word' in reply)) throw new ImportError(ImportErrorCode.NotDocx, 'Not a DOCX file: the document could not be read');
    return reply.word;
  }

  private async run(bytes: Buffer, language: Language, mode: 'import' | 'word'): Promise<DocxWorkerReply> {
    await checkDocxDirectory(bytes, this.limits);
    await this.turn();
    try {
      return await this.inWorker(bytes, language, mode);
    } finally {
      this.leave();
      if (!this.closed) this.spare ??= this.start();
    }
  }

  private start(): Worker {
    const worker = new Worker(WORKER_SCRIPT, {
      resourceLimits: { maxOldGenerationSizeMb: this.heapMb, maxYoungGenerationSizeMb: Math.min(32, this.heapMb / 4), stackSizeMb: 4 },
    });
    // An idle spare never keeps the process alive; one that dies idle is simply replaced when it is needed.
    worker.unref();
    const forget = () => {
      if (this.spare === worker) this.spare = null;
    };
    worker.once('error', forget).once('exit', forget);
    return worker;
  }

  private take(): Worker {
    const worker = this.spare ?? this.start();
    this.spare = null;
    worker.removeAllListeners();
    worker.ref();
    return worker;
  }

  private turn(): Promise<void> {
    if (this.running < MAX_RUNNING) {
      this.running++;
      return Promise.resolve();
    }
    if (this.waiting.length >= MAX_WAITING) {
      return Promise.reject(new AppException('too-many-attempts', 'Too many documents are being imported right now; try again in a minute.'));
    }
    return new Promise((resolve) => this.waiting.push(resolve));
  }

  private leave(): void {
    const next = this.waiting.shift();
    // The finishing import hands its place to the next one waiting, so the count of those running stays the same.
    if (next) next();
    else this.running--;
  }

  private inWorker(bytes: Buffer, language: Language, mode: 'import' | 'word'): Promise<DocxWorkerReply> {
    // A copy of its own, so that the upload's memory can be handed to the worker outright.
    const copy = new Uint8Array(bytes);
    const request: DocxWorkerRequest = { bytes: copy, language, limits: this.limits, mode };
    const worker = this.take();
    return new Promise<DocxWorkerReply>((resolve, reject) => {
      let settled = false;
      const settle = (outcome: () => void) => {
        if (settled) return;
        settled = true;
        clearTimeout(timer);
        outcome();
        void worker.terminate();
      };
      const timer = setTimeout(
        () => settle(() => reject(new ImportError(ImportErrorCode.TooLarge, `The document is too large to import: reading it took longer than ${this.timeoutMs / 1000} seconds`))),
        this.timeoutMs,
      );
      worker.once('message', (reply: DocxWorkerReply) =>
        settle(() => ('refused' in reply ? reject(new ImportError(reply.refused.code, reply.refused.message)) : resolve(reply))),
      );
      worker.once('error', (error: Error & { code?: string }) =>
        settle(() =>
          reject(
            error.code === 'ERR_WORKER_OUT_OF_MEMORY'
              ? new ImportError(ImportErrorCode.TooLarge, `The document is too large to import: reading it needed more than the ${this.heapMb} MiB of memory an import may use`)
              : new ImportError(ImportErrorCode.NotDocx, `Not a DOCX file: the document could not be read (${error.message})`),
          ),
        ),
      );
      worker.once('exit', (code) =>
        settle(() => reject(new ImportError(ImportErrorCode.NotDocx, `Not a DOCX file: the document could not be read (the import stopped with code ${code})`))),
      );
      worker.postMessage(request, [copy.buffer]);
    });
  }
}
