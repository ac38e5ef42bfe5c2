import { Column, Entity, PrimaryColumn } from 'typeorm';

/**
 * One state change. Rows are only ever appended; each stores the hash of the row before it, so altering or
 * removing a row breaks the chain from that row on.
 */
@Entity('audit_log')
export class AuditEntry {
  /** Position in the chain, from 1. */
  @PrimaryColumn('integer')
  seq!: number;

  @Column()
  at!: Date;

  /** The user who made the change; null for the system (seed, migrations). */
  @Column('varchar', { name: 'actor_id', length: 36, nullable: true })
  actorId!: string | null;

  /** What happened, such as `delegation.create`. */
  @Column('varchar', { length: 100 })
  action!: string;

  @Column('varchar', { name: 'entity_type', length: 50 })
  entityType!: string;

  @Column('varchar', { name: 'entity_id', length: 100 })
  entityId!: string;

  /** JSON of the record before the change; null on creation. */
  @Column('text', { nullable: true })
  before!: string | null;

  /** JSON of the record after the change; null on deletion. */
  @Column('text', { nullable: true })
  after!: string | null;

  @Column('varchar', { name: 'prev_hash', length: 64 })
  prevHash!: string;

  @Column('varchar', { length: 64, unique: true })
  hash!: string;
}
