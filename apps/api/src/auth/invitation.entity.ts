import { User } from './user.entity';
import { JoinColumn, ManyToOne, Column, Entity, PrimaryColumn } from 'typeorm';

/** A one-time link through which an invited person sets a password. Only the token's hash is stored. */
@Entity('invitations')
export class Invitation {
  @PrimaryColumn('varchar', { length: 36 })
  id!: string;

  @Column('varchar', { name: 'token_hash', length: 64, unique: true })
  tokenHash!: string;

  /** The account the invitation activates. */
  @Column('varchar', { name: 'user_id', length: 36 })
  userId!: string;

  @ManyToOne(() => User, { onDelete: 'CASCADE' })
  @JoinColumn({ name: 'user_id' })
  user?: User;

  @Column('varchar', { name: 'invited_by', length: 36 })
  invitedBy!: string;

  @Column({ name: 'created_at' })
  createdAt!: Date;

  @Column({ name: 'expires_at' })
  expiresAt!: Date;

  @Column({ name: 'accepted_at', type: Date, nullable: true })
  acceptedAt!: Date | null;
}
