import { Column, Entity, Index, PrimaryColumn } from 'typeorm';

/**
 * A comment. The first comment of a thread carries the anchor: a range of a live document stored outside it as
 * two Yjs relative positions plus the quoted text, or a proposal, or a provision of a published revision.
 */
@Entity('comments')
@Index('ix_comments_target', ['targetKind', 'targetId'])
@Index('ix_comments_thread', ['threadId', 'createdAt'])
export class Comment {
  @PrimaryColumn('varchar', { length: 36 })
  id!: string;

  /** The first comment's id; equal to `id` for the first comment. */
  @Column('varchar', { name: 'thread_id', length: 36 })
  threadId!: string;

  @Column('varchar', { name: 'committee_id', length: 36 })
  committeeId!: string;

  /** `document` (a live collaborative document), `proposal` or `revision`. */
  @Column('varchar', { name: 'target_kind', length: 20 })
  targetKind!: string;

  /** The document name, proposal id or revision id. */
  @Column('varchar', { name: 'target_id', length: 200 })
  targetId!: string;

  /** Provision id within a revision, when the target is a revision. */
  @Column('varchar', { name: 'provision_id', length: 100, nullable: true })
  provisionId!: string | null;

  /** Base64 of the encoded Yjs relative position where the range starts. */
  @Column('text', { name: 'anchor_start', nullable: true })
  anchorStart!: string | null;

  @Column('text', { name: 'anchor_end', nullable: true })
  anchorEnd!: string | null;

  /** The text the anchor covered when the thread was opened. */
  @Column('text', { nullable: true })
  quote!: string | null;

  @Column('varchar', { name: 'author_id', length: 36 })
  authorId!: string;

  @Column('varchar', { name: 'author_delegation_id', length: 36, nullable: true })
  authorDelegationId!: string | null;

  /** `delegation`, `committee` or `public`, chosen by the author of the thread. */
  @Column('varchar', { length: 20 })
  tier!: string;

  /** Stored exactly as written; rendered as text, never as HTML. */
  @Column('text')
  body!: string;

  @Column({ name: 'resolved_at', type: Date, nullable: true })
  resolvedAt!: Date | null;

  @Column('varchar', { name: 'resolved_by', length: 36, nullable: true })
  resolvedBy!: string | null;

  @Column({ name: 'created_at' })
  createdAt!: Date;

  @Column({ name: 'edited_at', type: Date, nullable: true })
  editedAt!: Date | null;
}
