import { ValidationPipe, type ValidationError } from '@nestjs/common';
import { AppException } from './app.exception';

function flatten(errors: readonly ValidationError[], prefix = ''): string[] {
  return errors.flatMap((error) => {
    const path = prefix ? `${prefix}.${error.property}` : error.property;
    const own = Object.values(error.constraints ?? {}).map((message) =>
      message.startsWith(`property ${error.property} `) ? `${path} ${message.slice(`property ${error.property} `.length)}` : message.replace(error.property, path),
    );
    return [...own, ...flatten(error.children ?? [], path)];
  });
}

/** Strict DTO validation: unknown fields and wrong types are refused with one message per problem. */
export function createValidationPipe(): ValidationPipe {
  return new ValidationPipe({
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
