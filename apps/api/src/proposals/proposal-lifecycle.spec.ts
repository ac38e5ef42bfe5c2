import { PROPOSAL_STATUSES, canTransition } from '@concord/domain';
import { describe, expect, it } from 'vitest';
import { AppException } from '../common/app.exception';
import { stepRecords } from './proposal-lifecycle';

const at = new Date('2026-03-01T10:00:00Z');
const step = { proposalId: 'p1', actorId: 'u1', at } as const;

/** The code of the AppException `attempt` throws, or null when it throws nothing. */
function refusal(attempt: () => unknown): string | null {
  try {
    attempt();
  } catch (error) {
    return error instanceof AppException ? error.code : String(error);
  }
  return null;
}

describe(stepRecords.name, () => {
  it('writes the event and the audit row of an allowed step', () => {
    const { event, audit } = stepRecords({ ...step, from: 'submitted', to: 'withdrawn' });
    expect(event).toMatchObject({ proposalId: 'p1', fromStatus: 'submitted', toStatus: 'withdrawn', actorId: 'u1', at });
    expect(audit).toEqual({ actorId: 'u1', action: 'proposal.withdrawn', entityType: 'proposal', entityId: 'p1', before: { status: 'submitted' }, after: { status: 'withdrawn' } });
  });

  it('names the submission proposal.submit and keeps what the caller adds', () => {
    const { audit } = stepRecords({ ...step, from: 'draft', to: 'submitted', action: 'proposal.submit', details: { late: true } });
    expect(audit).toMatchObject({ action: 'proposal.submit', after: { status: 'submitted', late: true } });
  });

  it.each(PROPOSAL_STATUSES.flatMap((from) => PROPOSAL_STATUSES.filter((to) => !canTransition(from, to)).map((to) => [from, to] as const)))(
    'refuses %s → %s with invalid-transition',
    (from, to) => {
      expect(refusal(() => stepRecords({ ...step, from, to }))).toBe('invalid-transition');
    },
  );

  it('refuses a status the lifecycle does not know', () => {
    expect(() => stepRecords({ ...step, from: 'archived', to: 'withdrawn' })).toThrow('A archived proposal cannot become withdrawn.');
  });
});
