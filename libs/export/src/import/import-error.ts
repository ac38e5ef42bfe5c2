/** Why a source could not be imported. */
export enum ImportErrorCode {
  /** The language or format asked for is not one the importer knows. */
  InvalidOptions = 'invalid-options',
  /** The source holds no text. */
  EmptySource = 'empty-source',
  /** The source is binary data, not text. */
  BinarySource = 'binary-source',
  /** The data is not a Word document (a DOCX ZIP archive). */
  NotDocx = 'not-docx',
  /** No article heading was recognised, so there is no instrument to build. */
  NoArticle = 'no-article',
  /** The document is larger than the importer accepts once inflated: bytes, parts, elements or paragraphs. */
  TooLarge = 'too-large',
  /** The archive is built in a way no Word document is: encrypted, nested archives, unsafe paths, duplicate parts. */
  UnsafeArchive = 'unsafe-archive',
}

/** Thrown when a source cannot be imported; `message` names the problem in words a secretariat user can act on. */
export class ImportError extends Error {
  override readonly name = 'ImportError';

  constructor(
    readonly code: ImportErrorCode,
    message: string,
  ) {
    super(message);
  }
}
