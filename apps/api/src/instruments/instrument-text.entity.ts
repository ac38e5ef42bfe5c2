import { JoinColumn, ManyToOne, Column, Entity, PrimaryColumn } from 'typeorm';
import { Instrument } from './instrument.entity';

/** The base text of an instrument in one language, as a ProseMirror document in the treaty schema. */
@Entity('instrument_texts')
export class InstrumentText {
  @PrimaryColumn('varchar', { name: 'instrument_id', length: 36 })
  instrumentId!: string;

  @ManyToOne(() => Instrument, { onDelete: 'CASCADE' })
  @JoinColumn({ name: 'instrument_id' })
  instrument?: Instrument;

  @PrimaryColumn('varchar', { length: 2 })
  language!: string;

  /** ProseMirror JSON of the document. */
  @Column('text')
  doc!: string;

  @Column({ name: 'created_at' })
  createdAt!: Date;
}
