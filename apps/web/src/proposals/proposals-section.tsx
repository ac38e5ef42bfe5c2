import { useState } from 'react';
import { Link } from 'react-router';
import type { Delegation, Instrument } from '../api';
import { subjectOf, useUser } from '../auth';
import { ActionError } from '../comments/action-error';
import { formatCommentTime } from '../comments/comment-time';
import { Loading } from '../components/error-alert';
import { useFormAction } from '../components/form';
import { formatNumber } from '../i18n/format';
import { useI18n } from '../i18n/i18n-context';
import { pickLocalizedEntry } from '../localized';
import { useResource } from '../use-resource';
import { delegationLabel, delegationList, LateBadge, ProposalStatusBadge, unknownDelegation } from './proposal-bits';
import { proposalPath } from './proposal-path';
import { mayWithdraw, supportAction, supportHint } from './proposal-rules';
import { proposalsApi, type Proposal } from './proposals-api';

/**
 * The committee dashboard's list of the proposals the reader may see, newest first: sponsors, status, lateness
 * and supporters, with Support / Withdraw support for heads of other delegations.
 */
export function ProposalsSection({
  delegations,
  instruments,
}: {
  delegations: readonly Delegation[];
  instruments: readonly Instrument[];
}) {
  const { t, language } = useI18n();
  const user = useUser();
  const subject = subjectOf(user);
  const { resource, reload, update } = useResource(() => proposalsApi.list(), []);
  const action = useFormAction();
  const [busy, setBusy] = useState<string | null>(null);
  const unknown = unknownDelegation(delegations, t);

  const act = async (id: string, request: () => Promise<Proposal>) => {
    setBusy(id);
    const result = await action.run(request);
    setBusy(null);
    if (result.ok) update((items) => items.map((item) => (item.id === id ? result.value : item)));
  };
  const instrumentTitle = (id: string) => {
    const instrument = instruments.find((candidate) => candidate.id === id);
    return instrument === undefined ? undefined : pickLocalizedEntry(instrument.titles, language, instrument.originalLanguage);
  };

  return (
    <section className="panel proposals-section" aria-labelledby="proposals-heading">
      <h2 id="proposals-heading">{t('proposal.listTitle')}</h2>
      {resource.status === 'loading' && <Loading />}
      {resource.status === 'error' && <ActionError error={resource.error} onRetry={reload} />}
      {resource.status === 'ready' && resource.data.length === 0 && <p className="empty">{t('proposal.listEmpty')}</p>}
      <ActionError error={action.error} />
      {resource.status === 'ready' && resource.data.length > 0 && (
        <div className="table-scroll">
          <table aria-labelledby="proposals-heading" className="proposals-table">
            <thead>
              <tr>
                <th scope="col">{t('proposal.column.title')}</th>
                <th scope="col">{t('proposal.column.sponsors')}</th>
                <th scope="col">{t('proposal.column.status')}</th>
                <th scope="col">{t('proposal.column.supporters')}</th>
                <th scope="col">{t('proposal.column.submitted')}</th>
                <th scope="col">
                  <span className="visually-hidden">{t('proposal.column.actions')}</span>
                </th>
              </tr>
            </thead>
            <tbody>
              {resource.data.map((proposal) => {
                const support = supportAction(subject, proposal);
                const hint = supportHint(subject, proposal);
                const withdrawable = mayWithdraw(subject, proposal);
                const instrument = instrumentTitle(proposal.instrumentId);
                return (
                  <tr key={proposal.id} data-proposal-id={proposal.id}>
                    <th scope="row">
                      <Link to={proposalPath(proposal.id)} dir="auto">
                        {proposal.title}
                      </Link>
                      {instrument !== undefined && (
                        <span className="proposal-instrument" lang={instrument.language}>
                          {instrument.text}
                        </span>
                      )}
                    </th>
                    <td>
                      <span className="proposal-sponsor">
                        {delegationLabel(proposal.sponsorDelegationId, delegations, language) ?? unknown}
                      </span>
                      {proposal.coSponsorIds.length > 0 && (
                        <span className="proposal-co-sponsors">
                          {t('proposal.withCoSponsors', { list: delegationList(proposal.coSponsorIds, delegations, language, unknown) })}
                        </span>
                      )}
                    </td>
                    <td>
                      <span className="status-cell">
                        <ProposalStatusBadge status={proposal.status} />
                        {proposal.late && <LateBadge />}
                      </span>
                    </td>
                    <td>
                      <span className="support-count">{formatNumber(proposal.supporterIds.length, language)}</span>
                      {proposal.supporterIds.length > 0 && (
                        <span className="proposal-supporters">
                          {proposal.supporterIds
                            .map((id) => delegations.find((delegation) => delegation.id === id)?.code ?? unknown)
                            .join(', ')}
                        </span>
                      )}
                    </td>
                    <td>
                      <time dateTime={proposal.submittedAt}>{formatCommentTime(proposal.submittedAt, language)}</time>
                    </td>
                    <td className="proposal-row-actions">
                      {support === 'support' && (
                        <button
                          type="button"
                          className="button-secondary"
                          disabled={busy === proposal.id}
                          onClick={() => act(proposal.id, () => proposalsApi.support(proposal.id))}
                        >
                          {t('proposal.support')}
                          <span className="visually-hidden"> {proposal.title}</span>
                        </button>
                      )}
                      {support === 'withdraw-support' && (
                        <button
                          type="button"
                          className="button-secondary"
                          disabled={busy === proposal.id}
                          onClick={() => act(proposal.id, () => proposalsApi.withdrawSupport(proposal.id))}
                        >
                          {t('proposal.withdrawSupport')}
                          <span className="visually-hidden"> {proposal.title}</span>
                        </button>
                      )}
                      {hint !== null && <span className="hint support-hint">{t(`proposal.supportHint.${hint}`)}</span>}
                      {withdrawable && (
                        <Link to={proposalPath(proposal.id)} className="row-link">
                          {t('proposal.manage')}
                        </Link>
                      )}
                    </td>
                  </tr>
                );
              })}
            </tbody>
          </table>
        </div>
      )}
    </section>
  );
}
