import { DISPOSITIONS, type CommentPeriodView, type CommentsMatrixEntry, type Disposition } from '@concord/domain';
import { useEffect, useMemo, useState } from 'react';
import { ErrorAlert, Loading } from '../components/error-alert';
import { FormErrors, useFormAction } from '../components/form';
import { formatDateTime } from '../i18n/format';
import { useI18n } from '../i18n/i18n-context';
import type { StringKey } from '../i18n/strings';
import { commentPeriodsApi, type MatrixFilter } from './comment-periods-api';
import type { ProvisionOption } from './provision-options';

/**
 * The comments matrix of a period, filterable by commenter, provision and disposition; the secretariat records
 * each remark's disposition and response in its row.
 */
export function CommentsMatrix({
  period,
  provisions,
  manages,
  version: outside,
  onChange,
}: {
  period: CommentPeriodView;
  provisions: readonly ProvisionOption[];
  manages: boolean;
  /** Changes when the page learns of new comments or dispositions: the matrix reloads, keeping its filters. */
  version: number;
  onChange: () => void;
}) {
  const { t, language } = useI18n();
  const [filter, setFilter] = useState<MatrixFilter>({});
  const [rows, setRows] = useState<readonly CommentsMatrixEntry[] | null>(null);
  const [all, setAll] = useState<readonly CommentsMatrixEntry[]>([]);
  const [error, setError] = useState<unknown>(null);
  const [version, setVersion] = useState(0);
  useEffect(() => {
    let current = true;
    setError(null);
    commentPeriodsApi.matrix(period.id, language, filter).then((items) => current && setRows(items), (caught: unknown) => current && setError(caught));
    return () => {
      current = false;
    };
  }, [period.id, language, filter, version, outside]);
  useEffect(() => {
    commentPeriodsApi.matrix(period.id, language, {}).then(setAll, () => undefined);
  }, [period.id, language, version, outside]);
  const commenters = useMemo(() => [...new Map(all.map((r) => [r.delegationId, r.commenter])).entries()], [all]);
  const filedOn = useMemo(() => new Set(all.map((r) => r.provisionId)), [all]);

  return (
    <section className="panel comments-matrix" aria-labelledby="matrix-heading">
      <h2 id="matrix-heading">{t('matrix.title')}</h2>
      <div className="matrix-filters">
        <label>
          {t('matrix.commenter')}
          <select value={filter.commenter ?? ''} onChange={(e) => setFilter({ ...filter, commenter: e.target.value || undefined })}>
            <option value="">{t('matrix.all')}</option>
            {commenters.map(([id, name]) => (
              <option key={id} value={id}>{name}</option>
            ))}
          </select>
        </label>
        <label>
          {t('matrix.provision')}
          <select value={filter.provision ?? ''} onChange={(e) => setFilter({ ...filter, provision: e.target.value || undefined })}>
            <option value="">{t('matrix.all')}</option>
            <option value="general">{t('period.general')}</option>
            {provisions.filter((p) => filedOn.has(p.id)).map((p) => (
              <option key={p.id} value={p.id}>{p.label}</option>
            ))}
          </select>
        </label>
        <label>
          {t('matrix.disposition')}
          <select
            value={filter.disposition ?? ''}
            onChange={(e) => setFilter({ ...filter, disposition: (e.target.value || undefined) as Disposition | 'none' | undefined })}
          >
            <option value="">{t('matrix.all')}</option>
            <option value="none">{t('matrix.none')}</option>
            {DISPOSITIONS.map((d) => (
              <option key={d} value={d}>{t(`disposition.${d}` as StringKey)}</option>
            ))}
          </select>
        </label>
      </div>
      {error !== null && <ErrorAlert error={error} />}
      {rows === null && error === null && <Loading />}
      {rows !== null && rows.length === 0 && <p className="empty">{t('matrix.empty')}</p>}
      {rows !== null && rows.length > 0 && (
        <div className="table-scroll">
          <table aria-labelledby="matrix-heading">
            <thead>
              <tr>
                <th scope="col">{t('matrix.number')}</th>
                <th scope="col">{t('matrix.provision')}</th>
                <th scope="col">{t('matrix.commenter')}</th>
                <th scope="col">{t('matrix.comment')}</th>
                <th scope="col">{t('matrix.proposedWording')}</th>
                <th scope="col">{t('matrix.disposition')}</th>
              </tr>
            </thead>
            <tbody>
              {rows.map((row) => (
                <tr key={row.remarkId} data-remark={row.remarkId}>
                  <td className="numeric">{row.number}</td>
                  <td>{row.provisionLabel}</td>
                  <td>
                    <bdi>{row.commenter}</bdi>
                    {row.late && <span className="badge late-badge">{t('period.late')}</span>}
                  </td>
                  <td dir="auto" lang={row.language} className="matrix-text">{row.comment}</td>
                  <td dir="auto" lang={row.language} className="matrix-text">{row.proposedWording ?? ''}</td>
                  <td>
                    {manages ? (
                      <DispositionForm row={row} onRecorded={() => {
                        setVersion((n) => n + 1);
                        onChange();
                      }} />
                    ) : row.disposition ? (
                      <p>
                        <strong>{t(`disposition.${row.disposition.disposition}` as StringKey)}</strong>
                        {row.disposition.response && <span dir="auto"> — {row.disposition.response}</span>}
                      </p>
                    ) : (
                      <span className="empty">{t('matrix.none')}</span>
                    )}
                    {row.dispositionHistory.length > 1 && (
                      <details className="disposition-history">
                        <summary>{t('matrix.history', { count: row.dispositionHistory.length })}</summary>
                        <ol>
                          {row.dispositionHistory.map((d) => (
                            <li key={d.id}>
                              {t(`disposition.${d.disposition}` as StringKey)} · {formatDateTime(d.recordedAt, language)}
                              {d.recordedBy && ` · ${d.recordedBy}`}
                            </li>
                          ))}
                        </ol>
                      </details>
                    )}
                  </td>
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      )}
    </section>
  );
}

/** The secretariat's disposition of one remark, recorded as a new entry of its history. */
function DispositionForm({ row, onRecorded }: { row: CommentsMatrixEntry; onRecorded: () => void }) {
  const { t } = useI18n();
  const [disposition, setDisposition] = useState<Disposition | ''>(row.disposition?.disposition ?? '');
  const [response, setResponse] = useState(row.disposition?.response ?? '');
  const action = useFormAction();
  const id = `disposition-${row.remarkId}`;
  return (
    <form
      className="disposition-form"
      onSubmit={(event) => {
        event.preventDefault();
        if (disposition === '') return action.reject(t('matrix.chooseDisposition'));
        void action.run(() => commentPeriodsApi.dispose(row.remarkId, disposition, response)).then((done) => done.ok && onRecorded());
      }}
    >
      <label htmlFor={`${id}-value`} className="visually-hidden">{t('matrix.disposition')}</label>
      <select id={`${id}-value`} value={disposition} onChange={(e) => setDisposition(e.target.value as Disposition | '')}>
        <option value="">{t('matrix.none')}</option>
        {DISPOSITIONS.map((d) => (
          <option key={d} value={d}>{t(`disposition.${d}` as StringKey)}</option>
        ))}
      </select>
      <label htmlFor={`${id}-response`} className="visually-hidden">{t('matrix.response')}</label>
      <textarea id={`${id}-response`} dir="auto" rows={2} placeholder={t('matrix.response')} value={response} onChange={(e) => setResponse(e.target.value)} />
      <button type="submit" disabled={action.submitting}>{t('matrix.record')}</button>
      <FormErrors problem={action.problem} error={action.error} />
    </form>
  );
}
