import type { InboxItemView } from '@concord/domain';
import { Injectable } from '@nestjs/common';
import { Env } from '../config/env';
import { inboxMail } from '../mail/inbox-mail';
import { MailService } from '../mail/mail.service';
import { InboxRepository } from './inbox.repository';

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

/**
 * Tells users of new inbox items by e-mail, as each chose in their settings (at once, in the daily summary or not
 * at all); without SMTP_URL the mail service writes nothing.
 */
@Injectable()
export class MailInboxNotifier implements InboxNotifier {
  constructor(
    private readonly mail: MailService,
    private readonly repository: InboxRepository,
    private readonly env: Env,
  ) {}

  async notify(delivery: InboxDelivery): Promise<void> {
    if (!this.mail.enabled) return;
    const email = await this.repository.emailOf(delivery.userId);
    if (!email) return;
    await this.mail.notify(undefined, { userId: delivery.userId, email }, delivery.item.kind, (language) => inboxMail(delivery.item, language, this.env.publicUrl()));
  }
}
