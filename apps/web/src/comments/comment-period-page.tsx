import { DISPOSITIONS, LANGUAGE_NAMES, LANGUAGES, decide, isLanguage, type CommentPeriodView, type Disposition, type Language, type RevisionText, type WrittenCommentView } from '@concord/domain';
import { useCallback, useEffect, useMemo, useState } from 'react';
import { useParams } from 'react-router';
import { request } from '../api';
import { subjectOf, useUser } from '../auth';
import { Countdown } from '../components/countdown';
import { useDocumentTitle } from '../components/document-title';
import { ErrorAlert, Loading, StatusMessage } from '../components/error-alert';
import { FormErrors, useFormAction } from '../components/form';
import { formatDateTime, formatNumber } from '../i18n/format';
import { useI18n } from '../i18n/i18n-context';
import type { StringKey } from '../i18n/strings';
import { useResource } from '../use-resource';
import './comment-periods.css';
import { commentPeriodsApi, periodDownloadUrl, type MatrixFilter, type RemarkInput } from './comment-periods-api';
import { CommentsMatrix } from './comments-matrix';
import { DispositionLine } from './disposition-line';
import { provisionOptions, type ProvisionOption } from './provision-options';

/** The longest remark the server takes. */
const MAX_REMARK_CHARS = 20_000;

/** `/comment-periods/:id`: a call for comments, the caller's delegation's comment, the comments received and the matrix. */
export function CommentPeriodPage() {
  const { id = '' } = useParams();
  const { t, language } = useI18n();
  const user = useUser();
  const period = useResource(() => commentPeriodsApi.period(id), [id]);
  const comments = useResource(() => commentPeriodsApi.comments(id), [id]);
  const data = period.resource.status === 'ready' ? period.resource.data : null;
  const text = useResource(
    async () => (data ? request<RevisionText>('GET', `/api/revisions/${encodeURIComponent(data.targetId)}`) : null),
    [data?.targetId],
  );
  useDocumentTitle(data?.title);
  const provisions = useMemo(
    () => (text.resource.status === 'ready' && text.resource.data ? provisionOptions(text.resource.data.doc, language) : []),
    [text.resource, language],
  );
  const [matrixVersion, setMatrixVersion] = useState(0);
  const refresh = useCallback(() => {
    comments.reload();
    setMatrixVersion((n) => n + 1);
  }, [comments]);

  if (period.resource.status === 'loading') return <Loading />;
  if (period.resource.status === 'error') return <ErrorAlert error={period.resource.error} onRetry={period.reload} />;
  const p = period.resource.data;
  const subject = subjectOf(user);
  const manages = decide(subject, 'manage-comment-period', { tier: p.tier, committeeId: p.committeeId }).allowed;
  const drafts = user.delegationId !== null && decide(subject, 'draft-written-comment', { tier: 'delegation', owners: [user.delegationId], committeeId: p.committeeId }).allowed;
  const received = comments.resource.status === 'ready' ? comments.resource.data : [];

  return (
    <div className="comment-period-page">
      <div className="page-heading">
        <p className="document-symbol">{p.targetLabel}</p>
        <h1 dir="auto">{p.title}</h1>
        <p className="period-facts">
          <span className={`badge period-state period-${p.state}`}>{t(`period.state.${p.state}` as StringKey)}</span>{' '}
          {t('period.deadline', { deadline: formatDateTime(p.deadline, language) })} {p.state === 'open' && <Countdown deadline={p.deadline} />}
        </p>
        <p className="period-facts">
          {t(p.publication === 'on-arrival' ? 'period.publication.on-arrival' : 'period.publication.at-close')}{' '}
          {t(p.allowObservers ? 'period.observers.allowed' : 'period.observers.notAllowed')}
        </p>
      </div>
      {manages && <PeriodTools period={p} onChange={() => period.reload()} />}
      {drafts && p.state !== 'closed' && (
        <OwnComment period={p} provisions={provisions} comments={received} onChange={refresh} />
      )}
      <section className="panel" aria-labelledby="received-heading">
        <h2 id="received-heading">{t('period.received')}</h2>
        {comments.resource.status === 'loading' && <Loading />}
        {comments.resource.status === 'error' && <ErrorAlert error={comments.resource.error} onRetry={comments.reload} />}
        {comments.resource.status === 'ready' && received.filter((c) => c.status !== 'draft').length === 0 && <p className="empty">{t('period.noneReceived')}</p>}
        <ol className="written-comments">
          {received
            .filter((c) => c.status !== 'draft')
            .map((c) => (
              <WrittenCommentCard key={c.id} comment={c} />
            ))}
        </ol>
      </section>
      <CommentsMatrix version={matrixVersion} period={p} provisions={provisions} manages={manages} onChange={refresh} />
      <section className="panel" aria-labelledby="outputs-heading">
        <h2 id="outputs-heading">{t('period.outputs')}</h2>
        <ul className="downloads">
          <li><a href={periodDownloadUrl(p.id, 'compilation', 'html', language)}>{t('period.download.compilationHtml')}</a></li>
          <li><a href={periodDownloadUrl(p.id, 'compilation', 'docx', language)}>{t('period.download.compilationDocx')}</a></li>
          <li><a href={periodDownloadUrl(p.id, 'matrix', 'xlsx', language)}>{t('period.download.matrixXlsx')}</a></li>
          <li><a href={periodDownloadUrl(p.id, 'matrix', 'csv', language)}>{t('period.download.matrixCsv')}</a></li>
        </ul>
      </section>
    </div>
  );
}

