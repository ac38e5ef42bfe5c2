import { useId, useState, type FormEvent } from 'react';
import type { Delegation, DraftingSpace } from '../api';
import { subjectOf, useUser } from '../auth';
import { ActionError } from '../comments/action-error';
import { useFormAction } from '../components/form';
import { delegationName } from '../components/layout';
import { useI18n } from '../i18n/i18n-context';
import { delegationLabel, unknownDelegation } from './proposal-bits';
import { invitable, mayManageCoSponsors } from './proposal-rules';
import { proposalsApi } from './proposals-api';

/**
 * Co-sponsors of a drafting space: the sponsor, the delegations that accepted, the invitations not yet answered,
 * and, for the head of the owning delegation, inviting a delegation and removing one.
 */
export function CoSponsorsPanel({
  space,
  delegations,
  onChange,
}: {
  space: DraftingSpace;
  delegations: readonly Delegation[];
  onChange: (space: DraftingSpace) => void;
}) {
  const { t, language } = useI18n();
  const user = useUser();
  const headingId = useId();
  const selectId = useId();
  const manager = mayManageCoSponsors(subjectOf(user), space);
  const { submitting, error, run } = useFormAction();
  const [chosen, setChosen] = useState('');
  const candidates = [...invitable(space, delegations)].sort((a, b) =>
    delegationName(a, language).localeCompare(delegationName(b, language), language),
  );
  const unknown = unknownDelegation(delegations, t);
  const label = (id: string) => delegationLabel(id, delegations, language) ?? unknown;

  const change = async (request: () => Promise<DraftingSpace>) => {
    const result = await run(request);
    if (result.ok) onChange(result.value);
    return result.ok;
  };

  const onInvite = async (event: FormEvent<HTMLFormElement>) => {
    event.preventDefault();
    const delegationId = chosen !== '' ? chosen : (candidates[0]?.id ?? '');
    if (delegationId === '') return;
    if (await change(() => proposalsApi.inviteCoSponsor(space.id, delegationId))) setChosen('');
  };

  return (
    <section className="sidebar-section co-sponsors" aria-labelledby={headingId}>
      <h2 id={headingId} className="sidebar-heading">
        {t('proposal.coSponsorsTitle')}
      </h2>
      <p className="sponsor-line">
        <span className="minor-label">{t('proposal.sponsor')}</span> <span dir="auto">{label(space.ownerDelegationId)}</span>
      </p>
      {space.coSponsorIds.length === 0 && space.invitedCoSponsorIds.length === 0 && (
        <p className="empty">{t('proposal.noCoSponsors')}</p>
      )}
      {(space.coSponsorIds.length > 0 || space.invitedCoSponsorIds.length > 0) && (
        <ul className="co-sponsor-list">
          {[
            ...space.coSponsorIds.map((id) => ({ id, state: 'accepted', action: 'remove' }) as const),
            ...space.invitedCoSponsorIds.map((id) => ({ id, state: 'pending', action: 'cancel' }) as const),
          ].map(({ id, state, action }) => (
            <li key={id}>
              <span dir="auto" className="co-sponsor-name">
                {label(id)}
              </span>
              <span className={`co-sponsor-state co-sponsor-${state}`}>{t(`proposal.${state}`)}</span>
              {manager && (
                <button
                  type="button"
                  className="link-button"
                  onClick={() => change(() => proposalsApi.removeCoSponsor(space.id, id))}
                  disabled={submitting}
                >
                  {t(`proposal.${action}`)}
                  <span className="visually-hidden"> {label(id)}</span>
                </button>
              )}
            </li>
          ))}
        </ul>
      )}
      {manager ? (
        candidates.length > 0 && (
          <form className="invite-form" onSubmit={onInvite}>
            <label htmlFor={selectId}>{t('proposal.inviteLabel')}</label>
            <div className="invite-row">
              <select id={selectId} value={chosen === '' ? (candidates[0]?.id ?? '') : chosen} onChange={(event) => setChosen(event.target.value)}>
                {candidates.map((delegation) => (
                  <option key={delegation.id} value={delegation.id}>
                    {delegationName(delegation, language)} ({delegation.code})
                  </option>
                ))}
              </select>
              <button type="submit" disabled={submitting}>
                {t('proposal.invite')}
              </button>
            </div>
            <p className="hint">{t('proposal.inviteHint')}</p>
          </form>
        )
      ) : (
        <p className="hint">{t('proposal.inviteHeadOnly', { delegation: label(space.ownerDelegationId) })}</p>
      )}
      <ActionError error={error} />
    </section>
  );
}
