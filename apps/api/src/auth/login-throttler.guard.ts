import { type ExecutionContext, Inject, Injectable } from '@nestjs/common';
import { ThrottlerGuard, type ThrottlerLimitDetail, type ThrottlerRequest } from '@nestjs/throttler';
import type { Request } from 'express';
import { createHash } from 'node:crypto';
import { AppException } from '../common/app.exception';
import { Env } from '../config/env';

/** Whom a sign-in attempt tries to enter: the email it names, or the invitation it uses. */
function accountOf(body: unknown): string {
  if (!body || typeof body !== 'object') return 'none';
  if ('email' in body && typeof body.email === 'string') return `email:${body.email.trim().toLowerCase()}`;
  if ('token' in body && typeof body.token === 'string') return `invitation:${createHash('sha256').update(body.token).digest('hex')}`;
  return 'none';
}

/**
 * Counts sign-in attempts (and invitation acceptances, which also set a password and sign in) twice: per account,
 * from whatever addresses they come (LOGIN_ATTEMPTS_PER_MINUTE), so that rotating addresses does not help guess
 * one account's password; and per client address, whatever accounts they name
 * (LOGIN_ATTEMPTS_PER_ADDRESS_PER_MINUTE), so that one address cannot try a common password on every account.
 * The client address is the socket's peer unless TRUST_PROXY names the proxy that reports it.
 */
@Injectable()
export class LoginThrottlerGuard extends ThrottlerGuard {
  @Inject(Env) private readonly env!: Env;

  protected override async handleRequest(props: ThrottlerRequest): Promise<boolean> {
    const req = props.context.switchToHttp().getRequest<Request>();
    const address = `address:${req.ip ?? req.socket.remoteAddress ?? 'unknown'}`;
    await super.handleRequest({ ...props, limit: this.env.loginAttemptsPerAddress(), getTracker: () => Promise.resolve(address) });
    return super.handleRequest({ ...props, getTracker: () => Promise.resolve(`account:${accountOf(req.body)}`) });
  }

  /** One count across the sign-in routes, not one per route as the base class keeps. */
  protected override generateKey(_context: ExecutionContext, tracker: string, throttler: string): string {
    return `${throttler}:${tracker}`;
  }

  protected override throwThrottlingException(_context: ExecutionContext, detail: ThrottlerLimitDetail): Promise<void> {
    const why = detail.tracker.startsWith('address:') ? 'from your address' : 'for this account';
    throw new AppException('too-many-attempts', `Too many sign-in attempts ${why}; wait a minute and try again.`);
  }
}
