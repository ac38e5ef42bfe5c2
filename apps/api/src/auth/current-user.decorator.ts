import { createParamDecorator, type ExecutionContext } from '@nestjs/common';
import { AppException } from '../common/app.exception';
import type { AuthContext, AuthedRequest } from './auth-context';

/** The signed-in user of a protected route. */
export const CurrentUser = createParamDecorator((_data: unknown, context: ExecutionContext): AuthContext => {
  const auth = context.switchToHttp().getRequest<AuthedRequest>().auth;
  if (!auth) throw new AppException('unauthenticated', 'Sign in first.');
  return auth;
});

/** The user of a public route, or null for an anonymous visitor. */
export const OptionalUser = createParamDecorator(
  (_data: unknown, context: ExecutionContext): AuthContext | null => context.switchToHttp().getRequest<AuthedRequest>().auth ?? null,
);
