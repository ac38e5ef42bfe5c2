import type { CommentsCompilationInput } from './comments';
import type { CompilationInput } from './compilation';
import type { ImportResult } from './import';
import type { ImportDocxOptions } from './import/import-docx';
import type { RevisionExportInput } from './revision';
import type { TrackedDocxInput } from './tracked/tracked-docx';

export type { ImportDocxOptions } from './import/import-docx';
export type { TrackedComment, TrackedDocxInput } from './tracked/tracked-docx';

/*
 * The entry points that need docx, exceljs or mammoth, each importing its module when first called. Importing
 * `@concord/export` therefore costs only the text and HTML code; a process that never writes or reads a Word or
 * Excel file (the collaboration path, most API processes most of the time) never holds those libraries, which
 * take about 50 MB of memory and a noticeable part of the start-up.
 */

/** A published revision as a DOCX laid out as a UN document. */
export async function revisionToDocx(input: RevisionExportInput): Promise<Uint8Array> {
  return (await import('./revision/revision-docx')).revisionToDocx(input);
}

/** The compilation of proposals as DOCX. */
export async function compilationToDocx(input: CompilationInput): Promise<Uint8Array> {
  return (await import('./compilation/compilation-docx')).compilationToDocx(input);
}

/** A comparison as a Word document with tracked changes. */
export async function comparisonToDocx(input: TrackedDocxInput): Promise<Uint8Array> {
  return (await import('./tracked/tracked-docx')).comparisonToDocx(input);
}

/** The compilation of comments received as DOCX. */
export async function commentsCompilationToDocx(input: CommentsCompilationInput): Promise<Uint8Array> {
  return (await import('./comments/comments-docx')).commentsCompilationToDocx(input);
}

/** A treaty text read from a Word document. */
export async function importDocx(buffer: Uint8Array, options: ImportDocxOptions): Promise<ImportResult> {
  return (await import('./import/import-docx')).importDocx(buffer, options);
}
