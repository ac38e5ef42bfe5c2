import { decide, pickLocalized, type CommentPublication, type RevisionSummary } from '@concord/domain';
import { useEffect, useState } from 'react';
import { Link } from 'react-router';
import type { Instrument } from '../api';
import { subjectOf, useUser } from '../auth';
import { ErrorAlert, Loading, StatusMessage } from '../components/error-alert';
import { FormErrors, useFormAction } from '../components/form';
import { formatDateTime } from '../i18n/format';
import { useI18n } from '../i18n/i18n-context';
import type { StringKey } from '../i18n/strings';
import { useResource } from '../use-resource';
import './comment-periods.css';
import { commentPeriodsApi } from './comment-periods-api';

/** The committee's calls for comments, and the secretariat's form to open one on a published revision. */
export function CommentPeriodsSection({ instruments }: { instruments: readonly Instrument[] }) {
  const { t, language } = useI18n();
  const user = useUser();
  const periods = useResource(() => commentPeriodsApi.periods(), []);
  const opens = decide(subjectOf(user), 'manage-comment-period', { tier: 'committee', committeeId: user.committeeId }).allowed;
  return (
    <section className="panel" aria-labelledby="periods-heading">
      <h2 id="periods-heading">{t('periods.title')}</h2>
      {periods.resource.status === 'loading' && <Loading />}
      {periods.resource.status === 'error' && <ErrorAlert error={periods.resource.error} onRetry={periods.reload} />}
      {periods.resource.status === 'ready' && periods.resource.data.length === 0 && <p className="empty">{t('periods.empty')}</p>}
      {periods.resource.status === 'ready' && periods.resource.data.length > 0 && (
        <ul className="period-list">
          {periods.resource.data.map((p) => (
            <li key={p.id}>
              <Link to={`/comment-periods/${encodeURIComponent(p.id)}`} dir="auto">{p.title}</Link>{' '}
              <span className="document-symbol">{p.targetLabel}</span>{' '}
              <span className={`badge period-state period-${p.state}`}>{t(`period.state.${p.state}` as StringKey)}</span>{' '}
              {t('period.deadline', { deadline: formatDateTime(p.deadline, language) })}
            </li>
          ))}
        </ul>
      )}
      {opens && instruments.length > 0 && <OpenPeriodForm instruments={instruments} onOpened={periods.reload} />}
    </section>
  );
}

function OpenPeriodForm({ instruments, onOpened }: { instruments: readonly Instrument[]; onOpened: () => void }) {
  const { t, language } = useI18n();
  const [instrumentId, setInstrumentId] = useState(instruments[0]?.id ?? '');
  const [revisions, setRevisions] = useState<readonly RevisionSummary[]>([]);
  const [revisionId, setRevisionId] = useState('');
  const [title, setTitle] = useState('');
  const [deadline, setDeadline] = useState('');
  const [publication, setPublication] = useState<CommentPublication>('at-close');
  const [allowObservers, setAllowObservers] = useState(false);
  const [opened, setOpened] = useState<string | null>(null);
  const action = useFormAction();
  useEffect(() => {
    if (!instrumentId) return;
    commentPeriodsApi.revisions(instrumentId).then((items) => {
      setRevisions(items);
      setRevisionId(items[0]?.id ?? '');
    }, () => setRevisions([]));
  }, [instrumentId]);
  const chosen = revisions.find((r) => r.id === revisionId);
  return (
    <form
      className="form open-period-form"
      aria-labelledby="open-period-heading"
      onSubmit={(event) => {
        event.preventDefault();
        setOpened(null);
        if (!revisionId) return action.reject(t('periods.revisionRequired'));
        if (!title.trim()) return action.reject(t('periods.titleRequired'));
        if (!deadline) return action.reject(t('period.deadlineRequired'));
        void action
          .run(() => commentPeriodsApi.open({ targetKind: 'revision', targetId: revisionId, title, deadline: new Date(deadline).toISOString(), publication, allowObservers: allowObservers && chosen?.tier === 'public' }))
          .then((done) => {
            if (!done.ok) return;
            // The call is open: the form starts over for the next one, and says so.
            setOpened(title.trim());
            setTitle('');
            setDeadline('');
            setPublication('at-close');
            setAllowObservers(false);
            onOpened();
          });
      }}
    >
      <h3 id="open-period-heading">{t('periods.open')}</h3>
      {opened !== null && (
        <StatusMessage>
          <p>{t('periods.opened', { title: opened })}</p>
        </StatusMessage>
      )}
      <div className="field">
        <label htmlFor="period-instrument">{t('periods.instrument')}</label>
        <select id="period-instrument" value={instrumentId} onChange={(e) => setInstrumentId(e.target.value)}>
          {instruments.map((i) => (
            <option key={i.id} value={i.id}>{pickLocalized(i.titles, language) ?? i.id}</option>
          ))}
        </select>
      </div>
      <div className="field">
        <label htmlFor="period-revision">{t('periods.revision')}</label>
        <select id="period-revision" value={revisionId} onChange={(e) => setRevisionId(e.target.value)}>
          {revisions.map((r) => (
            <option key={r.id} value={r.id}>{`${r.symbol} (${t(r.tier === 'public' ? 'comments.tierBadge.public' : 'comments.tierBadge.committee')})`}</option>
          ))}
        </select>
        {revisions.length === 0 && <p className="hint">{t('periods.noRevisions')}</p>}
      </div>
      <div className="field">
        <label htmlFor="period-title">{t('periods.periodTitle')}</label>
        <input id="period-title" dir="auto" value={title} maxLength={300} onChange={(e) => setTitle(e.target.value)} />
      </div>
      <div className="field">
        <label htmlFor="period-deadline">{t('periods.deadline')}</label>
        <input id="period-deadline" type="datetime-local" value={deadline} onChange={(e) => setDeadline(e.target.value)} />
      </div>
      <fieldset className="field">
        <legend>{t('periods.publication')}</legend>
        <label>
          <input type="radio" name="publication" checked={publication === 'at-close'} onChange={() => setPublication('at-close')} /> {t('period.publication.at-close')}
        </label>
        <label>
          <input type="radio" name="publication" checked={publication === 'on-arrival'} onChange={() => setPublication('on-arrival')} /> {t('period.publication.on-arrival')}
        </label>
      </fieldset>
      <div className="check">
        <input id="period-observers" type="checkbox" checked={allowObservers} disabled={chosen?.tier !== 'public'} onChange={(e) => setAllowObservers(e.target.checked)} />
        <label htmlFor="period-observers">{t('periods.allowObservers')}</label>
      </div>
      {chosen && chosen.tier !== 'public' && <p className="hint">{t('periods.observersNeedPublic')}</p>}
      <FormErrors problem={action.problem} error={action.error} />
      <div className="form-actions">
        <button type="submit" disabled={action.submitting}>{t('periods.openSubmit')}</button>
      </div>
    </form>
  );
}
