import { type PipeTransform } from '@nestjs/common';
import { AppException } from './app.exception';

/**
 * Reads an optional whole-number query parameter strictly: absent gives the default; anything but one plain
 * decimal integer within bounds (a sign-less number, not repeated, not "1e3", not "-5") is a 400 naming the
 * parameter, rather than being clamped or read as NaN.
 */
export class IntQueryPipe implements PipeTransform<unknown, number> {
  constructor(
    private readonly name: string,
    private readonly bounds: { readonly min: number; readonly max: number; readonly default: number },
  ) {}

  transform(value: unknown): number {
    if (value === undefined) return this.bounds.default;
    const { min, max } = this.bounds;
    if (typeof value === 'string' && /^\d{1,9}$/.test(value)) {
      const n = Number(value);
      if (n >= min && n <= max) return n;
    }
    throw new AppException('validation-failed', `${this.name} must be a whole number between ${min} and ${max}.`, [`${this.name} must be a whole number between ${min} and ${max}`]);
  }
}
