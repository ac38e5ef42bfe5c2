import { LANGUAGE_NAMES, isLanguage, type Language } from '@concord/domain';
import { useId } from 'react';
import { Link } from 'react-router';
import { useAuth } from '../auth';
import { commentPeriodsApi } from '../comments/comment-periods-api';
import { useDocumentTitle } from '../components/document-title';
import { isObserverOnly } from '../pages/home-page';
import { Loading } from '../components/error-alert';
import { formatCalendarDate, formatDate, formatNumber, languageName } from '../i18n/format';
import { useI18n } from '../i18n/i18n-context';
import { pickLocalizedEntry } from '../localized';
import { useResource } from '../use-resource';
import { comparePath, revisionPath } from './paths';
import { compilationUrl, FEED_URL, publicApi, type PublicRevision, type PublishedCompilation } from './public-api';
import { RoomErrorAlert } from './room-error';
import { VerificationBadge } from './verification-badge';
import './reading-room.css';

/** The public revisions of one instrument, oldest first. */
export interface InstrumentRevisions {
  readonly instrumentId: string;
  readonly revisions: readonly PublicRevision[];
}

/**
 * Groups revisions by instrument: each instrument's revisions oldest first, the instrument with the latest
 * publication first.
 */
export function groupByInstrument(revisions: readonly PublicRevision[]): readonly InstrumentRevisions[] {
  const groups = new Map<string, PublicRevision[]>();
  for (const revision of revisions) {
    const group = groups.get(revision.instrumentId) ?? [];
    group.push(revision);
    groups.set(revision.instrumentId, group);
  }
  const latest = (group: readonly PublicRevision[]) => group[group.length - 1]?.publishedAt ?? '';
  return [...groups.entries()]
    .map(([instrumentId, group]) => ({
      instrumentId,
      revisions: [...group].sort((a, b) => a.publishedAt.localeCompare(b.publishedAt)),
    }))
    .sort((a, b) => latest(b.revisions).localeCompare(latest(a.revisions)));
}

/** `/reading-room`: what has been published to the public, with no sign-in. */
export function ReadingRoomPage() {
  const { t } = useI18n();
  useDocumentTitle(t('room.title'));
  const { state } = useAuth();
  const observer = state.status === 'signed-in' && isObserverOnly(state.user.roles);
  const revisions = useResource(() => publicApi.revisions(), []);
  const compilations = useResource(() => publicApi.compilations(), []);
  const titles = new Map(
    revisions.resource.status === 'ready'
      ? revisions.resource.data.map((revision) => [revision.instrumentId, revision] as const)
      : [],
  );

  return (
    <div className="room-page room-home">
      <header className="page-heading">
        <p className="kicker">{t('room.kicker')}</p>
        <h1>{t('room.title')}</h1>
        <p className="lead">{t('room.intro')}</p>
        <p className="feed-link">
          <a href={FEED_URL} type="application/atom+xml">
            <span className="feed-icon" aria-hidden="true" />
            {t('room.feed')}
          </a>
        </p>
      </header>
      {observer && <ObserverCommentPeriods />}
      <section className="panel" aria-labelledby="room-revisions-heading">
        <h2 id="room-revisions-heading">{t('room.revisions')}</h2>
        {revisions.resource.status === 'loading' && <Loading />}
        {revisions.resource.status === 'error' && (
          <RoomErrorAlert error={revisions.resource.error} onRetry={revisions.reload} />
        )}
        {revisions.resource.status === 'ready' && revisions.resource.data.length === 0 && (
          <p className="empty">{t('room.revisionsEmpty')}</p>
        )}
        {revisions.resource.status === 'ready' &&
          groupByInstrument(revisions.resource.data).map((group) => <InstrumentGroup key={group.instrumentId} group={group} />)}
      </section>
      <section className="panel" aria-labelledby="room-compilations-heading">
        <h2 id="room-compilations-heading">{t('room.compilations')}</h2>
        <p className="hint">{t('room.compilationsIntro')}</p>
        {compilations.resource.status === 'loading' && <Loading />}
        {compilations.resource.status === 'error' && (
          <RoomErrorAlert error={compilations.resource.error} onRetry={compilations.reload} />
        )}
        {compilations.resource.status === 'ready' && compilations.resource.data.length === 0 && (
          <p className="empty">{t('room.compilationsEmpty')}</p>
        )}
        {compilations.resource.status === 'ready' && compilations.resource.data.length > 0 && (
          <CompilationTable compilations={compilations.resource.data} titles={titles} />
        )}
      </section>
    </div>
  );
}

/**
 * For a signed-in observer: the calls for written comments it may answer (open to observers), with their
 * deadlines, or a sentence saying that none is open. An observer lands here, not on the committee's pages.
 */
