import type { Comparison, ConcordanceRow, ProvisionKind } from '@concord/compare';
import { isLanguage, isRightToLeft, LANGUAGES, type Language } from '@concord/domain';
import { useId, useState } from 'react';
import { Link, useNavigate, useSearchParams } from 'react-router';
import { useDocumentTitle } from '../components/document-title';
import { Loading } from '../components/error-alert';
import { formatCalendarDate, formatNumber, languageName } from '../i18n/format';
import { useI18n } from '../i18n/i18n-context';
import { pickLocalizedEntry } from '../localized';
import { useResource } from '../use-resource';
import {
  CONCORDANCE_CHANGES,
  concordanceRowLabel,
  provisionCitation,
  rowChangeLabel,
  rowChanges,
  summarizeConcordance,
} from './concordance';
import { comparePath, READING_ROOM_PATH, revisionPath, type CompareTab } from './paths';
import { comparisonDocxUrl, publicApi, type ComparisonView, type PublicRevision } from './public-api';
import { groupByInstrument } from './reading-room-page';
import { RoomErrorAlert } from './room-error';
import './reading-room.css';

const TABS: readonly CompareTab[] = ['side-by-side', 'inline', 'concordance'];

function isTab(value: string | null): value is CompareTab {
  return (TABS as readonly (string | null)[]).includes(value);
}

/** Two revisions of one instrument to compare, and the language to compare them in. */
export interface ComparePair {
  readonly candidates: readonly PublicRevision[];
  readonly older: PublicRevision;
  readonly newer: PublicRevision;
  /** Languages both revisions were published in. */
  readonly languages: readonly Language[];
  readonly language: Language;
}

/**
 * Resolves the comparison page's query against the published revisions: the newer revision asked for (else the
 * latest), the older asked for if it is of the same instrument (else the one published before the newer), and the
 * language asked for if both have it (else the reader's interface language, else the original). `null` when the
 * instrument has fewer than two public revisions.
 */
export function resolvePair(
  revisions: readonly PublicRevision[],
  query: { readonly older: string | null; readonly newer: string | null; readonly language: string | null },
  interfaceLanguage: Language,
): ComparePair | null {
  const byId = (id: string | null) => revisions.find((revision) => revision.id === id);
  const anchor = byId(query.newer) ?? byId(query.older);
  const group =
    groupByInstrument(revisions).find((item) => item.instrumentId === anchor?.instrumentId) ?? groupByInstrument(revisions)[0];
  const candidates = group?.revisions ?? [];
  if (candidates.length < 2) return null;
  const inGroup = (id: string | null) => candidates.find((revision) => revision.id === id);
  const newer = inGroup(query.newer) ?? candidates[candidates.length - 1];
  if (newer === undefined) return null;
  const older =
    inGroup(query.older) ?? [...candidates].reverse().find((revision) => revision.publishedAt < newer.publishedAt) ?? candidates[0];
  if (older === undefined) return null;
  const languages = LANGUAGES.filter((code) => older.languages.includes(code) && newer.languages.includes(code));
  const asked = query.language;
  const language =
    isLanguage(asked) && languages.includes(asked)
      ? asked
      : languages.includes(interfaceLanguage)
        ? interfaceLanguage
        : languages.includes(newer.originalLanguage)
          ? newer.originalLanguage
          : (languages[0] ?? newer.originalLanguage);
  return { candidates, older, newer, languages, language };
}

/** `/reading-room/compare`: two public revisions of an instrument, side by side, inline, or as a concordance table. */
export function ComparePage() {
  const { t, language } = useI18n();
  useDocumentTitle(`${t('room.compareTitle')} · ${t('room.title')}`);
  const [params] = useSearchParams();
  const { resource, reload } = useResource(() => publicApi.revisions(), []);
  const view = params.get('view');
  const tab: CompareTab = isTab(view) ? view : 'side-by-side';

  return (
    <div className="document-page room-page">
      <nav className="breadcrumb" aria-label={t('nav.breadcrumb')}>
        <Link to={READING_ROOM_PATH}>{t('room.title')}</Link>
      </nav>
      <header className="page-heading document-heading">
        <p className="kicker">{t('room.kicker')}</p>
        <h1>{t('room.compareTitle')}</h1>
        <p className="lead">{t('room.compareIntro')}</p>
      </header>
      {resource.status === 'loading' && <Loading />}
      {resource.status === 'error' && <RoomErrorAlert error={resource.error} onRetry={reload} />}
      {resource.status === 'ready' && (
        <CompareView
          revisions={resource.data}
          pair={resolvePair(
            resource.data,
            { older: params.get('older'), newer: params.get('newer'), language: params.get('lang') },
            language,
          )}
          tab={tab}
        />
      )}
    </div>
  );
}

