import type { Language } from '@concord/domain';
import { useEffect, useId, useRef, useState } from 'react';
import { ApiError } from '../api';
import { useAuth } from '../auth';
import { formatDateTime, formatList } from '../i18n/format';
import { useI18n } from '../i18n/i18n-context';
import { ChangedText, RevealedText } from './changed-text';
import { DECISIONS, deskApi, type Decision, type DeskProposal } from './desk-api';
import { DeskErrorAlert } from './desk-error';

/** Names a delegation by its code, in the interface language. */
export type NameOf = (code: string) => string;

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
  onDecided,
}: {
  proposal: DeskProposal;
  textLanguage: Language;
  nameOf: NameOf;
  onDecided: (proposalId: string, decision: Decision) => void;
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
            proposal.changes.map((change, index) => <ChangedText key={index} change={change} textLanguage={textLanguage} />)
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

        <fieldset className="desk-decision" disabled={!decidable}>
          <legend>{t('desk.decision')}</legend>
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
