import { Column, Entity, Index, JoinColumn, ManyToOne, PrimaryColumn } from 'typeorm';
import { Proposal } from './proposal.entity';

/** One step of a proposal's life: who moved it from which status to which, and when. */
@Entity('proposal_events')
@Index('ix_proposal_events_proposal', ['proposalId', 'at'])
export class ProposalEvent {
  @PrimaryColumn('varchar', { length: 36 })
  id!: string;

  @Column('varchar', { name: 'proposal_id', length: 36 })
  proposalId!: string;

  @ManyToOne(() => Proposal, { onDelete: 'CASCADE' })
  @JoinColumn({ name: 'proposal_id' })
  proposal?: Proposal;

  @Column('varchar', { name: 'from_status', length: 30, nullable: true })
  fromStatus!: string | null;

  @Column('varchar', { name: 'to_status', length: 30 })
  toStatus!: string;

  @Column('varchar', { name: 'actor_id', length: 36 })
  actorId!: string;

  @Column()
  at!: Date;
}
