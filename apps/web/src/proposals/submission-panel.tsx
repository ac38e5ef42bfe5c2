import { docFromJSON } from '@concord/schema';
import type { Node } from 'prosemirror-model';
import { useEffect, useId, useMemo, useState, useSyncExternalStore, type FormEvent } from 'react';
import { api, type Delegation, type DraftingSpace } from '../api';
import { subjectOf, useUser } from '../auth';
import { ActionError } from '../comments/action-error';
import type { EditorBridge } from '../comments/editor-bridge';
import { Loading } from '../components/error-alert';
import { useFormAction } from '../components/form';
import { formatDateTime, formatNumber } from '../i18n/format';
import { useI18n } from '../i18n/i18n-context';
import { formatCommentTime } from '../comments/comment-time';
import { useResource } from '../use-resource';
import { delegationLabel, unknownDelegation } from './proposal-bits';
import { isLate, maySubmit, proposalsOfSpace, sessionFor } from './proposal-rules';
import { ProposalSummary } from './proposal-summary';
import { proposalsApi, type Proposal } from './proposals-api';
import { TextChangeList } from './text-change-list';
import { spaceBase, textChanges } from './text-changes';

/** The text the space is compared with, and the whole base text whose article numbers it keeps. */
async function loadBase(space: DraftingSpace): Promise<{ readonly compared: Node; readonly whole: Node }> {
  const text = await api.instrumentText(space.instrumentId, space.language);
  const whole = docFromJSON(text.doc, { requireIds: false });
  return { compared: spaceBase(whole, space.provisionIds), whole };
}

/**
 * A drafting space on its way to becoming a proposal: what it changes against its base (as tracked changes, kept
 * current as the text is edited), the justification and the submission for the head of the owning delegation
 * (others are told who submits), and afterwards the proposal's status, history and support.
 */
