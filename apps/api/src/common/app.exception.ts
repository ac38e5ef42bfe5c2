import { HttpStatus } from '@nestjs/common';

/**
 * Every error code a client can receive, with its HTTP status: the one place where codes meet statuses. Codes are
 * stable; clients may branch on them. Each module raises its own exception class over a subset of these codes.
 */
export const ERROR_STATUS = {
  'validation-failed': HttpStatus.BAD_REQUEST,
  'malformed-json': HttpStatus.BAD_REQUEST,
  'bad-request': HttpStatus.BAD_REQUEST,
  'invalid-id': HttpStatus.BAD_REQUEST,
  'payload-too-large': HttpStatus.PAYLOAD_TOO_LARGE,
  'unsupported-media-type': HttpStatus.UNSUPPORTED_MEDIA_TYPE,
  'json-too-complex': HttpStatus.BAD_REQUEST,
  'cross-origin-refused': HttpStatus.FORBIDDEN,
  'password-rejected': HttpStatus.BAD_REQUEST,
  'route-not-found': HttpStatus.NOT_FOUND,
  'method-not-allowed': HttpStatus.METHOD_NOT_ALLOWED,
  internal: HttpStatus.INTERNAL_SERVER_ERROR,
  'database-unavailable': HttpStatus.SERVICE_UNAVAILABLE,
  'not-ready': HttpStatus.SERVICE_UNAVAILABLE,
  'metrics-not-enabled': HttpStatus.NOT_FOUND,
  'mail-not-found': HttpStatus.NOT_FOUND,
  'mail-not-failed': HttpStatus.CONFLICT,
  'revision-verification-failed': HttpStatus.CONFLICT,
  unauthenticated: HttpStatus.UNAUTHORIZED,
  'invalid-credentials': HttpStatus.UNAUTHORIZED,
  forbidden: HttpStatus.FORBIDDEN,
  'too-many-attempts': HttpStatus.TOO_MANY_REQUESTS,
  'too-many-comments': HttpStatus.TOO_MANY_REQUESTS,
  'invitation-invalid': HttpStatus.GONE,
  'email-taken': HttpStatus.CONFLICT,
  'user-not-found': HttpStatus.NOT_FOUND,
  'committee-not-found': HttpStatus.NOT_FOUND,
  'session-not-found': HttpStatus.NOT_FOUND,
  'session-number-taken': HttpStatus.CONFLICT,
  'invalid-dates': HttpStatus.BAD_REQUEST,
  'delegation-not-found': HttpStatus.NOT_FOUND,
  'delegation-code-taken': HttpStatus.CONFLICT,
  'invalid-group': HttpStatus.BAD_REQUEST,
  'instrument-not-found': HttpStatus.NOT_FOUND,
  'language-not-available': HttpStatus.NOT_FOUND,
  'import-failed': HttpStatus.UNPROCESSABLE_ENTITY,
  'drafting-space-not-found': HttpStatus.NOT_FOUND,
  'proposal-not-found': HttpStatus.NOT_FOUND,
  'empty-proposal': HttpStatus.UNPROCESSABLE_ENTITY,
  'invalid-transition': HttpStatus.CONFLICT,
  'already-supported': HttpStatus.CONFLICT,
  'not-invited': HttpStatus.CONFLICT,
  'nothing-to-compile': HttpStatus.CONFLICT,
  'provision-not-found': HttpStatus.NOT_FOUND,
  'provision-agreed': HttpStatus.CONFLICT,
  'reason-required': HttpStatus.BAD_REQUEST,
  'renumbering-unchanged': HttpStatus.CONFLICT,
  'language-exists': HttpStatus.CONFLICT,
  'stale-translations': HttpStatus.CONFLICT,
  'translation-mismatch': HttpStatus.UNPROCESSABLE_ENTITY,
  'symbol-required': HttpStatus.BAD_REQUEST,
  'symbol-taken': HttpStatus.CONFLICT,
  'comment-not-found': HttpStatus.NOT_FOUND,
  'comment-target-not-found': HttpStatus.NOT_FOUND,
  'revision-not-found': HttpStatus.NOT_FOUND,
  'tier-not-allowed': HttpStatus.BAD_REQUEST,
  'invalid-anchor': HttpStatus.UNPROCESSABLE_ENTITY,
  'thread-state-conflict': HttpStatus.CONFLICT,
  'inbox-item-not-found': HttpStatus.NOT_FOUND,
  'comment-period-not-found': HttpStatus.NOT_FOUND,
  'written-comment-not-found': HttpStatus.NOT_FOUND,
  'remark-not-found': HttpStatus.NOT_FOUND,
  'comment-period-closed': HttpStatus.CONFLICT,
  'comment-period-target-not-found': HttpStatus.NOT_FOUND,
} as const satisfies Record<string, HttpStatus>;

/** A code from {@link ERROR_STATUS}. */
export type ErrorCode = keyof typeof ERROR_STATUS;

/** The body of every error response. */
export interface ErrorBody {
  readonly error: { readonly code: ErrorCode; readonly message: string; readonly details?: readonly string[] };
}

/** Base of the modules' exceptions: a stable code, a message for people, optional details. */
export class AppException<C extends ErrorCode = ErrorCode> extends Error {
  constructor(
    readonly code: C,
    message: string,
    readonly details?: readonly string[],
  ) {
    super(message);
    this.name = new.target.name;
  }

  /** The HTTP status this exception's code maps to. */
  get status(): HttpStatus {
    return ERROR_STATUS[this.code];
  }

  toBody(): ErrorBody {
    return { error: { code: this.code, message: this.message, ...(this.details ? { details: this.details } : {}) } };
  }
}

/** Errors any module may raise: bad input that gets past the DTOs, and denials. */
export class CommonException extends AppException<'validation-failed' | 'bad-request' | 'forbidden' | 'unauthenticated'> {}
