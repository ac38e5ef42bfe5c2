/** Why a compilation could not start. */
export enum CompileErrorCode {
  /** The base text is not a valid treaty document, or repeats a node id. */
  InvalidBase = 'invalid-base',
  /** Two proposals share an id, so the result would depend on their order. */
  DuplicateProposal = 'duplicate-proposal',
}

/**
 * Thrown by `compile` when its input as a whole is unusable. A single proposal that cannot be placed is not an
 * error: it is reported as a conflict.
 */
export class CompileError extends Error {
  override readonly name = 'CompileError';

  constructor(
    readonly code: CompileErrorCode,
    message: string,
  ) {
    super(message);
  }
}
