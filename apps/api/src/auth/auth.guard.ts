import { type CanActivate, type ExecutionContext, Injectable } from '@nestjs/common';
import { Reflector } from '@nestjs/core';
import { parse as parseCookies } from 'cookie';
import { AppException } from '../common/app.exception';
import type { AuthedRequest } from './auth-context';
import { AuthService } from './auth.service';
import { IS_PUBLIC } from './public.decorator';
import { SESSION_COOKIE } from './token';

/** The token of a request: a bearer token for API and command-line clients, else the web app's cookie. */
export function requestToken(headers: { authorization?: string; cookie?: string }): string | null {
  const bearer = /^Bearer\s+(\S+)\s*$/i.exec(headers.authorization ?? '');
  if (bearer) return bearer[1];
  const cookie = headers.cookie ? parseCookies(headers.cookie)[SESSION_COOKIE] : undefined;
  return cookie || null;
}

/**
 * Global guard: resolves who is calling and refuses anonymous calls to every route not marked `@Public()`, so a
 * route that forgets to say who may call it fails closed.
 */
@Injectable()
export class AuthGuard implements CanActivate {
  constructor(
    private readonly reflector: Reflector,
    private readonly auth: AuthService,
  ) {}

  async canActivate(context: ExecutionContext): Promise<boolean> {
    // The collaboration gateway authenticates on upgrade itself.
    if (context.getType() !== 'http') return true;
    const request = context.switchToHttp().getRequest<AuthedRequest>();
    const token = requestToken(request.headers);
    const auth = token ? await this.auth.authenticate(token) : null;
    if (auth) request.auth = auth;
    if (auth || this.reflector.getAllAndOverride<boolean>(IS_PUBLIC, [context.getHandler(), context.getClass()])) return true;
    throw new AppException(
      'unauthenticated',
      token ? 'Your session has expired or was signed out; sign in again.' : 'Sign in first.',
    );
  }
}
