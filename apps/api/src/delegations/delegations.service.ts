import { isDeepStrictEqual } from 'node:util';
import { type DelegationKind, type Localized, roleUnfitForDelegation } from '@concord/domain';
import { Injectable } from '@nestjs/common';
import { randomUUID } from 'node:crypto';
import type { EntityManager } from 'typeorm';
import type { AuthContext } from '../auth/auth-context';
import { AuditService } from '../audit/audit.service';
import { AppException } from '../common/app.exception';
import { assertManagesCommittee } from '../common/policy';
import { CommitteesRepository } from '../committees/committees.repository';
import { UnitOfWork } from '../database/unit-of-work';
import { Delegation } from './delegation.entity';
import { DelegationsRepository } from './delegations.repository';
import type { CreateDelegationDto, UpdateDelegationDto } from './dto/delegation.dto';
import type { DelegationView } from '@concord/domain';
export type { DelegationView } from '@concord/domain';

function view(d: Delegation, groupIds: readonly string[]): DelegationView {
  return { id: d.id, committeeId: d.committeeId, code: d.code, kind: d.kind as DelegationKind, names: d.names, groupIds: [...groupIds].sort() };
}

function cleanNames(names: Localized | undefined): Localized {
  const entries = Object.entries(names ?? {}).filter((e): e is [string, string] => typeof e[1] === 'string' && e[1].trim() !== '');
  if (entries.length === 0) throw new AppException('validation-failed', 'names must give the name in at least one language.');
  return Object.fromEntries(entries.map(([lang, name]) => [lang, name.trim()]));
}

/** The participants of a committee: public; set up by the secretariat. */
@Injectable()
export class DelegationsService {
  constructor(
    private readonly delegations: DelegationsRepository,
    private readonly committees: CommitteesRepository,
    private readonly uow: UnitOfWork,
    private readonly audit: AuditService,
  ) {}

  async list(committeeId: string): Promise<DelegationView[]> {
    if (!(await this.committees.findById(committeeId))) throw new AppException('committee-not-found', `No committee ${committeeId}.`);
    const rows = await this.delegations.listByCommittee(committeeId);
    const memberships = await this.delegations.membershipsOf(rows.map((d) => d.id));
    return rows.map((d) => view(d, memberships.filter((m) => m.memberId === d.id).map((m) => m.groupId)));
  }

  async get(id: string): Promise<DelegationView> {
    const delegation = await this.delegations.findById(id);
    if (!delegation) throw new AppException('delegation-not-found', `No delegation ${id}.`);
    const memberships = await this.delegations.membershipsOf([id]);
    return view(delegation, memberships.map((m) => m.groupId));
  }

  create(user: AuthContext, committeeId: string, dto: CreateDelegationDto): Promise<DelegationView> {
    assertManagesCommittee(user, committeeId);
    return this.uow.run(async (manager) => {
      if (!(await this.committees.findById(committeeId, manager))) throw new AppException('committee-not-found', `No committee ${committeeId}.`);
      const now = new Date();
      const delegation = Object.assign(new Delegation(), {
        id: randomUUID(),
        committeeId,
        code: dto.code,
        kind: dto.kind,
        names: cleanNames(dto.names),
        createdAt: now,
        updatedAt: now,
      });
      await this.assertCodeFree(delegation, manager);
      const groupIds = await this.checkGroups(delegation, dto.groupIds ?? [], manager);
      await this.delegations.save(delegation, manager);
      await this.delegations.setGroups(delegation.id, groupIds, manager);
      const after = view(delegation, groupIds);
      await this.audit.record(manager, { actorId: user.user.id, action: 'delegation.create', entityType: 'delegation', entityId: delegation.id, after });
      return after;
    });
  }

  update(user: AuthContext, id: string, dto: UpdateDelegationDto): Promise<DelegationView> {
    return this.uow.run(async (manager) => {
      const delegation = await this.delegations.findById(id, manager);
      if (!delegation) throw new AppException('delegation-not-found', `No delegation ${id}.`);
      assertManagesCommittee(user, delegation.committeeId);
      const oldGroups = (await this.delegations.membershipsOf([id], manager)).map((m) => m.groupId);
      const before = view(delegation, oldGroups);
      if (dto.code !== undefined) delegation.code = dto.code;
      if (dto.kind !== undefined) delegation.kind = dto.kind;
      if (dto.names !== undefined) delegation.names = cleanNames(dto.names);
      const groupIds = dto.groupIds === undefined ? oldGroups : await this.checkGroups(delegation, dto.groupIds, manager);
      if (delegation.kind !== before.kind) await this.assertMembersFit(delegation, manager);
      const after = view(delegation, groupIds);
      // An update to the values already held is answered without a write, so the audit log records only changes.
      if (isDeepStrictEqual(before, after)) return before;
      delegation.updatedAt = new Date();
      await this.assertCodeFree(delegation, manager);
      await this.delegations.save(delegation, manager);
      if (dto.groupIds !== undefined) await this.delegations.setGroups(id, groupIds, manager);
      await this.audit.record(manager, { actorId: user.user.id, action: 'delegation.update', entityType: 'delegation', entityId: id, before, after });
      return after;
    });
  }

  /**
   * A new kind must still fit every member's roles (as invitations require): a Member State turned observer
   * organization would otherwise keep delegates that an observer organization cannot have.
   */
  private async assertMembersFit(delegation: Delegation, manager: EntityManager): Promise<void> {
    for (const member of await this.delegations.membersOf(delegation.id, manager)) {
      const unfit = roleUnfitForDelegation(member.roles, delegation.kind);
      if (unfit !== null) {
        throw new AppException('validation-failed', `${member.displayName} is a member of ${delegation.code} as ${unfit}, which a delegation of kind ${delegation.kind} cannot have: remove them from the delegation first, or keep its kind.`);
      }
    }
  }

  private async assertCodeFree(delegation: Delegation, manager: EntityManager): Promise<void> {
    const clash = await this.delegations.findByCode(delegation.committeeId, delegation.code, manager);
    if (clash && clash.id !== delegation.id) {
      throw new AppException('delegation-code-taken', `The committee already has a delegation with code ${delegation.code}.`);
    }
  }

  /** Groups must be group delegations of the same committee, and a delegation is not a member of itself. */
  private async checkGroups(delegation: Delegation, groupIds: readonly string[], manager: EntityManager): Promise<string[]> {
    const groups = await this.delegations.findByIds(groupIds, manager);
    for (const id of groupIds) {
      const group = groups.find((g) => g.id === id);
      if (!group || group.committeeId !== delegation.committeeId) throw new AppException('invalid-group', `No delegation ${id} in this committee.`);
      if (group.kind !== 'group') throw new AppException('invalid-group', `${group.code} is not a group of delegations.`);
      if (group.id === delegation.id) throw new AppException('invalid-group', 'A group cannot be a member of itself.');
    }
    return [...groupIds];
  }
}
