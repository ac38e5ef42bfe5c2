import type { InboxItemView } from '@concord/domain';
import { Injectable } from '@nestjs/common';

/** The Nest provider token of the {@link InboxNotifier}; another module may provide its own (e-mail delivery). */
export const INBOX_NOTIFIER = Symbol('INBOX_NOTIFIER');

/** A new inbox item and whom it is for, as the notifier receives it after the item was committed. */
export interface InboxDelivery {
  readonly userId: string;
  readonly committeeId: string;
  readonly item: InboxItemView;
}

/**
 * Called once for every new inbox item, after the transaction that recorded it committed. A notifier that fails
 * is logged and does not undo anything: the item is in the inbox whatever becomes of the notification.
 */
export interface InboxNotifier {
  notify(delivery: InboxDelivery): Promise<void>;
}

/** The default notifier: the inbox and its live stream are the only delivery. */
@Injectable()
export class NoInboxNotifier implements InboxNotifier {
  notify(): Promise<void> {
    return Promise.resolve();
  }
}
