import { LANGUAGE_NAMES, isLanguage, type Language } from '@concord/domain';
import { docFromJSON, type ProvenanceAttrs } from '@concord/schema';
import type { Node } from 'prosemirror-model';
import { useEffect, useId, useMemo, useState } from 'react';
import { Link, useParams } from 'react-router';
import { ArticleNavigator } from '../components/article-navigator';
import { documentOutline } from '../collab/outline';
import { useFollowedRemarks, WrittenCommentsAside } from '../comments/written-comments-aside';
import { useDocumentTitle } from '../components/document-title';
import { Loading } from '../components/error-alert';
import { formatCalendarDate, formatDateTime, formatList, formatNumber, languageName } from '../i18n/format';
import { useI18n } from '../i18n/i18n-context';
import { pickLocalizedEntry } from '../localized';
import { NotFoundPage } from '../pages/not-found-page';
import { useResource } from '../use-resource';
import { prefersReducedMotion } from '../components/motion';
import { delegationLabel, originName, useDelegationDirectory, type DelegationDirectory } from './origin-names';
import { comparePath, READING_ROOM_PATH, revisionPath } from './paths';
import { formatShare, ProvenanceChart } from './provenance-chart';
import { originColors, originOf, provenanceShares, type OriginColor, type ProvenanceShare } from './provenance';
import {
  EXPORT_FORMATS,
  exportUrl,
  publicApi,
  type ExportFormat,
  type PublicRevision,
  type PublicRevisionText,
  type Verification,
} from './public-api';
import { containingEntries, remarkCounts } from './remark-counts';
import { RoomErrorAlert } from './room-error';
import { TreatyDocument } from './treaty-document';
import { VerificationBadge } from './verification-badge';
import './reading-room.css';

/** The names of the download formats: proper names, the same in every language. */
const FORMAT_NAMES: Readonly<Record<ExportFormat, string>> = {
  akn: 'Akoma Ntoso XML',
  docx: 'DOCX',
  html: 'HTML',
};

/** `/reading-room/revisions/:id[/:lang]`: a public revision, read in any of its languages. */
export function RevisionPage() {
  const { id = '', lang } = useParams();
  if (lang !== undefined && !isLanguage(lang)) return <NotFoundPage />;
  return <Revision id={id} textLanguage={lang} />;
}

/** The revision published just before `revision` of the same instrument, if any. */
export function previousRevision(revision: PublicRevision, all: readonly PublicRevision[]): PublicRevision | null {
  const earlier = all
    .filter((other) => other.instrumentId === revision.instrumentId && other.publishedAt < revision.publishedAt)
    .sort((a, b) => b.publishedAt.localeCompare(a.publishedAt));
  return earlier[0] ?? null;
}

function Revision({ id, textLanguage }: { id: string; textLanguage: Language | undefined }) {
  const { t } = useI18n();
  const { resource, reload } = useResource(() => publicApi.revision(id, textLanguage), [id, textLanguage]);
  useDocumentTitle(
    resource.status === 'ready' ? `${resource.data.symbol} · ${t('room.title')}` : t('room.title'),
  );
  return (
    <div className="document-page room-page">
      <nav className="breadcrumb" aria-label={t('nav.breadcrumb')}>
        <Link to={READING_ROOM_PATH}>{t('room.title')}</Link>
      </nav>
      {resource.status === 'loading' && <Loading />}
      {resource.status === 'error' && <RoomErrorAlert error={resource.error} onRetry={reload} />}
      {resource.status === 'ready' && <RevisionView revision={resource.data} />}
    </div>
  );
}

function parse(json: unknown): { doc: Node } | { error: unknown } {
  try {
    return { doc: docFromJSON(json) };
  } catch (error) {
    return { error };
  }
}

