import type { Role } from '@concord/domain';
import type { EntityManager } from 'typeorm';
import { beforeEach, describe, expect, it } from 'vitest';
import type { AuditEvent, AuditService } from '../audit/audit.service';
import type { AuthContext } from '../auth/auth-context';
import type { AuthRepository } from '../auth/auth.repository';
import { subjectOf, userView, type AuthService } from '../auth/auth.service';
import type { Invitation } from '../auth/invitation.entity';
import { type DelegationMembership, User } from '../auth/user.entity';
import type { UnitOfWork } from '../database/unit-of-work';
import type { Delegation } from './delegation.entity';
import type { DelegationsRepository } from './delegations.repository';
import { DelegationMembersService } from './delegation-members.service';

const EGYPT = '00000000-0000-4000-8000-00000000e9e9';
const BRAZIL = '00000000-0000-4000-8000-0000000b7a2a';

function person(id: string, roles: Role[], delegationId: string | null, membership: DelegationMembership = 'confirmed', committeeId = 'c1'): User {
  return Object.assign(new User(), {
    id,
    committeeId,
    email: `${id}@example.org`,
    displayName: id,
    delegationId,
    delegationMembership: membership,
    roles,
    passwordHash: 'scrypt$x',
    createdAt: new Date('2026-01-01T00:00:00Z'),
    updatedAt: new Date('2026-01-01T00:00:00Z'),
  });
}

/** The service over in-memory fakes: users, one invitation, the audit rows and the sessions revoked. */
function setUp() {
  const users = new Map<string, User>(
    [
      person('egypt-head', ['head-of-delegation'], EGYPT),
      person('egypt-delegate', ['delegate'], EGYPT),
      person('recruit', ['delegate'], EGYPT, 'pending'),
      person('pending-head', ['head-of-delegation'], EGYPT, 'pending'),
      person('brazil-head', ['head-of-delegation'], BRAZIL),
      person('secretariat', ['secretariat'], 'SEC'),
      person('admin', ['admin'], null),
      person('outsider-head', ['head-of-delegation'], 'NOR', 'confirmed', 'c2'),
    ].map((u) => [u.id, u]),
  );
  const invitations: Invitation[] = [{ id: 'i1', tokenHash: 'h', userId: 'recruit', invitedBy: 'secretariat', createdAt: new Date('2026-02-02T00:00:00Z'), expiresAt: new Date('2026-02-09T00:00:00Z'), acceptedAt: null }];
  const delegations = new Map<string, Pick<Delegation, 'id' | 'committeeId'>>([
    [EGYPT, { id: EGYPT, committeeId: 'c1' }],
    [BRAZIL, { id: BRAZIL, committeeId: 'c1' }],
  ]);
  const audit: AuditEvent[] = [];
  const revoked: string[] = [];
  const notified: string[] = [];
  // Writes go to a copy that is kept only when the unit of work succeeds, as a rolled-back transaction would.
  let pending: Map<string, User> | null = null;
  const table = () => pending ?? users;
  const manager = {} as EntityManager;
  const fakes = {
    delegations: { findById: (id: string) => Promise.resolve(delegations.get(id) ?? null) },
    users: {
      listDelegationMembers: (id: string) => Promise.resolve([...table().values()].filter((u) => u.delegationId === id)),
      invitationsOf: (ids: readonly string[]) => Promise.resolve(invitations.filter((i) => ids.includes(i.userId))),
      findUserById: (id: string) => Promise.resolve(table().has(id) ? Object.assign(new User(), table().get(id)) : null),
      saveUser: (user: User) => {
        table().set(user.id, Object.assign(new User(), user));
        return Promise.resolve();
      },
    },
    auth: {
      revokeSessionsOf: (userId: string) => {
        revoked.push(userId);
        return Promise.resolve([`session-of-${userId}`]);
      },
      sessionsRevoked: (ids: readonly string[]) => notified.push(...ids),
    },
    uow: {
      run: async <T>(work: (m: EntityManager) => Promise<T>): Promise<T> => {
        pending = new Map([...users].map(([id, u]) => [id, Object.assign(new User(), u)]));
        const auditLength = audit.length;
        const revokedLength = revoked.length;
        try {
          const result = await work(manager);
          for (const [id, u] of pending) users.set(id, u);
          return result;
        } catch (error) {
          audit.length = auditLength;
          revoked.length = revokedLength;
          throw error;
        } finally {
          pending = null;
        }
      },
    },
    audit: {
      record: (_m: EntityManager, event: AuditEvent) => {
        audit.push(event);
        return Promise.resolve();
      },
    },
  };
  const service = new DelegationMembersService(
    fakes.delegations as unknown as DelegationsRepository,
    fakes.users as unknown as AuthRepository,
    fakes.auth as unknown as AuthService,
    fakes.uow as unknown as UnitOfWork,
    fakes.audit as unknown as AuditService,
  );
  const as = (id: string): AuthContext => {
    const user = users.get(id) as User;
    return { user: userView(user), subject: subjectOf(user), sessionId: `s-${id}`, sessionExpiresAt: null };
  };
  return { service, users, audit, revoked, notified, as };
}

