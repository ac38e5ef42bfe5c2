import { Column, Entity, JoinColumn, ManyToOne, PrimaryColumn } from 'typeorm';
import { Proposal } from './proposal.entity';

/** A delegation's declared support for a submitted proposal; withdrawing keeps the row with `withdrawnAt`. */
@Entity('proposal_supports')
export class ProposalSupport {
  @PrimaryColumn('varchar', { name: 'proposal_id', length: 36 })
  proposalId!: string;

  @ManyToOne(() => Proposal, { onDelete: 'CASCADE' })
  @JoinColumn({ name: 'proposal_id' })
  proposal?: Proposal;

  @PrimaryColumn('varchar', { name: 'delegation_id', length: 36 })
  delegationId!: string;

  @Column('varchar', { name: 'declared_by', length: 36 })
  declaredBy!: string;

  @Column({ name: 'declared_at' })
  declaredAt!: Date;

  @Column({ name: 'withdrawn_at', type: Date, nullable: true })
  withdrawnAt!: Date | null;
}
