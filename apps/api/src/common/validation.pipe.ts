import { type ArgumentMetadata, ValidationPipe, type ValidationError } from '@nestjs/common';
import { AppException } from './app.exception';
import { hygieneProblem } from './input-hygiene';

/**
 * What a person is told for a constraint whose stock message names a type instead of saying what to do
 * ("must be a UUID", "should not exist"); other constraints keep class-validator's or the DTO's own message.
 */
const SAYS_WHAT_TO_DO: Readonly<Record<string, (path: string, stock: string) => string | null>> = {
  isUuid: (path) => `${path} must be the id of an existing record: choose the record again from its list`,
  whitelistValidation: (path) => `${path} is not something this request takes: leave it out`,
  isNotEmpty: (path) => `${path} is empty: fill it in`,
  isDefined: (path) => `${path} is missing: give it`,
  // class-validator's own wording for a bound ("must be longer than or equal to 1 characters") names the bound, not
  // what to do about it; a message the DTO wrote itself is kept.
  minLength: (path, stock) => {
    const bound = stockBound(stock, 'must be longer than or equal to', 'characters');
    if (bound === null) return null;
    return bound === '1' ? `${path} is empty: fill it in` : `${path} is too short: give at least ${bound} characters`;
  },
  maxLength: (path, stock) => {
    const bound = stockBound(stock, 'must be shorter than or equal to', 'characters');
    return bound === null ? null : `${path} is too long: shorten it to ${bound} characters at most`;
  },
  min: (path, stock) => {
    const bound = stockBound(stock, 'must not be less than');
    return bound === null ? null : `${path} is too small: give ${bound} or more`;
  },
  max: (path, stock) => {
    const bound = stockBound(stock, 'must not be greater than');
    return bound === null ? null : `${path} is too large: give ${bound} or less`;
  },
};

/** The bound in class-validator's stock message for a constraint ("title must be … than or equal to 300 characters"), or null for another message. */
function stockBound(message: string, phrase: string, unit = ''): string | null {
  const at = message.indexOf(` ${phrase} `);
  if (at < 0) return null;
  const rest = message.slice(at + phrase.length + 2).trim();
  const bound = unit === '' ? rest : rest.endsWith(` ${unit}`) ? rest.slice(0, -unit.length - 1) : null;
  return bound !== null && /^-?\d+(\.\d+)?$/.test(bound) ? bound : null;
}

function flatten(errors: readonly ValidationError[], prefix = ''): string[] {
  return errors.flatMap((error) => {
    const path = prefix ? `${prefix}.${error.property}` : error.property;
    const own = Object.entries(error.constraints ?? {}).map(([constraint, message]) => {
      const said = SAYS_WHAT_TO_DO[constraint]?.(path, message) ?? null;
      if (said !== null) return said;
      return message.startsWith(`property ${error.property} `) ? `${path} ${message.slice(`property ${error.property} `.length)}` : message.replace(error.property, path);
    });
    return [...own, ...flatten(error.children ?? [], path)];
  });
}

/** One English sentence for the problems found in a request, saying what to do about them. */
export function validationMessage(details: readonly string[]): string {
  const listed = details.length === 0 ? 'it does not have the expected form' : details.join('; ');
  return `The request was not accepted: ${listed}. Correct ${details.length > 1 ? 'these' : 'this'} and send it again.`;
}

/** The update bodies whose fields are all optional; see {@link PartialUpdate}. */
const PARTIAL_UPDATES = new WeakSet<object>();

/**
 * Marks an update body whose fields are all optional. One that gives none of them asks for nothing and is refused,
 * so that a client whose form lost its fields is told so instead of being answered as though it had saved; one
 * that gives null for a field is refused too, since none of them may be cleared.
 */
export function PartialUpdate(): ClassDecorator {
  return (target) => {
    PARTIAL_UPDATES.add(target);
  };
}

/**
 * ValidationPipe that first refuses what its whitelist cannot see: a query (bodies are checked as they are parsed)
 * with a reserved key such as `constructor`, or a NUL character.
 */
class StrictValidationPipe extends ValidationPipe {
  override async transform(value: unknown, metadata: ArgumentMetadata): Promise<unknown> {
    const problem = metadata.type === 'query' ? hygieneProblem(value) : null;
    if (problem !== null) throw new AppException('validation-failed', `Invalid query: ${problem}.`, [problem]);
    const result: unknown = await super.transform(value, metadata);
    if (metadata.type === 'body' && metadata.metatype && PARTIAL_UPDATES.has(metadata.metatype)) {
      const details = updateProblems(result);
      if (details.length > 0) throw new AppException('validation-failed', validationMessage(details), details);
    }
    return result;
  }
}

/**
 * What is wrong with a partial update beyond its fields' own rules: giving none of them, or null for one (its
 * fields are optional, so the checks skip null, yet none of them may be cleared).
 */
function updateProblems(body: unknown): string[] {
  if (typeof body !== 'object' || body === null) return [];
  const given = Object.entries(body).filter(([, value]) => value !== undefined);
  if (given.length === 0) return ['the request gives no field to change: give at least one'];
  return given.filter(([, value]) => value === null).map(([key]) => `${key} cannot be null: leave it out to keep it, or give its new value`);
}

/** Strict DTO validation: unknown fields and wrong types are refused with one message per problem. */
export function createValidationPipe(): ValidationPipe {
  return new StrictValidationPipe({
    whitelist: true,
    forbidNonWhitelisted: true,
    transform: true,
    forbidUnknownValues: true,
    exceptionFactory: (errors) => {
      const details = flatten(errors);
      return new AppException('validation-failed', validationMessage(details), details);
    },
  });
}
