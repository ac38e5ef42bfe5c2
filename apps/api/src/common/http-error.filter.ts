import { type ArgumentsHost, Catch, type ExceptionFilter, HttpException, HttpStatus, Logger } from '@nestjs/common';
import type { Response } from 'express';
import { AppException, type ErrorBody, type ErrorCode } from './app.exception';
import { API_DEFAULT_CACHE } from './delivery';

const STATUS_CODES: Partial<Record<number, ErrorCode>> = {
  [HttpStatus.BAD_REQUEST]: 'bad-request',
  [HttpStatus.UNAUTHORIZED]: 'unauthenticated',
  [HttpStatus.FORBIDDEN]: 'forbidden',
  [HttpStatus.NOT_FOUND]: 'route-not-found',
  [HttpStatus.METHOD_NOT_ALLOWED]: 'method-not-allowed',
  [HttpStatus.PAYLOAD_TOO_LARGE]: 'payload-too-large',
  [HttpStatus.UNSUPPORTED_MEDIA_TYPE]: 'unsupported-media-type',
  [HttpStatus.TOO_MANY_REQUESTS]: 'too-many-attempts',
};

const INVALID_ID = 'The address names a record with an id that is not valid. Check the link, or open the record again from its list.';

/** Turns whatever was thrown into `{ error: { code, message } }`; a stack trace goes to the log, never to the client. */
export function toErrorResponse(exception: unknown, logger?: Logger): { status: number; body: ErrorBody } {
  if (exception instanceof AppException) return { status: exception.status, body: exception.toBody() };
  if (exception instanceof HttpException) {
    const status = exception.getStatus();
    const code = STATUS_CODES[status] ?? (status >= 500 ? 'internal' : 'bad-request');
    // ParseUUIDPipe says "Validation failed (uuid is expected)": people get what to do instead.
    if (status === HttpStatus.BAD_REQUEST && /uuid is expected/i.test(exception.message)) {
      return { status, body: { error: { code: 'invalid-id', message: INVALID_ID } } };
    }
    return { status, body: { error: { code, message: httpMessage(exception, code) } } };
  }
  logger?.error(exception instanceof Error ? (exception.stack ?? exception.message) : String(exception));
  return {
    status: HttpStatus.INTERNAL_SERVER_ERROR,
    body: { error: { code: 'internal', message: 'Something went wrong on the server; the request was not carried out.' } },
  };
}

function httpMessage(exception: HttpException, code: ErrorCode): string {
  if (code === 'route-not-found') return 'No such route.';
  if (code === 'payload-too-large') return 'The request body or file is larger than the server accepts.';
  if (code === 'too-many-attempts') return 'Too many attempts; wait a minute and try again.';
  const response = exception.getResponse();
  if (typeof response === 'string') return response;
  const message = (response as { message?: unknown }).message;
  if (typeof message === 'string') return message;
  if (Array.isArray(message)) return message.join('; ');
  return exception.message;
}

/** The one exception filter: every error leaves the server in the same shape. */
@Catch()
export class HttpErrorFilter implements ExceptionFilter {
  private readonly logger = new Logger('HttpError');

  catch(exception: unknown, host: ArgumentsHost): void {
    if (host.getType() !== 'http') return;
    const response = host.switchToHttp().getResponse<Response>();
    const { status, body } = toErrorResponse(exception, this.logger);
    if (response.headersSent) return;
    // A route that set the validator and lifetime of what it meant to send fails with something else: no cache may
    // keep that, nor take it for the representation the ETag names.
    response.removeHeader('ETag');
    response.setHeader('Cache-Control', API_DEFAULT_CACHE);
    response.status(status).json(body);
  }
}
