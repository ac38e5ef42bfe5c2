import type { NextFunction, Request, Response } from 'express';
import { AppException } from './app.exception';

/** How complex a parsed JSON body may be; far beyond what any endpoint takes, far below what hurts the server. */
export const JSON_LIMITS = { depth: 32, keys: 1_000, items: 10_000 } as const;

/**
 * Why a parsed JSON value is too complex to pass on, or null when it is fine. Walks iteratively, so a body nested
 * a million levels deep is measured without a deep stack (recursion further down, in class-transformer, is what
 * turned such bodies into 500s).
 */
export function jsonComplexity(value: unknown, limits: { depth: number; keys: number; items: number } = JSON_LIMITS): string | null {
  const stack: Array<{ value: unknown; depth: number }> = [{ value, depth: 0 }];
  while (stack.length > 0) {
    const { value: current, depth } = stack.pop() as { value: unknown; depth: number };
    if (current === null || typeof current !== 'object') continue;
    if (depth >= limits.depth) return `it is nested more than ${limits.depth} levels deep`;
    if (Array.isArray(current)) {
      if (current.length > limits.items) return `an array in it has more than ${limits.items} items`;
      for (const item of current) stack.push({ value: item, depth: depth + 1 });
      continue;
    }
    const values = Object.values(current);
    if (values.length > limits.keys) return `an object in it has more than ${limits.keys} keys`;
    for (const item of values) stack.push({ value: item, depth: depth + 1 });
  }
  return null;
}

/** Refuses (400 json-too-complex) a parsed JSON body that nests too deep or holds too many keys or items. */
export function jsonLimits(req: Request, _res: Response, next: NextFunction): void {
  const problem = jsonComplexity(req.body);
  if (problem === null) return next();
  next(new AppException('json-too-complex', `The request body is too complex: ${problem}.`));
}
