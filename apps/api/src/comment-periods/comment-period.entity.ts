import { Column, Entity, Index, PrimaryColumn } from 'typeorm';

/**
 * A call for written comments on a published text (a revision or a compilation of proposals): who may submit, the
 * deadline, and whether submissions are published as they arrive or when the secretariat publishes them.
 */
@Entity('comment_periods')
@Index('ix_comment_periods_target', ['targetKind', 'targetId'])
@Index('ix_comment_periods_instrument', ['instrumentId', 'openedAt'])
export class CommentPeriod {
  @PrimaryColumn('varchar', { length: 36 })
  id!: string;

  @Column('varchar', { name: 'committee_id', length: 36 })
  committeeId!: string;

  @Column('varchar', { name: 'instrument_id', length: 36 })
  instrumentId!: string;

  /** `revision` or `compilation`. */
  @Column('varchar', { name: 'target_kind', length: 20 })
  targetKind!: string;

  @Column('varchar', { name: 'target_id', length: 36 })
  targetId!: string;

  /** The tier of the text commented on: `committee` or `public`; published comments take it. */
  @Column('varchar', { length: 20 })
  tier!: string;

  @Column('varchar', { length: 300 })
  title!: string;

  @Column({ name: 'deadline' })
  deadline!: Date;

  /** `on-arrival` or `at-close`. */
  @Column('varchar', { length: 20 })
  publication!: string;

  /** Whether observer organizations may submit. */
  @Column('boolean', { name: 'allow_observers' })
  allowObservers!: boolean;

  @Column({ name: 'closed_at', type: Date, nullable: true })
  closedAt!: Date | null;

  /** When the secretariat published the comments received (for `on-arrival`, each is published as it arrives). */
  @Column({ name: 'published_at', type: Date, nullable: true })
  publishedAt!: Date | null;

  /** When the secretariat published the dispositions: from then on everyone who reads a comment reads its answer. */
  @Column({ name: 'dispositions_published_at', type: Date, nullable: true })
  dispositionsPublishedAt!: Date | null;

  @Column('varchar', { name: 'opened_by', length: 36 })
  openedBy!: string;

  @Column({ name: 'opened_at' })
  openedAt!: Date;

  /** Set once a reminder that the deadline is near went to the inbox, so that it goes once. */
  @Column({ name: 'closing_notified_at', type: Date, nullable: true })
  closingNotifiedAt!: Date | null;
}

/** What happened to a period: opened, extended (with the new deadline), closed, published. */
@Entity('comment_period_events')
@Index('ix_comment_period_events_period', ['periodId', 'at'])
export class CommentPeriodEvent {
  @PrimaryColumn('varchar', { length: 36 })
  id!: string;

  @Column('varchar', { name: 'period_id', length: 36 })
  periodId!: string;

  @Column('varchar', { length: 20 })
  action!: string;

  @Column({ type: Date, nullable: true })
  deadline!: Date | null;

  @Column('varchar', { name: 'actor_id', length: 36 })
  actorId!: string;

  @Column()
  at!: Date;
}
