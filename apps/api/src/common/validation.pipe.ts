import { type ArgumentMetadata, ValidationPipe, type ValidationError } from '@nestjs/common';
import { AppException } from './app.exception';
import { hygieneProblem } from './input-hygiene';

function flatten(errors: readonly ValidationError[], prefix = ''): string[] {
  return errors.flatMap((error) => {
    const path = prefix ? `${prefix}.${error.property}` : error.property;
    const own = Object.values(error.constraints ?? {}).map((message) =>
      message.startsWith(`property ${error.property} `) ? `${path} ${message.slice(`property ${error.property} `.length)}` : message.replace(error.property, path),
    );
    return [...own, ...flatten(error.children ?? [], path)];
  });
}

/**
 * ValidationPipe that first refuses what its whitelist cannot see: a query (bodies are checked as they are parsed)
 * with a reserved key such as `constructor`, or a NUL character.
 */
class StrictValidationPipe extends ValidationPipe {
  override async transform(value: unknown, metadata: ArgumentMetadata): Promise<unknown> {
    const problem = metadata.type === 'query' ? hygieneProblem(value) : null;
    if (problem !== null) throw new AppException('validation-failed', `Invalid query: ${problem}.`, [problem]);
    return super.transform(value, metadata);
  }
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
      return new AppException('validation-failed', `Invalid request: ${details.join('; ')}`, details);
    },
  });
}