/** The secretariat's acts on a period: extend, close early, publish. */
function PeriodTools({ period, onChange }: { period: CommentPeriodView; onChange: () => void }) {
  const { t } = useI18n();
  const action = useFormAction();
  const [deadline, setDeadline] = useState('');
  const act = async (work: () => Promise<unknown>) => {
    if ((await action.run(work)).ok) onChange();
  };
  return (
    <section className="panel period-tools" aria-labelledby="period-tools-heading">
      <h2 id="period-tools-heading">{t('period.tools')}</h2>
      {period.state !== 'closed' && (
        <form
          className="inline-form"
          onSubmit={(event) => {
            event.preventDefault();
            if (!deadline) return action.reject(t('period.deadlineRequired'));
            void act(() => commentPeriodsApi.extend(period.id, new Date(deadline).toISOString()));
          }}
        >
          <label htmlFor="extend-deadline">{t('period.newDeadline')}</label>
          <input id="extend-deadline" type="datetime-local" value={deadline} onChange={(e) => setDeadline(e.target.value)} />
          <button type="submit" disabled={action.submitting}>{t('period.extend')}</button>
        </form>
      )}
      <div className="button-row">
        {period.state !== 'closed' && (
          <button type="button" className="button-secondary" disabled={action.submitting} onClick={() => void act(() => commentPeriodsApi.close(period.id))}>
            {t('period.close')}
          </button>
        )}
        <button type="button" disabled={action.submitting} onClick={() => void act(() => commentPeriodsApi.publish(period.id))}>
          {t('period.publish')}
        </button>
      </div>
      <FormErrors problem={action.problem} error={action.error} />
    </section>
  );
}

interface RemarkDraft {
  provisionId: string;
  body: string;
  proposedWording: string;
}

const EMPTY_REMARK: RemarkDraft = { provisionId: '', body: '', proposedWording: '' };

