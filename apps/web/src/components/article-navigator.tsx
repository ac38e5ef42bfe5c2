import type { Language } from '@concord/domain';
import { useId } from 'react';
import { formatNumber } from '../i18n/format';
import { useI18n } from '../i18n/i18n-context';
import type { OutlineEntry } from '../collab/outline';

/**
 * The chapters and articles of the text, numbered as the reader's interface language numbers them, each a button
 * that scrolls the text to it; articles on which agreement has formed carry their status. Headings stay in the
 * text's language.
 */
export function ArticleNavigator({
  outline,
  textLanguage,
  onSelect,
  counts,
}: {
  outline: readonly OutlineEntry[] | null;
  textLanguage: Language;
  onSelect: (entry: OutlineEntry) => void;
  /** Written comments per entry, shown beside it (the reading room). */
  counts?: ReadonlyMap<string, number>;
}) {
  const { t, language } = useI18n();
  const headingId = useId();
  return (
    <nav className="sidebar-section article-navigator" aria-labelledby={headingId}>
      <h2 id={headingId} className="sidebar-heading">
        {t('editor.articles')}
      </h2>
      {outline !== null && outline.length === 0 && <p className="empty">{t('editor.noArticles')}</p>}
      {outline !== null && outline.length > 0 && (
        <ol className="navigator-list">
          {outline.map((entry) => (
            <li key={entry.id} className={`navigator-item navigator-${entry.kind}`}>
              <button type="button" className="navigator-link" onClick={() => onSelect(entry)}>
                <span className="navigator-title">
                  <span className="navigator-label">{entry.label}</span>
                  {/* Open is every article's state until agreement forms: only progress is worth a badge here. */}
                  {entry.status !== null && entry.status !== 'open' && (
                    <span className={`status-badge status-${entry.status}`}>{t(`status.${entry.status}`)}</span>
                  )}
                  {(counts?.get(entry.id) ?? 0) > 0 && (
                    <span className="badge comment-count">
                      <span aria-hidden="true">{formatNumber(counts?.get(entry.id) ?? 0, language)}</span>
                      <span className="visually-hidden">{t('followed.count', { count: formatNumber(counts?.get(entry.id) ?? 0, language) })}</span>
                    </span>
                  )}
                </span>
                {entry.heading !== null && (
                  <span className="navigator-heading" lang={textLanguage}>
                    <bdi>{entry.heading}</bdi>
                  </span>
                )}
              </button>
            </li>
          ))}
        </ol>
      )}
    </nav>
  );
}
