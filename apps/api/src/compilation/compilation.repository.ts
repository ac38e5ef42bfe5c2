import { Injectable } from '@nestjs/common';
import { DataSource, type EntityManager, In } from 'typeorm';
import { Delegation } from '../delegations/delegation.entity';
import { GroupMembership } from '../delegations/group-membership.entity';
import { ProposalSupport } from '../proposals/proposal-support.entity';
import { Proposal } from '../proposals/proposal.entity';
import { CompileDecision } from './compile-decision.entity';
import { ProvisionStatusEvent } from './provision-status-event.entity';

/** Decisions, status history, and the proposals and delegations the compile desk reads. */
@Injectable()
export class CompilationRepository {
  constructor(private readonly dataSource: DataSource) {}

  /** Submitted or decided proposals of an instrument in a language, oldest first. */
  proposalsFor(instrumentId: string, language: string, statuses: readonly string[]): Promise<Proposal[]> {
    return this.dataSource.getRepository(Proposal).find({
      where: { instrumentId, language, status: In([...statuses]) },
      order: { submittedAt: 'ASC', id: 'ASC' },
    });
  }

  proposalsByIds(ids: readonly string[]): Promise<Proposal[]> {
    if (ids.length === 0) return Promise.resolve([]);
    return this.dataSource.getRepository(Proposal).find({ where: { id: In([...ids]) }, order: { submittedAt: 'ASC', id: 'ASC' } });
  }

  proposalById(id: string): Promise<Proposal | null> {
    return this.dataSource.getRepository(Proposal).findOneBy({ id });
  }

  decisionsFor(document: string, manager?: EntityManager): Promise<CompileDecision[]> {
    return (manager ?? this.dataSource.manager).getRepository(CompileDecision).find({ where: { document } });
  }

  /**
   * Saves a decision in place of the narrower ones beneath it: one on the whole proposal replaces every other
   * of the proposal; one on a provision, those on its single changes. The proposal's other decisions wait to be
   * compiled again, so that its outcome is worked out from all of them.
   */
  async replaceDecision(decision: CompileDecision, manager: EntityManager): Promise<void> {
    const repository = manager.getRepository(CompileDecision);
    const { document, proposalId, provision, change } = decision;
    if (provision === '') await repository.delete({ document, proposalId });
    else if (change === '') await repository.delete({ document, proposalId, provision });
    await repository.update({ document, proposalId }, { compiledAt: null });
    await repository.save(decision);
  }

  async markCompiled(document: string, proposalIds: readonly string[], at: Date, manager: EntityManager): Promise<void> {
    if (proposalIds.length) await manager.getRepository(CompileDecision).update({ document, proposalId: In([...proposalIds]) }, { compiledAt: at });
  }

  supportsOf(proposalIds: readonly string[]): Promise<ProposalSupport[]> {
    if (proposalIds.length === 0) return Promise.resolve([]);
    return this.dataSource.getRepository(ProposalSupport).find({ where: { proposalId: In([...proposalIds]) } });
  }

  delegationsOf(committeeId: string): Promise<Delegation[]> {
    return this.dataSource.getRepository(Delegation).find({ where: { committeeId }, order: { code: 'ASC' } });
  }

  memberships(): Promise<GroupMembership[]> {
    return this.dataSource.getRepository(GroupMembership).find();
  }

  async insertStatusEvent(event: ProvisionStatusEvent, manager: EntityManager): Promise<void> {
    await manager.getRepository(ProvisionStatusEvent).insert(event);
  }

  statusHistory(document: string, provisionId?: string): Promise<ProvisionStatusEvent[]> {
    return this.dataSource.getRepository(ProvisionStatusEvent).find({
      where: { document, ...(provisionId ? { provisionId } : {}) },
      order: { at: 'ASC', id: 'ASC' },
    });
  }
}
