import { Column, Entity, Index, PrimaryColumn } from 'typeorm';

/** A change of a provision's negotiation status in a consolidated draft: who, when, from what to what. */
@Entity('provision_status_events')
@Index('ix_provision_status_events', ['document', 'provisionId', 'at'])
export class ProvisionStatusEvent {
  @PrimaryColumn('varchar', { length: 36 })
  id!: string;

  @Column('varchar', { length: 200 })
  document!: string;

  @Column('varchar', { name: 'provision_id', length: 100 })
  provisionId!: string;

  @Column('varchar', { name: 'from_status', length: 30 })
  fromStatus!: string;

  @Column('varchar', { name: 'to_status', length: 30 })
  toStatus!: string;

  @Column('varchar', { name: 'actor_id', length: 36 })
  actorId!: string;

  /** Why the provision was reopened (required when agreed text goes back to open); null otherwise. */
  @Column('text', { nullable: true })
  reason!: string | null;

  @Column()
  at!: Date;
}