function RevisionView({ revision }: { revision: PublicRevisionText }) {
  const { t, language } = useI18n();
  const parsed = useMemo(() => parse(revision.doc), [revision.doc]);
  const title = pickLocalizedEntry(revision.titles, language, revision.originalLanguage);
  const textName = languageName(revision.language, language);

  return (
    <>
      <header className="page-heading document-heading">
        <p className="kicker">{t('room.revisionKicker')}</p>
        <h1>
          <span lang={title?.language} dir="auto">
            {title?.text ?? revision.symbol}
          </span>
        </h1>
        <p className="document-symbol room-symbol">
          <span dir="ltr" lang="en">
            {revision.symbol}
          </span>
        </p>
        <VerificationBadge state={revision.verification} />
        <ul className="meta meta-list">
          <li>{t('room.distribution')}</li>
          <li>{t('room.dated', { date: formatCalendarDate(revision.date, language) })}</li>
          <li>{t('instruments.original', { language: languageName(revision.originalLanguage, language) })}</li>
          <li>{t('room.publishedAt', { date: formatDateTime(revision.publishedAt, language) })}</li>
        </ul>
      </header>
      <TextLanguages revision={revision} />
      {revision.verification.status === 'failed' && (
        <div role="alert" className="alert alert-error" data-testid="verification-failed-notice">
          <p>{t('room.failedNotice')}</p>
          {revision.verification.reason !== null && (
            <p lang="en" dir="ltr">
              {revision.verification.reason}
            </p>
          )}
        </div>
      )}
      {revision.stale.length > 0 && (
        <div className="alert alert-warning" data-testid="stale-notice">
          <p>{t('room.staleNotice', { n: formatNumber(revision.stale.length, language), language: textName })}</p>
        </div>
      )}
      {'error' in parsed ? (
        <RoomErrorAlert error={parsed.error} />
      ) : (
        <RevisionReader revision={revision} doc={parsed.doc} />
      )}
    </>
  );
}

/** Links to the revision's other language versions; the interface language is chosen separately, in the header. */
function TextLanguages({ revision }: { revision: PublicRevisionText }) {
  const { t } = useI18n();
  const labelId = useId();
  return (
    <nav className="text-languages" aria-labelledby={labelId}>
      <span id={labelId} className="text-languages-label">
        {t('room.textLanguage')}
      </span>
      <ul>
        {revision.languages.map((code) => (
          <li key={code}>
            <Link
              to={revisionPath(revision.id, code)}
              lang={code}
              aria-current={code === revision.language ? 'page' : undefined}
              className={code === revision.language ? 'is-current' : undefined}
            >
              {LANGUAGE_NAMES[code]}
            </Link>
          </li>
        ))}
      </ul>
    </nav>
  );
}