function revisionOption(revision: PublicRevision, language: Language): string {
  return `${revision.symbol} (${formatCalendarDate(revision.date, language)})`;
}

function CompareView({
  revisions,
  pair,
  tab,
}: {
  revisions: readonly PublicRevision[];
  pair: ComparePair | null;
  tab: CompareTab;
}) {
  const { t, language } = useI18n();
  const navigate = useNavigate();
  const olderId = useId();
  const newerId = useId();
  const languageId = useId();
  const instrumentId = useId();
  if (pair === null) return <p className="empty">{t('room.nothingToCompare')}</p>;

  const groups = groupByInstrument(revisions);
  const go = (change: { older?: string; newer?: string; language?: Language; view?: CompareTab }) =>
    navigate(
      comparePath({
        older: change.older ?? pair.older.id,
        newer: change.newer ?? pair.newer.id,
        language: change.language ?? pair.language,
        view: change.view ?? tab,
      }),
      { replace: true },
    );
  const sameRevision = pair.older.id === pair.newer.id;
  // Published the other way round, the comparison reads every addition as a deletion: said, with the way back.
  const reversed = pair.older.publishedAt > pair.newer.publishedAt;

  return (
    <>
      <form className="compare-form card" onSubmit={(event) => event.preventDefault()} aria-label={t('room.compareChoice')}>
        {groups.length > 1 && (
          <div className="field">
            <label htmlFor={instrumentId}>{t('room.instrument')}</label>
            <select
              id={instrumentId}
              value={pair.newer.instrumentId}
              onChange={(event) => {
                const group = groups.find((item) => item.instrumentId === event.target.value);
                const latest = group?.revisions[group.revisions.length - 1];
                if (latest !== undefined) navigate(comparePath({ newer: latest.id, view: tab }), { replace: true });
              }}
            >
              {groups.map((group) => {
                const latest = group.revisions[group.revisions.length - 1];
                const title = latest === undefined ? undefined : pickLocalizedEntry(latest.titles, language, latest.originalLanguage);
                return (
                  <option key={group.instrumentId} value={group.instrumentId}>
                    {title?.text ?? group.instrumentId}
                  </option>
                );
              })}
            </select>
          </div>
        )}
        <div className="field">
          <label htmlFor={olderId}>{t('room.older')}</label>
          <select id={olderId} value={pair.older.id} onChange={(event) => go({ older: event.target.value })}>
            {pair.candidates.map((revision) => (
              <option key={revision.id} value={revision.id}>
                {revisionOption(revision, language)}
              </option>
            ))}
          </select>
        </div>
        <div className="field">
          <label htmlFor={newerId}>{t('room.newer')}</label>
          <select id={newerId} value={pair.newer.id} onChange={(event) => go({ newer: event.target.value })}>
            {pair.candidates.map((revision) => (
              <option key={revision.id} value={revision.id}>
                {revisionOption(revision, language)}
              </option>
            ))}
          </select>
        </div>
        <div className="field field-language">
          <label htmlFor={languageId}>{t('room.textLanguage')}</label>
          <select
            id={languageId}
            value={pair.language}
            onChange={(event) => {
              if (isLanguage(event.target.value)) go({ language: event.target.value });
            }}
          >
            {pair.languages.map((code) => (
              <option key={code} value={code}>
                {languageName(code, language)}
              </option>
            ))}
          </select>
        </div>
      </form>
      <p className="meta compare-links">
        <Link to={revisionPath(pair.older.id, pair.language)}>{t('room.readRevision', { symbol: pair.older.symbol })}</Link>
        {' · '}
        <Link to={revisionPath(pair.newer.id, pair.language)}>{t('room.readRevision', { symbol: pair.newer.symbol })}</Link>
        {!sameRevision && (
          <>
            {' · '}
            <a href={comparisonDocxUrl(pair.older.id, pair.newer.id, pair.language)} download data-testid="compare-docx">
              {t('word.downloadTracked')}
            </a>
          </>
        )}
      </p>
      {sameRevision && (
        <div role="status" className="alert alert-warning">
          <p>{t('room.sameRevision')}</p>
        </div>
      )}
      {reversed && (
        <div role="status" className="alert alert-warning">
          <p>{t('room.reversed', { older: pair.older.symbol, newer: pair.newer.symbol })}</p>
          <button type="button" className="button-secondary" onClick={() => go({ older: pair.newer.id, newer: pair.older.id })}>
            {t('room.swap')}
          </button>
        </div>
      )}
      <ComparisonResult pair={pair} tab={tab} onTab={(view) => go({ view })} />
    </>
  );
}

