import { decide, isLanguage, isRightToLeft, type Language, type ProvisionStatus } from '@concord/domain';
import { useCallback, useId, useMemo, useState } from 'react';
import { Link, useParams, useSearchParams } from 'react-router';
import { api, type Delegation, type User } from '../api';
import { subjectOf, useUser } from '../auth';
import { useDocumentTitle } from '../components/document-title';
import { Loading } from '../components/error-alert';
import { delegationName } from '../components/layout';
import { formatNumber, languageName } from '../i18n/format';
import { useI18n } from '../i18n/i18n-context';
import { pickLocalizedEntry } from '../localized';
import { NotFoundPage } from '../pages/not-found-page';
import { committeePath, consolidatedDraftPath } from '../routes';
import { useResource } from '../use-resource';
import { CompilationPanel } from './compilation-panel';
import { CompilePanel } from './compile-panel';
import { deskApi, type Decision, type DeskArticle, type StatusChange } from './desk-api';
import { DeskErrorAlert } from './desk-error';
import { pendingDecisions, selectedArticle, uniqueProposals, withDecision, withScopedDecision } from './desk-model';
import { LanguageVersionsPanel } from './language-versions-panel';
import { ProposalCard, type NameOf, type OnScoped } from './proposal-card';
import { ProvisionStatusControl } from './provision-status';
import { PublishRevision } from './publish-dialog';
import './desk.css';

/**
 * `/committees/:cid/instruments/:iid/desk/:lang`: the secretariat's compile desk for the consolidated draft in one
 * language. Per article, the current text beside every proposal received; a decision on each; compiling; provision
 * status; publishing revisions and the compilation of proposals; language versions.
 */
export function CompileDeskPage() {
  const { cid = '', iid = '', lang = '' } = useParams();
  if (!isLanguage(lang)) return <NotFoundPage />;
  return <CompileDesk committeeId={cid} instrumentId={iid} textLanguage={lang} />;
}

