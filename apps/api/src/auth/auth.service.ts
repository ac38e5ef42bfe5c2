import { decide, type InvitationView, type Role, roleUnfitForDelegation, type SignInView, type Subject } from '@concord/domain';
import { Injectable } from '@nestjs/common';
import { randomUUID } from 'node:crypto';
import type { EntityManager } from 'typeorm';
import { AppException } from '../common/app.exception';
import { MailService } from '../mail/mail.service';
import { assertAllowed } from '../common/policy';
import { Env } from '../config/env';
import { UnitOfWork } from '../database/unit-of-work';
import { AuditService } from '../audit/audit.service';
import { CommitteesRepository } from '../committees/committees.repository';
import { DelegationsRepository } from '../delegations/delegations.repository';
import type { AuthContext, UserView } from './auth-context';
import { AuthSession } from './auth-session.entity';
import { AuthRepository } from './auth.repository';
import type { AcceptInvitationDto } from './dto/accept-invitation.dto';
import type { InviteDto } from './dto/invite.dto';
import type { LoginDto } from './dto/login.dto';
import { Invitation } from './invitation.entity';
import { assertAcceptablePassword, contextWords, dummyHash, hashPassword, verifyPassword } from './password';
import { newToken, tokenHash } from './token';
import { type DelegationMembership, User } from './user.entity';

const DELEGATION_ROLES: readonly Role[] = ['delegate', 'head-of-delegation'];
/** The roles that read their delegation's drafts: its delegates and heads, and an observer organization's observers. */
const ACTING_ROLES: readonly Role[] = [...DELEGATION_ROLES, 'observer'];
const HOUR = 3_600_000;

/** Whether the user acts for its delegation: the head has confirmed it, or it was never in question. */
export function actsForDelegation(user: Pick<User, 'delegationId' | 'delegationMembership'>): boolean {
  return user.delegationId !== null && user.delegationMembership !== 'pending';
}

/**
 * The subject the policy judges, for a user record. A member whose place in the delegation awaits its head's
 * confirmation carries no delegation, so every delegation-tier check denies it without knowing why.
 */
export function subjectOf(user: Pick<User, 'id' | 'roles' | 'delegationId' | 'delegationMembership' | 'committeeId'>): Subject {
  return { userId: user.id, roles: user.roles, delegationId: actsForDelegation(user) ? user.delegationId : null, committeeId: user.committeeId };
}

/**
 * A user as the API shows it: never its password hash. `delegationId` is the delegation the user acts for, so a
 * pending member shows none there and its delegation under `pendingDelegationId` instead; code that reads the
 * delegation from the view fails closed.
 */
export function userView(user: User): UserView {
  const acts = actsForDelegation(user);
  return {
    id: user.id,
    email: user.email,
    displayName: user.displayName,
    roles: user.roles,
    delegationId: acts ? user.delegationId : null,
    pendingDelegationId: acts ? null : user.delegationId,
    committeeId: user.committeeId,
    active: user.passwordHash !== null,
  };
}

/** Sign-in, sessions, invitations. */
@Injectable()
export class AuthService {
  constructor(
    private readonly env: Env,
    private readonly auth: AuthRepository,
    private readonly uow: UnitOfWork,
    private readonly audit: AuditService,
    private readonly committees: CommitteesRepository,
    private readonly delegations: DelegationsRepository,
    private readonly mail: MailService,
  ) {}

  async login(dto: LoginDto): Promise<SignInView> {
    const user = await this.auth.findUserByEmail(dto.email);
    // Hash even when the account is unknown or not yet activated, so response time does not reveal which.
    const valid = await verifyPassword(dto.password, user?.passwordHash ?? (await dummyHash()));
    if (!user || !user.passwordHash || !valid) {
      throw new AppException('invalid-credentials', 'The email address or password is not correct.');
    }
    return this.uow.run((manager) => this.openSession(user, manager, 'auth.login'));
  }

  /** The user behind a token, or null when the token is unknown, revoked or expired. */
  async authenticate(token: string): Promise<AuthContext | null> {
    const found = await this.auth.findLiveSession(tokenHash(token));
    if (!found || found.session.expiresAt.getTime() <= Date.now()) return null;
    return { user: userView(found.user), subject: subjectOf(found.user), sessionId: found.session.id, sessionExpiresAt: found.session.expiresAt };
  }

  private readonly revokedListeners = new Set<(sessionId: string) => void>();

  /** Calls `listener` with the id of every session signed out, so that its open sockets can be closed. */
  onSessionRevoked(listener: (sessionId: string) => void): void {
    this.revokedListeners.add(listener);
  }

