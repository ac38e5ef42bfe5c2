import type { MailDelivery } from '@concord/domain';
import { Column, Entity, PrimaryColumn } from 'typeorm';

// How a user wants to hear of what waits in their inbox: the vocabulary is the API's contract.
export { MAIL_DELIVERIES } from '@concord/domain';
export type { MailDelivery } from '@concord/domain';

/** A user's choice of e-mail delivery and language; a user without one gets immediate mail in English. */
@Entity('mail_preferences')
export class MailPreference {
  @PrimaryColumn('varchar', { name: 'user_id', length: 36 })
  userId!: string;

  @Column('varchar', { length: 10 })
  delivery!: MailDelivery;

  @Column('varchar', { length: 2 })
  language!: string;

  @Column({ name: 'updated_at' })
  updatedAt!: Date;
}
