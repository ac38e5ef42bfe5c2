import type { Language } from '@concord/domain';
import { useEffect, useId, useRef, useState } from 'react';
import { ApiError } from '../api';
import { useAuth } from '../auth';
import { formatDateTime, formatList } from '../i18n/format';
import { useI18n } from '../i18n/i18n-context';
import { ChangedText, RevealedText } from './changed-text';
import { DECISIONS, deskApi, type ChangePlace, type Decision, type DeskChange, type DeskProposal } from './desk-api';
import { DeskErrorAlert } from './desk-error';

/** Names a delegation by its code, in the interface language. */
export type NameOf = (code: string) => string;

/** Told when a decision on a proposal's changes to an article (`change` null) or on one change was saved. */
export type OnScoped = (proposalId: string, articleId: string, change: string | null, decision: Decision) => void;

type SaveState = { readonly kind: 'idle' } | { readonly kind: 'saving' } | { readonly kind: 'saved' } | { readonly kind: 'failed'; readonly error: unknown };

/**
 * One proposal received for an article: who proposed and supports it, its changes highlighted against the current
 * text, its justification (shown as text, never as markup), warnings about hidden characters, and the decision,
 * which is saved the moment it is chosen.
 */
export function ProposalCard({
  proposal,
  textLanguage,
  nameOf,
  articleId,
  onDecided,
  onScoped,
}: {
  proposal: DeskProposal;
  textLanguage: Language;
  nameOf: NameOf;
  articleId: string;
  onDecided: (proposalId: string, decision: Decision) => void;
  onScoped: OnScoped;
}) {
  const { t, language } = useI18n();
  const { sessionExpired } = useAuth();
  const titleId = useId();
  const [choice, setChoice] = useState<Decision | null>(proposal.decision);
  const [save, setSave] = useState<SaveState>({ kind: 'idle' });
  // Decisions are sent one after another, so the last one chosen is the one the server keeps.
  const queue = useRef<Promise<void>>(Promise.resolve());
  // The desk is read again after a compilation, or when another officer decided: follow what the server holds.
  useEffect(() => setChoice(proposal.decision), [proposal.decision]);
  const decidable = proposal.status === 'submitted';
  const names = (codes: readonly string[]) => formatList(codes.map(nameOf), language);
  const placeText = (where: ChangePlace): string =>
    where.kind === 'heading' ? t('desk.place.heading') : where.kind === 'new' ? t('desk.place.new') : t(`desk.place.${where.kind}`, { place: where.place });

  const decide = (decision: Decision) => {
    setChoice(decision);
    setSave({ kind: 'saving' });
    queue.current = queue.current.then(async () => {
      try {
        await deskApi.decide(proposal.id, textLanguage, decision);
        setSave({ kind: 'saved' });
        onDecided(proposal.id, decision);
      } catch (error) {
        if (error instanceof ApiError && error.status === 401) sessionExpired();
        setChoice(proposal.decision);
        setSave({ kind: 'failed', error });
      }
    });
  };

  const decideScoped = (decision: Decision, change: string | null) => {
    setSave({ kind: 'saving' });
    queue.current = queue.current.then(async () => {
      try {
        await deskApi.decide(proposal.id, textLanguage, decision, { provision: articleId, ...(change === null ? {} : { change }) });
        setSave({ kind: 'saved' });
        onScoped(proposal.id, articleId, change, decision);
      } catch (error) {
        if (error instanceof ApiError && error.status === 401) sessionExpired();
        setSave({ kind: 'failed', error });
      }
    });
  };
  // A change decided on its own, else by its article's decision, else by the proposal's.
  const effective = (change: DeskChange): Decision | null => change.decision ?? proposal.provisionDecision ?? choice;

  return (
    <li className="desk-proposal">
      <article aria-labelledby={titleId}>
        <header className="desk-proposal-header">
          <h4 id={titleId} className="desk-proposal-title" dir="auto">
            <RevealedText text={proposal.title} />
          </h4>
          <p className="desk-badges">
            {proposal.late && <span className="desk-badge desk-badge-late">{t('desk.late')}</span>}
            {!decidable && (
              <span className={`desk-badge desk-badge-done desk-outcome-${proposal.status}`}>
                {t(`desk.proposalStatus.${proposal.status}`)}
              </span>
            )}
            {decidable && proposal.decision !== null && !proposal.compiled && (
              <span className="desk-badge desk-badge-pending">{t('desk.awaitingCompilation')}</span>
            )}
          </p>
        </header>
        <dl className="desk-attribution">
          <div>
            <dt>{t('desk.sponsor')}</dt>
            <dd>{nameOf(proposal.sponsor)}</dd>
          </div>
          {proposal.coSponsors.length > 0 && (
            <div>
              <dt>{t('desk.coSponsors')}</dt>
              <dd>{names(proposal.coSponsors)}</dd>
            </div>
          )}
          {proposal.supporters.length > 0 && (
            <div>
              <dt>{t('desk.supporters')}</dt>
              <dd>{names(proposal.supporters)}</dd>
            </div>
          )}
          <div>
            <dt>{t('desk.submitted')}</dt>
            <dd>{formatDateTime(proposal.submittedAt, language)}</dd>
          </div>
        </dl>

        {proposal.textWarnings.length > 0 && (
          <div className="desk-warning" role="note">
            <p>{t('desk.textWarnings')}</p>
            <ul lang="en">
              {proposal.textWarnings.map((warning) => (
                <li key={warning}>{warning}</li>
              ))}
            </ul>
          </div>
        )}

        <div className="desk-changes">
          <p className="desk-label">{t('desk.changes')}</p>
          {proposal.changes.length === 0 ? (
            <p className="empty">{t('desk.noChanges')}</p>
          ) : (
            <ol className="desk-change-list">
              {proposal.changes.map((change) => {
                const decided = effective(change);
                return (
                  <li key={change.key} className={`desk-change desk-change-${decided ?? 'undecided'}`}>
                    <p className="desk-change-place">{placeText(change.where)}</p>
                    <ChangedText change={change} textLanguage={textLanguage} />
                    {decidable && (
                      <div className="desk-change-actions" role="group" aria-label={t('desk.changeDecision', { place: placeText(change.where) })}>
                        <button type="button" className="button-secondary" aria-pressed={decided === 'incorporate'} onClick={() => decideScoped('incorporate', change.key)}>
                          {t('desk.change.accept')}
                        </button>
                        <button type="button" className="button-secondary" aria-pressed={decided === 'not-retain'} onClick={() => decideScoped('not-retain', change.key)}>
                          {t('desk.change.reject')}
                        </button>
                      </div>
                    )}
                  </li>
                );
              })}
            </ol>
          )}
        </div>

        {proposal.justification.trim() !== '' && (
          <div className="desk-justification">
            <p className="desk-label">{t('desk.justification')}</p>
            <blockquote dir="auto">
              <RevealedText text={proposal.justification} />
            </blockquote>
          </div>
        )}

        {decidable && proposal.changes.length > 0 && (
          <fieldset className="desk-decision desk-decision-article">
            <legend>{t('desk.articleDecision')}</legend>
            <div className="desk-decision-options">
              {DECISIONS.map((decision) => (
                <label key={decision} className={`desk-decision-option desk-decision-${decision}`}>
                  <input
                    type="radio"
                    name={`article-decision-${proposal.id}-${articleId}`}
                    value={decision}
                    checked={proposal.provisionDecision === decision}
                    onChange={() => decideScoped(decision, null)}
                  />
                  <span>{t(`desk.decision.${decision}`)}</span>
                </label>
              ))}
            </div>
          </fieldset>
        )}

        <fieldset className="desk-decision" disabled={!decidable}>
          <legend>{t('desk.wholeDecision')}</legend>
          <div className="desk-decision-options">
            {DECISIONS.map((decision) => (
              <label key={decision} className={`desk-decision-option desk-decision-${decision}`}>
                <input
                  type="radio"
                  name={`decision-${proposal.id}`}
                  value={decision}
                  checked={choice === decision}
                  onChange={() => decide(decision)}
                />
                <span>{t(`desk.decision.${decision}`)}</span>
              </label>
            ))}
          </div>
          <p className="desk-save-state" role="status">
            {decidable && save.kind === 'saving' && t('desk.saving')}
            {decidable && save.kind === 'saved' && t('desk.decisionSaved')}
            {!decidable && t('desk.decisionCompiled')}
          </p>
        </fieldset>
        {save.kind === 'failed' && <DeskErrorAlert error={save.error} />}
      </article>
    </li>
  );
}