  async logout(context: AuthContext): Promise<void> {
    await this.uow.run(async (manager) => {
      await this.auth.revokeSession(context.sessionId, new Date(), manager);
      await this.audit.record(manager, {
        actorId: context.user.id,
        action: 'auth.logout',
        entityType: 'auth_session',
        entityId: context.sessionId,
      });
    });
    for (const listener of this.revokedListeners) listener(context.sessionId);
  }

  async invite(context: AuthContext, dto: InviteDto): Promise<InvitationView> {
    await this.assertMayInvite(context, dto);
    const token = newToken();
    const now = new Date();
    const expiresAt = new Date(now.getTime() + this.env.INVITATION_TTL_HOURS * HOUR);
    const inviteUrl = `${this.env.publicUrl()}/invite/${token}`;
    let emailed = false;
    const invitation = await this.uow.run(async (manager) => {
      if (await this.auth.findUserByEmail(dto.email, manager)) {
        throw new AppException('email-taken', `An account for ${dto.email.toLowerCase()} already exists.`);
      }
      const delegationMembership = await this.membershipOfInvitee(context, dto, manager);
      const user = Object.assign(new User(), {
        id: randomUUID(),
        committeeId: dto.committeeId,
        email: dto.email.toLowerCase(),
        displayName: dto.displayName.trim(),
        delegationId: dto.delegationId ?? null,
        delegationMembership,
        roles: [...dto.roles].sort(),
        passwordHash: null,
        createdAt: now,
        updatedAt: now,
      });
      await this.auth.saveUser(user, manager);
      const row = Object.assign(new Invitation(), {
        id: randomUUID(),
        tokenHash: tokenHash(token),
        userId: user.id,
        invitedBy: context.user.id,
        createdAt: now,
        expiresAt,
        acceptedAt: null,
      });
      await this.auth.insertInvitation(row, manager);
      await this.audit.record(manager, { actorId: context.user.id, action: 'user.invite', entityType: 'user', entityId: user.id, after: userView(user) });
      const committee = await this.committees.findById(dto.committeeId);
      emailed = await this.mail.invitation(manager, { userId: user.id, email: user.email }, dto.language ?? 'en', {
        committee: committee?.name ?? '',
        inviter: context.user.displayName,
        url: inviteUrl,
        hours: this.env.INVITATION_TTL_HOURS,
      });
      return row;
    });
    return {
      invitation: { id: invitation.id, email: dto.email.toLowerCase(), expiresAt: expiresAt.toISOString() },
      token,
      inviteUrl,
      emailed,
    };
  }

  /** Sets the invited user's password, uses up the invitation and signs the user in. */
  acceptInvitation(dto: AcceptInvitationDto): Promise<SignInView> {
    return this.uow.run(async (manager) => {
      const invitation = await this.auth.findInvitation(tokenHash(dto.token), manager);
      const now = new Date();
      if (!invitation || invitation.acceptedAt || invitation.expiresAt.getTime() <= now.getTime()) {
        throw new AppException('invitation-invalid', 'This invitation link is unknown, already used or expired; ask the secretariat for a new one.');
      }
      if (!(await this.auth.markInvitationAccepted(invitation.id, now, manager))) {
        throw new AppException('invitation-invalid', 'This invitation link has already been used.');
      }
      const user = await this.auth.findUserById(invitation.userId, manager);
      if (!user) throw new AppException('invitation-invalid', 'The account of this invitation no longer exists.');
      // Refused here, the transaction rolls back and the invitation stays usable.
      await assertAcceptablePassword(dto.password, contextWords(user.email, user.displayName));
      user.passwordHash = await hashPassword(dto.password);
      user.updatedAt = now;
      await this.auth.saveUser(user, manager);
      await this.audit.record(manager, { actorId: user.id, action: 'user.activate', entityType: 'user', entityId: user.id, after: userView(user) });
      return this.openSession(user, manager, 'auth.login');
    });
  }

  async listUsers(context: AuthContext, committeeId: string): Promise<UserView[]> {
    // The list of a committee's users (with their emails) is a committee record: another committee's is not found.
    const absent = () => new AppException('committee-not-found', `No committee ${committeeId}.`);
    assertAllowed(decide(context.subject, 'invite-user', { tier: 'committee', committeeId }), absent);
    if (!(await this.committees.findById(committeeId))) throw absent();
    return (await this.auth.listUsers(committeeId)).map(userView);
  }

