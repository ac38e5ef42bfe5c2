import { Column, Entity, PrimaryColumn } from 'typeorm';
import { BinaryColumn } from '../database/binary-column';

/** A collaborative document's state with its update log folded in up to `lastSeq`. */
@Entity('collab_snapshots')
export class CollabSnapshot {
  @PrimaryColumn('varchar', { length: 200 })
  document!: string;

  /** `Y.encodeStateAsUpdate` of the folded document. */
  @BinaryColumn()
  state!: Buffer;

  /** The last update folded in; the log keeps only later ones. */
  @Column('integer', { name: 'last_seq' })
  lastSeq!: number;

  @Column({ name: 'updated_at' })
  updatedAt!: Date;
}
