import { decide, type Decision } from '@concord/domain';
import type { AuthContext } from '../auth/auth-context';
import { AppException } from './app.exception';

/**
 * Throws when the policy denies: `absent()` when the denial is concealed (a record of another committee, answered
 * exactly as an unknown one), otherwise a 403 carrying the policy's reason.
 */
export function assertAllowed(decision: Decision, absent?: () => AppException): void {
  if (decision.allowed) return;
  if (decision.concealed && absent) throw absent();
  throw new AppException('forbidden', decision.reason);
}

/** Setting up a committee is the secretariat's (or an administrator's), and only within its own committee. */
export function assertManagesCommittee(user: AuthContext, committeeId: string): void {
  // The committee itself is a public record (its name, calendar and delegations), so another committee's is
  // refused with a 403 rather than concealed.
  assertAllowed(decide(user.subject, 'manage-committee', { tier: 'public', committeeId }));
}
