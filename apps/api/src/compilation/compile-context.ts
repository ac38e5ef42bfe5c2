import type { DelegationInfo, Proposal as EngineProposal, ProposalAttribution } from '@concord/compile';
import { proposalBase, proposalText } from '../proposals/proposal-documents';
import { Injectable } from '@nestjs/common';
import type { Delegation } from '../delegations/delegation.entity';
import type { Proposal } from '../proposals/proposal.entity';
import { CompilationRepository } from './compilation.repository';

/** The delegations of a committee by id and by code, with group members, as the engine and the desk need them. */
export interface DelegationDirectory {
  readonly byId: ReadonlyMap<string, Delegation>;
  readonly info: ReadonlyMap<string, DelegationInfo>;
  code(id: string): string;
}

/** Turns stored proposals and delegations into the compile engine's inputs. */
@Injectable()
export class CompileContext {
  constructor(private readonly repository: CompilationRepository) {}

  async directory(committeeId: string): Promise<DelegationDirectory> {
    const [delegations, memberships] = await Promise.all([this.repository.delegationsOf(committeeId), this.repository.memberships()]);
    const byId = new Map(delegations.map((d) => [d.id, d]));
    const code = (id: string) => byId.get(id)?.code ?? id;
    const info = new Map<string, DelegationInfo>(
      delegations.map((d) => [d.code, { names: d.names, members: memberships.filter((m) => m.groupId === d.id).map((m) => code(m.memberId)).sort() }]),
    );
    return { byId, info, code };
  }

  /** Who is behind each of the given proposals, by delegation code, for footnotes. */
  async attributions(proposals: readonly Proposal[], directory: DelegationDirectory): Promise<ProposalAttribution[]> {
    const supports = await this.repository.supportsOf(proposals.map((p) => p.id));
    return proposals.map((p) => ({
      id: p.id,
      sponsor: directory.code(p.sponsorDelegationId),
      coSponsors: p.coSponsorIds.map(directory.code),
      supporters: supports.filter((s) => s.proposalId === p.id && !s.withdrawnAt).map((s) => directory.code(s.delegationId)),
    }));
  }

  /** Proposals with their current supporters, in the engine's terms (delegation codes, parsed documents). */
  async engineProposals(proposals: readonly Proposal[], directory: DelegationDirectory): Promise<EngineProposal[]> {
    const attributions = await this.attributions(proposals, directory);
    return proposals.map((p, i) => ({
      ...attributions[i],
      baseRevisionId: p.baseRef,
      baseDoc: proposalBase(p),
      proposedDoc: proposalText(p),
      submittedAt: p.submittedAt.toISOString(),
    }));
  }
}
