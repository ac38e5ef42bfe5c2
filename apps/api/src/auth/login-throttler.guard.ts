import { Injectable } from '@nestjs/common';
import { ThrottlerGuard } from '@nestjs/throttler';
import type { Request } from 'express';

/** Counts sign-in attempts per client address and email address, so one account cannot be guessed at quickly. */
@Injectable()
export class LoginThrottlerGuard extends ThrottlerGuard {
  protected override async getTracker(request: Record<string, unknown>): Promise<string> {
    const req = request as unknown as Request;
    const body: unknown = req.body;
    const email = body && typeof body === 'object' && 'email' in body && typeof body.email === 'string' ? body.email.toLowerCase() : '';
    return `${req.ip ?? 'unknown'}|${email}`;
  }
}
