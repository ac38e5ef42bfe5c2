import { useState } from 'react';
import type { User } from '../../api';
import { ActionError } from '../../comments/action-error';
import { ErrorAlert, Loading, StatusMessage } from '../../components/error-alert';
import { useFormAction } from '../../components/form';
import { formatDate, formatList } from '../../i18n/format';
import { useI18n } from '../../i18n/i18n-context';
import { useResource } from '../../use-resource';
import { type Member, membersApi } from './members-api';

/**
 * For a head of delegation: the delegation's members, pending ones first, with who added them and when; pending
 * members are confirmed here, and any member but the head itself removed.
 */
export function MembersSection({ user, delegationId }: { user: User; delegationId: string }) {
  const { t, language } = useI18n();
  const { resource, reload, update } = useResource(() => membersApi.list(delegationId), [delegationId]);
  const { submitting, error, run } = useFormAction();
  // Kept as what happened rather than as a sentence, so that it follows a change of language.
  const [notice, setNotice] = useState<{ readonly key: 'members.confirmedNotice' | 'members.removedNotice'; readonly name: string } | null>(null);

  const confirm = async (member: Member) => {
    setNotice(null);
    const result = await run(() => membersApi.confirm(delegationId, member.userId));
    if (!result.ok) return;
    update((items) => items.map((item) => (item.userId === member.userId ? result.value : item)));
    setNotice({ key: 'members.confirmedNotice', name: member.displayName });
  };

  const remove = async (member: Member) => {
    setNotice(null);
    const result = await run(() => membersApi.remove(delegationId, member.userId));
    if (!result.ok) return;
    update((items) => items.filter((item) => item.userId !== member.userId));
    setNotice({ key: 'members.removedNotice', name: member.displayName });
  };

  const ordered = (items: readonly Member[]) =>
    [...items].sort((a, b) => Number(b.membership === 'pending') - Number(a.membership === 'pending'));

  return (
    <section className="panel members-panel" aria-labelledby="members-heading">
      <h2 id="members-heading">{t('members.title')}</h2>
      <p className="hint">{t('members.hint')}</p>
      {resource.status === 'loading' && <Loading />}
      {resource.status === 'error' && <ErrorAlert error={resource.error} onRetry={reload} />}
      {resource.status === 'ready' && resource.data.length === 0 && <p className="empty">{t('members.empty')}</p>}
      {resource.status === 'ready' && resource.data.length > 0 && (
        <div className="table-scroll">
          <table aria-labelledby="members-heading">
            <thead>
              <tr>
                <th scope="col">{t('members.name')}</th>
                <th scope="col">{t('members.email')}</th>
                <th scope="col">{t('members.roles')}</th>
                <th scope="col">{t('members.status')}</th>
                <th scope="col">{t('members.added')}</th>
                <th scope="col">{t('members.actions')}</th>
              </tr>
            </thead>
            <tbody>
              {ordered(resource.data).map((member) => {
                const self = member.userId === user.id;
                const added = formatDate(member.addedAt, language);
                return (
                  <tr key={member.userId} className={member.membership === 'pending' ? 'member-pending' : undefined}>
                    <th scope="row" dir="auto">
                      {member.displayName}
                      {self && <span className="minor-label"> ({t('members.you')})</span>}
                    </th>
                    <td dir="ltr">{member.email}</td>
                    <td>{formatList(member.roles.map((role) => t(`role.${role}`)), language)}</td>
                    <td>
                      <span className={`member-status member-status-${member.membership}`}>{t(`members.${member.membership}`)}</span>
                      {!member.active && <span className="hint"> {t('members.notActivated')}</span>}
                    </td>
                    <td>
                      <time dateTime={member.addedAt}>
                        {member.addedBy === null ? added : t('members.addedBy', { date: added, name: member.addedBy.displayName })}
                      </time>
                    </td>
                    <td>
                      <div className="member-actions">
                        {member.membership === 'pending' && (
                          <button type="button" onClick={() => confirm(member)} disabled={submitting}>
                            {t('members.confirm')}
                            <span className="visually-hidden"> {member.displayName}</span>
                          </button>
                        )}
                        {!self && (
                          <button type="button" className="button-secondary" onClick={() => remove(member)} disabled={submitting}>
                            {t('members.remove')}
                            <span className="visually-hidden"> {member.displayName}</span>
                          </button>
                        )}
                      </div>
                    </td>
                  </tr>
                );
              })}
            </tbody>
          </table>
        </div>
      )}
      {notice !== null && <StatusMessage>{t(notice.key, { name: notice.name })}</StatusMessage>}
      <ActionError error={error} />
    </section>
  );
}

/** What a member the head has not confirmed yet is told, in place of the delegation's drafts. */
export function PendingMembershipNotice({ delegationName }: { delegationName: string }) {
  const { t } = useI18n();
  return (
    <div role="status" className="alert alert-info pending-membership">
      <p>{t('members.pendingNotice', { delegation: delegationName })}</p>
    </div>
  );
}
