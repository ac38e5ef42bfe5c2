import type { Language } from '@concord/domain';
import { useId } from 'react';
import { useI18n } from '../i18n/i18n-context';
import type { OutlineEntry } from './outline';

/**
 * The chapters and articles of the text, numbered as the reader's interface language numbers them, each a button
 * that scrolls the text to it; articles on which agreement has formed carry their status. Headings stay in the
 * text's language.
 */
export function ArticleNavigator({
  outline,
  textLanguage,
  onSelect,
}: {
  outline: readonly OutlineEntry[] | null;
  textLanguage: Language;
  onSelect: (entry: OutlineEntry) => void;
}) {
  const { t } = useI18n();
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
