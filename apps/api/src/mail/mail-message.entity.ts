import type { MailStatus } from '@concord/domain';
import { Column, Entity, Index, PrimaryColumn } from 'typeorm';

// Where a message is: waiting to be sent (or retried), held for the recipient's daily digest, sent, or given up.
export type { MailStatus } from '@concord/domain';

/**
 * The outbox: every e-mail is written here in the transaction of the change it announces, and a dispatcher sends
 * it afterwards, so that a refused change sends nothing and a mail server that is down delays mail but loses none.
 */
@Entity('mail_outbox')
@Index('mail_outbox_due', ['status', 'nextAttemptAt'])
export class MailMessage {
  @PrimaryColumn('varchar', { length: 36 })
  id!: string;

  @Column('varchar', { name: 'user_id', length: 36, nullable: true })
  userId!: string | null;

  @Column('varchar', { name: 'to_address', length: 320 })
  toAddress!: string;

  /** What it is about: `invitation`, or an inbox item's kind. */
  @Column('varchar', { length: 50 })
  kind!: string;

  @Column('varchar', { length: 300 })
  subject!: string;

  @Column('text', { name: 'text_body' })
  textBody!: string;

  @Column('varchar', { length: 10 })
  status!: MailStatus;

  @Column('integer', { default: 0 })
  attempts!: number;

  @Column('text', { name: 'last_error', nullable: true })
  lastError!: string | null;

  /** When the dispatcher may next try it (for a held message: when the recipient's digest goes out). */
  @Column({ name: 'next_attempt_at' })
  nextAttemptAt!: Date;

  @Column({ name: 'created_at' })
  createdAt!: Date;

  @Column({ name: 'sent_at', type: Date, nullable: true })
  sentAt!: Date | null;
}
