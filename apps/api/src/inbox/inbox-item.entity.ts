import { Column, Entity, Index, PrimaryColumn } from 'typeorm';

/** Something waiting for one user: an invitation, a period opened or closing, a reply, a disposition, a decision. */
@Entity('inbox_items')
@Index('ix_inbox_items_user', ['userId', 'createdAt'])
export class InboxItem {
  @PrimaryColumn('varchar', { length: 36 })
  id!: string;

  @Column('varchar', { name: 'user_id', length: 36 })
  userId!: string;

  @Column('varchar', { name: 'committee_id', length: 36 })
  committeeId!: string;

  @Column('varchar', { length: 40 })
  kind!: string;

  /** Where it leads in the web app, such as `/proposals/<id>`. */
  @Column('varchar', { length: 300 })
  link!: string;

  @Column('simple-json')
  facts!: Record<string, string>;

  @Column({ name: 'created_at' })
  createdAt!: Date;

  @Column({ name: 'read_at', type: Date, nullable: true })
  readAt!: Date | null;
}
