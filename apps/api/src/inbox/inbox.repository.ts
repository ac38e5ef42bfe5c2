import { Injectable } from '@nestjs/common';
import { DataSource, type EntityManager, In, IsNull } from 'typeorm';
import { User } from '../auth/user.entity';
import { InboxItem } from './inbox-item.entity';

/** Inbox items, and the users of delegations and committees they go to. */
@Injectable()
export class InboxRepository {
  constructor(private readonly dataSource: DataSource) {}

  async insert(items: readonly InboxItem[], manager: EntityManager): Promise<void> {
    if (items.length > 0) await manager.getRepository(InboxItem).insert([...items]);
  }

  listFor(userId: string, limit: number): Promise<InboxItem[]> {
    return this.dataSource.getRepository(InboxItem).find({ where: { userId }, order: { createdAt: 'DESC', id: 'DESC' }, take: limit });
  }

  unreadCount(userId: string): Promise<number> {
    return this.dataSource.getRepository(InboxItem).count({ where: { userId, readAt: IsNull() } });
  }

  findOwn(userId: string, id: string, manager: EntityManager): Promise<InboxItem | null> {
    return manager.getRepository(InboxItem).findOneBy({ id, userId });
  }

  async markRead(userId: string, ids: readonly string[] | 'all', at: Date, manager: EntityManager): Promise<number> {
    const where = ids === 'all' ? { userId, readAt: IsNull() } : { userId, readAt: IsNull(), id: In([...ids]) };
    const result = await manager.getRepository(InboxItem).update(where, { readAt: at });
    return result.affected ?? 0;
  }

  /** Confirmed members of the delegations (a member its head has not confirmed acts for none). */
  async membersOf(delegationIds: readonly string[], manager: EntityManager): Promise<User[]> {
    if (delegationIds.length === 0) return [];
    return manager.getRepository(User).find({ where: { delegationId: In([...delegationIds]), delegationMembership: 'confirmed' }, select: { id: true, committeeId: true, roles: true, delegationId: true } });
  }

  /** The committee's users, to be filtered by role. */
  usersOf(committeeId: string, manager: EntityManager): Promise<User[]> {
    return manager.getRepository(User).find({ where: { committeeId }, select: { id: true, committeeId: true, roles: true, delegationId: true, delegationMembership: true } });
  }

  /** A user's e-mail address, for the notifier. */
  async emailOf(userId: string): Promise<string | null> {
    const user = await this.dataSource.getRepository(User).findOne({ where: { id: userId }, select: { id: true, email: true } });
    return user?.email ?? null;
  }
}
