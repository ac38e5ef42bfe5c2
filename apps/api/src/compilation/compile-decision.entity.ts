import { Column, Entity, JoinColumn, ManyToOne, PrimaryColumn } from 'typeorm';
import { Proposal } from '../proposals/proposal.entity';

/** The secretariat's decision on a proposal for one consolidated draft; `compiledAt` once compiled into it. */
@Entity('compile_decisions')
export class CompileDecision {
  /** The consolidated draft's document name. */
  @PrimaryColumn('varchar', { length: 200 })
  document!: string;

  @PrimaryColumn('varchar', { name: 'proposal_id', length: 36 })
  proposalId!: string;

  @ManyToOne(() => Proposal, { onDelete: 'CASCADE' })
  @JoinColumn({ name: 'proposal_id' })
  proposal?: Proposal;

  /** `incorporate`, `present-as-option` or `not-retain`. */
  @Column('varchar', { length: 30 })
  decision!: string;

  @Column('varchar', { name: 'decided_by', length: 36 })
  decidedBy!: string;

  @Column({ name: 'decided_at' })
  decidedAt!: Date;

  @Column({ name: 'compiled_at', type: Date, nullable: true })
  compiledAt!: Date | null;
}
