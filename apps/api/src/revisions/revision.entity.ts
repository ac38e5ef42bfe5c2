import { Column, Entity, Index, JoinColumn, ManyToOne, PrimaryColumn } from 'typeorm';
import { Instrument } from '../instruments/instrument.entity';

/**
 * A published revision: an immutable snapshot of a consolidated draft in its language versions, with its document
 * symbol and a SHA-256 over a canonical serialization. No route or repository method updates a row, and database
 * triggers refuse UPDATE and DELETE.
 */
@Entity('revisions')
@Index('ix_revisions_instrument', ['instrumentId', 'revisionNumber'])
export class Revision {
  @PrimaryColumn('varchar', { length: 36 })
  id!: string;

  @Column('varchar', { name: 'committee_id', length: 36 })
  committeeId!: string;

  @Column('varchar', { name: 'instrument_id', length: 36 })
  instrumentId!: string;

  @ManyToOne(() => Instrument, { onDelete: 'RESTRICT' })
  @JoinColumn({ name: 'instrument_id' })
  instrument?: Instrument;

  /** Such as `A/AC.291/22/Rev.1`. */
  @Column('varchar', { length: 100, unique: true })
  symbol!: string;

  /** 0 for the first publication, then 1, 2 … for /Rev.N. */
  @Column('integer', { name: 'revision_number' })
  revisionNumber!: number;

  /** Date of the document, `YYYY-MM-DD`. */
  @Column('varchar', { length: 10 })
  date!: string;

  /** `committee` or `public`. */
  @Column('varchar', { length: 20 })
  tier!: string;

  @Column('varchar', { name: 'original_language', length: 2 })
  originalLanguage!: string;

  /** The canonical JSON that the hash covers: titles, and per language the document and its stale node ids. */
  @Column('text')
  content!: string;

  /** SHA-256 hex of `content`. */
  @Column('varchar', { name: 'content_hash', length: 64 })
  contentHash!: string;

  /**
   * Sequence number of this publication's row in the audit log, and that row's hash: the signature covers both, so
   * a published revision pins the chain up to its publication.
   */
  @Column('integer', { name: 'audit_seq', nullable: true })
  auditSeq!: number | null;

  @Column('varchar', { name: 'audit_hash', length: 64, nullable: true })
  auditHash!: string | null;

  /** Ed25519 signature (base64) of the server key over `revisionPayload` (null only for revisions published before signing). */
  @Column('varchar', { length: 128, nullable: true })
  signature!: string | null;

  @Column('varchar', { name: 'published_by', length: 36 })
  publishedBy!: string;

  @Column({ name: 'published_at' })
  publishedAt!: Date;
}
