import { Injectable } from '@nestjs/common';
import { DataSource, type EntityManager, In, IsNull } from 'typeorm';
import { AuthSession } from './auth-session.entity';
import { Invitation } from './invitation.entity';
import { User } from './user.entity';

/** Users, their sign-in sessions and invitations. */
@Injectable()
export class AuthRepository {
  constructor(private readonly dataSource: DataSource) {}

  private manager(manager?: EntityManager): EntityManager {
    return manager ?? this.dataSource.manager;
  }

  findUserByEmail(email: string, manager?: EntityManager): Promise<User | null> {
    return this.manager(manager).getRepository(User).findOneBy({ email: email.toLowerCase() });
  }

  findUserById(id: string, manager?: EntityManager): Promise<User | null> {
    return this.manager(manager).getRepository(User).findOneBy({ id });
  }

  listUsers(committeeId: string): Promise<User[]> {
    return this.dataSource.getRepository(User).find({ where: { committeeId }, order: { displayName: 'ASC' } });
  }

  /** The users placed in a delegation, confirmed or pending, in name order. */
  listDelegationMembers(delegationId: string, manager?: EntityManager): Promise<User[]> {
    return this.manager(manager).getRepository(User).find({ where: { delegationId }, order: { displayName: 'ASC' } });
  }

  /** The invitations of the given users, to tell who added them and when. */
  invitationsOf(userIds: readonly string[], manager?: EntityManager): Promise<Invitation[]> {
    if (userIds.length === 0) return Promise.resolve([]);
    return this.manager(manager).getRepository(Invitation).findBy({ userId: In([...userIds]) });
  }

  /** Revokes the user's live sessions; returns their ids. */
  async revokeSessionsOfUser(userId: string, at: Date, manager: EntityManager): Promise<string[]> {
    const repo = manager.getRepository(AuthSession);
    const live = await repo.find({ where: { userId, revokedAt: IsNull() }, select: { id: true } });
    if (live.length === 0) return [];
    await repo.update({ id: In(live.map((s) => s.id)), revokedAt: IsNull() }, { revokedAt: at });
    return live.map((s) => s.id);
  }

  async saveUser(user: User, manager: EntityManager): Promise<void> {
    await manager.getRepository(User).save(user);
  }

  async insertSession(session: AuthSession, manager: EntityManager): Promise<void> {
    await manager.getRepository(AuthSession).insert(session);
  }

  /** A live (unrevoked) session with its user, by token hash. Expiry is checked by the caller. */
  async findLiveSession(tokenHash: string): Promise<{ session: AuthSession; user: User } | null> {
    const session = await this.dataSource.getRepository(AuthSession).findOne({
      where: { tokenHash, revokedAt: IsNull() },
      relations: { user: true },
    });
    if (!session?.user) return null;
    return { session, user: session.user };
  }

  async revokeSession(id: string, at: Date, manager: EntityManager): Promise<void> {
    await manager.getRepository(AuthSession).update({ id, revokedAt: IsNull() }, { revokedAt: at });
  }

  async insertInvitation(invitation: Invitation, manager: EntityManager): Promise<void> {
    await manager.getRepository(Invitation).insert(invitation);
  }

  findInvitation(tokenHash: string, manager: EntityManager): Promise<Invitation | null> {
    return manager.getRepository(Invitation).findOneBy({ tokenHash });
  }

  async markInvitationAccepted(id: string, at: Date, manager: EntityManager): Promise<boolean> {
    const result = await manager.getRepository(Invitation).update({ id, acceptedAt: IsNull() }, { acceptedAt: at });
    return (result.affected ?? 0) === 1;
  }
}
