import { Column, Entity, Index, PrimaryColumn } from 'typeorm';

/** One line of a concordance: a provision's number before and after a renumbering (frozen numbers, "7.1" = 7 bis). */
export interface ConcordanceEntry {
  readonly provisionId: string;
  readonly from: string;
  readonly to: string;
}

/**
 * A renumbering of an instrument's consolidated draft, decided by the secretariat: when, by whom, and the
 * concordance of old and new article numbers by stable id. Never changed once written.
 */
@Entity('renumberings')
@Index('ix_renumberings_instrument', ['instrumentId', 'at'])
export class Renumbering {
  @PrimaryColumn('varchar', { length: 36 })
  id!: string;

  @Column('varchar', { name: 'instrument_id', length: 36 })
  instrumentId!: string;

  @Column('varchar', { name: 'committee_id', length: 36 })
  committeeId!: string;

  @Column('varchar', { name: 'actor_id', length: 36 })
  actorId!: string;

  @Column()
  at!: Date;

  /** The concordance as JSON: every article, its number before and after. */
  @Column('text')
  entries!: string;
}