function ComparisonResult({ pair, tab, onTab }: { pair: ComparePair; tab: CompareTab; onTab: (tab: CompareTab) => void }) {
  const { t } = useI18n();
  const comparison = useResource(
    () => publicApi.comparison(pair.older.id, pair.newer.id, pair.language),
    [pair.older.id, pair.newer.id, pair.language],
  );
  const tabLabels: Readonly<Record<CompareTab, string>> = {
    'side-by-side': t('room.sideBySide'),
    inline: t('room.inline'),
    concordance: t('room.concordance'),
  };

  return (
    <section className="comparison" aria-labelledby="room-comparison-heading">
      <h2 id="room-comparison-heading" className="visually-hidden">
        {t('room.comparisonOf', { older: pair.older.symbol, newer: pair.newer.symbol })}
      </h2>
      {comparison.resource.status === 'loading' && <Loading />}
      {comparison.resource.status === 'error' && (
        <RoomErrorAlert error={comparison.resource.error} onRetry={comparison.reload} />
      )}
      {comparison.resource.status === 'ready' && <ComparisonSummary comparison={comparison.resource.data} />}
      <div className="view-switch" role="group" aria-label={t('room.view')}>
        {TABS.map((item) => (
          <button
            key={item}
            type="button"
            className={item === tab ? 'view-button is-current' : 'view-button'}
            aria-pressed={item === tab}
            onClick={() => onTab(item)}
          >
            {tabLabels[item]}
          </button>
        ))}
      </div>
      {tab === 'concordance' ? (
        comparison.resource.status === 'ready' && <ConcordanceTable comparison={comparison.resource.data} />
      ) : (
        <ServerRendering pair={pair} view={tab} />
      )}
    </section>
  );
}

const SUMMARY_KINDS: readonly ProvisionKind[] = ['chapter', 'article'];

function ComparisonSummary({ comparison }: { comparison: Comparison }) {
  const { t, language } = useI18n();
  if (comparison.identical) {
    return (
      <div role="status" className="alert alert-success">
        <p>{t('room.identical')}</p>
      </div>
    );
  }
  const summary = summarizeConcordance(comparison.concordance, SUMMARY_KINDS);
  const shown = CONCORDANCE_CHANGES.filter((change) => change !== 'unchanged' && change !== 'statusChanged');
  return (
    <div className="comparison-summary">
      <p className="comparison-summary-title">{t('room.summaryTitle')}</p>
      <dl className="summary-tiles">
        {shown.map((change) => (
          <div key={change} className={summary[change] > 0 ? `summary-tile change-${change}` : 'summary-tile is-zero'}>
            <dt>{t(`room.change.${change}`)}</dt>
            <dd>{formatNumber(summary[change], language)}</dd>
          </div>
        ))}
      </dl>
    </div>
  );
}