function RevisionReader({ revision, doc }: { revision: PublicRevisionText; doc: Node }) {
  const { t, language } = useI18n();
  const directory = useDelegationDirectory();
  const shares = useMemo(() => provenanceShares(doc), [doc]);
  const colors = useMemo(() => originColors(shares), [shares]);
  const stale = useMemo(() => new Set(revision.stale), [revision.stale]);
  const [showProvenance, setShowProvenance] = useState(false);
  const [selected, setSelected] = useState<ProvenanceAttrs | null>(null);
  const textName = languageName(revision.language, language);
  const nameOf = (share: ProvenanceShare) => originName(share, directory, t, language);
  const chartHeadingId = useId();
  const followed = useFollowedRemarks(revision.id, revision.language);
  const within = useMemo(() => containingEntries(doc), [doc]);
  const counts = useMemo(() => remarkCounts(doc, followed.remarks ?? []), [doc, followed.remarks]);
  const outline = useMemo(() => documentOutline(doc, language), [doc, language]);

  return (
    <>
      <section className="panel provenance-panel" aria-labelledby={chartHeadingId}>
        <h2 id={chartHeadingId}>{t('room.chartHeading')}</h2>
        <p className="hint">{t('room.chartIntro')}</p>
        <ProvenanceChart
          shares={shares}
          colors={colors}
          nameOf={nameOf}
          subject={t('room.chartSubject', { language: textName, symbol: revision.symbol })}
        />
      </section>
      <div className="room-workspace">
        <div className="room-text">
          <div className="room-paper">
            <TreatyDocument
              doc={doc}
              textLanguage={revision.language}
              stale={stale}
              label={t('room.textLabel', { symbol: revision.symbol, language: textName })}
              provenance={
                showProvenance
                  ? { colors, selectedKey: selected === null ? null : originOf(selected).key, onSelect: setSelected }
                  : null
              }
            />
          </div>
        </div>
        <aside className="room-sidebar">
          <ArticleNavigator
            outline={outline}
            textLanguage={revision.language}
            counts={counts}
            onSelect={(entry) => document.getElementById(`provision-${entry.id}`)?.scrollIntoView({ block: 'start', behavior: prefersReducedMotion() ? 'auto' : 'smooth' })}
          />
          <section className="sidebar-section" aria-labelledby="room-provenance-heading">
            <h2 id="room-provenance-heading" className="sidebar-heading">
              {t('room.provenance')}
            </h2>
            <button
              type="button"
              className="button-secondary toggle-button"
              aria-pressed={showProvenance}
              onClick={() => {
                setShowProvenance((shown) => !shown);
                setSelected(null);
              }}
            >
              {t(showProvenance ? 'room.hideProvenance' : 'room.showProvenance')}
            </button>
            {showProvenance && <Legend shares={shares} colors={colors} nameOf={nameOf} />}
          </section>
          <VerifySection revision={revision} />
          <WrittenCommentsAside remarks={followed.remarks} error={followed.error} within={within} />
          <section className="sidebar-section" aria-labelledby="room-downloads-heading">
            <h2 id="room-downloads-heading" className="sidebar-heading">
              {t('room.downloads')}
            </h2>
            {revision.verification.status === 'failed' ? (
              <p className="hint">{t('room.downloadsRefused')}</p>
            ) : (
              <>
                <p className="hint">{t('room.downloadsIntro', { language: textName })}</p>
                <ul className="download-list">
                  {EXPORT_FORMATS.map((format) => (
                    <li key={format}>
                      <a href={exportUrl(revision.id, revision.language, format)} download data-format={format}>
                        {t('room.download', { format: FORMAT_NAMES[format] })}
                      </a>
                    </li>
                  ))}
                </ul>
              </>
            )}
          </section>
          <CompareSection revision={revision} />
        </aside>
      </div>
      <OriginDetails
        selected={showProvenance ? selected : null}
        shares={shares}
        directory={directory}
        onClose={() => setSelected(null)}
      />
    </>
  );
}

function Legend({
  shares,
  colors,
  nameOf,
}: {
  shares: readonly ProvenanceShare[];
  colors: ReadonlyMap<string, OriginColor>;
  nameOf: (share: ProvenanceShare) => string;
}) {
  const { t } = useI18n();
  return (
    <>
      <p className="hint">{t('room.provenanceHint')}</p>
      <ul className="origin-legend" aria-label={t('room.legend')}>
        {shares.map((share) => (
          <li key={share.key}>
            <span
              className="origin-swatch"
              style={{ backgroundColor: colors.get(share.key)?.tint, borderColor: colors.get(share.key)?.strong }}
              aria-hidden="true"
            />
            {nameOf(share)}
          </li>
        ))}
      </ul>
    </>
  );
}

/**
 * What the reader learns on clicking attributed text: its kind of origin, who proposed it, and its footnote. It
 * stands in a card at the bottom of the window, so it is in sight wherever in the text the reader clicked, and is
 * announced politely to screen readers.
 */
