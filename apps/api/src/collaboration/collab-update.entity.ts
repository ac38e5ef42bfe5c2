import { Column, Entity, Index, PrimaryGeneratedColumn } from 'typeorm';
import { BinaryColumn } from '../database/binary-column';

/** One Yjs update of a collaborative document, appended before it is applied or relayed. */
@Entity('collab_updates')
@Index('ix_collab_updates_document', ['document', 'seq'])
export class CollabUpdate {
  @PrimaryGeneratedColumn('increment')
  seq!: number;

  /** The document's name, such as `consolidated:<instrument id>:en`. */
  @Column('varchar', { length: 200 })
  document!: string;

  @BinaryColumn()
  data!: Buffer;

  @Column({ name: 'created_at' })
  createdAt!: Date;
}
