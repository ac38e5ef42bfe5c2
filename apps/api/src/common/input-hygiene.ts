import type { NextFunction, Request, Response } from 'express';
import { AppException } from './app.exception';

// Keys that name an object's prototype machinery: class-validator's whitelist looks properties up in a plain
// object, where these are always "found", so they would slip past forbidNonWhitelisted into a DTO.
const RESERVED_KEYS = new Set(['__proto__', 'constructor', 'prototype']);

/**
 * Why a parsed body or query is unfit for any endpoint, or null: a reserved key anywhere in it, or a NUL character
 * in a string (PostgreSQL refuses it in text, which would turn a bad request into a 500; no treaty text has one).
 */
export function hygieneProblem(value: unknown): string | null {
  const stack: unknown[] = [value];
  while (stack.length > 0) {
    const current = stack.pop();
    if (typeof current === 'string') {
      if (current.includes('\u0000')) return 'a string in it contains a NUL character';
      continue;
    }
    if (current === null || typeof current !== 'object') continue;
    if (!Array.isArray(current)) {
      const reserved = Object.keys(current).find((key) => RESERVED_KEYS.has(key));
      if (reserved !== undefined) return `it uses the reserved name "${reserved}"`;
    }
    stack.push(...Object.values(current));
  }
  return null;
}

/** Refuses (400) a JSON body with reserved keys or NUL characters, after jsonLimits has bounded its size. */
export function bodyHygiene(req: Request, _res: Response, next: NextFunction): void {
  const problem = hygieneProblem(req.body);
  next(problem === null ? undefined : new AppException('validation-failed', `Invalid request body: ${problem}.`, [problem]));
}

/** Refuses (400) an address with an encoded NUL, which no route, id or document name contains. */
export function urlHygiene(req: Request, _res: Response, next: NextFunction): void {
  if (!/%00/.test(req.originalUrl)) return next();
  next(new AppException('bad-request', 'The address contains a NUL character (%00).'));
}