function ObserverCommentPeriods() {
  const { t, language } = useI18n();
  const periods = useResource(() => commentPeriodsApi.periods(), []);
  const open =
    periods.resource.status === 'ready'
      ? periods.resource.data.filter((period) => period.allowObservers && period.state !== 'closed')
      : [];
  return (
    <section className="panel" aria-labelledby="room-comment-heading">
      <h2 id="room-comment-heading">{t('room.mayComment')}</h2>
      <p className="hint">{t('room.mayCommentIntro')}</p>
      {periods.resource.status === 'loading' && <Loading />}
      {periods.resource.status === 'error' && <RoomErrorAlert error={periods.resource.error} onRetry={periods.reload} />}
      {periods.resource.status === 'ready' && open.length === 0 && <p className="empty">{t('room.mayCommentNone')}</p>}
      {open.length > 0 && (
        <ul className="room-comment-periods">
          {open.map((period) => (
            <li key={period.id}>
              <Link to={`/comment-periods/${encodeURIComponent(period.id)}`} dir="auto">
                {period.title}
              </Link>{' '}
              <span className="hint">
                {t('room.mayCommentDeadline', { target: period.targetLabel, date: formatDate(period.deadline, language) })}
              </span>
            </li>
          ))}
        </ul>
      )}
    </section>
  );
}

function InstrumentGroup({ group }: { group: InstrumentRevisions }) {
  const { t, language } = useI18n();
  const headingId = useId();
  const latest = group.revisions[group.revisions.length - 1];
  if (latest === undefined) return null;
  const title = pickLocalizedEntry(latest.titles, language, latest.originalLanguage);
  const newestFirst = [...group.revisions].reverse();
  return (
    <div className="instrument-revisions">
      <h3 id={headingId}>
        <span lang={title?.language} dir="auto">
          {title?.text ?? t('instruments.untitled')}
        </span>
      </h3>
      <div className="table-scroll">
        <table aria-labelledby={headingId} className="revision-table">
          <thead>
            <tr>
              <th scope="col">{t('room.symbol')}</th>
              <th scope="col">{t('room.date')}</th>
              <th scope="col">{t('room.languages')}</th>
              <th scope="col">{t('room.hash')}</th>
            </tr>
          </thead>
          <tbody>
            {newestFirst.map((revision) => (
              <tr key={revision.id}>
                <th scope="row">
                  <Link to={revisionPath(revision.id)} className="symbol-link" dir="ltr" lang="en">
                    {revision.symbol}
                  </Link>
                </th>
                <td>{formatCalendarDate(revision.date, language)}</td>
                <td>
                  <ul className="inline-list">
                    {revision.languages.map((code) => (
                      <li key={code}>
                        <Link
                          to={revisionPath(revision.id, code)}
                          title={t('room.readIn', { symbol: revision.symbol, language: languageName(code, language) })}
                        >
                          <span className="visually-hidden">{revision.symbol}, </span>
                          <span lang={code}>{LANGUAGE_NAMES[code]}</span>
                        </Link>
                      </li>
                    ))}
                  </ul>
                </td>
                <td>
                  <code className="hash-short" title={revision.contentHash} dir="ltr">
                    {revision.contentHash.slice(0, 12)}…
                  </code>
                  {revision.verification.status === 'failed' && <VerificationBadge state={revision.verification} />}
                </td>
              </tr>
            ))}
          </tbody>
        </table>
      </div>
      {group.revisions.length > 1 && (
        <p className="instrument-actions">
          <Link className="action-link" to={comparePath({ newer: latest.id })}>
            {t('room.compareRevisions')}
          </Link>
        </p>
      )}
    </div>
  );
}

function CompilationTable({
  compilations,
  titles,
}: {
  compilations: readonly PublishedCompilation[];
  titles: ReadonlyMap<string, PublicRevision>;
}) {
  const { t, language } = useI18n();
  return (
    <div className="table-scroll">
      <table className="compilation-table">
        <thead>
          <tr>
            <th scope="col">{t('room.instrument')}</th>
            <th scope="col">{t('room.textLanguage')}</th>
            <th scope="col" className="numeric">
              {t('room.proposals')}
            </th>
            <th scope="col">{t('room.published')}</th>
            <th scope="col">{t('room.downloads')}</th>
          </tr>
        </thead>
        <tbody>
          {compilations.map((compilation) => {
            const revision = titles.get(compilation.instrumentId);
            const title =
              revision === undefined ? undefined : pickLocalizedEntry(revision.titles, language, revision.originalLanguage);
            const compiledIn: Language | null = isLanguage(compilation.language) ? compilation.language : null;
            return (
              <tr key={compilation.id}>
                <th scope="row">
                  <span lang={title?.language} dir="auto">
                    {title?.text ?? t('room.compilation')}
                  </span>
                </th>
                <td>{compiledIn === null ? compilation.language : languageName(compiledIn, language)}</td>
                <td className="numeric">{formatNumber(compilation.proposals, language)}</td>
                <td>{formatDate(compilation.publishedAt, language)}</td>
                <td>
                  <ul className="inline-list">
                    <li>
                      <a href={compilationUrl(compilation.id, 'html')} download>
                        {t('room.download', { format: 'HTML' })}
                      </a>
                    </li>
                    <li>
                      <a href={compilationUrl(compilation.id, 'docx')} download>
                        {t('room.download', { format: 'DOCX' })}
                      </a>
                    </li>
                  </ul>
                </td>
              </tr>
            );
          })}
        </tbody>
      </table>
    </div>
  );
}
