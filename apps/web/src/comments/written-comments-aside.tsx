import type { FollowedRemarkView, Language } from '@concord/domain';
import { useEffect, useMemo, useState } from 'react';
import { ErrorAlert } from '../components/error-alert';
import { formatNumber } from '../i18n/format';
import { useI18n } from '../i18n/i18n-context';
import './comment-periods.css';
import { commentPeriodsApi } from './comment-periods-api';
import { DispositionLine } from './disposition-line';

/** The published written remarks on a revision, grouped by provision in the order of the text. */
export function groupByProvision(remarks: readonly FollowedRemarkView[]): readonly { key: string; label: string | null; deleted: boolean; remarks: readonly FollowedRemarkView[] }[] {
  const groups = new Map<string, FollowedRemarkView[]>();
  for (const r of remarks) {
    const key = r.remark.provisionId ?? '';
    groups.set(key, [...(groups.get(key) ?? []), r]);
  }
  return [...groups.entries()].map(([key, list]) => ({ key, label: list[0]?.currentLabel ?? null, deleted: list[0]?.deleted ?? false, remarks: list }));
}

/** The published written remarks on a revision, in a language, fetched once for the navigator and the aside. */
export function useFollowedRemarks(revisionId: string, textLanguage: Language): { remarks: readonly FollowedRemarkView[] | null; error: unknown } {
  const [remarks, setRemarks] = useState<readonly FollowedRemarkView[] | null>(null);
  const [error, setError] = useState<unknown>(null);
  useEffect(() => {
    let current = true;
    setRemarks(null);
    setError(null);
    commentPeriodsApi.followed(revisionId, textLanguage, true).then((items) => current && setRemarks(items), (caught: unknown) => current && setError(caught));
    return () => {
      current = false;
    };
  }, [revisionId, textLanguage]);
  return { remarks, error };
}

/**
 * The reading room's written comments beside a public revision: for each provision its count and the remarks,
 * verbatim and attributed, with their dispositions, marked when the provision changed, moved or was deleted since.
 */
export function WrittenCommentsAside({ remarks, error, within }: { remarks: readonly FollowedRemarkView[] | null; error: unknown; within: ReadonlyMap<string, string> }) {
  const { t, language } = useI18n();
  const groups = useMemo(() => groupByProvision(remarks ?? []), [remarks]);
  return (
    <section className="sidebar-section written-comments-aside" aria-labelledby="room-written-heading">
      <h2 id="room-written-heading" className="sidebar-heading">
        {t('followed.title')}
      </h2>
      {error !== null && <ErrorAlert error={error} />}
      {remarks !== null && remarks.length === 0 && <p className="hint">{t('followed.none')}</p>}
      {remarks !== null && remarks.length > 0 && (
        <>
          <p className="hint">{t('followed.intro')}</p>
          <ol className="followed-provisions">
            {groups.map((group) => (
              <li key={group.key} className="followed-provision" data-provision={group.key}>
                <p className="followed-heading">
                  {group.deleted || group.label === null ? <span>{t('followed.deleted')}</span> : <a href={`#provision-${within.get(group.key) ?? group.key}`}>{group.label}</a>}{' '}
                  <span className="badge comment-count">{t('followed.count', { count: formatNumber(group.remarks.length, language) })}</span>
                </p>
                <ul className="followed-remarks">
                  {group.remarks.map((r) => (
                    <li key={r.remark.id} className="followed-remark">
                      <p className="comment-meta">
                        <bdi>{r.comment.delegationName}</bdi> · {t('followed.onRevision', { symbol: r.revisionSymbol })}
                        {r.textChanged && <span className="badge changed-badge">{t('followed.changed')}</span>}
                        {r.moved && <span className="badge">{t('followed.moved')}</span>}
                        {r.comment.late && <span className="badge late-badge">{t('period.late')}</span>}
                      </p>
                      <p className="remark-body" dir="auto" lang={r.comment.language}>{r.remark.body}</p>
                      {r.remark.proposedWording && (
                        <p className="remark-wording" dir="auto" lang={r.comment.language}>
                          <strong>{t('period.proposedWording')}: </strong>
                          {r.remark.proposedWording}
                        </p>
                      )}
                      {r.remark.disposition && <DispositionLine disposition={r.remark.disposition.disposition} response={r.remark.disposition.response} />}
                    </li>
                  ))}
                </ul>
              </li>
            ))}
          </ol>
        </>
      )}
    </section>
  );
}
