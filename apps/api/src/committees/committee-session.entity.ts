import { JoinColumn, ManyToOne, Column, Entity, Index, PrimaryColumn } from 'typeorm';
import { Committee } from './committee.entity';

/** A session of the committee (organizational, first … concluding) with its proposal deadline. */
@Entity('committee_sessions')
@Index('uq_committee_sessions_number', ['committeeId', 'number'], { unique: true })
export class CommitteeSession {
  @PrimaryColumn('varchar', { length: 36 })
  id!: string;

  @Column('varchar', { name: 'committee_id', length: 36 })
  committeeId!: string;

  @ManyToOne(() => Committee, { onDelete: 'CASCADE' })
  @JoinColumn({ name: 'committee_id' })
  committee?: Committee;

  @Column('integer')
  number!: number;

  @Column('varchar', { length: 300 })
  title!: string;

  @Column('varchar', { length: 200 })
  venue!: string;

  /** First day, `YYYY-MM-DD`. */
  @Column('varchar', { name: 'start_date', length: 10 })
  startDate!: string;

  /** Last day, `YYYY-MM-DD`. */
  @Column('varchar', { name: 'end_date', length: 10 })
  endDate!: string;

  /** Proposals submitted after this instant are accepted but flagged late. */
  @Column({ name: 'proposal_deadline' })
  proposalDeadline!: Date;

  @Column({ name: 'created_at' })
  createdAt!: Date;

  @Column({ name: 'updated_at' })
  updatedAt!: Date;
}