/** The caller's delegation's written comment: its draft (every member may edit it), submitted by the head. */
function OwnComment({ period, provisions, comments, onChange }: { period: CommentPeriodView; provisions: readonly ProvisionOption[]; comments: readonly WrittenCommentView[]; onChange: () => void }) {
  const { t, language: uiLanguage } = useI18n();
  const user = useUser();
  const own = comments.filter((c) => c.delegationId === user.delegationId);
  const draft = own.find((c) => c.status === 'draft') ?? null;
  const current = own.find((c) => c.status === 'submitted') ?? null;
  const [language, setLanguage] = useState<Language>(draft?.language ?? uiLanguage);
  const [remarks, setRemarks] = useState<RemarkDraft[]>(
    draft ? draft.remarks.map((r) => ({ provisionId: r.provisionId ?? '', body: r.body, proposedWording: r.proposedWording ?? '' })) : [{ ...EMPTY_REMARK }],
  );
  useEffect(() => {
    if (!draft) return;
    setLanguage(draft.language);
    setRemarks(draft.remarks.map((r) => ({ provisionId: r.provisionId ?? '', body: r.body, proposedWording: r.proposedWording ?? '' })));
  }, [draft?.id]);
  const action = useFormAction();
  // When the draft was last saved from this form: said under the buttons, since the form itself does not change.
  const [savedAt, setSavedAt] = useState<string | null>(null);
  const maySubmit = user.delegationId !== null && decide(subjectOf(user), 'submit-written-comment', { tier: 'delegation', owners: [user.delegationId], committeeId: period.committeeId }).allowed;
  // An observer organization has no head: its observer submits the comment it drafts.
  const forOrganization = user.roles.includes('observer');

  const input = (): RemarkInput[] | null => {
    const filled = remarks.filter((r) => r.body.trim() !== '');
    if (filled.length === 0) {
      action.reject(t('period.remarkRequired'));
      return null;
    }
    return filled.map((r) => ({ provisionId: r.provisionId || undefined, body: r.body, proposedWording: r.proposedWording || undefined }));
  };
  const save = async () => {
    const body = input();
    if (!body) return;
    setSavedAt(null);
    const done = await action.run(() => (draft ? commentPeriodsApi.update(draft.id, language, body) : commentPeriodsApi.draft(period.id, language, body, current?.id)));
    if (!done.ok) return;
    setSavedAt(new Date().toISOString());
    onChange();
  };
  const submit = async () => {
    if (!draft) return;
    const body = input();
    if (!body) return;
    const done = await action.run(async () => {
      await commentPeriodsApi.update(draft.id, language, body);
      return commentPeriodsApi.submit(draft.id);
    });
    if (done.ok) onChange();
  };
  const change = (index: number, patch: Partial<RemarkDraft>) => setRemarks((list) => list.map((r, i) => (i === index ? { ...r, ...patch } : r)));

  return (
    <section className="panel own-comment" aria-labelledby="own-comment-heading">
      <h2 id="own-comment-heading">{t('period.yourComment')}</h2>
      <p className="hint">{t(draft ? (forOrganization ? 'period.draftPrivateOrganization' : 'period.draftPrivate') : current ? 'period.reviseHint' : 'period.startHint')}</p>
      <div className="field">
        <label htmlFor="comment-language">{t('period.language')}</label>
        <select id="comment-language" value={language} onChange={(e) => isLanguage(e.target.value) && setLanguage(e.target.value)}>
          {LANGUAGES.map((code) => (
            <option key={code} value={code} lang={code}>{LANGUAGE_NAMES[code]}</option>
          ))}
        </select>
      </div>
      {remarks.map((remark, index) => (
        <fieldset key={index} className="remark-fields">
          <legend>{t('period.remarkNumber', { number: formatNumber(index + 1, uiLanguage) })}</legend>
          <div className="field">
            <label htmlFor={`remark-provision-${index}`}>{t('period.provision')}</label>
            <select id={`remark-provision-${index}`} value={remark.provisionId} onChange={(e) => change(index, { provisionId: e.target.value })}>
              <option value="">{t('period.general')}</option>
              {provisions.map((p) => (
                <option key={p.id} value={p.id}>{p.label}</option>
              ))}
            </select>
          </div>
          <div className="field">
            <label htmlFor={`remark-body-${index}`}>{t('period.remark')}</label>
            <textarea id={`remark-body-${index}`} dir="auto" lang={language} rows={4} value={remark.body} maxLength={MAX_REMARK_CHARS} onChange={(e) => change(index, { body: e.target.value })} />
            <p className="counter" aria-live="polite">{t('period.counter', { count: formatNumber(remark.body.length, uiLanguage), max: formatNumber(MAX_REMARK_CHARS, uiLanguage) })}</p>
          </div>
          <div className="field">
            <label htmlFor={`remark-wording-${index}`}>{t('period.proposedWording')}</label>
            <textarea id={`remark-wording-${index}`} dir="auto" lang={language} rows={3} value={remark.proposedWording} maxLength={MAX_REMARK_CHARS} onChange={(e) => change(index, { proposedWording: e.target.value })} />
          </div>
          {remarks.length > 1 && (
            <button type="button" className="button-link" onClick={() => setRemarks((list) => list.filter((_, i) => i !== index))}>
              {t('period.removeRemark')}
            </button>
          )}
        </fieldset>
      ))}
      <div className="button-row">
        <button type="button" className="button-secondary" onClick={() => setRemarks((list) => [...list, { ...EMPTY_REMARK }])}>
          {t('period.addRemark')}
        </button>
        <button type="button" className="button-secondary" disabled={action.submitting} onClick={() => void save()}>
          {t('period.saveDraft')}
        </button>
        {draft && maySubmit && (
          <button type="button" disabled={action.submitting} onClick={() => void submit()}>
            {t('period.submit')}
          </button>
        )}
      </div>
      {draft && !maySubmit && <p className="hint">{t('period.headSubmits')}</p>}
      {savedAt !== null && (
        <StatusMessage>
          <p>{t('period.draftSaved', { time: formatDateTime(savedAt, uiLanguage) })}</p>
        </StatusMessage>
      )}
      <FormErrors problem={action.problem} error={action.error} />
    </section>
  );
}

