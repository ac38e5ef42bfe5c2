import { canTransition, isProposalStatus, type ProposalStatus } from '@concord/domain';
import { Injectable } from '@nestjs/common';
import { randomUUID } from 'node:crypto';
import type { EntityManager } from 'typeorm';
import { type AuditEvent, AuditService } from '../audit/audit.service';
import { AppException } from '../common/app.exception';
import { ProposalEvent } from './proposal-event.entity';
import type { Proposal } from './proposal.entity';
import { ProposalsRepository } from './proposals.repository';

/** One move of a proposal from a status to another, by someone, at some time. */
export interface ProposalStep {
  readonly proposalId: string;
  /** The status it has; `draft` for a drafting space becoming a proposal. */
  readonly from: string;
  readonly to: ProposalStatus;
  readonly actorId: string;
  readonly at: Date;
  /** The audit row's action, `proposal.<to>` unless given (submission is `proposal.submit`). */
  readonly action?: string;
  /** What the audit row adds to the statuses. */
  readonly details?: Readonly<Record<string, unknown>>;
}

/**
 * The rows one step writes, checked against the lifecycle (`canTransition` of libs/domain): the proposal's event
 * and its audit row. A step the lifecycle does not allow is `invalid-transition`, and nothing is written.
 */
export function stepRecords(step: ProposalStep): { readonly event: ProposalEvent; readonly audit: AuditEvent } {
  const { from, to } = step;
  if (!isProposalStatus(from) || !canTransition(from, to)) {
    throw new AppException('invalid-transition', `A ${from} proposal cannot become ${to}.`);
  }
  const event = Object.assign(new ProposalEvent(), { id: randomUUID(), proposalId: step.proposalId, fromStatus: from, toStatus: to, actorId: step.actorId, at: step.at });
  const audit: AuditEvent = {
    actorId: step.actorId,
    action: step.action ?? `proposal.${to}`,
    entityType: 'proposal',
    entityId: step.proposalId,
    before: { status: from },
    after: { status: to, ...step.details },
  };
  return { event, audit };
}

/**
 * A proposal's lifecycle (`draft → submitted → withdrawn | incorporated | … | superseded`): every change of a
 * proposal's status goes through here, inside the caller's transaction, so that each one is checked and leaves
 * its event (the proposal's history) and its audit row.
 */
@Injectable()
export class ProposalLifecycle {
  constructor(
    private readonly proposals: ProposalsRepository,
    private readonly audit: AuditService,
  ) {}

  /** Stores a new proposal, made from a drafting space (a draft), as submitted. */
  async submit(manager: EntityManager, proposal: Proposal, details: Readonly<Record<string, unknown>>): Promise<void> {
    const records = stepRecords({ proposalId: proposal.id, from: 'draft', to: 'submitted', actorId: proposal.submittedBy, at: proposal.submittedAt, action: 'proposal.submit', details });
    proposal.status = 'submitted';
    await this.proposals.insert(proposal, manager);
    await this.write(manager, records);
  }

  /**
   * Moves a stored proposal to `to`, from the status it has in this transaction (not the one a caller read
   * before it), and returns that status.
   */
  async move(manager: EntityManager, proposalId: string, to: ProposalStatus, actorId: string, at: Date, details?: Readonly<Record<string, unknown>>): Promise<string> {
    const proposal = await this.proposals.findById(proposalId, manager);
    if (!proposal) throw new AppException('proposal-not-found', `No proposal ${proposalId}.`);
    const records = stepRecords({ proposalId, from: proposal.status, to, actorId, at, details });
    await this.proposals.setStatus(proposalId, to, manager);
    await this.write(manager, records);
    return proposal.status;
  }

  private async write(manager: EntityManager, records: ReturnType<typeof stepRecords>): Promise<void> {
    await this.proposals.insertEvent(records.event, manager);
    await this.audit.record(manager, records.audit);
  }
}
