import { Injectable } from '@nestjs/common';
import { JsonRelay } from '../common/json-relay';
import { Env } from '../config/env';
import type { CommentEvent } from './comment-view';

type CommentsMessage = { readonly kind: 'event'; readonly event: CommentEvent } | { readonly kind: 'session-revoked'; readonly sessionId: string };

/** Carries comment events and sign-outs to the other server instances (see {@link JsonRelay}). */
@Injectable()
export class CommentsRelay extends JsonRelay<CommentsMessage> {
  private readonly eventListeners: Array<(event: CommentEvent) => void> = [];
  private readonly revokedListeners: Array<(sessionId: string) => void> = [];

  constructor(env: Env) {
    super(env, 'concord:comments');
  }

  onEvent(listener: (event: CommentEvent) => void): void {
    this.eventListeners.push(listener);
  }

  onSessionRevoked(listener: (sessionId: string) => void): void {
    this.revokedListeners.push(listener);
  }

  publishEvent(event: CommentEvent): void {
    this.publish({ kind: 'event', event });
  }

  publishSessionRevoked(sessionId: string): void {
    this.publish({ kind: 'session-revoked', sessionId });
  }

  protected receive(message: CommentsMessage): void {
    if (message.kind === 'event') for (const listener of this.eventListeners) listener(message.event);
    else if (message.kind === 'session-revoked') for (const listener of this.revokedListeners) listener(message.sessionId);
  }
}
