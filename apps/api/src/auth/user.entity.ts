import type { DelegationMembership, Role } from '@concord/domain';
import { Committee } from '../committees/committee.entity';
import { Delegation } from '../delegations/delegation.entity';
import { JoinColumn, ManyToOne, Column, Entity, PrimaryColumn } from 'typeorm';

/** Whether a user's place in its delegation is confirmed by the delegation's head. */
export type { DelegationMembership } from '@concord/domain';

/** A person who signs in: a delegate, a secretariat officer, a member of the bureau, an observer. */
@Entity('users')
export class User {
  @PrimaryColumn('varchar', { length: 36 })
  id!: string;

  @Column('varchar', { name: 'committee_id', length: 36 })
  committeeId!: string;

  @ManyToOne(() => Committee, { onDelete: 'CASCADE' })
  @JoinColumn({ name: 'committee_id' })
  committee?: Committee;

  /** Lower-cased; unique across the installation. */
  @Column('varchar', { length: 320, unique: true })
  email!: string;

  @Column('varchar', { name: 'display_name', length: 200 })
  displayName!: string;

  @Column('varchar', { name: 'delegation_id', length: 36, nullable: true })
  delegationId!: string | null;

  /**
   * Whether the head of the user's delegation has confirmed the membership. A member the secretariat or an
   * administrator adds is `pending` and acts for no delegation until then; rows from before this column are
   * `confirmed`.
   */
  @Column('varchar', { name: 'delegation_membership', length: 16, default: 'confirmed' })
  delegationMembership!: DelegationMembership;

  @ManyToOne(() => Delegation, { onDelete: 'SET NULL' })
  @JoinColumn({ name: 'delegation_id' })
  delegation?: Delegation;

  @Column('simple-json')
  roles!: Role[];

  /** `scrypt$…` hash; null until the user has set a password from an invitation. */
  @Column('varchar', { name: 'password_hash', length: 300, nullable: true })
  passwordHash!: string | null;

  @Column({ name: 'created_at' })
  createdAt!: Date;

  @Column({ name: 'updated_at' })
  updatedAt!: Date;
}
