import { createParamDecorator, type ExecutionContext, type PipeTransform } from '@nestjs/common';
import type { Request } from 'express';
import { AppException } from './app.exception';

/**
 * Reads an optional whole-number query parameter strictly: absent gives the default; anything but one whole number
 * within bounds (not repeated, not a fraction, not negative, not out of range) is a 400 naming the parameter,
 * rather than being clamped or read as NaN.
 */
export class IntQueryPipe implements PipeTransform<unknown, number> {
  constructor(
    private readonly name: string,
    private readonly bounds: { readonly min: number; readonly max: number; readonly default: number },
  ) {}

  transform(value: unknown): number {
    if (value === undefined) return this.bounds.default;
    const { min, max } = this.bounds;
    // The global ValidationPipe has already turned the text into a number when the parameter is typed `number`.
    const n = typeof value === 'string' && /^\d{1,9}$/.test(value) ? Number(value) : typeof value === 'number' ? value : NaN;
    if (Number.isInteger(n) && n >= min && n <= max) return n;
    throw new AppException('validation-failed', `${this.name} must be a whole number between ${min} and ${max}.`, [`${this.name} must be a whole number between ${min} and ${max}`]);
  }
}

/**
 * A query parameter as the client sent it, for `IntQueryPipe`: the global ValidationPipe does not touch custom
 * decorators, so an empty `?before=` reaches the pipe as the empty text it is, not converted to the number 0.
 */
export const RawQuery = createParamDecorator((name: string, context: ExecutionContext): unknown => context.switchToHttp().getRequest<Request>().query[name]);
