import { Column, Entity, PrimaryColumn } from 'typeorm';

/**
 * Which state of the original a translated node renders: the hash of the original node's own text when a
 * translator confirmed the translation. When the original changes, the hashes differ and the node is stale.
 */
@Entity('translation_sources')
export class TranslationSource {
  @PrimaryColumn('varchar', { name: 'instrument_id', length: 36 })
  instrumentId!: string;

  @PrimaryColumn('varchar', { length: 2 })
  language!: string;

  @PrimaryColumn('varchar', { name: 'node_id', length: 100 })
  nodeId!: string;

  @Column('varchar', { name: 'source_hash', length: 64 })
  sourceHash!: string;

  /** The original node's own words when the translation was made or confirmed, to show what changed since. */
  @Column('text', { name: 'source_text', nullable: true })
  sourceText!: string | null;

  @Column('varchar', { name: 'confirmed_by', length: 36 })
  confirmedBy!: string;

  @Column({ name: 'confirmed_at' })
  confirmedAt!: Date;
}
