import type { InboxItemView } from '@concord/domain';
import { Injectable } from '@nestjs/common';
import { JsonRelay } from '../common/json-relay';
import { Env } from '../config/env';

/** What the other instances need to hear of a user's inbox: a new item, items read, a sign-out. */
export type InboxRelayMessage =
  | { readonly kind: 'item'; readonly userId: string; readonly item: InboxItemView }
  | { readonly kind: 'read'; readonly userId: string; readonly unread: number }
  | { readonly kind: 'session-revoked'; readonly sessionId: string };

/**
 * Carries inbox news to the other server instances (see {@link JsonRelay}), so that a user whose inbox stream is
 * open on one instance sees, live, an item caused through another.
 */
@Injectable()
export class InboxRelay extends JsonRelay<InboxRelayMessage> {
  private readonly listeners: Array<(message: InboxRelayMessage) => void> = [];

  constructor(env: Env) {
    super(env, 'concord:inbox');
  }

  onMessage(listener: (message: InboxRelayMessage) => void): void {
    this.listeners.push(listener);
  }

  send(message: InboxRelayMessage): void {
    this.publish(message);
  }

  protected receive(message: InboxRelayMessage): void {
    for (const listener of this.listeners) listener(message);
  }
}