function CompileDesk({
  committeeId,
  instrumentId,
  textLanguage,
}: {
  committeeId: string;
  instrumentId: string;
  textLanguage: Language;
}) {
  const { t, language } = useI18n();
  const user = useUser();
  const mayCompile = decide(subjectOf(user), 'compile', { tier: 'committee' }).allowed;
  const instrument = useResource(
    () => (mayCompile ? api.instrument(instrumentId) : Promise.resolve(null)),
    [instrumentId, mayCompile],
  );
  const desk = useResource(
    () => (mayCompile ? deskApi.desk(instrumentId, textLanguage) : Promise.resolve(null)),
    [instrumentId, textLanguage, mayCompile],
  );
  const history = useResource(
    () => (mayCompile ? deskApi.statusHistory(instrumentId, textLanguage) : Promise.resolve([])),
    [instrumentId, textLanguage, mayCompile],
  );
  // Names only make the desk friendlier: without them, codes and "a user" stand in.
  const delegations = useResource(
    () => (mayCompile ? api.delegations(committeeId).catch(() => []) : Promise.resolve([])),
    [committeeId, mayCompile],
  );
  const users = useResource(
    () => (mayCompile ? api.users(committeeId).catch(() => []) : Promise.resolve([])),
    [committeeId, mayCompile],
  );

  // After a compilation the desk is read again without going back to "loading", so the report stays on screen.
  const [refreshError, setRefreshError] = useState<unknown>(null);
  const refreshHistory = () =>
    deskApi.statusHistory(instrumentId, textLanguage).then(
      (items) => history.update(() => items),
      (error: unknown) => setRefreshError(error),
    );
  const refresh = () => {
    setRefreshError(null);
    deskApi.desk(instrumentId, textLanguage).then(
      (data) => desk.update(() => data),
      (error: unknown) => setRefreshError(error),
    );
    void refreshHistory();
  };

  // A new language version changes the instrument's list of versions; the panel that added it stays on screen.
  const refreshInstrument = () =>
    void api.instrument(instrumentId).then(
      (data) => instrument.update(() => data),
      (error: unknown) => setRefreshError(error),
    );

  const loaded = instrument.resource.status === 'ready' ? instrument.resource.data : null;
  const title = loaded === null ? undefined : pickLocalizedEntry(loaded.titles, language, loaded.originalLanguage);
  const titleText = title?.text ?? t('instruments.untitled');
  useDocumentTitle(loaded === null ? t('desk.kicker') : `${t('desk.kicker')}: ${titleText}`);

  const byCode = useMemo(() => {
    const list: readonly Delegation[] = delegations.resource.status === 'ready' ? delegations.resource.data : [];
    return new Map(list.map((d) => [d.code, d]));
  }, [delegations.resource]);
  const nameOf: NameOf = useCallback(
    (code: string) => {
      const delegation = byCode.get(code);
      return delegation === undefined ? code : delegationName(delegation, language);
    },
    [byCode, language],
  );
  const userName = useCallback(
    (userId: string) => {
      const list: readonly User[] = users.resource.status === 'ready' ? users.resource.data : [];
      return list.find((u) => u.id === userId)?.displayName ?? t('desk.someone');
    },
    [users.resource, t],
  );

  if (!mayCompile) {
    return (
      <div className="document-page">
        <nav className="breadcrumb" aria-label={t('nav.breadcrumb')}>
          <Link to={committeePath(committeeId)}>{t('nav.committee')}</Link>
        </nav>
        <div role="alert" className="alert alert-error">
          <p>{t('desk.forbidden')}</p>
        </div>
      </div>
    );
  }

  const articles = desk.resource.status === 'ready' && desk.resource.data !== null ? desk.resource.data.articles : null;
  const onDecided = (proposalId: string, decision: Decision) =>
    desk.update((data) => (data === null ? data : { ...data, articles: withDecision(data.articles, proposalId, decision) }));
  const onScoped = (proposalId: string, articleId: string, change: string | null, decision: Decision) =>
    desk.update((data) => (data === null ? data : { ...data, articles: withScopedDecision(data.articles, proposalId, articleId, change, decision) }));
  const onStatus = (provisionId: string, status: ProvisionStatus) => {
    desk.update((data) =>
      data === null
        ? data
        : { ...data, articles: data.articles.map((a) => (a.id === provisionId ? { ...a, status } : a)) },
    );
    void refreshHistory();
  };
  const statusHistory = history.resource.status === 'ready' ? history.resource.data : [];

  return (
    <div className="document-page desk-page">
      <nav className="breadcrumb" aria-label={t('nav.breadcrumb')}>
        <Link to={committeePath(committeeId)}>{t('nav.committee')}</Link>
      </nav>
      {instrument.resource.status === 'error' && (
        <DeskErrorAlert error={instrument.resource.error} onRetry={instrument.reload} />
      )}
      <header className="page-heading document-heading desk-heading">
        <div>
          <p className="kicker">{t('desk.kicker')}</p>
          <h1>
            <span lang={title?.language} dir="auto">
              {titleText}
            </span>
          </h1>
          <p className="meta">{t('draft.language', { language: languageName(textLanguage, language) })}</p>
          <p className="lead">{t('desk.lead')}</p>
        </div>
        <div className="desk-toolbar">
          <Link className="desk-button-link" to={consolidatedDraftPath(committeeId, instrumentId, textLanguage)}>
            {t('desk.openDraft')}
          </Link>
          <PublishRevision committeeId={committeeId} instrumentId={instrumentId} textLanguage={textLanguage} />
        </div>
      </header>

      {desk.resource.status === 'loading' && <Loading />}
      {desk.resource.status === 'error' && <DeskErrorAlert error={desk.resource.error} onRetry={desk.reload} />}
      {articles !== null && (
        <>
          <CompilePanel
            committeeId={committeeId}
            instrumentId={instrumentId}
            textLanguage={textLanguage}
            proposals={uniqueProposals(articles)}
            pending={pendingDecisions(articles).length}
            nameOf={nameOf}
            onCompiled={refresh}
          />
          {refreshError !== null && <DeskErrorAlert error={refreshError} onRetry={refresh} />}
          {articles.length === 0 ? (
            <p className="empty">{t('editor.noArticles')}</p>
          ) : (
            <ArticlesDesk
              articles={articles}
              instrumentId={instrumentId}
              textLanguage={textLanguage}
              nameOf={nameOf}
              userName={userName}
              statusHistory={statusHistory}
              onDecided={onDecided}
              onScoped={onScoped}
              onStatus={onStatus}
            />
          )}
          <CompilationPanel
            instrumentId={instrumentId}
            textLanguage={textLanguage}
            received={uniqueProposals(articles).length}
          />
        </>
      )}
      {loaded !== null && <LanguageVersionsPanel instrument={loaded} onChanged={refreshInstrument} />}
    </div>
  );
}

