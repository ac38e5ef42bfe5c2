import { useState, type FormEvent } from 'react';
import { api, type Session } from '../../api';
import { StatusMessage } from '../../components/error-alert';
import { FormErrors, useFormAction } from '../../components/form';
import { formatNumber } from '../../i18n/format';
import { useI18n } from '../../i18n/i18n-context';

/** Secretariat: schedules a session with its dates and proposal deadline. */
export function NewSessionForm({
  committeeId,
  sessions,
  onCreated,
}: {
  committeeId: string;
  sessions: readonly Session[];
  onCreated: (session: Session) => void;
}) {
  const { t, language } = useI18n();
  const { submitting, error, problem, run, reject } = useFormAction();
  const nextNumber = sessions.reduce((highest, session) => Math.max(highest, session.number), 0) + 1;
  const [number, setNumber] = useState('');
  const [title, setTitle] = useState('');
  const [venue, setVenue] = useState('');
  const [startDate, setStartDate] = useState('');
  const [endDate, setEndDate] = useState('');
  const [deadline, setDeadline] = useState('');
  const [created, setCreated] = useState<Session | null>(null);

  const onSubmit = async (event: FormEvent<HTMLFormElement>) => {
    event.preventDefault();
    setCreated(null);
    if (endDate < startDate) return reject(t('newSession.endBeforeStart'));
    const result = await run(() =>
      api.createSession(committeeId, {
        number: Number(number === '' ? nextNumber : number),
        title: title.trim(),
        venue: venue.trim(),
        startDate,
        endDate,
        // `datetime-local` has no zone: it is the secretariat member's local time, sent as an instant.
        proposalDeadline: new Date(deadline).toISOString(),
      }),
    );
    if (!result.ok) return;
    onCreated(result.value);
    setCreated(result.value);
    setNumber('');
    setTitle('');
    setVenue('');
    setStartDate('');
    setEndDate('');
    setDeadline('');
  };

  return (
    <form className="form card" onSubmit={onSubmit} aria-labelledby="new-session-heading">
      <h3 id="new-session-heading">{t('newSession.title')}</h3>
      <FormErrors problem={problem} error={error} />
      {created !== null && <StatusMessage>{t('newSession.done', { number: formatNumber(created.number, language) })}</StatusMessage>}
      <div className="field">
        <label htmlFor="new-session-number">{t('newSession.number')}</label>
        <input
          id="new-session-number"
          type="number"
          inputMode="numeric"
          min={1}
          step={1}
          placeholder={String(nextNumber)}
          value={number}
          onChange={(event) => setNumber(event.target.value)}
        />
      </div>
      <div className="field">
        <label htmlFor="new-session-title">{t('newSession.sessionTitle')}</label>
        <input id="new-session-title" required value={title} onChange={(event) => setTitle(event.target.value)} />
      </div>
      <div className="field">
        <label htmlFor="new-session-venue">{t('newSession.venue')}</label>
        <input id="new-session-venue" required value={venue} onChange={(event) => setVenue(event.target.value)} />
      </div>
      <div className="field-row">
        <div className="field">
          <label htmlFor="new-session-start">{t('newSession.startDate')}</label>
          <input
            id="new-session-start"
            type="date"
            required
            value={startDate}
            onChange={(event) => setStartDate(event.target.value)}
          />
        </div>
        <div className="field">
          <label htmlFor="new-session-end">{t('newSession.endDate')}</label>
          <input
            id="new-session-end"
            type="date"
            required
            min={startDate === '' ? undefined : startDate}
            value={endDate}
            onChange={(event) => setEndDate(event.target.value)}
          />
        </div>
      </div>
      <div className="field">
        <label htmlFor="new-session-deadline">{t('newSession.deadline')}</label>
        <input
          id="new-session-deadline"
          type="datetime-local"
          required
          value={deadline}
          onChange={(event) => setDeadline(event.target.value)}
        />
      </div>
      <div className="form-actions">
        <button type="submit" disabled={submitting}>
          {submitting ? t('form.submitting') : t('newSession.submit')}
        </button>
      </div>
    </form>
  );
}
