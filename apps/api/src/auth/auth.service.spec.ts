import type { Role } from '@concord/domain';
import type { EntityManager } from 'typeorm';
import { describe, expect, it } from 'vitest';
import type { AuditService } from '../audit/audit.service';
import type { CommitteesRepository } from '../committees/committees.repository';
import { Env } from '../config/env';
import type { UnitOfWork } from '../database/unit-of-work';
import type { DelegationsRepository } from '../delegations/delegations.repository';
import type { AuthContext } from './auth-context';
import type { AuthRepository } from './auth.repository';
import { AuthService, subjectOf, userView } from './auth.service';
import type { InviteDto } from './dto/invite.dto';
import { type DelegationMembership, User } from './user.entity';
import type { MailService } from '../mail/mail.service';

const COMMITTEE = '00000000-0000-4000-8000-0000000000c1';
const EGYPT = '00000000-0000-4000-8000-00000000e9e9';
const NEW_DELEGATION = '00000000-0000-4000-8000-0000000000ee';

function person(id: string, roles: Role[], delegationId: string | null, membership: DelegationMembership = 'confirmed'): User {
  const now = new Date('2026-01-01T00:00:00Z');
  return Object.assign(new User(), { id, committeeId: COMMITTEE, email: `${id}@example.org`, displayName: id, delegationId, delegationMembership: membership, roles, passwordHash: 'scrypt$x', createdAt: now, updatedAt: now });
}

describe(subjectOf.name, () => {
  it('gives a confirmed member its delegation and a pending one none', () => {
    expect(subjectOf(person('a', ['delegate'], EGYPT)).delegationId).toBe(EGYPT);
    expect(subjectOf(person('b', ['delegate'], EGYPT, 'pending')).delegationId).toBeNull();
  });

  it('shows a pending member its delegation as pending, never as the one it acts for', () => {
    expect(userView(person('a', ['delegate'], EGYPT))).toMatchObject({ delegationId: EGYPT, pendingDelegationId: null });
    expect(userView(person('b', ['delegate'], EGYPT, 'pending'))).toMatchObject({ delegationId: null, pendingDelegationId: EGYPT });
  });
});

/** Invites through the service over fakes, and answers the membership the new account was given. */
async function invitedMembership(inviter: User, dto: Partial<InviteDto>, existing: readonly User[]): Promise<DelegationMembership> {
  const saved: User[] = [];
  const auth = {
    findUserByEmail: () => Promise.resolve(null),
    listDelegationMembers: (id: string) => Promise.resolve(existing.filter((u) => u.delegationId === id)),
    saveUser: (user: User) => {
      saved.push(user);
      return Promise.resolve();
    },
    insertInvitation: () => Promise.resolve(),
  };
  const service = new AuthService(
    Object.assign(new Env(), { PUBLIC_URL: 'http://concord.test' }),
    auth as unknown as AuthRepository,
    { run: <T>(work: (m: EntityManager) => Promise<T>) => work({} as EntityManager) } as unknown as UnitOfWork,
    { record: () => Promise.resolve() } as unknown as AuditService,
    { findById: () => Promise.resolve({ id: COMMITTEE }) } as unknown as CommitteesRepository,
    { findById: (id: string) => Promise.resolve({ id, committeeId: COMMITTEE, kind: 'member-state', code: 'EGY' }) } as unknown as DelegationsRepository,
    { invitation: () => Promise.resolve(false) } as unknown as MailService,
  );
  const context: AuthContext = { user: userView(inviter), subject: subjectOf(inviter), sessionId: 's', sessionExpiresAt: null };
  await service.invite(context, { email: 'new@example.org', displayName: 'New', roles: ['delegate'], committeeId: COMMITTEE, ...dto } as InviteDto);
  return saved[0].delegationMembership;
}

describe(AuthService.name, () => {
  const egypt = [person('egypt-head', ['head-of-delegation'], EGYPT), person('egypt-delegate', ['delegate'], EGYPT)];
  const secretariat = person('secretariat', ['secretariat'], null);

  it.each<[string, User, Partial<InviteDto>, readonly User[], DelegationMembership]>([
    ["a delegate the secretariat adds to a delegation that has members", secretariat, { delegationId: EGYPT }, egypt, 'pending'],
    ['a head the secretariat adds to a delegation that has members', secretariat, { delegationId: EGYPT, roles: ['head-of-delegation'] }, egypt, 'pending'],
    ['a member an administrator adds', person('admin', ['admin'], null), { delegationId: EGYPT }, egypt, 'pending'],
    ['a member its own head invites', egypt[0], { delegationId: EGYPT }, egypt, 'confirmed'],
    ['the first member of a new delegation', secretariat, { delegationId: NEW_DELEGATION, roles: ['head-of-delegation'] }, egypt, 'confirmed'],
    ['a member while the only others are pending', secretariat, { delegationId: NEW_DELEGATION }, [person('p', ['delegate'], NEW_DELEGATION, 'pending')], 'confirmed'],
    ['a user without a delegation role', secretariat, { roles: ['chair'] }, egypt, 'confirmed'],
  ])('makes %s %s', async (_what, inviter, dto, existing, expected) => {
    expect(await invitedMembership(inviter, dto, existing)).toBe(expected);
  });
});
