import type { Session } from '../../api';
import { Countdown } from '../../components/countdown';
import { ErrorAlert, Loading } from '../../components/error-alert';
import { formatCalendarDate, formatDateTime, formatNumber } from '../../i18n/format';
import { useI18n } from '../../i18n/i18n-context';
import type { Resource } from '../../use-resource';

/** The committee's sessions in order, each with its proposal deadline counting down. */
export function SessionsSection({ resource, onRetry }: { resource: Resource<readonly Session[]>; onRetry: () => void }) {
  const { t, language } = useI18n();
  return (
    <section className="panel" aria-labelledby="sessions-heading">
      <h2 id="sessions-heading">{t('sessions.title')}</h2>
      {resource.status === 'loading' && <Loading />}
      {resource.status === 'error' && <ErrorAlert error={resource.error} onRetry={onRetry} />}
      {resource.status === 'ready' && resource.data.length === 0 && <p className="empty">{t('sessions.empty')}</p>}
      {resource.status === 'ready' && resource.data.length > 0 && (
        <div className="table-scroll">
          <table aria-labelledby="sessions-heading">
            <thead>
              <tr>
                <th scope="col">{t('sessions.number')}</th>
                <th scope="col">{t('sessions.sessionTitle')}</th>
                <th scope="col">{t('sessions.venue')}</th>
                <th scope="col">{t('sessions.dates')}</th>
                <th scope="col">{t('sessions.deadline')}</th>
              </tr>
            </thead>
            <tbody>
              {[...resource.data]
                .sort((a, b) => a.number - b.number)
                .map((session) => (
                  <tr key={session.id}>
                    <td className="numeric">{formatNumber(session.number, language)}</td>
                    <th scope="row" dir="auto">{session.title}</th>
                    <td dir="auto">{session.venue}</td>
                    <td>
                      {t('sessions.dateRange', {
                        start: formatCalendarDate(session.startDate, language),
                        end: formatCalendarDate(session.endDate, language),
                      })}
                    </td>
                    <td>
                      <time dateTime={session.proposalDeadline}>
                        {formatDateTime(session.proposalDeadline, language)}
                      </time>
                      <br />
                      <Countdown deadline={session.proposalDeadline} />
                    </td>
                  </tr>
                ))}
            </tbody>
          </table>
        </div>
      )}
    </section>
  );
}
