import type { Language, ProposalStatus } from '@concord/domain';
import type { Delegation } from '../api';
import { delegationName } from '../components/layout';
import { formatList } from '../i18n/format';
import { useI18n } from '../i18n/i18n-context';
import type { Translate } from '../i18n/strings';
import './proposals.css';

/** "Egypt (EGY)" for a delegation id, or the code alone when the name is unknown; `null` for an unknown id. */
export function delegationLabel(id: string, delegations: readonly Delegation[], language: Language): string | null {
  const delegation = delegations.find((candidate) => candidate.id === id);
  return delegation === undefined ? null : `${delegationName(delegation, language)} (${delegation.code})`;
}

/** What stands for a delegation the page cannot name: an ellipsis while the names load, then "Unknown delegation". */
export function unknownDelegation(delegations: readonly Delegation[], t: Translate): string {
  return delegations.length === 0 ? '…' : t('proposal.unknownDelegation');
}

/** The delegations' names as the language lists them: "Egypt (EGY) and Brazil (BRA)". */
export function delegationList(ids: readonly string[], delegations: readonly Delegation[], language: Language, unknown: string): string {
  return formatList(
    ids.map((id) => delegationLabel(id, delegations, language) ?? unknown),
    language,
  );
}

/** A proposal's status as a badge: submitted, withdrawn, incorporated… */
export function ProposalStatusBadge({ status }: { status: ProposalStatus }) {
  const { t } = useI18n();
  return <span className={`proposal-status proposal-status-${status}`}>{t(`proposal.status.${status}`)}</span>;
}

/** The flag of a proposal submitted after its session's deadline. */
export function LateBadge() {
  const { t } = useI18n();
  return (
    <span className="late-badge" title={t('proposal.lateHint')}>
      {t('proposal.late')}
    </span>
  );
}