/** A written comment as received: attributed, numbered, verbatim, with the dispositions the reader may see. */
export function WrittenCommentCard({ comment }: { comment: WrittenCommentView }) {
  const { t, language } = useI18n();
  return (
    <li className={`written-comment${comment.late ? ' late' : ''}${comment.status === 'superseded' ? ' superseded' : ''}`} id={`comment-${comment.id}`}>
      <h3>
        {comment.number !== null && `${formatNumber(comment.number, language)}. `}
        <bdi>{comment.delegationName}</bdi>
      </h3>
      <p className="comment-meta">
        {comment.submittedAt && t('period.submittedAt', { at: formatDateTime(comment.submittedAt, language), language: LANGUAGE_NAMES[comment.language] })}
        {comment.late && <span className="badge late-badge">{t('period.late')}</span>}
        {comment.status === 'superseded' && <span className="badge">{t('period.superseded')}</span>}
        <span className="badge">{t(`comments.tierBadge.${comment.tier}` as StringKey)}</span>
      </p>
      <ul className="remarks">
        {comment.remarks.map((r) => (
          <li key={r.id} className="remark">
            <p className="remark-provision">{r.number} {r.provisionLabel ?? t('period.general')}</p>
            <p className="remark-body" dir="auto" lang={comment.language}>{r.body}</p>
            {r.proposedWording && (
              <p className="remark-wording" dir="auto" lang={comment.language}>
                <strong>{t('period.proposedWording')}: </strong>
                {r.proposedWording}
              </p>
            )}
            {r.disposition && <DispositionLine disposition={r.disposition.disposition} response={r.disposition.response} />}
          </li>
        ))}
      </ul>
    </li>
  );
}

/** The dispositions, in the order the matrix offers them. */
export const DISPOSITION_CHOICES: readonly Disposition[] = DISPOSITIONS;
export type { MatrixFilter };
