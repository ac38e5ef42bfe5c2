import { decide, type ProposalStatus } from '@concord/domain';
import { Injectable } from '@nestjs/common';
import type { EntityManager } from 'typeorm';
import type { AuthContext } from '../auth/auth-context';
import { AuditService } from '../audit/audit.service';
import { AppException } from '../common/app.exception';
import { assertAllowed } from '../common/policy';
import { UnitOfWork } from '../database/unit-of-work';
import type { InboxItem } from '../inbox/inbox-item.entity';
import { InboxService } from '../inbox/inbox.service';
import type { ProposalFilterDto, SetOutcomeDto, SubmitProposalDto } from './dto/proposal.dto';
import { ProposalLifecycle } from './proposal-lifecycle';
import { ProposalSupport } from './proposal-support.entity';
import { historyActor, proposalResource, type ProposalView, proposalView } from './proposal-view';
import type { Proposal } from './proposal.entity';
import { ProposalsRepository } from './proposals.repository';
import { SubmitProposalUseCase } from './submit-proposal.usecase';


/** Reading, supporting, withdrawing proposals and recording their outcome. */
@Injectable()
export class ProposalsService {
  constructor(
    private readonly proposals: ProposalsRepository,
    private readonly submitUseCase: SubmitProposalUseCase,
    private readonly uow: UnitOfWork,
    private readonly audit: AuditService,
    private readonly inbox: InboxService,
    private readonly lifecycle: ProposalLifecycle,
  ) {}

  async submit(user: AuthContext, spaceId: string, dto: SubmitProposalDto): Promise<ProposalView> {
    const proposal = await this.submitUseCase.execute(user, spaceId, dto);
    return this.get(user, proposal.id);
  }

  /** The proposals the caller may read, newest first. */
  async list(user: AuthContext, filter: ProposalFilterDto): Promise<ProposalView[]> {
    const rows = (await this.proposals.list({ committeeId: user.user.committeeId, instrumentId: filter.instrumentId })).filter(
      (p) => decide(user.subject, 'read', proposalResource(p)).allowed,
    );
    return this.views(rows);
  }

  async get(user: AuthContext, id: string): Promise<ProposalView> {
    const [view] = await this.views([await this.readable(user, id)]);
    return view;
  }

  withdraw(user: AuthContext, id: string): Promise<ProposalView> {
    return this.transition(user, id, 'withdrawn', (p) => {
      // A published proposal is public, yet withdrawing is judged as on the committee record it was.
      assertAllowed(decide(user.subject, 'withdraw-proposal', { ...proposalResource(p), tier: 'committee', owners: [p.sponsorDelegationId] }));
      if (p.publishedAt) throw new AppException('invalid-transition', 'A proposal listed in a published compilation can no longer be withdrawn.');
    });
  }

  /** Records the outcome; the sponsor's and co-sponsors' members hear of the decision in their inbox. */
  setOutcome(user: AuthContext, id: string, dto: SetOutcomeDto): Promise<ProposalView> {
    return this.transition(user, id, dto.status, (p) => assertAllowed(decide(user.subject, 'compile', proposalResource(p))), async (p, manager) => {
      const userIds = await this.inbox.recipients(manager, { delegationIds: [p.sponsorDelegationId, ...p.coSponsorIds], except: user.user.id });
      return this.inbox.record(manager, [{ userIds, committeeId: p.committeeId, kind: 'proposal-decision', link: `/proposals/${p.id}`, facts: { title: p.title, status: dto.status } }]);
    });
  }

  /** Declares (or, with `support` false, withdraws) the caller's delegation's support. */
  async support(user: AuthContext, id: string, support: boolean): Promise<ProposalView> {
    const proposal = await this.readable(user, id);
    assertAllowed(decide(user.subject, 'support-proposal', proposalResource(proposal)));
    const delegationId = user.user.delegationId ?? '';
    if (proposal.status !== 'submitted' && support) {
      throw new AppException('invalid-transition', `The proposal is ${proposal.status}; support can only be declared for a submitted proposal.`);
    }
    await this.uow.run(async (manager) => {
      const existing = await this.proposals.findSupport(id, delegationId, manager);
      const now = new Date();
      if (support) {
        if (existing && !existing.withdrawnAt) throw new AppException('already-supported', 'Your delegation already supports this proposal.');
        await this.proposals.saveSupport(Object.assign(existing ?? new ProposalSupport(), { proposalId: id, delegationId, declaredBy: user.user.id, declaredAt: now, withdrawnAt: null }), manager);
      } else {
        if (!existing || existing.withdrawnAt) throw new AppException('invalid-transition', 'Your delegation does not support this proposal.');
        await this.proposals.saveSupport(Object.assign(existing, { withdrawnAt: now }), manager);
      }
      await this.audit.record(manager, { actorId: user.user.id, action: support ? 'proposal.support' : 'proposal.unsupport', entityType: 'proposal', entityId: id, after: { delegationId } });
    });
    return this.get(user, id);
  }

  /**
   * Moves a proposal to `to` in one transaction, after `check` has authorised it: a proposal of another committee
   * (or one the caller may not read) answers as unknown, and every check runs before anything is written.
   */
  private async transition(
    user: AuthContext,
    id: string,
    to: ProposalStatus,
    check: (p: Proposal) => void,
    notify?: (p: Proposal, manager: EntityManager) => Promise<InboxItem[]>,
  ): Promise<ProposalView> {
    const items = await this.uow.run(async (manager) => {
      const proposal = await this.proposals.findById(id, manager);
      if (!proposal || !decide(user.subject, 'read', proposalResource(proposal)).allowed) {
        throw new AppException('proposal-not-found', `No proposal ${id}.`);
      }
      check(proposal);
      await this.lifecycle.move(manager, id, to, user.user.id, new Date());
      return notify ? notify(proposal, manager) : [];
    });
    this.inbox.announce(items);
    return this.get(user, id);
  }

  /** The proposal, or 404 when it does not exist or the caller may not read it: both answer the same. */
  private async readable(user: AuthContext, id: string): Promise<Proposal> {
    const proposal = await this.proposals.findById(id);
    if (!proposal || !decide(user.subject, 'read', proposalResource(proposal)).allowed) {
      throw new AppException('proposal-not-found', `No proposal ${id}.`);
    }
    return proposal;
  }

  private async views(rows: readonly Proposal[]): Promise<ProposalView[]> {
    const ids = rows.map((p) => p.id);
    const [supports, events] = await Promise.all([this.proposals.supportsOf(ids), this.proposals.eventsOf(ids)]);
    const users = await this.proposals.actorsOf([...new Set(events.map((e) => e.actorId))]);
    const actors = new Map(users.map((u) => [u.id, historyActor(u)]));
    return rows.map((p) =>
      proposalView(
        p,
        supports.filter((s) => s.proposalId === p.id).map((s) => s.delegationId),
        events.filter((e) => e.proposalId === p.id),
        actors,
      ),
    );
  }
}
