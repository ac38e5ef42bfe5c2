import type { RevisionVerificationState } from '@concord/domain';
import { useI18n } from '../i18n/i18n-context';

/** Whether the revision is what the server published, as the server found when serving it. */
export function VerificationBadge({ state }: { state: RevisionVerificationState }) {
  const { t } = useI18n();
  const failed = state.status === 'failed';
  return (
    <p className={`verification-badge ${failed ? 'verification-failed' : 'verification-verified'}`} data-testid="verification-badge" data-status={state.status}>
      <span aria-hidden="true">{failed ? '✕' : '✓'}</span> {t(failed ? 'room.badgeFailed' : 'room.badgeVerified')}
    </p>
  );
}
