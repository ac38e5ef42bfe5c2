import { Column, Entity, PrimaryColumn } from 'typeorm';

/** A published compilation of proposals: which proposals it listed; publishing it made them public. */
@Entity('proposal_compilations')
export class ProposalCompilation {
  @PrimaryColumn('varchar', { length: 36 })
  id!: string;

  @Column('varchar', { name: 'committee_id', length: 36 })
  committeeId!: string;

  @Column('varchar', { name: 'instrument_id', length: 36 })
  instrumentId!: string;

  @Column('varchar', { length: 2 })
  language!: string;

  @Column('varchar', { name: 'session_id', length: 36, nullable: true })
  sessionId!: string | null;

  @Column('simple-json', { name: 'proposal_ids' })
  proposalIds!: string[];

  @Column('varchar', { name: 'published_by', length: 36 })
  publishedBy!: string;

  @Column({ name: 'published_at' })
  publishedAt!: Date;
}
