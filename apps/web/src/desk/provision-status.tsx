import { PROVISION_STATUSES, isAgreedStatus, isProvisionStatus, type Language, type ProvisionStatus } from '@concord/domain';
import { useId, useState } from 'react';
import { ApiError } from '../api';
import { useAuth } from '../auth';
import { ReopenDialog } from '../chair/reopen-dialog';
import { formatDateTime } from '../i18n/format';
import { useI18n } from '../i18n/i18n-context';
import { deskApi, type StatusChange } from './desk-api';
import { DeskErrorAlert } from './desk-error';

/**
 * An article's negotiation status (open, informally agreed, agreed ad referendum), changed in the live draft as
 * soon as another is chosen, and the history of its changes.
 */
export function ProvisionStatusControl({
  instrumentId,
  textLanguage,
  provisionId,
  label,
  status,
  history,
  userName,
  onChanged,
}: {
  instrumentId: string;
  textLanguage: Language;
  provisionId: string;
  /** The article's number: "Article 4". */
  label: string;
  status: ProvisionStatus;
  /** This article's changes, oldest first. */
  history: readonly StatusChange[];
  userName: (userId: string) => string;
  onChanged: (provisionId: string, status: ProvisionStatus) => void;
}) {
  const { t, language } = useI18n();
  const { sessionExpired } = useAuth();
  const selectId = useId();
  const [saving, setSaving] = useState(false);
  // The status being saved, shown at once; the article's own status once the server has it (or refused it).
  const [pending, setPending] = useState<ProvisionStatus | null>(null);
  const [saved, setSaved] = useState(false);
  const [error, setError] = useState<unknown>(null);
  // Agreed text is reopened only with a reason, asked for before anything is sent.
  const [reopening, setReopening] = useState(false);

  const change = async (next: ProvisionStatus, reason?: string) => {
    setReopening(false);
    setSaving(true);
    setPending(next);
    setSaved(false);
    setError(null);
    try {
      await deskApi.setStatus(instrumentId, provisionId, textLanguage, next, reason);
      setSaved(true);
      onChanged(provisionId, next);
    } catch (caught) {
      if (caught instanceof ApiError && caught.status === 401) sessionExpired();
      setError(caught);
    } finally {
      setSaving(false);
      setPending(null);
    }
  };

  return (
    <div className="desk-status">
      <div className="desk-status-row">
        <label htmlFor={selectId}>{t('desk.statusOf', { article: label })}</label>
        <select
          id={selectId}
          value={pending ?? status}
          onChange={(event) => {
            const next = event.target.value;
            if (!isProvisionStatus(next) || next === status) return;
            if (isAgreedStatus(status) && next === 'open') setReopening(true);
            else void change(next);
          }}
        >
          {PROVISION_STATUSES.map((option) => (
            <option key={option} value={option}>
              {t(`status.${option}`)}
            </option>
          ))}
        </select>
        <span className="desk-save-state" role="status">
          {saving && t('desk.saving')}
          {saved && !saving && t('desk.statusSaved')}
        </span>
      </div>
      {error !== null && <DeskErrorAlert error={error} />}
      {reopening && <ReopenDialog label={label} onCancel={() => setReopening(false)} onReopen={(reason) => void change('open', reason)} />}
      <details className="desk-history">
        <summary>{t('desk.history', { n: history.length })}</summary>
        {history.length === 0 ? (
          <p className="empty">{t('desk.historyEmpty')}</p>
        ) : (
          <ol>
            {[...history].reverse().map((entry) => (
              <li key={`${entry.at}-${entry.to}`}>
                <time dateTime={entry.at}>{formatDateTime(entry.at, language)}</time>
                {' — '}
                {t('desk.historyEntry', {
                  from: t(`status.${entry.from}`),
                  to: t(`status.${entry.to}`),
                  name: userName(entry.actorId),
                })}
              </li>
            ))}
          </ol>
        )}
      </details>
    </div>
  );
}
