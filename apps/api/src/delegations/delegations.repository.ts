import { Injectable } from '@nestjs/common';
import { DataSource, type EntityManager, In } from 'typeorm';
import { User } from '../auth/user.entity';
import { Delegation } from './delegation.entity';
import { GroupMembership } from './group-membership.entity';

/** Delegations and their group memberships. */
@Injectable()
export class DelegationsRepository {
  constructor(private readonly dataSource: DataSource) {}

  findById(id: string, manager?: EntityManager): Promise<Delegation | null> {
    return (manager ?? this.dataSource.manager).getRepository(Delegation).findOneBy({ id });
  }

  findByIds(ids: readonly string[], manager: EntityManager): Promise<Delegation[]> {
    return ids.length ? manager.getRepository(Delegation).findBy({ id: In([...ids]) }) : Promise.resolve([]);
  }

  findByCode(committeeId: string, code: string, manager: EntityManager): Promise<Delegation | null> {
    return manager.getRepository(Delegation).findOneBy({ committeeId, code });
  }

  listByCommittee(committeeId: string): Promise<Delegation[]> {
    return this.dataSource.getRepository(Delegation).find({ where: { committeeId }, order: { code: 'ASC' } });
  }

  /** Group memberships of the given delegations (as members). */
  membershipsOf(memberIds: readonly string[], manager?: EntityManager): Promise<GroupMembership[]> {
    if (memberIds.length === 0) return Promise.resolve([]);
    return (manager ?? this.dataSource.manager).getRepository(GroupMembership).findBy({ memberId: In([...memberIds]) });
  }

  /** The names and roles of the users who belong to a delegation, pending or confirmed. */
  membersOf(delegationId: string, manager: EntityManager): Promise<Pick<User, 'displayName' | 'roles'>[]> {
    return manager.getRepository(User).find({ where: { delegationId }, select: { displayName: true, roles: true } });
  }

  async save(delegation: Delegation, manager: EntityManager): Promise<void> {
    await manager.getRepository(Delegation).save(delegation);
  }

  /** Replaces the groups a delegation belongs to. */
  async setGroups(memberId: string, groupIds: readonly string[], manager: EntityManager): Promise<void> {
    const repo = manager.getRepository(GroupMembership);
    await repo.delete({ memberId });
    if (groupIds.length) await repo.insert(groupIds.map((groupId) => ({ groupId, memberId })));
  }
}
