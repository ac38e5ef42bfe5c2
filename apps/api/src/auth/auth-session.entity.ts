import { JoinColumn, ManyToOne, Column, Entity, Index, PrimaryColumn } from 'typeorm';
import { User } from './user.entity';

/** A signed-in session. Only the SHA-256 of its token is stored, so a copy of the database signs nobody in. */
@Entity('auth_sessions')
export class AuthSession {
  @PrimaryColumn('varchar', { length: 36 })
  id!: string;

  @Index('ix_auth_sessions_user')
  @Column('varchar', { name: 'user_id', length: 36 })
  userId!: string;

  @ManyToOne(() => User, { onDelete: 'CASCADE' })
  @JoinColumn({ name: 'user_id' })
  user?: User;

  @Column('varchar', { name: 'token_hash', length: 64, unique: true })
  tokenHash!: string;

  @Column({ name: 'created_at' })
  createdAt!: Date;

  @Column({ name: 'expires_at' })
  expiresAt!: Date;

  @Column({ name: 'revoked_at', type: Date, nullable: true })
  revokedAt!: Date | null;
}
