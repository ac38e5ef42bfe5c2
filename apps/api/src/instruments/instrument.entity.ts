import type { Localized } from '@concord/domain';
import { Committee } from '../committees/committee.entity';
import { JoinColumn, ManyToOne, Column, Entity, PrimaryColumn } from 'typeorm';

/** A text under negotiation, such as a draft convention. */
@Entity('instruments')
export class Instrument {
  @PrimaryColumn('varchar', { length: 36 })
  id!: string;

  @Column('varchar', { name: 'committee_id', length: 36 })
  committeeId!: string;

  @ManyToOne(() => Committee, { onDelete: 'CASCADE' })
  @JoinColumn({ name: 'committee_id' })
  committee?: Committee;

  @Column('simple-json')
  titles!: Localized;

  @Column('varchar', { name: 'original_language', length: 2 })
  originalLanguage!: string;

  @Column({ name: 'created_at' })
  createdAt!: Date;

  @Column({ name: 'updated_at' })
  updatedAt!: Date;
}
