import { Column, Entity, Index, JoinColumn, ManyToOne, PrimaryColumn } from 'typeorm';
import { Delegation } from '../delegations/delegation.entity';
import { Instrument } from '../instruments/instrument.entity';

/**
 * A delegation's private collaborative document in which it drafts text on provisions of a base text. Only the
 * owning delegation and co-sponsors that accepted may see or edit it until it is submitted.
 */
@Entity('drafting_spaces')
@Index('ix_drafting_spaces_owner', ['ownerDelegationId'])
export class DraftingSpace {
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

  @Column('varchar', { name: 'owner_delegation_id', length: 36 })
  ownerDelegationId!: string;

  @ManyToOne(() => Delegation, { onDelete: 'CASCADE' })
  @JoinColumn({ name: 'owner_delegation_id' })
  ownerDelegation?: Delegation;

  /** Delegations invited to co-sponsor that have not answered yet. */
  @Column('simple-json', { name: 'invited_co_sponsor_ids', default: '[]' })
  invitedCoSponsorIds!: string[];

  /** Delegations that accepted to co-sponsor, and so co-edit. */
  @Column('simple-json', { name: 'co_sponsor_ids' })
  coSponsorIds!: string[];

  @Column('varchar', { length: 300 })
  title!: string;

  /** Ids of the base text's provisions the space drafts on; empty for the whole text. */
  @Column('simple-json', { name: 'provision_ids' })
  provisionIds!: string[];

  @Column('varchar', { name: 'created_by', length: 36 })
  createdBy!: string;

  @Column({ name: 'created_at' })
  createdAt!: Date;
}
