import { decide } from '@concord/domain';
import { useParams } from 'react-router';
import { api, ApiError } from '../api';
import { isCommitteeManager, subjectOf, useUser } from '../auth';
import { useDocumentTitle } from '../components/document-title';
import { ErrorAlert, Loading } from '../components/error-alert';
import { delegationName } from '../components/layout';
import { useI18n } from '../i18n/i18n-context';
import { CommentPeriodsSection } from '../comments/comment-periods-section';
import { ProposalsSection } from '../proposals/proposals-section';
import { useResource } from '../use-resource';
import { DelegationsSection } from './committee/delegations-section';
import { DraftingSpacesSection } from './committee/drafting-spaces-section';
import { ImportInstrumentForm } from './committee/import-instrument-form';
import { InstrumentsSection } from './committee/instruments-section';
import { InviteUserForm } from './committee/invite-user-form';
import { MembersSection, PendingMembershipNotice } from './committee/members-section';
import { NewDelegationForm } from './committee/new-delegation-form';
import { NewSessionForm } from './committee/new-session-form';
import { SessionsSection } from './committee/sessions-section';

/** `/committees/:id`: the committee's sessions, delegations and instruments, and the secretariat's set-up forms. */
export function CommitteePage() {
  const { id = '' } = useParams();
  const { t, language } = useI18n();
  const user = useUser();
  const committee = useResource(() => api.committee(id), [id]);
  const sessions = useResource(() => api.sessions(id), [id]);
  const delegations = useResource(() => api.delegations(id), [id]);
  const instruments = useResource(() => api.instruments(id), [id]);
  useDocumentTitle(committee.resource.status === 'ready' ? committee.resource.data.name : undefined);

  const knownDelegations = delegations.resource.status === 'ready' ? delegations.resource.data : [];
  const knownSessions = sessions.resource.status === 'ready' ? sessions.resource.data : [];
  // Drafting spaces belong to delegations: only their members open and edit them.
  const draftsForDelegation =
    user.delegationId !== null &&
    decide(subjectOf(user), 'edit-draft', { tier: 'delegation', owners: [user.delegationId] }).allowed;
  const headOf =
    user.delegationId !== null &&
    decide(subjectOf(user), 'manage-delegation-members', { tier: 'delegation', owners: [user.delegationId] }).allowed
      ? user.delegationId
      : null;
  const pendingIn = knownDelegations.find((delegation) => delegation.id === user.pendingDelegationId);

  // A committee that cannot be loaded (a wrong link, another committee's) is said once, not once per section.
  if (committee.resource.status === 'error') {
    return (
      <div className="committee-page">
        <div className="page-heading">
          {/* Trying again helps when the server could not answer, not when it said there is no such committee. */}
          <ErrorAlert error={committee.resource.error} onRetry={isAbsent(committee.resource.error) ? undefined : committee.reload} />
        </div>
      </div>
    );
  }

  return (
    <div className="committee-page">
      <div className="page-heading">
        {committee.resource.status === 'loading' && <Loading />}
        {committee.resource.status === 'ready' && (
          <>
            <h1 dir="auto">{committee.resource.data.name}</h1>
            <p className="document-symbol">
              {t('committee.symbol', { symbol: committee.resource.data.symbolPrefix })}
            </p>
            {committee.resource.data.description !== '' && (
              <p className="lead" dir="auto">{committee.resource.data.description}</p>
            )}
          </>
        )}
      </div>

      {user.pendingDelegationId && (
        <PendingMembershipNotice delegationName={pendingIn ? delegationName(pendingIn, language) : '…'} />
      )}
      <SessionsSection resource={sessions.resource} onRetry={sessions.reload} />
      <DelegationsSection resource={delegations.resource} onRetry={delegations.reload} />
      <InstrumentsSection resource={instruments.resource} onRetry={instruments.reload} />
      {draftsForDelegation && <DraftingSpacesSection instruments={instruments.resource} />}
      {headOf !== null && <MembersSection user={user} delegationId={headOf} />}
      <CommentPeriodsSection instruments={instruments.resource.status === 'ready' ? instruments.resource.data : []} />
      <ProposalsSection
        delegations={knownDelegations}
        instruments={instruments.resource.status === 'ready' ? instruments.resource.data : []}
      />

      {isCommitteeManager(user) && (
        <section className="admin-tools" aria-labelledby="admin-tools-heading">
          <h2 id="admin-tools-heading">{t('admin.title')}</h2>
          <div className="admin-grid">
            <NewSessionForm
              committeeId={id}
              sessions={knownSessions}
              onCreated={(session) => sessions.update((items) => [...items, session])}
            />
            <NewDelegationForm
              committeeId={id}
              delegations={knownDelegations}
              onCreated={(delegation) => delegations.update((items) => [...items, delegation])}
            />
            <InviteUserForm committeeId={id} delegations={knownDelegations} />
            <ImportInstrumentForm
              committeeId={id}
              onImported={(instrument) => instruments.update((items) => [...items, instrument])}
            />
          </div>
        </section>
      )}
    </div>
  );
}

function isAbsent(error: unknown): boolean {
  return error instanceof ApiError && (error.status === 404 || error.status === 400);
}
