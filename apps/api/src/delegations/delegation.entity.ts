import type { Localized } from '@concord/domain';
import { Committee } from '../committees/committee.entity';
import { JoinColumn, ManyToOne, Column, Entity, Index, PrimaryColumn } from 'typeorm';

/** A Member State, a group of States, an observer organization or the secretariat. */
@Entity('delegations')
@Index('uq_delegations_code', ['committeeId', 'code'], { unique: true })
export class Delegation {
  @PrimaryColumn('varchar', { length: 36 })
  id!: string;

  @Column('varchar', { name: 'committee_id', length: 36 })
  committeeId!: string;

  @ManyToOne(() => Committee, { onDelete: 'CASCADE' })
  @JoinColumn({ name: 'committee_id' })
  committee?: Committee;

  /** Short code, such as `EGY` or `EU`. */
  @Column('varchar', { length: 20 })
  code!: string;

  @Column('varchar', { length: 30 })
  kind!: string;

  /** Name in each of the six UN languages. */
  @Column('simple-json')
  names!: Localized;

  @Column({ name: 'created_at' })
  createdAt!: Date;

  @Column({ name: 'updated_at' })
  updatedAt!: Date;
}
