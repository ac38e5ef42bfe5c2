import type { Language } from '@concord/domain';
import { useId, useRef, useState } from 'react';
import { Link } from 'react-router';
import { useFormAction } from '../components/form';
import { formatNumber } from '../i18n/format';
import { useI18n } from '../i18n/i18n-context';
import { consolidatedDraftPath } from '../routes';
import { deskApi, type CompileReport, type DeskProposal } from './desk-api';
import { DeskErrorAlert } from './desk-error';
import type { NameOf } from './proposal-card';

/** A proposal as a compilation report names it: “Title” (Egypt). */
function proposalLabel(proposal: DeskProposal | undefined, nameOf: NameOf, unknown: string): string {
  if (proposal === undefined) return unknown;
  return `“${proposal.title}” (${nameOf(proposal.sponsor)})`;
}

/**
 * Compiles the decided proposals into the live consolidated draft, optionally bracketing incorporated text, then
 * says in plain words what became of each proposal and which could not be placed, and why.
 */
export function CompilePanel({
  committeeId,
  instrumentId,
  textLanguage,
  proposals,
  pending,
  nameOf,
  onCompiled,
}: {
  committeeId: string;
  instrumentId: string;
  textLanguage: Language;
  /** Every proposal on the desk, to name them in the report. */
  proposals: readonly DeskProposal[];
  /** How many decisions the next compilation applies. */
  pending: number;
  nameOf: NameOf;
  onCompiled: () => void;
}) {
  const { t, language } = useI18n();
  const headingId = useId();
  const bracketId = useId();
  const bracketHintId = useId();
  const { submitting, error, run } = useFormAction();
  const [bracket, setBracket] = useState(false);
  const [report, setReport] = useState<{ report: CompileReport; proposals: readonly DeskProposal[] } | null>(null);
  const resultRef = useRef<HTMLHeadingElement>(null);

  const compile = async () => {
    setReport(null);
    const result = await run(() => deskApi.compile(instrumentId, textLanguage, bracket));
    if (!result.ok) return;
    setReport({ report: result.value, proposals });
    onCompiled();
    // The report replaces the button's neighbourhood: take the reader there.
    window.requestAnimationFrame(() => resultRef.current?.focus());
  };

  const byId = new Map((report?.proposals ?? []).map((p) => [p.id, p]));
  // The proposals as they stood when compiling: the desk reloads afterwards, and the report still names them.
  const label = (id: string) => proposalLabel(byId.get(id), nameOf, t('desk.unknownProposal'));

  return (
    <section className="panel desk-compile" aria-labelledby={headingId}>
      <h2 id={headingId}>{t('desk.compile.title')}</h2>
      <p>
        {pending === 0
          ? t('desk.compile.nonePending')
          : t('desk.compile.pending', { n: formatNumber(pending, language) })}
      </p>
      <div className="desk-compile-controls">
        <div className="check">
          <input
            id={bracketId}
            type="checkbox"
            checked={bracket}
            aria-describedby={bracketHintId}
            onChange={(event) => setBracket(event.target.checked)}
          />
          <label htmlFor={bracketId}>{t('desk.compile.bracket')}</label>
        </div>
        <p id={bracketHintId} className="hint">
          {t('desk.compile.bracketHint')}
        </p>
        <div className="form-actions">
          <button type="button" onClick={() => void compile()} disabled={submitting}>
            {submitting ? t('desk.compile.running') : t('desk.compile.submit')}
          </button>
        </div>
      </div>
      {error !== null && <DeskErrorAlert error={error} />}
      {report !== null && (
        <div className="desk-compile-report">
          <div role="status" className="alert alert-success">
            <h3 ref={resultRef} tabIndex={-1} className="desk-report-heading">
              {t('desk.compile.done', { n: formatNumber(report.report.compiled, language) })}
            </h3>
            <ul className="desk-outcomes">
              {report.report.outcomes.map((outcome) => (
                <li key={outcome.proposalId}>
                  <span className="desk-outcome-name" dir="auto">
                    {label(outcome.proposalId)}
                  </span>
                  {': '}
                  {t(`desk.outcome.${outcome.status}`)}
                  {outcome.rebased && <span className="desk-outcome-note"> {t('desk.outcome.rebased')}</span>}
                </li>
              ))}
            </ul>
            <p>
              <Link to={consolidatedDraftPath(committeeId, instrumentId, textLanguage)}>{t('desk.compile.openDraft')}</Link>
            </p>
          </div>
          {report.report.conflicts.length > 0 && (
            <div role="alert" className="alert alert-error">
              <p>{t('desk.compile.conflicts', { n: formatNumber(report.report.conflicts.length, language) })}</p>
              <ul>
                {report.report.conflicts.map((conflict) => (
                  <li key={conflict.proposalId}>
                    <span className="desk-outcome-name" dir="auto">
                      {label(conflict.proposalId)}
                    </span>
                    {': '}
                    {t(`desk.conflict.${conflict.reason}`)}{' '}
                    <span className="desk-conflict-detail" lang="en">
                      ({conflict.message})
                    </span>
                  </li>
                ))}
              </ul>
            </div>
          )}
        </div>
      )}
    </section>
  );
}
