import { useId } from 'react';
import type { Delegation, DraftingSpace } from '../api';
import { subjectOf, useUser } from '../auth';
import { ActionError } from '../comments/action-error';
import { useFormAction } from '../components/form';
import { useI18n } from '../i18n/i18n-context';
import { delegationLabel, unknownDelegation } from './proposal-bits';
import { mayAnswerInvitation } from './proposal-rules';
import { proposalsApi } from './proposals-api';

/**
 * For members of a delegation invited to co-sponsor the space: what the invitation means, and for its head, Accept
 * (its members then co-edit the text, and it is listed as co-sponsor when submitted) or Decline.
 */
export function InvitationBanner({
  space,
  delegations,
  onAccepted,
  onDeclined,
}: {
  space: DraftingSpace;
  delegations: readonly Delegation[];
  onAccepted: (space: DraftingSpace) => void;
  onDeclined: () => void;
}) {
  const { t, language } = useI18n();
  const user = useUser();
  const headingId = useId();
  const { submitting, error, run } = useFormAction();
  if (user.delegationId === null || !space.invitedCoSponsorIds.includes(user.delegationId)) return null;
  const head = mayAnswerInvitation(subjectOf(user), space);
  const owner = delegationLabel(space.ownerDelegationId, delegations, language) ?? unknownDelegation(delegations, t);

  const accept = async () => {
    const result = await run(() => proposalsApi.acceptCoSponsorship(space.id));
    if (result.ok) onAccepted(result.value);
  };
  const decline = async () => {
    const result = await run(() => proposalsApi.declineCoSponsorship(space.id));
    if (result.ok) onDeclined();
  };

  return (
    <section className="invitation-banner" aria-labelledby={headingId}>
      <h2 id={headingId}>{t('proposal.invitationTitle', { delegation: owner })}</h2>
      <p>{t('proposal.invitationText')}</p>
      {head ? (
        <div className="form-actions">
          <button type="button" onClick={accept} disabled={submitting}>
            {t('proposal.accept')}
          </button>
          <button type="button" className="button-secondary" onClick={decline} disabled={submitting}>
            {t('proposal.decline')}
          </button>
        </div>
      ) : (
        <p className="hint">{t('proposal.invitationHeadOnly')}</p>
      )}
      <ActionError error={error} />
    </section>
  );
}