export function SubmissionPanel({
  space,
  delegations,
  bridge,
}: {
  space: DraftingSpace;
  delegations: readonly Delegation[];
  bridge: EditorBridge;
}) {
  const { t, language } = useI18n();
  const user = useUser();
  const headingId = useId();
  const justificationId = useId();
  const sessionHintId = useId();
  const snapshot = useSyncExternalStore(bridge.subscribe, bridge.getSnapshot);
  const base = useResource(() => loadBase(space), [space.id]);
  const sessions = useResource(() => api.sessions(user.committeeId), [user.committeeId]);
  const [proposals, setProposals] = useState<readonly Proposal[] | null>(null);
  const [justification, setJustification] = useState('');
  const [supersede, setSupersede] = useState(true);
  const [confirming, setConfirming] = useState(false);
  // Once a proposal is submitted, a revision is prepared on request rather than offered as an empty form.
  const [revising, setRevising] = useState(false);
  const { submitting, error, problem, run, reject } = useFormAction();
  const submitter = maySubmit(subjectOf(user), space);

  useEffect(() => {
    let current = true;
    // Which proposals came from this space; a failure only hides the status (the text and form still work).
    proposalsApi.list(space.instrumentId).then(
      (items) => current && setProposals(proposalsOfSpace(items, space)),
      () => current && setProposals([]),
    );
    return () => {
      current = false;
    };
  }, [space.id, space.instrumentId, space.title, space.language, space.ownerDelegationId]);

  const changes = useMemo(() => {
    const doc = bridge.doc();
    if (base.resource.status !== 'ready' || doc === null) return null;
    try {
      return textChanges(base.resource.data.compared, doc, space.language, base.resource.data.whole);
    } catch {
      // A text that no longer matches the schema's expectations is compared by the server on submission.
      return null;
    }
  }, [bridge, base.resource, snapshot.docVersion, snapshot.view, space.language]);

  const latest = proposals?.[0] ?? null;
  const replaceable = latest !== null && latest.status === 'submitted' ? latest : null;
  const now = new Date();
  const session = sessions.resource.status === 'ready' ? sessionFor(sessions.resource.data, now) : null;
  const late = isLate(session, now);
  const owner = delegationLabel(space.ownerDelegationId, delegations, language) ?? unknownDelegation(delegations, t);

  const onSubmit = async (event: FormEvent<HTMLFormElement>) => {
    event.preventDefault();
    if (justification.trim() === '') {
      setConfirming(false);
      reject(t('proposal.justificationRequired'));
      return;
    }
    if (!confirming) {
      setConfirming(true);
      return;
    }
    const result = await run(() =>
      proposalsApi.submit(space.id, {
        justification,
        ...(replaceable !== null && supersede ? { supersedesId: replaceable.id } : {}),
      }),
    );
    setConfirming(false);
    if (!result.ok) return;
    setJustification('');
    setRevising(false);
    setProposals((list) => [
      result.value,
      ...(list ?? []).map((item) => (replaceable !== null && supersede && item.id === replaceable.id ? { ...item, status: 'superseded' as const } : item)),
    ]);
  };

  const updateProposal = (next: Proposal) =>
    setProposals((list) => (list ?? []).map((item) => (item.id === next.id ? next : item)));

  return (
    <section className="sidebar-section submission" aria-labelledby={headingId}>
      <h2 id={headingId} className="sidebar-heading">
        {t('proposal.title')}
      </h2>
      {proposals === null && <Loading />}
      {latest !== null && (
        <div className="submitted-proposal">
          <h3 className="minor-heading">{t('proposal.submittedHeading')}</h3>
          <ProposalSummary proposal={latest} delegations={delegations} onChange={updateProposal} />
        </div>
      )}

      <div className="space-changes">
        <h3 className="minor-heading">
          {t('proposal.changes.heading2')}
          {changes !== null && <span className="change-count"> ({formatNumber(changes.length, language)})</span>}
        </h3>
        {base.resource.status === 'loading' && <Loading />}
        {base.resource.status === 'error' && <ActionError error={base.resource.error} onRetry={base.reload} />}
        {changes !== null && <TextChangeList changes={changes} textLanguage={space.language} />}
      </div>

      {submitter && replaceable !== null && !revising ? (
        <div className="form-actions">
          <button type="button" className="button-secondary" onClick={() => setRevising(true)}>
            {t('proposal.prepareRevision')}
          </button>
        </div>
      ) : submitter ? (
        <form className="comment-form submit-form" onSubmit={onSubmit} aria-labelledby={`${headingId}-submit`}>
          <h3 id={`${headingId}-submit`} className="minor-heading">
            {t(replaceable === null ? 'proposal.submitHeading' : 'proposal.resubmitHeading')}
          </h3>
          <label htmlFor={justificationId}>{t('proposal.justification')}</label>
          <textarea
            id={justificationId}
            rows={5}
            dir="auto"
            value={justification}
            aria-describedby={sessionHintId}
            onChange={(event) => {
              setJustification(event.target.value);
              setConfirming(false);
            }}
          />
          <p id={sessionHintId} className="hint">
            {session === null
              ? t('proposal.noSession')
              : t('proposal.sessionHint', {
                  session: session.title,
                  deadline: formatDateTime(session.proposalDeadline, language),
                })}
          </p>
          {late && (
            <p className="late-warning" role="note">
              {t('proposal.lateWarning')}
            </p>
          )}
          {replaceable !== null && (
            <div className="check">
              <input
                id={`${justificationId}-supersede`}
                type="checkbox"
                checked={supersede}
                onChange={(event) => setSupersede(event.target.checked)}
              />
              <label htmlFor={`${justificationId}-supersede`}>
                {t('proposal.supersede', { date: formatCommentTime(replaceable.submittedAt, language) })}
              </label>
            </div>
          )}
          {problem !== null && (
            <div role="alert" className="alert alert-error">
              <p>{problem}</p>
            </div>
          )}
          <ActionError error={error} />
          {confirming ? (
            <div className="confirm-row" role="group" aria-label={t('proposal.submit')}>
              <p>{t('proposal.submitConfirm', { delegation: owner })}</p>
              <button type="submit" disabled={submitting}>
                {submitting ? t('form.submitting') : t('proposal.submitYes')}
              </button>
              <button type="button" className="button-secondary" onClick={() => setConfirming(false)}>
                {t('proposal.keepEditing')}
              </button>
            </div>
          ) : (
            <div className="form-actions">
              <button type="submit">{t('proposal.submit')}</button>
              {replaceable !== null && (
                <button type="button" className="button-secondary" onClick={() => setRevising(false)}>
                  {t('proposal.notNow')}
                </button>
              )}
            </div>
          )}
        </form>
      ) : (
        <p className="hint submit-head-only">{t('proposal.submitHeadOnly', { delegation: owner })}</p>
      )}
    </section>
  );
}
