import type { Tier } from '@concord/domain';
import { docFromJSON } from '@concord/schema';
import type { Node } from 'prosemirror-model';
import { useMemo } from 'react';
import { Link, useParams } from 'react-router';
import { api, type Delegation, type Instrument } from '../api';
import { useUser } from '../auth';
import { ActionError } from '../comments/action-error';
import { CommentsPanel } from '../comments/comments-panel';
import type { CommentTarget } from '../comments/comments-api';
import { useDocumentTitle } from '../components/document-title';
import { Loading } from '../components/error-alert';
import { languageName } from '../i18n/format';
import { useI18n } from '../i18n/i18n-context';
import { pickLocalizedEntry } from '../localized';
import { committeePath } from '../routes';
import { useResource } from '../use-resource';
import { ProposalSummary } from './proposal-summary';
import { proposalsApi, type Proposal } from './proposals-api';
import { TextChangeList } from './text-change-list';
import { textChanges, type TextChange } from './text-changes';

interface ProposalDetails {
  readonly proposal: Proposal;
  readonly delegations: readonly Delegation[];
  readonly instrument: Instrument | null;
  /** The instrument's whole base text, whose article numbers the proposal's articles keep. */
  readonly numbering: Node | null;
}

async function wholeBase(proposal: Proposal): Promise<Node> {
  const text = await api.instrumentText(proposal.instrumentId, proposal.language);
  return docFromJSON(text.doc, { requireIds: false });
}

async function loadProposal(id: string, committeeId: string): Promise<ProposalDetails> {
  const proposal = await proposalsApi.get(id);
  // The surroundings are a courtesy; the proposal is what the reader came for.
  const [delegations, instrument, numbering] = await Promise.all([
    api.delegations(committeeId).catch((): readonly Delegation[] => []),
    api.instrument(proposal.instrumentId).catch(() => null),
    wholeBase(proposal).catch(() => null),
  ]);
  return { proposal, delegations, instrument, numbering };
}

function changesOf(proposal: Proposal, numbering: Node | null): readonly TextChange[] | null {
  try {
    const base = docFromJSON(proposal.baseDoc, { requireIds: false });
    return textChanges(base, docFromJSON(proposal.proposedDoc, { requireIds: false }), proposal.language, numbering ?? base);
  } catch {
    return null;
  }
}

/** `/proposals/:id`: a submitted proposal with its changes as tracked changes, its status and support, and comments on it. */
export function ProposalPage() {
  const { id = '' } = useParams();
  const { t, language } = useI18n();
  const user = useUser();
  const { resource, reload, update } = useResource(() => loadProposal(id, user.committeeId), [id, user.committeeId]);
  const details = resource.status === 'ready' ? resource.data : null;
  useDocumentTitle(details === null ? t('proposal.kicker') : `${details.proposal.title} — ${t('proposal.kicker')}`);
  const changes = useMemo(() => (details === null ? null : changesOf(details.proposal, details.numbering)), [details]);
  const target = useMemo<CommentTarget>(() => ({ kind: 'proposal', id }), [id]);
  const published = details?.proposal.published ?? false;
  const tiers = useMemo<readonly Tier[]>(
    () => (published ? ['delegation', 'committee', 'public'] : ['delegation', 'committee']),
    [published],
  );

  return (
    <div className="document-page proposal-page">
      <nav className="breadcrumb" aria-label={t('nav.breadcrumb')}>
        <Link to={committeePath(user.committeeId)}>{t('nav.committee')}</Link>
      </nav>
      {resource.status === 'loading' && <Loading />}
      {resource.status === 'error' && <ActionError error={resource.error} onRetry={reload} />}
      {details !== null && (
        <>
          <header className="page-heading document-heading">
            <p className="kicker">{t('proposal.kicker')}</p>
            <h1>
              <span dir="auto">{details.proposal.title}</span>
            </h1>
            <ul className="meta meta-list">
              {details.instrument !== null && (
                <li lang={pickLocalizedEntry(details.instrument.titles, language, details.instrument.originalLanguage)?.language}>
                  {pickLocalizedEntry(details.instrument.titles, language, details.instrument.originalLanguage)?.text ??
                    t('instruments.untitled')}
                </li>
              )}
              <li>{t('proposal.textLanguage', { language: languageName(details.proposal.language, language) })}</li>
            </ul>
          </header>
          <div className="proposal-layout">
            <div className="proposal-main">
              <section className="panel" aria-labelledby="proposal-status-heading">
                <h2 id="proposal-status-heading">{t('proposal.statusHeading')}</h2>
                <ProposalSummary
                  proposal={details.proposal}
                  delegations={details.delegations}
                  onChange={(proposal) => update((current) => ({ ...current, proposal }))}
                />
              </section>
              <section className="panel" aria-labelledby="proposal-changes-heading">
                <h2 id="proposal-changes-heading">{t('proposal.changes.heading2')}</h2>
                <p className="meta">
                  <a href={`/api/proposals/${encodeURIComponent(details.proposal.id)}/compare/docx`} download data-testid="proposal-docx">
                    {t('word.downloadTracked')}
                  </a>
                </p>
                {changes === null ? (
                  <p className="empty">{t('proposal.changes.unreadable')}</p>
                ) : (
                  <TextChangeList changes={changes} textLanguage={details.proposal.language} />
                )}
              </section>
            </div>
            <div className="proposal-aside">
              <CommentsPanel target={target} tiers={tiers} bridge={null} />
            </div>
          </div>
        </>
      )}
    </div>
  );
}