describe(DelegationMembersService.name, () => {
  let world: ReturnType<typeof setUp>;
  beforeEach(() => {
    world = setUp();
  });

  it('lists the members to their head, pending ones with who added them and when', async () => {
    const members = await world.service.list(world.as('egypt-head'), EGYPT);
    expect(members.map((m) => m.userId).sort()).toEqual(['egypt-delegate', 'egypt-head', 'pending-head', 'recruit']);
    expect(members.find((m) => m.userId === 'recruit')).toMatchObject({ membership: 'pending', addedBy: { id: 'secretariat', displayName: 'secretariat' }, addedAt: '2026-02-02T00:00:00.000Z' });
    expect(members.find((m) => m.userId === 'egypt-delegate')).toMatchObject({ membership: 'confirmed', addedBy: null });
  });

  it.each<[string, string, string]>([
    ['the secretariat', 'secretariat', 'forbidden'],
    ['an administrator', 'admin', 'forbidden'],
    ["another delegation's head", 'brazil-head', 'forbidden'],
    ['a delegate of the delegation', 'egypt-delegate', 'forbidden'],
    ['a head the delegation has not confirmed', 'pending-head', 'forbidden'],
    ["another committee's head", 'outsider-head', 'delegation-not-found'],
  ])('refuses %s, writing nothing', async (_who, id, code) => {
    const before = JSON.stringify([...world.users.values()]);
    await expect(world.service.list(world.as(id), EGYPT)).rejects.toMatchObject({ code });
    await expect(world.service.confirm(world.as(id), EGYPT, 'recruit')).rejects.toMatchObject({ code });
    await expect(world.service.remove(world.as(id), EGYPT, 'egypt-delegate')).rejects.toMatchObject({ code });
    expect(JSON.stringify([...world.users.values()])).toBe(before);
    expect(world.audit).toEqual([]);
    expect(world.notified).toEqual([]);
  });

  it('confirms a pending member, who then acts for the delegation, and audits it', async () => {
    expect(subjectOf(world.users.get('recruit') as User).delegationId).toBeNull();
    const view = await world.service.confirm(world.as('egypt-head'), EGYPT, 'recruit');
    expect(view).toMatchObject({ userId: 'recruit', membership: 'confirmed' });
    expect(subjectOf(world.users.get('recruit') as User).delegationId).toBe(EGYPT);
    expect(world.audit).toEqual([
      expect.objectContaining({ actorId: 'egypt-head', action: 'delegation.member.confirm', entityId: 'recruit', before: expect.objectContaining({ delegationMembership: 'pending' }), after: expect.objectContaining({ delegationMembership: 'confirmed' }) }),
    ]);
  });

  it.each<[string, string, string, string]>([
    ['a member already confirmed', EGYPT, 'egypt-delegate', 'invalid-transition'],
    ['someone of another delegation', EGYPT, 'brazil-head', 'user-not-found'],
    ['nobody', EGYPT, 'ghost', 'user-not-found'],
    ['a member of an unknown delegation', '00000000-0000-4000-8000-000000000000', 'recruit', 'delegation-not-found'],
  ])('does not confirm %s', async (_what, delegationId, userId, code) => {
    await expect(world.service.confirm(world.as('egypt-head'), delegationId, userId)).rejects.toMatchObject({ code });
    expect(world.audit).toEqual([]);
  });

  it('removes a member: no delegation, no delegation role, signed out everywhere once committed', async () => {
    await world.service.remove(world.as('egypt-head'), EGYPT, 'egypt-delegate');
    const removed = world.users.get('egypt-delegate') as User;
    expect(removed).toMatchObject({ delegationId: null, roles: [] });
    expect(subjectOf(removed).delegationId).toBeNull();
    expect(world.revoked).toEqual(['egypt-delegate']);
    expect(world.notified).toEqual(['session-of-egypt-delegate']);
    expect(world.audit).toEqual([expect.objectContaining({ action: 'delegation.member.remove', entityId: 'egypt-delegate', after: expect.objectContaining({ delegationId: null, revokedSessions: 1 }) })]);
  });

  it('removes a pending member as well', async () => {
    await world.service.remove(world.as('egypt-head'), EGYPT, 'recruit');
    expect(world.users.get('recruit')).toMatchObject({ delegationId: null, delegationMembership: 'confirmed', roles: [] });
  });

  it('does not let a head remove itself', async () => {
    await expect(world.service.remove(world.as('egypt-head'), EGYPT, 'egypt-head')).rejects.toMatchObject({ code: 'invalid-transition' });
    expect(world.users.get('egypt-head')).toMatchObject({ delegationId: EGYPT, roles: ['head-of-delegation'] });
    expect(world.revoked).toEqual([]);
    expect(world.notified).toEqual([]);
  });
});
