import type { ZxcvbnFactory } from '@zxcvbn-ts/core';
import { randomBytes, scrypt, type ScryptOptions, timingSafeEqual } from 'node:crypto';
import { AppException } from '../common/app.exception';

// scrypt with N = 2^15, r = 8 needs 32 MiB per hash: memory-hard, as OWASP recommends for password storage.
const PARAMS = { N: 2 ** 15, r: 8, p: 1 } as const;
const KEY_LENGTH = 32;

function derive(password: string, salt: Buffer, params: { N: number; r: number; p: number }): Promise<Buffer> {
  const options: ScryptOptions = { ...params, maxmem: 256 * params.N * params.r };
  return new Promise((resolve, reject) =>
    scrypt(password.normalize('NFC'), salt, KEY_LENGTH, options, (error, key) => (error ? reject(error) : resolve(key))),
  );
}

/** Hashes a password as `scrypt$N$r$p$salt$key` (base64url parts), so parameters can be raised later. */
export async function hashPassword(password: string): Promise<string> {
  const salt = randomBytes(16);
  const key = await derive(password, salt, PARAMS);
  return ['scrypt', PARAMS.N, PARAMS.r, PARAMS.p, salt.toString('base64url'), key.toString('base64url')].join('$');
}

/** Checks a password against a stored hash in constant time; a malformed hash never matches. */
export async function verifyPassword(password: string, stored: string): Promise<boolean> {
  const [scheme, n, r, p, salt, key] = stored.split('$');
  if (scheme !== 'scrypt' || !salt || !key) return false;
  const params = { N: Number(n), r: Number(r), p: Number(p) };
  if (![params.N, params.r, params.p].every((v) => Number.isInteger(v) && v > 0)) return false;
  const expected = Buffer.from(key, 'base64url');
  const actual = await derive(password, Buffer.from(salt, 'base64url'), params);
  return expected.length === actual.length && timingSafeEqual(expected, actual);
}

let dummy: Promise<string> | undefined;

/** A hash of a random password, checked when the email is unknown so that timing does not reveal accounts. */
export function dummyHash(): Promise<string> {
  dummy ??= hashPassword(randomBytes(16).toString('hex'));
  return dummy;
}

/**
 * Password rules after NIST SP 800-63B-4 (section 3.1.1.2): length is what counts. At least 15 characters, the
 * minimum it sets for a password that is the only factor (as in Concord), counted in Unicode characters so that
 * Arabic or Chinese passphrases are measured fairly; up to 256, so that long passphrases and password managers
 * work; no rules about character classes, which only make passwords harder to remember. What is refused instead is
 * a password an attacker would try early: one on a list of common and breached passwords, one built mostly from
 * words of its context (the user's name and email address, the application's name), and one whose estimated
 * guess count is low (repetitions, sequences, keyboard walks, a common password with a few characters added).
 */
export const PASSWORD_RULES = { minLength: 15, maxLength: 256, minGuessesLog10: 8 } as const;

let strength: Promise<{ estimator: ZxcvbnFactory; common: ReadonlySet<string> }> | undefined;

function loadStrength(): Promise<{ estimator: ZxcvbnFactory; common: ReadonlySet<string> }> {
  // Loaded and indexed on first use: the dictionaries are large, and most processes (the command line, a server
  // nobody is invited to) never set a password.
  strength ??= Promise.all([import('@zxcvbn-ts/core'), import('@zxcvbn-ts/language-common')]).then(([core, language]) => ({
    estimator: new core.ZxcvbnFactory({ dictionary: { ...language.dictionary }, graphs: language.adjacencyGraphs }),
    common: new Set(language.dictionary['passwords-common']),
  }));
  return strength;
}

/** The words a password should not be built from: the parts of an email address and a name, and "concord". */
export function contextWords(...values: readonly string[]): string[] {
  const words = new Set(['concord']);
  for (const value of values) {
    const lower = value.normalize('NFC').toLowerCase().trim();
    if (lower.length >= 3) words.add(lower);
    for (const part of lower.split(/[^\p{L}\p{N}]+/u)) if (part.length >= 3) words.add(part);
  }
  return [...words];
}

/** Why a new password is refused, as a sentence for the user, or null when it is acceptable. */
export async function passwordProblem(password: string, context: readonly string[] = contextWords()): Promise<string | null> {
  const normalized = password.normalize('NFC');
  const length = [...normalized].length;
  if (length < PASSWORD_RULES.minLength) return `The password must be at least ${PASSWORD_RULES.minLength} characters long; a phrase of several words is easy to remember.`;
  if (length > PASSWORD_RULES.maxLength) return `The password must be at most ${PASSWORD_RULES.maxLength} characters long.`;
  const { estimator, common } = await loadStrength();
  const lower = normalized.toLowerCase();
  if (common.has(lower)) return 'This password is on a list of common passwords that attackers try first; choose another.';
  const result = estimator.check(normalized, [...context]);
  const fromContext = result.sequence
    .filter((match) => match.pattern === 'dictionary' && match.dictionaryName === 'userInputs')
    .reduce((sum, match) => sum + match.token.length, 0);
  if (fromContext * 2 >= normalized.length) return 'The password is built from your name, your email address or the name of this application; choose words that have nothing to do with them.';
  if (result.guessesLog10 >= PASSWORD_RULES.minGuessesLog10) return null;
  const patterns = new Set(result.sequence.map((match) => (match.pattern === 'dictionary' ? `dictionary:${match.dictionaryName}` : match.pattern)));
  if (patterns.has('dictionary:userInputs')) return 'The password is too easy to guess: it is mostly your name, your email address or the name of this application.';
  if (patterns.has('repeat') || patterns.has('sequence') || patterns.has('spatial')) return 'The password is too easy to guess: it is made of repeated characters, a sequence or a keyboard pattern.';
  if (patterns.has('dictionary:passwords-common')) return 'The password is too easy to guess: it is built from common passwords. A phrase of several unrelated words is stronger.';
  return 'The password is too easy to guess; a longer phrase of several unrelated words is stronger.';
}

/** Throws a 400 `password-rejected` saying why, when a new password breaks the rules. */
export async function assertAcceptablePassword(password: string, context: readonly string[]): Promise<void> {
  const problem = await passwordProblem(password, context);
  if (problem !== null) throw new AppException('password-rejected', problem);
}