function OriginDetails({
  selected,
  shares,
  directory,
  onClose,
}: {
  selected: ProvenanceAttrs | null;
  shares: readonly ProvenanceShare[];
  directory: DelegationDirectory;
  onClose: () => void;
}) {
  const { t, language } = useI18n();
  const headingId = useId();
  const origin = selected === null ? null : originOf(selected);
  const share = origin === null ? undefined : shares.find((item) => item.key === origin.key);

  useEffect(() => {
    if (selected === null) return;
    const onKey = (event: globalThis.KeyboardEvent) => {
      if (event.key === 'Escape') onClose();
    };
    document.addEventListener('keydown', onKey);
    return () => document.removeEventListener('keydown', onKey);
  }, [selected, onClose]);

  return (
    <div className="origin-region" aria-live="polite">
      {selected !== null && (
        <section className="origin-details" aria-labelledby={headingId}>
          <div className="origin-details-head">
            <h2 id={headingId}>{t('room.originOfSelection')}</h2>
            <button type="button" className="button-secondary origin-close" onClick={onClose}>
              {t('room.close')}
            </button>
          </div>
          <dl>
            <dt className="visually-hidden">{t('room.origin')}</dt>
            <dd className="origin-kind">
              {selected.kind === 'proposal'
                ? t('editor.sponsors', {
                    list: formatList(
                      selected.delegations.map((code) => delegationLabel(code, directory, language)),
                      language,
                    ),
                  })
                : t(selected.kind === 'base' ? 'room.origin.base' : 'room.origin.edit')}
            </dd>
            {selected.kind === 'proposal' && selected.delegations.length > 0 && (
              <>
                <dt>{t('room.delegations')}</dt>
                <dd>
                  <ul className="origin-delegations">
                    {selected.delegations.map((code, index) => (
                      <li key={code}>
                        {delegationLabel(code, directory, language)}
                        {index === 0 && selected.delegations.length > 1 && (
                          <span className="origin-role"> · {t('room.proposer')}</span>
                        )}
                      </li>
                    ))}
                  </ul>
                </dd>
              </>
            )}
            {selected.label !== '' && (
              <>
                <dt>{t('room.footnote')}</dt>
                <dd dir="auto">{selected.label}</dd>
              </>
            )}
            {share !== undefined && (
              <>
                <dt>{t('room.share')}</dt>
                <dd>{formatShare(share.share, language)}</dd>
              </>
            )}
          </dl>
        </section>
      )}
    </div>
  );
}

type VerifyState =
  | { readonly status: 'idle' }
  | { readonly status: 'checking' }
  | { readonly status: 'done'; readonly result: Verification }
  | { readonly status: 'failed'; readonly error: unknown };

function VerifySection({ revision }: { revision: PublicRevision }) {
  const { t } = useI18n();
  const [state, setState] = useState<VerifyState>({ status: 'idle' });
  const verify = async () => {
    setState({ status: 'checking' });
    try {
      setState({ status: 'done', result: await publicApi.verify(revision.id) });
    } catch (error) {
      setState({ status: 'failed', error });
    }
  };
  return (
    <section className="sidebar-section" aria-labelledby="room-verify-heading">
      <h2 id="room-verify-heading" className="sidebar-heading">
        {t('room.authenticity')}
      </h2>
      <p className="hint">{t('room.hashIntro')}</p>
      <p className="hash">
        <code dir="ltr">{revision.contentHash}</code>
      </p>
      <button type="button" className="button-secondary" onClick={verify} disabled={state.status === 'checking'}>
        {t(state.status === 'checking' ? 'room.verifying' : 'room.verify')}
      </button>
      {state.status === 'failed' && <RoomErrorAlert error={state.error} onRetry={verify} />}
      {state.status === 'done' && state.result.ok && (
        <div role="status" className="alert alert-success verify-result">
          <p>{t('room.verified')}</p>
        </div>
      )}
      {state.status === 'done' && !state.result.ok && (
        <div role="alert" className="alert alert-error verify-result">
          <p>{t('room.notVerified')}</p>
          {state.result.reason !== null && (
            <p lang="en" dir="ltr">
              {state.result.reason}
            </p>
          )}
          <p className="hash">
            {t('room.computedHash')} <code dir="ltr">{state.result.computedHash}</code>
          </p>
        </div>
      )}
    </section>
  );
}

function CompareSection({ revision }: { revision: PublicRevisionText }) {
  const { t } = useI18n();
  const { resource } = useResource(() => publicApi.revisions(), []);
  const previous = resource.status === 'ready' ? previousRevision(revision, resource.data) : null;
  return (
    <section className="sidebar-section" aria-labelledby="room-compare-heading">
      <h2 id="room-compare-heading" className="sidebar-heading">
        {t('room.compareHeading')}
      </h2>
      {previous === null ? (
        <Link to={comparePath({ newer: revision.id, language: revision.language })}>{t('room.compareRevisions')}</Link>
      ) : (
        <Link to={comparePath({ older: previous.id, newer: revision.id, language: revision.language })}>
          {t('room.compareWith', { symbol: previous.symbol })}
        </Link>
      )}
    </section>
  );
}
