import { decide, type Role } from '@concord/domain';
import { Injectable } from '@nestjs/common';
import type { EntityManager } from 'typeorm';
import { AuditService } from '../audit/audit.service';
import type { AuthContext } from '../auth/auth-context';
import { AuthRepository } from '../auth/auth.repository';
import { AuthService } from '../auth/auth.service';
import type { Invitation } from '../auth/invitation.entity';
import type { DelegationMembership, User } from '../auth/user.entity';
import { AppException } from '../common/app.exception';
import { assertAllowed } from '../common/policy';
import { UnitOfWork } from '../database/unit-of-work';
import { DelegationsRepository } from './delegations.repository';
import type { MemberView } from '@concord/domain';
export type { MemberView } from '@concord/domain';

const DELEGATION_ROLES: readonly Role[] = ['delegate', 'head-of-delegation'];

/** The parts of a user that membership changes, as written to the audit log. */
function membershipOf(user: User): { delegationId: string | null; delegationMembership: DelegationMembership; roles: readonly Role[] } {
  return { delegationId: user.delegationId, delegationMembership: user.delegationMembership, roles: user.roles };
}

/**
 * A delegation's head lists, confirms and removes its members. A member someone else added acts for the delegation
 * only once confirmed here (auth.service builds its policy subject without the delegation until then).
 */
@Injectable()
export class DelegationMembersService {
  constructor(
    private readonly delegations: DelegationsRepository,
    private readonly users: AuthRepository,
    private readonly auth: AuthService,
    private readonly uow: UnitOfWork,
    private readonly audit: AuditService,
  ) {}

  async list(context: AuthContext, delegationId: string): Promise<MemberView[]> {
    await this.authorise(context, delegationId);
    const members = await this.users.listDelegationMembers(delegationId);
    const invitations = await this.users.invitationsOf(members.map((m) => m.id));
    const inviters = await this.inviterNames(invitations);
    return members.map((member) => memberView(member, invitations.find((i) => i.userId === member.id), inviters));
  }

  confirm(context: AuthContext, delegationId: string, userId: string): Promise<MemberView> {
    return this.uow.run(async (manager) => {
      await this.authorise(context, delegationId, manager);
      const member = await this.memberOf(delegationId, userId, manager);
      if (member.delegationMembership !== 'pending') throw new AppException('invalid-transition', `${member.displayName} is already a confirmed member.`);
      const before = membershipOf(member);
      member.delegationMembership = 'confirmed';
      member.updatedAt = new Date();
      await this.users.saveUser(member, manager);
      await this.audit.record(manager, { actorId: context.user.id, action: 'delegation.member.confirm', entityType: 'user', entityId: member.id, before, after: membershipOf(member) });
      const invitation = (await this.users.invitationsOf([member.id], manager))[0];
      return memberView(member, invitation, await this.inviterNames(invitation ? [invitation] : [], manager));
    });
  }

  /**
   * Takes the member out of the delegation (it keeps an account without a delegation role) and signs it out
   * everywhere, which closes its sockets and comment streams at once.
   */
  async remove(context: AuthContext, delegationId: string, userId: string): Promise<void> {
    const revoked = await this.uow.run(async (manager) => {
      await this.authorise(context, delegationId, manager);
      const member = await this.memberOf(delegationId, userId, manager);
      if (member.id === context.user.id) throw new AppException('invalid-transition', 'A head of delegation cannot remove itself; another head can.');
      const before = membershipOf(member);
      member.delegationId = null;
      member.delegationMembership = 'confirmed';
      member.roles = member.roles.filter((role) => !DELEGATION_ROLES.includes(role));
      member.updatedAt = new Date();
      await this.users.saveUser(member, manager);
      const sessions = await this.auth.revokeSessionsOf(member.id, manager);
      await this.audit.record(manager, {
        actorId: context.user.id,
        action: 'delegation.member.remove',
        entityType: 'user',
        entityId: member.id,
        before,
        after: { ...membershipOf(member), revokedSessions: sessions.length },
      });
      return sessions;
    });
    this.auth.sessionsRevoked(revoked);
  }

  /** Only the delegation's own confirmed head; the secretariat and administrators are refused like anyone else. */
  private async authorise(context: AuthContext, delegationId: string, manager?: EntityManager): Promise<void> {
    const absent = () => new AppException('delegation-not-found', `No delegation ${delegationId}.`);
    const delegation = await this.delegations.findById(delegationId, manager);
    if (!delegation) throw absent();
    const resource = { tier: 'delegation', owners: [delegation.id], committeeId: delegation.committeeId } as const;
    assertAllowed(decide(context.subject, 'manage-delegation-members', resource), absent);
  }

  private async memberOf(delegationId: string, userId: string, manager: EntityManager): Promise<User> {
    const member = await this.users.findUserById(userId, manager);
    if (!member || member.delegationId !== delegationId) throw new AppException('user-not-found', `No member ${userId} in this delegation.`);
    return member;
  }

  private async inviterNames(invitations: readonly Invitation[], manager?: EntityManager): Promise<Map<string, string>> {
    const names = new Map<string, string>();
    for (const id of new Set(invitations.map((i) => i.invitedBy))) {
      const inviter = await this.users.findUserById(id, manager);
      if (inviter) names.set(id, inviter.displayName);
    }
    return names;
  }
}

function memberView(member: User, invitation: Invitation | undefined, inviters: ReadonlyMap<string, string>): MemberView {
  return {
    userId: member.id,
    displayName: member.displayName,
    email: member.email,
    roles: member.roles,
    membership: member.delegationMembership,
    active: member.passwordHash !== null,
    addedBy: invitation ? { id: invitation.invitedBy, displayName: inviters.get(invitation.invitedBy) ?? '' } : null,
    addedAt: (invitation?.createdAt ?? member.createdAt).toISOString(),
  };
}
