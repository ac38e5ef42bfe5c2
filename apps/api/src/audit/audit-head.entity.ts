import { Column, Entity, PrimaryColumn } from 'typeorm';

/**
 * The chain's newest row (sequence number and hash) signed with the server key, rewritten in the transaction of
 * every append. One row. Someone who rewrites the log and recomputes the later hashes, or deletes its last rows,
 * cannot sign a head that matches without the key.
 */
@Entity('audit_head')
export class AuditHead {
  /** Always 1. */
  @PrimaryColumn('integer')
  id!: number;

  @Column('integer')
  seq!: number;

  @Column('varchar', { length: 64 })
  hash!: string;

  /**
   * Set, and carried into every later head, once an append found the log's end no longer matching the signed head:
   * what the server found. The log then never verifies again, though the server keeps recording changes.
   */
  @Column('varchar', { length: 500, nullable: true })
  tampered!: string | null;

  /** Ed25519 signature (base64) over `auditHeadPayload(seq, hash, tampered)`. */
  @Column('varchar', { length: 128 })
  signature!: string;

  /** Fingerprint of the key that signed it, so a replaced key is told apart from a forged head. */
  @Column('varchar', { name: 'key_fingerprint', length: 64 })
  keyFingerprint!: string;
}
