import { ImportError, ImportErrorCode, importDocx, type ImportResult, readWordDocument, type WordDocument } from '@concord/export';
import type { Language } from '@concord/domain';
import { parentPort } from 'node:worker_threads';
import { CUSTOM_PROPERTIES, type DocxLimits, MAIN_DOCUMENT, readDocxSafely, storedZip } from './docx-guard';

/** What the main thread sends the worker (docx-importer.ts): one upload to import. */
export interface DocxWorkerRequest {
  readonly bytes: Uint8Array;
  readonly language: Language;
  readonly limits: DocxLimits;
  /** `import` builds a treaty text with mammoth; `word` reads the paragraphs with their tracked changes (the Word bridge). */
  readonly mode?: 'import' | 'word';
}

/** The worker's one answer: the imported document, or why it was refused. */
export type DocxWorkerReply =
  | { readonly result: ImportResult }
  | { readonly word: WordDocument }
  | { readonly refused: { readonly code: ImportErrorCode; readonly message: string } };

async function answer(request: DocxWorkerRequest): Promise<DocxWorkerReply> {
  try {
    const bytes = Buffer.from(request.bytes.buffer, request.bytes.byteOffset, request.bytes.byteLength);
    const parts = await readDocxSafely(bytes, request.limits);
    if (request.mode === 'word') {
      const document = parts.get(MAIN_DOCUMENT)?.toString('utf8') ?? '';
      return { word: readWordDocument({ document, customProperties: parts.get(CUSTOM_PROPERTIES)?.toString('utf8') }) };
    }
    return { result: await importDocx(storedZip(parts), { language: request.language }) };
  } catch (error) {
    if (error instanceof ImportError) return { refused: { code: error.code, message: error.message } };
    // mammoth's own failures deep in a part (a stack overflow on odd nesting, say) are a document it cannot read.
    const reason = error instanceof Error ? error.message : String(error);
    return { refused: { code: ImportErrorCode.NotDocx, message: `Not a DOCX file: the document could not be read (${reason})` } };
  }
}

// One upload per worker: the worker is started for it and ends when it has answered.
parentPort?.once('message', (request: DocxWorkerRequest) => {
  void answer(request).then((reply) => parentPort?.postMessage(reply));
});
