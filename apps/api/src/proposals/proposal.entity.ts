import { Column, Entity, Index, JoinColumn, ManyToOne, PrimaryColumn } from 'typeorm';
import { Delegation } from '../delegations/delegation.entity';
import { Instrument } from '../instruments/instrument.entity';

/**
 * A proposal: text a delegation submits against a base, with the change set computed against it. Immutable once
 * submitted (only its status moves); a revised proposal supersedes it.
 */
@Entity('proposals')
@Index('ix_proposals_instrument', ['instrumentId', 'status'])
export class Proposal {
  @PrimaryColumn('varchar', { length: 36 })
  id!: string;

  @Column('varchar', { name: 'committee_id', length: 36 })
  committeeId!: string;

  @Column('varchar', { name: 'instrument_id', length: 36 })
  instrumentId!: string;

  @ManyToOne(() => Instrument, { onDelete: 'CASCADE' })
  @JoinColumn({ name: 'instrument_id' })
  instrument?: Instrument;

  @Column('varchar', { length: 2 })
  language!: string;

  /** The drafting space it was written in. */
  @Column('varchar', { name: 'space_id', length: 36, nullable: true })
  spaceId!: string | null;

  /** The session it was submitted for; its deadline decides lateness. */
  @Column('varchar', { name: 'session_id', length: 36, nullable: true })
  sessionId!: string | null;

  @Column('varchar', { name: 'sponsor_delegation_id', length: 36 })
  sponsorDelegationId!: string;

  @ManyToOne(() => Delegation, { onDelete: 'CASCADE' })
  @JoinColumn({ name: 'sponsor_delegation_id' })
  sponsor?: Delegation;

  /** Delegations that accepted to co-sponsor before submission. */
  @Column('simple-json', { name: 'co_sponsor_ids' })
  coSponsorIds!: string[];

  @Column('varchar', { length: 300 })
  title!: string;

  @Column('text')
  justification!: string;

  /** What the base was: `instrument:<id>` for an instrument's base text, later a revision id. */
  @Column('varchar', { name: 'base_ref', length: 100 })
  baseRef!: string;

  /** ProseMirror JSON of the base provisions the proposal was made against. */
  @Column('text', { name: 'base_doc' })
  baseDoc!: string;

  /** ProseMirror JSON of the proposed text of those provisions. */
  @Column('text', { name: 'proposed_doc' })
  proposedDoc!: string;

  /** JSON of the change set against the base, node by node. */
  @Column('text')
  changes!: string;

  /** Article ids the proposal touches. */
  @Column('simple-json', { name: 'provision_ids' })
  provisionIds!: string[];

  @Column('varchar', { length: 30 })
  status!: string;

  /** Submitted after the session's proposal deadline. */
  @Column('boolean')
  late!: boolean;

  /** Warnings about the text, such as bidirectional control characters, shown to readers. */
  @Column('simple-json', { name: 'text_warnings' })
  textWarnings!: string[];

  @Column('varchar', { name: 'supersedes_id', length: 36, nullable: true })
  supersedesId!: string | null;

  @Column('varchar', { name: 'submitted_by', length: 36 })
  submittedBy!: string;

  @Column({ name: 'submitted_at' })
  submittedAt!: Date;

  /** Set once a published compilation of proposals lists it: from then on it is public. */
  @Column({ name: 'published_at', type: Date, nullable: true })
  publishedAt!: Date | null;
}
