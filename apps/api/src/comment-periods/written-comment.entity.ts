import { Column, Entity, Index, PrimaryColumn } from 'typeorm';

/**
 * A written comment of a delegation or observer organization in a comment period: drafted privately by its
 * members, submitted by its head (or the organization), immutable once submitted; a revised one supersedes it.
 */
@Entity('written_comments')
@Index('ix_written_comments_period', ['periodId', 'status'])
export class WrittenComment {
  @PrimaryColumn('varchar', { length: 36 })
  id!: string;

  @Column('varchar', { name: 'committee_id', length: 36 })
  committeeId!: string;

  @Column('varchar', { name: 'period_id', length: 36 })
  periodId!: string;

  /** The commenting delegation or observer organization. */
  @Column('varchar', { name: 'delegation_id', length: 36 })
  delegationId!: string;

  /** `draft`, `submitted` or `superseded`. */
  @Column('varchar', { length: 20 })
  status!: string;

  /** The language of submission; the compilation prints it as written. */
  @Column('varchar', { length: 2 })
  language!: string;

  /** Order of submission in the period, from 1; null while drafted. */
  @Column('integer', { nullable: true })
  number!: number | null;

  /** Submitted after the period's deadline. */
  @Column('boolean')
  late!: boolean;

  @Column('varchar', { name: 'supersedes_id', length: 36, nullable: true })
  supersedesId!: string | null;

  @Column('simple-json', { name: 'text_warnings' })
  textWarnings!: string[];

  @Column('varchar', { name: 'created_by', length: 36 })
  createdBy!: string;

  @Column({ name: 'created_at' })
  createdAt!: Date;

  @Column({ name: 'updated_at' })
  updatedAt!: Date;

  @Column('varchar', { name: 'submitted_by', length: 36, nullable: true })
  submittedBy!: string | null;

  @Column({ name: 'submitted_at', type: Date, nullable: true })
  submittedAt!: Date | null;

  /** When it became readable beyond the committee (and by observers other than its author). */
  @Column({ name: 'published_at', type: Date, nullable: true })
  publishedAt!: Date | null;
}

/** One remark of a written comment: general (no provision) or on a provision by its stable id. */
@Entity('written_remarks')
@Index('ix_written_remarks_comment', ['commentId', 'position'])
@Index('ix_written_remarks_provision', ['provisionId'])
export class WrittenRemark {
  @PrimaryColumn('varchar', { length: 36 })
  id!: string;

  @Column('varchar', { name: 'comment_id', length: 36 })
  commentId!: string;

  /** Order within the comment, from 1. */
  @Column('integer')
  position!: number;

  @Column('varchar', { name: 'provision_id', length: 100, nullable: true })
  provisionId!: string | null;

  /** The provision's number in the text commented on, when filed ("Article 5, paragraph 2"). */
  @Column('varchar', { name: 'provision_label', length: 200, nullable: true })
  provisionLabel!: string | null;

  /** Stored exactly as written; rendered as text, never as HTML. */
  @Column('text')
  body!: string;

  @Column('text', { name: 'proposed_wording', nullable: true })
  proposedWording!: string | null;
}

/** A disposition recorded for a remark; rows are only added, the latest is the current one. */
@Entity('remark_dispositions')
@Index('ix_remark_dispositions_remark', ['remarkId', 'recordedAt'])
export class RemarkDisposition {
  @PrimaryColumn('varchar', { length: 36 })
  id!: string;

  @Column('varchar', { name: 'remark_id', length: 36 })
  remarkId!: string;

  @Column('varchar', { length: 20 })
  disposition!: string;

  @Column('text')
  response!: string;

  @Column('varchar', { name: 'addressed_revision_id', length: 36, nullable: true })
  addressedRevisionId!: string | null;

  @Column('varchar', { name: 'addressed_provision_id', length: 100, nullable: true })
  addressedProvisionId!: string | null;

  @Column('varchar', { name: 'recorded_by', length: 36 })
  recordedBy!: string;

  @Column({ name: 'recorded_at' })
  recordedAt!: Date;
}
