import { decide, type Decision } from '@concord/domain';
import type { AuthContext } from '../auth/auth-context';
import { AppException } from './app.exception';

/** Throws a 403 carrying the policy's reason when it denies. */
export function assertAllowed(decision: Decision): void {
  if (!decision.allowed) throw new AppException('forbidden', decision.reason);
}

/** Setting up a committee is the secretariat's (or an administrator's), and only within its own committee. */
export function assertManagesCommittee(user: AuthContext, committeeId: string): void {
  assertAllowed(decide(user.subject, 'manage-committee', { tier: 'committee' }));
  if (user.user.committeeId !== committeeId && !user.subject.roles.includes('admin')) {
    throw new AppException('forbidden', 'You may only manage your own committee.');
  }
}
