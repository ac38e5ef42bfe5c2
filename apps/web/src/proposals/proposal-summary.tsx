import { useId, useState } from 'react';
import type { Delegation } from '../api';
import { subjectOf, useUser } from '../auth';
import { ActionError } from '../comments/action-error';
import { formatCommentTime } from '../comments/comment-time';
import { SafeText, TextWarnings } from '../comments/safe-text';
import { useFormAction } from '../components/form';
import { formatNumber } from '../i18n/format';
import { useI18n } from '../i18n/i18n-context';
import { delegationLabel, delegationList, LateBadge, ProposalStatusBadge, unknownDelegation } from './proposal-bits';
import { mayWithdraw, supportAction, supportHint } from './proposal-rules';
import { proposalsApi, type Proposal } from './proposals-api';

/**
 * A submitted proposal at a glance: its status (announced when it changes), lateness, sponsors and supporters, its
 * justification as written (inert), warnings about hidden characters, its history, and what the reader may do:
 * withdraw it (head of the sponsor) or support it (head of another delegation).
 */
export function ProposalSummary({
  proposal,
  delegations,
  onChange,
}: {
  proposal: Proposal;
  delegations: readonly Delegation[];
  onChange: (proposal: Proposal) => void;
}) {
  const { t, language } = useI18n();
  const user = useUser();
  const subject = subjectOf(user);
  const historyId = useId();
  const action = useFormAction();
  const [confirming, setConfirming] = useState(false);
  const unknown = unknownDelegation(delegations, t);
  const withdrawable = mayWithdraw(subject, proposal);
  const support = supportAction(subject, proposal);
  const hint = supportHint(subject, proposal);

  const run = async (request: () => Promise<Proposal>) => {
    const result = await action.run(request);
    setConfirming(false);
    if (result.ok) onChange(result.value);
  };

  return (
    <div className="proposal-summary" data-proposal-id={proposal.id}>
      <div className="proposal-state" role="status">
        <ProposalStatusBadge status={proposal.status} />
        {proposal.late && <LateBadge />}
        {proposal.published && <span className="published-badge">{t('proposal.published')}</span>}
      </div>
      <dl className="proposal-facts">
        <div>
          <dt>{t('proposal.submittedOn')}</dt>
          <dd>
            <time dateTime={proposal.submittedAt}>{formatCommentTime(proposal.submittedAt, language)}</time>
          </dd>
        </div>
        <div>
          <dt>{t('proposal.sponsor')}</dt>
          <dd>{delegationLabel(proposal.sponsorDelegationId, delegations, language) ?? unknown}</dd>
        </div>
        {proposal.coSponsorIds.length > 0 && (
          <div>
            <dt>{t('proposal.coSponsors')}</dt>
            <dd>{delegationList(proposal.coSponsorIds, delegations, language, unknown)}</dd>
          </div>
        )}
        <div>
          <dt>{t('proposal.supporters')}</dt>
          <dd>
            <span className="support-count">{formatNumber(proposal.supporterIds.length, language)}</span>
            {proposal.supporterIds.length > 0 && <> — {delegationList(proposal.supporterIds, delegations, language, unknown)}</>}
          </dd>
        </div>
      </dl>
      <div className="proposal-justification">
        <h3 className="minor-heading">{t('proposal.justification')}</h3>
        <SafeText text={proposal.justification} />
      </div>
      <TextWarnings
        warnings={proposal.textWarnings}
        fieldLabel={(field) => (field === 'justification' ? t('proposal.justification') : t('proposal.proposedText'))}
      />
      <div className="proposal-history">
        <h3 id={historyId} className="minor-heading">
          {t('proposal.history')}
        </h3>
        <ol aria-labelledby={historyId}>
          {proposal.history.map((entry) => (
            <li key={`${entry.to}:${entry.at}`}>
              <ProposalStatusBadge status={entry.to} />{' '}
              <time dateTime={entry.at}>{formatCommentTime(entry.at, language)}</time>
              <span className="history-actor">
                {' '}
                {entry.actorId === user.id
                  ? t('proposal.byYou')
                  : t('proposal.by', {
                      actor:
                        entry.actor.body === 'delegation'
                          ? (delegationLabel(entry.actor.delegationId, delegations, language) ?? unknown)
                          : t(`proposal.actor.${entry.actor.body}`),
                    })}
              </span>
            </li>
          ))}
        </ol>
      </div>
      {hint !== null && <p className="hint support-hint">{t(`proposal.supportHint.${hint}`)}</p>}
      {(withdrawable || support !== null) && (
        <div className="proposal-actions">
          {support === 'support' && (
            <button type="button" onClick={() => run(() => proposalsApi.support(proposal.id))} disabled={action.submitting}>
              {t('proposal.support')}
            </button>
          )}
          {support === 'withdraw-support' && (
            <button
              type="button"
              className="button-secondary"
              onClick={() => run(() => proposalsApi.withdrawSupport(proposal.id))}
              disabled={action.submitting}
            >
              {t('proposal.withdrawSupport')}
            </button>
          )}
          {withdrawable && !confirming && (
            <button type="button" className="button-secondary button-danger" onClick={() => setConfirming(true)}>
              {t('proposal.withdraw')}
            </button>
          )}
          {withdrawable && confirming && (
            <div className="confirm-row" role="group" aria-label={t('proposal.withdraw')}>
              <p>{t('proposal.withdrawConfirm')}</p>
              <button
                type="button"
                className="button-danger-solid"
                onClick={() => run(() => proposalsApi.withdraw(proposal.id))}
                disabled={action.submitting}
              >
                {t('proposal.withdrawYes')}
              </button>
              <button type="button" className="button-secondary" onClick={() => setConfirming(false)}>
                {t('proposal.keep')}
              </button>
            </div>
          )}
        </div>
      )}
      <ActionError error={action.error} />
    </div>
  );
}
