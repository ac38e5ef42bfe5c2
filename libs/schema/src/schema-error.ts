/** Why a document was rejected. */
export enum SchemaErrorCode {
  /** The input is not a JSON object describing a document. */
  InvalidJson = 'invalid-json',
  /** The input names node or mark types, attributes or content the treaty schema does not allow. */
  InvalidDocument = 'invalid-document',
  /** A structural node has no id. */
  MissingId = 'missing-id',
  /** Two structural nodes share an id. */
  DuplicateId = 'duplicate-id',
}

/** Thrown when a document does not conform to the treaty schema; `message` says what is wrong and where. */
export class SchemaError extends Error {
  override readonly name = 'SchemaError';

  constructor(
    readonly code: SchemaErrorCode,
    message: string,
  ) {
    super(message);
  }
}
