import { decide, isAgreedStatus, isProvisionStatus, PROVISION_STATUSES, type Language, type ProvisionStatus } from '@concord/domain';
import { useState } from 'react';
import { subjectOf, useUser } from '../auth';
import { ErrorAlert } from '../components/error-alert';
import { formatDateTime } from '../i18n/format';
import { useI18n } from '../i18n/i18n-context';
import { useResource } from '../use-resource';
import { deskApi } from '../desk/desk-api';
import { chairApi, type ConsultationItem } from './chair-api';
import { ReopenDialog } from './reopen-dialog';
import './chair.css';

/**
 * The Chair's desk beside the consolidated draft: each article in play with its status (changed here; reopening
 * agreed text asks why), the proposals received and the open comments; for the secretariat, the numbering with
 * the concordance of every renumbering. Shown to those the policy lets set provision status.
 */
export function ChairDesk({ instrumentId, textLanguage }: { instrumentId: string; textLanguage: Language }) {
  const { t } = useI18n();
  const subject = subjectOf(useUser());
  const mayRenumber = decide(subject, 'edit-consolidated', { tier: 'committee' }).allowed;
  const { resource, reload } = useResource(() => chairApi.consultations(instrumentId, textLanguage), [instrumentId, textLanguage]);
  const [reopening, setReopening] = useState<ConsultationItem | null>(null);
  const [error, setError] = useState<unknown>(null);
  const [saved, setSaved] = useState(false);

  const save = async (item: ConsultationItem, status: ProvisionStatus, reason?: string) => {
    setError(null);
    setSaved(false);
    try {
      await deskApi.setStatus(instrumentId, item.provisionId, textLanguage, status, reason);
      setSaved(true);
      setReopening(null);
      reload();
    } catch (caught) {
      setError(caught);
    }
  };

  return (
    <section className="chair-desk" aria-labelledby="chair-desk-heading">
      <h2 id="chair-desk-heading">{t('chair.heading')}</h2>
      <p className="hint">{t('chair.intro')}</p>
      {resource.status === 'error' && <ErrorAlert error={resource.error} onRetry={reload} />}
      {error !== null && <ErrorAlert error={error} />}
      <p role="status" className="chair-saved">
        {saved ? t('chair.saved') : ''}
      </p>
      {resource.status === 'ready' &&
        (resource.data.length === 0 ? (
          <p className="empty">{t('chair.empty')}</p>
        ) : (
          <table className="chair-table">
            <thead>
              <tr>
                <th scope="col">{t('chair.article')}</th>
                <th scope="col">{t('chair.status')}</th>
                <th scope="col">{t('chair.proposals')}</th>
                <th scope="col">{t('chair.comments')}</th>
              </tr>
            </thead>
            <tbody>
              {resource.data.map((item) => (
                <tr key={item.provisionId} data-provision={item.provisionId} className={isAgreedStatus(item.status) ? 'is-agreed' : undefined}>
                  <th scope="row" lang={textLanguage} dir="auto">
                    {item.label}
                    {item.heading && <span className="chair-heading-text"> — {item.heading}</span>}
                  </th>
                  <td>
                    <select
                      aria-label={t('chair.statusOf', { article: item.label })}
                      value={item.status}
                      onChange={(event) => {
                        const next = event.target.value;
                        if (!isProvisionStatus(next) || next === item.status) return;
                        if (isAgreedStatus(item.status) && next === 'open') setReopening(item);
                        else void save(item, next);
                      }}
                    >
                      {PROVISION_STATUSES.map((status) => (
                        <option key={status} value={status}>
                          {t(`status.${status}`)}
                        </option>
                      ))}
                    </select>
                  </td>
                  <td className="chair-count">{item.proposals}</td>
                  <td className="chair-count">{item.comments}</td>
                </tr>
              ))}
            </tbody>
          </table>
        ))}
      {reopening !== null && <ReopenDialog label={reopening.label} onCancel={() => setReopening(null)} onReopen={(reason) => void save(reopening, 'open', reason)} />}
      {mayRenumber && <Numbering instrumentId={instrumentId} textLanguage={textLanguage} onRenumbered={reload} />}
    </section>
  );
}

function Numbering({ instrumentId, textLanguage, onRenumbered }: { instrumentId: string; textLanguage: Language; onRenumbered: () => void }) {
  const { t, language } = useI18n();
  const { resource, reload } = useResource(() => chairApi.renumberings(instrumentId, textLanguage), [instrumentId, textLanguage]);
  const [error, setError] = useState<unknown>(null);
  const [done, setDone] = useState(false);
  const latest = resource.status === 'ready' ? resource.data.at(-1) : undefined;
  return (
    <section className="chair-numbering" aria-labelledby="chair-numbering-heading">
      <h3 id="chair-numbering-heading">{t('renumber.heading')}</h3>
      <p className="hint">{t('renumber.intro')}</p>
      <button
        type="button"
        className="button"
        onClick={() => {
          setError(null);
          setDone(false);
          chairApi.renumber(instrumentId).then(
            () => {
              setDone(true);
              reload();
              onRenumbered();
            },
            (caught: unknown) => setError(caught),
          );
        }}
      >
        {t('renumber.action')}
      </button>
      <p role="status">{done ? t('renumber.done') : ''}</p>
      {error !== null && <ErrorAlert error={error} />}
      {resource.status === 'ready' && latest === undefined && <p className="empty">{t('renumber.none')}</p>}
      {latest !== undefined && (
        <table className="chair-table chair-concordance">
          <caption>{t('renumber.of', { date: formatDateTime(latest.at, language) })}</caption>
          <thead>
            <tr>
              <th scope="col">{t('renumber.from')}</th>
              <th scope="col">{t('renumber.to')}</th>
            </tr>
          </thead>
          <tbody>
            {latest.entries
              .filter((entry) => entry.changed)
              .map((entry) => (
                <tr key={entry.provisionId}>
                  <td lang={textLanguage}>{entry.fromLabel}</td>
                  <td lang={textLanguage}>{entry.toLabel}</td>
                </tr>
              ))}
          </tbody>
        </table>
      )}
    </section>
  );
}
