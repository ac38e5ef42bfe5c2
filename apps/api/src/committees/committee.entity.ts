import { Column, Entity, PrimaryColumn } from 'typeorm';

/** The negotiating body: an Ad Hoc Committee and the symbol its documents carry. */
@Entity('committees')
export class Committee {
  @PrimaryColumn('varchar', { length: 36 })
  id!: string;

  @Column('varchar', { length: 300 })
  name!: string;

  /** Symbol stem of the committee's documents, such as `A/AC.291`. */
  @Column('varchar', { name: 'symbol_prefix', length: 100 })
  symbolPrefix!: string;

  @Column('text', { default: '' })
  description!: string;

  @Column({ name: 'created_at' })
  createdAt!: Date;

  @Column({ name: 'updated_at' })
  updatedAt!: Date;
}