  /**
   * A member its own head invites is confirmed at once; one the secretariat or an administrator adds waits for the
   * head, unless the delegation has no confirmed member yet (someone has to be first, and it has no drafts to see).
   * An observer organization's observers stand for its heads. A user whose roles read no delegation drafts gains
   * no delegation-tier access from its delegation, so it is not held back.
   */
  private async membershipOfInvitee(context: AuthContext, dto: InviteDto, manager: EntityManager): Promise<DelegationMembership> {
    if (!dto.delegationId || !dto.roles.some((role) => ACTING_ROLES.includes(role))) return 'confirmed';
    if (decide(context.subject, 'manage-delegation-members', { tier: 'delegation', owners: [dto.delegationId] }).allowed) return 'confirmed';
    const members = await this.auth.listDelegationMembers(dto.delegationId, manager);
    const anyConfirmed = members.some((m) => actsForDelegation(m) && m.roles.some((role) => ACTING_ROLES.includes(role)));
    return anyConfirmed ? 'pending' : 'confirmed';
  }

  /**
   * Revokes every live session of a user in the caller's transaction and returns their ids; once it commits, pass
   * them to {@link sessionsRevoked} so that the user's sockets and streams close.
   */
  async revokeSessionsOf(userId: string, manager: EntityManager): Promise<string[]> {
    return this.auth.revokeSessionsOfUser(userId, new Date(), manager);
  }

  /** Tells the listeners (open sockets and streams) that sessions ended; call once their revocation committed. */
  sessionsRevoked(sessionIds: readonly string[]): void {
    for (const sessionId of sessionIds) for (const listener of this.revokedListeners) listener(sessionId);
  }

  private async openSession(user: User, manager: Parameters<AuthRepository['insertSession']>[1], action: string): Promise<SignInView> {
    const token = newToken();
    const now = new Date();
    const session = Object.assign(new AuthSession(), {
      id: randomUUID(),
      userId: user.id,
      tokenHash: tokenHash(token),
      createdAt: now,
      expiresAt: new Date(now.getTime() + this.env.SESSION_TTL_HOURS * HOUR),
      revokedAt: null,
    });
    await this.auth.insertSession(session, manager);
    await this.audit.record(manager, { actorId: user.id, action, entityType: 'auth_session', entityId: session.id });
    return { token, expiresAt: session.expiresAt.toISOString(), user: userView(user) };
  }

  /**
   * The secretariat (and administrators) invite anyone into their committee; a head of delegation invites members
   * of its own delegation only. Only an administrator makes administrators.
   */
  private async assertMayInvite(context: AuthContext, dto: InviteDto): Promise<void> {
    const { subject } = context;
    if (context.user.committeeId !== dto.committeeId && !subject.roles.includes('admin')) {
      throw new AppException('forbidden', 'You may only invite people into your own committee.');
    }
    const committeeId = dto.committeeId;
    const asStaff = decide(subject, 'invite-user', { tier: 'committee', committeeId });
    if (!asStaff.allowed) {
      const ownMembers = dto.delegationId
        ? decide(subject, 'manage-delegation-members', { tier: 'delegation', owners: [dto.delegationId], committeeId })
        : asStaff;
      assertAllowed(ownMembers);
      // Which of these fit the delegation's kind is checked below, with everyone's invitations.
      if (!dto.roles.every((role) => ACTING_ROLES.includes(role))) {
        throw new AppException('forbidden', 'A head of delegation invites only members of its own delegation, and an observer only observers of its own organization.');
      }
    }
    if (dto.roles.includes('admin') && !subject.roles.includes('admin')) {
      throw new AppException('forbidden', 'Only an administrator may invite an administrator.');
    }
    if (!(await this.committees.findById(dto.committeeId))) {
      throw new AppException('committee-not-found', `No committee ${dto.committeeId}.`);
    }
    const needsDelegation = dto.roles.some((role) => DELEGATION_ROLES.includes(role));
    if (needsDelegation && !dto.delegationId) {
      throw new AppException('validation-failed', 'Delegates and heads of delegation speak for a delegation: choose the delegation this person belongs to.');
    }
    if (dto.delegationId) {
      const delegation = await this.delegations.findById(dto.delegationId);
      if (!delegation || delegation.committeeId !== dto.committeeId) {
        throw new AppException('delegation-not-found', `No delegation ${dto.delegationId} in this committee.`);
      }
      const unfit = roleUnfitForDelegation(dto.roles, delegation.kind);
      if (unfit !== null) {
        const belongs = unfit === 'observer' ? 'An observer represents an observer organization' : 'Delegates and heads of delegation speak for a Member State or a group';
        throw new AppException('validation-failed', `${belongs}, not the ${delegation.code} delegation (${delegation.kind}): choose another delegation or another role.`);
      }
    }
  }
}