/** The server's HTML rendering of the comparison (escaped there, with `lang` and `dir`), inserted as it is. */
function ServerRendering({ pair, view }: { pair: ComparePair; view: ComparisonView }) {
  const { t } = useI18n();
  const { resource, reload } = useResource(
    () => publicApi.comparisonHtml(pair.older.id, pair.newer.id, pair.language, view),
    [pair.older.id, pair.newer.id, pair.language, view],
  );
  const label =
    view === 'inline'
      ? t('room.inlineLabel', { older: pair.older.symbol, newer: pair.newer.symbol })
      : t('room.sideBySideLabel', { older: pair.older.symbol, newer: pair.newer.symbol });
  if (resource.status === 'loading') return <Loading />;
  if (resource.status === 'error') return <RoomErrorAlert error={resource.error} onRetry={reload} />;
  return (
    <div className="comparison-paper">
      {view === 'inline' && (
        <p className="comparison-key meta">
          <span>
            <ins>{t('room.keyInserted')}</ins>
          </span>
          <span>
            <del>{t('room.keyDeleted')}</del>
          </span>
        </p>
      )}
      <div
        className={`comparison-html comparison-${view}`}
        role="region"
        aria-label={label}
        lang={pair.language}
        dir={isRightToLeft(pair.language) ? 'rtl' : 'ltr'}
        // The server escapes every text taken from the documents and sets lang and dir; see renderInlineHtml.
        dangerouslySetInnerHTML={{ __html: resource.data }}
      />
    </div>
  );
}

const KIND_KEYS = { chapter: 'room.kind.chapter', article: 'room.kind.article', paragraph: 'room.kind.paragraph' } as const;

function ConcordanceTable({ comparison }: { comparison: Comparison }) {
  const { t, language } = useI18n();
  const [paragraphs, setParagraphs] = useState(false);
  const [changedOnly, setChangedOnly] = useState(false);
  const paragraphsId = useId();
  const changedId = useId();
  const rows = comparison.concordance.filter(
    (row: ConcordanceRow) => (paragraphs || row.kind !== 'paragraph') && (!changedOnly || !row.unchanged),
  );
  const dir = isRightToLeft(comparison.language) ? 'rtl' : 'ltr';
  return (
    <div className="concordance">
      <div className="concordance-filters">
        <div className="check">
          <input id={paragraphsId} type="checkbox" checked={paragraphs} onChange={(event) => setParagraphs(event.target.checked)} />
          <label htmlFor={paragraphsId}>{t('room.includeParagraphs')}</label>
        </div>
        <div className="check">
          <input id={changedId} type="checkbox" checked={changedOnly} onChange={(event) => setChangedOnly(event.target.checked)} />
          <label htmlFor={changedId}>{t('room.changedOnly')}</label>
        </div>
      </div>
      {rows.length === 0 ? (
        <p className="empty">{t('room.noRows')}</p>
      ) : (
        <div className="table-scroll">
          <table className="concordance-table">
            <caption>{t('room.concordanceCaption')}</caption>
            <thead>
              <tr>
                <th scope="col">{t('room.provision')}</th>
                <th scope="col">{t('room.oldNumber')}</th>
                <th scope="col">{t('room.newNumber')}</th>
                <th scope="col">{t('room.changes')}</th>
              </tr>
            </thead>
            <tbody>
              {rows.map((row) => {
                const older = provisionCitation(row.kind, row.oldNumber, row.oldParentNumber, t);
                const newer = provisionCitation(row.kind, row.newNumber, row.newParentNumber, t);
                return (
                  <tr
                    key={row.id}
                    className={['row', `kind-${row.kind}`, ...rowChanges(row).map((change) => `change-${change}`)].join(' ')}
                    data-id={row.id}
                    title={concordanceRowLabel(row, t, language)}
                  >
                    <td>{t(KIND_KEYS[row.kind])}</td>
                    <td lang={comparison.language} dir={dir} className={older === null ? 'absent' : undefined}>
                      {older ?? '—'}
                    </td>
                    <td lang={comparison.language} dir={dir} className={newer === null ? 'absent' : undefined}>
                      {newer ?? '—'}
                    </td>
                    <td>
                      <span className="change-label">{rowChangeLabel(row, t, language)}</span>
                    </td>
                  </tr>
                );
              })}
            </tbody>
          </table>
        </div>
      )}
    </div>
  );
}
