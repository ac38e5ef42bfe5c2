import { Injectable } from '@nestjs/common';
import { DataSource, type EntityManager, In, IsNull } from 'typeorm';
import { User } from '../auth/user.entity';
import { DraftingSpace } from '../drafting-spaces/drafting-space.entity';
import { ProposalEvent } from './proposal-event.entity';
import { ProposalSupport } from './proposal-support.entity';
import { Proposal } from './proposal.entity';

/** Proposals, their lifecycle events and declarations of support; and the co-sponsor lists of drafting spaces. */
@Injectable()
export class ProposalsRepository {
  constructor(private readonly dataSource: DataSource) {}

  private m(manager?: EntityManager): EntityManager {
    return manager ?? this.dataSource.manager;
  }

  findById(id: string, manager?: EntityManager): Promise<Proposal | null> {
    return this.m(manager).getRepository(Proposal).findOneBy({ id });
  }

  /** Proposals of an instrument (or of all), newest first. */
  list(filter: { committeeId: string; instrumentId?: string }): Promise<Proposal[]> {
    return this.dataSource.getRepository(Proposal).find({
      where: { committeeId: filter.committeeId, ...(filter.instrumentId ? { instrumentId: filter.instrumentId } : {}) },
      order: { submittedAt: 'DESC', id: 'ASC' },
    });
  }

  async insert(proposal: Proposal, manager: EntityManager): Promise<void> {
    await manager.getRepository(Proposal).insert(proposal);
  }

  async setStatus(id: string, status: string, manager: EntityManager): Promise<void> {
    await manager.getRepository(Proposal).update({ id }, { status });
  }

  /** The roles and delegations of the users who acted on proposals. */
  actorsOf(userIds: readonly string[]): Promise<Pick<User, 'id' | 'roles' | 'delegationId'>[]> {
    if (userIds.length === 0) return Promise.resolve([]);
    return this.dataSource.getRepository(User).find({ where: { id: In([...userIds]) }, select: { id: true, roles: true, delegationId: true } });
  }

  async insertEvent(event: ProposalEvent, manager: EntityManager): Promise<void> {
    await manager.getRepository(ProposalEvent).insert(event);
  }

  eventsOf(proposalIds: readonly string[]): Promise<ProposalEvent[]> {
    if (proposalIds.length === 0) return Promise.resolve([]);
    return this.dataSource.getRepository(ProposalEvent).find({ where: { proposalId: In([...proposalIds]) }, order: { at: 'ASC', id: 'ASC' } });
  }

  /** Current (not withdrawn) supports of the given proposals. */
  supportsOf(proposalIds: readonly string[]): Promise<ProposalSupport[]> {
    if (proposalIds.length === 0) return Promise.resolve([]);
    return this.dataSource.getRepository(ProposalSupport).find({ where: { proposalId: In([...proposalIds]), withdrawnAt: IsNull() }, order: { declaredAt: 'ASC' } });
  }

  findSupport(proposalId: string, delegationId: string, manager: EntityManager): Promise<ProposalSupport | null> {
    return manager.getRepository(ProposalSupport).findOneBy({ proposalId, delegationId });
  }

  async saveSupport(support: ProposalSupport, manager: EntityManager): Promise<void> {
    await manager.getRepository(ProposalSupport).save(support);
  }

  async saveSpace(space: DraftingSpace, manager: EntityManager): Promise<void> {
    await manager.getRepository(DraftingSpace).save(space);
  }

  findSpace(id: string, manager?: EntityManager): Promise<DraftingSpace | null> {
    return this.m(manager).getRepository(DraftingSpace).findOneBy({ id });
  }
}
