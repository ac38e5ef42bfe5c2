import { AppException } from '../common/app.exception';

/** Errors of the comments module. */
export class CommentsException extends AppException<
  | 'comment-not-found'
  | 'comment-target-not-found'
  | 'revision-not-found'
  | 'tier-not-allowed'
  | 'invalid-anchor'
  | 'thread-state-conflict'
  | 'validation-failed'
  | 'unauthenticated'
> {}
