import { Column, Entity, JoinColumn, ManyToOne, PrimaryColumn } from 'typeorm';
import { Proposal } from '../proposals/proposal.entity';

/**
 * The secretariat's decision on a proposal for one consolidated draft, `compiledAt` once compiled into it: on
 * the whole proposal (`provision` and `change` empty), on its changes to one provision (`provision` set), or on
 * one single change there (`change` set too), the narrowest one covering a change deciding it.
 */
@Entity('compile_decisions')
export class CompileDecision {
  /** The consolidated draft's document name. */
  @PrimaryColumn('varchar', { length: 200 })
  document!: string;

  @PrimaryColumn('varchar', { name: 'proposal_id', length: 36 })
  proposalId!: string;

  /** The article id (or `#title`, `#preamble`, a chapter id) the decision is scoped to; empty for the whole proposal. */
  @PrimaryColumn('varchar', { length: 100, default: '' })
  provision!: string;

  /** The key of the one change the decision is on (`p1#text0:0`, `insert:n1`, `delete:s1`); empty for the whole provision. */
  @PrimaryColumn('varchar', { name: 'change_key', length: 200, default: '' })
  change!: string;

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
