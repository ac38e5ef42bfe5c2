import { type ExecutionContext, Injectable } from '@nestjs/common';
import { ThrottlerGuard } from '@nestjs/throttler';
import type { AuthedRequest } from '../auth/auth-context';
import { AppException } from '../common/app.exception';

/**
 * Counts the comments, replies and edits each user posts (COMMENTS_PER_MINUTE), so that one account, or a
 * script behind it, cannot flood a negotiation's threads and everyone's live streams.
 */
@Injectable()
export class CommentThrottlerGuard extends ThrottlerGuard {
  protected override getTracker(request: Record<string, unknown>): Promise<string> {
    const auth = (request as unknown as AuthedRequest).auth;
    return Promise.resolve(auth ? `user:${auth.user.id}` : 'anonymous');
  }

  /** One count per user across every comment route, not one per route as the base class keeps. */
  protected override generateKey(_context: ExecutionContext, tracker: string, throttler: string): string {
    return `${throttler}:${tracker}`;
  }

  protected override throwThrottlingException(): Promise<void> {
    throw new AppException('too-many-comments', 'You have posted too many comments in the last minute; wait a moment and post again.');
  }
}