/** The article navigator beside the chosen article; the choice lives in the address (`?article=`), so it can be shared. */
function ArticlesDesk({
  articles,
  instrumentId,
  textLanguage,
  nameOf,
  userName,
  statusHistory,
  onDecided,
  onScoped,
  onStatus,
}: {
  articles: readonly DeskArticle[];
  instrumentId: string;
  textLanguage: Language;
  nameOf: NameOf;
  userName: (userId: string) => string;
  statusHistory: readonly StatusChange[];
  onDecided: (proposalId: string, decision: Decision) => void;
  onScoped: OnScoped;
  onStatus: (provisionId: string, status: ProvisionStatus) => void;
}) {
  const { t } = useI18n();
  const [search] = useSearchParams();
  const current = selectedArticle(articles, search.get('article'));
  const navId = useId();
  return (
    <div className="desk-layout">
      <nav className="sidebar-section desk-navigator" aria-labelledby={navId}>
        <h2 id={navId} className="sidebar-heading">
          {t('editor.articles')}
        </h2>
        <ol className="desk-article-list">
          {articles.map((article) => (
            <li key={article.id}>
              <Link
                to={`?article=${encodeURIComponent(article.id)}`}
                className="desk-article-link"
                aria-current={article.id === current?.id ? 'page' : undefined}
                preventScrollReset
              >
                <span className="desk-article-title">
                  <span className="navigator-label" lang={textLanguage}>
                    {article.number}
                  </span>
                  {article.status !== 'open' && (
                    <span className={`status-badge status-${article.status}`}>{t(`status.${article.status}`)}</span>
                  )}
                </span>
                {article.heading !== '' && (
                  <span className="navigator-heading" lang={textLanguage}>
                    <bdi>{article.heading}</bdi>
                  </span>
                )}
                <ArticleCounts article={article} />
              </Link>
            </li>
          ))}
        </ol>
      </nav>
      {current !== undefined && (
        <ArticleView
          key={current.id}
          article={current}
          instrumentId={instrumentId}
          textLanguage={textLanguage}
          nameOf={nameOf}
          userName={userName}
          history={statusHistory.filter((entry) => entry.provisionId === current.id)}
          onDecided={onDecided}
          onScoped={onScoped}
          onStatus={onStatus}
        />
      )}
    </div>
  );
}

/** "Proposals: 2 · Options: 1 · Brackets: 3", leaving out what is none. */
function ArticleCounts({ article }: { article: DeskArticle }) {
  const { t, language } = useI18n();
  const { proposals, optionGroups, brackets } = article.counts;
  const parts = [
    { key: 'proposals', n: proposals, text: t('desk.count.proposals', { n: formatNumber(proposals, language) }) },
    { key: 'options', n: optionGroups, text: t('desk.count.options', { n: formatNumber(optionGroups, language) }) },
    { key: 'brackets', n: brackets, text: t('desk.count.brackets', { n: formatNumber(brackets, language) }) },
  ].filter((part) => part.n > 0);
  if (parts.length === 0) return <span className="desk-counts desk-counts-none">{t('desk.count.none')}</span>;
  return (
    <span className="desk-counts">
      {parts.map((part) => (
        <span key={part.key} className={`desk-count desk-count-${part.key}`}>
          {part.text}
        </span>
      ))}
    </span>
  );
}

function ArticleView({
  article,
  instrumentId,
  textLanguage,
  nameOf,
  userName,
  history,
  onDecided,
  onScoped,
  onStatus,
}: {
  article: DeskArticle;
  instrumentId: string;
  textLanguage: Language;
  nameOf: NameOf;
  userName: (userId: string) => string;
  history: readonly StatusChange[];
  onDecided: (proposalId: string, decision: Decision) => void;
  onScoped: OnScoped;
  onStatus: (provisionId: string, status: ProvisionStatus) => void;
}) {
  const { t, language } = useI18n();
  const headingId = useId();
  const currentId = useId();
  const proposalsId = useId();
  const dir = isRightToLeft(textLanguage) ? 'rtl' : 'ltr';
  return (
    <section className="desk-article" aria-labelledby={headingId}>
      <header className="desk-article-header">
        <h2 id={headingId} className="desk-article-heading">
          <span lang={textLanguage}>{article.number}</span>
          {article.heading !== '' && (
            <span className="desk-article-subheading" lang={textLanguage} dir="auto">
              {article.heading}
            </span>
          )}
        </h2>
        <ProvisionStatusControl
          instrumentId={instrumentId}
          textLanguage={textLanguage}
          provisionId={article.id}
          label={article.number}
          status={article.status}
          history={history}
          userName={userName}
          onChanged={onStatus}
        />
      </header>
      <div className="desk-columns">
        <section className="desk-current" aria-labelledby={currentId}>
          <h3 id={currentId}>{t('desk.currentText')}</h3>
          <pre
            className="desk-current-text"
            lang={textLanguage}
            dir={dir}
            tabIndex={0}
            aria-label={t('desk.currentTextOf', { article: article.number })}
          >
            {article.text}
          </pre>
          <ArticleCounts article={article} />
        </section>
        <section className="desk-proposals" aria-labelledby={proposalsId}>
          <h3 id={proposalsId}>
            {t('desk.proposalsReceived', { n: formatNumber(article.proposals.length, language) })}
          </h3>
          {article.proposals.length === 0 ? (
            <p className="empty">{t('desk.noProposals')}</p>
          ) : (
            <ol className="desk-proposal-list">
              {article.proposals.map((proposal) => (
                <ProposalCard
                  key={proposal.id}
                  proposal={proposal}
                  textLanguage={textLanguage}
                  nameOf={nameOf}
                  articleId={article.id}
                  onDecided={onDecided}
                  onScoped={onScoped}
                />
              ))}
            </ol>
          )}
        </section>
      </div>
    </section>
  );
}
