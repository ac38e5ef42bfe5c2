import type { Language } from '@concord/domain';
import mammoth from 'mammoth';
import { htmlBlocks } from './blocks';
import { ImportError, ImportErrorCode } from './import-error';
import { checkLanguage } from './import-text';
import { buildDocument, type ImportResult } from './structure';

/** Options of {@link importDocx}. */
export interface ImportDocxOptions {
  /** The language the document is written in. */
  readonly language: Language;
}

const ZIP_SIGNATURE = [0x50, 0x4b, 0x03, 0x04];

/** mammoth's input: Node reads `buffer`, its browser build `arrayBuffer`; both accept the bytes as given. */
function mammothInput(bytes: Uint8Array): Parameters<typeof mammoth.convertToHtml>[0] {
  const arrayBuffer = bytes.buffer.slice(bytes.byteOffset, bytes.byteOffset + bytes.byteLength) as ArrayBuffer;
  return { buffer: bytes, arrayBuffer } as unknown as Parameters<typeof mammoth.convertToHtml>[0];
}

/**
 * How mammoth is run: images are never read (the treaty text has none, and an image can be the largest part of
 * a document), and no file outside the document is ever opened.
 */
const MAMMOTH_OPTIONS = {
  convertImage: mammoth.images.imgElement(() => Promise.resolve({ src: '' })),
  externalFileAccess: false,
} as const;

/**
 * Imports a treaty text from a Word document (DOCX). The document is read with mammoth (paragraphs, heading
 * styles, lists; footnotes are left out), then recognised as {@link importText} does, one block per paragraph.
 * mammoth's own warnings (unrecognised styles, …) are not repeated; footnotes skipped are reported.
 *
 * @throws ImportError when the data is not a DOCX file, holds no text, or has no article.
 */
export async function importDocx(buffer: Uint8Array, options: ImportDocxOptions): Promise<ImportResult> {
  checkLanguage(options.language);
  if (buffer.byteLength === 0) throw new ImportError(ImportErrorCode.EmptySource, 'The file is empty: there is no document to import');
  if (!ZIP_SIGNATURE.every((byte, i) => buffer[i] === byte)) {
    throw new ImportError(ImportErrorCode.NotDocx, 'Not a DOCX file: a Word document is a ZIP archive, and this data is not one');
  }
  let html: string;
  try {
    html = (await mammoth.convertToHtml(mammothInput(buffer), MAMMOTH_OPTIONS)).value;
  } catch (error) {
    const reason = error instanceof Error ? error.message : String(error);
    throw new ImportError(ImportErrorCode.NotDocx, `Not a DOCX file: the archive could not be read as a Word document (${reason})`);
  }
  const { blocks, notes } = htmlBlocks(html);
  if (blocks.length === 0) throw new ImportError(ImportErrorCode.EmptySource, 'The document is empty: it has no paragraph of text');
  const result = buildDocument(blocks, options.language);
  if (notes === 0) return result;
  return { ...result, warnings: [...result.warnings, `${notes} footnote${notes === 1 ? '' : 's'} not imported: footnotes are not part of the treaty text`] };
}
