import { isRightToLeft, type Language } from '@concord/domain';
import { useMemo } from 'react';
import { formatNumber } from '../i18n/format';
import { useI18n } from '../i18n/i18n-context';
import { locationText, type LocationWords, type TextChange } from './text-changes';
import './proposals.css';

/** The words of change locations in the interface language. */
export function useLocationWords(): LocationWords {
  const { t, language } = useI18n();
  return useMemo(
    () => ({
      paragraph: (number: string) => t('proposal.changes.paragraph', { n: number }),
      recital: (ordinal: number) => t('proposal.changes.recital', { n: formatNumber(ordinal, language) }),
      title: t('proposal.changes.title'),
      preamble: t('proposal.changes.preamble'),
      heading: t('proposal.changes.heading'),
      separator: language === 'ar' ? '، ' : language === 'zh' ? '，' : ', ',
    }),
    [t, language],
  );
}

/**
 * The changes of a text against its base as tracked changes: for each changed provision, where it is, then its
 * words with insertions underlined and deletions struck through (not by colour alone). The text keeps its own
 * language and direction.
 */
export function TextChangeList({ changes, textLanguage }: { changes: readonly TextChange[]; textLanguage: Language }) {
  const { t } = useI18n();
  const words = useLocationWords();
  if (changes.length === 0) return <p className="empty">{t('proposal.changes.none')}</p>;
  return (
    <ol className="change-list">
      {changes.map((change) => (
        <li key={`${change.kind}:${change.key}`} className={`change change-${change.kind}`}>
          <p className="change-location">
            <span className="change-where">{locationText(change.location, words) || t('proposal.changes.text')}</span>
            {change.kind !== 'text' && <span className="change-kind">{t(`proposal.changes.${change.kind}`)}</span>}
          </p>
          <p className="change-text" lang={textLanguage} dir={isRightToLeft(textLanguage) ? 'rtl' : 'ltr'}>
            {change.segments.map((segment, index) => {
              // Segments never move: the index is their identity.
              if (segment.kind === 'inserted') {
                return (
                  <ins key={index}>
                    <span className="visually-hidden">{t('proposal.changes.insertedMark')} </span>
                    {segment.text}
                  </ins>
                );
              }
              if (segment.kind === 'deleted') {
                return (
                  <del key={index}>
                    <span className="visually-hidden">{t('proposal.changes.deletedMark')} </span>
                    {segment.text}
                  </del>
                );
              }
              return <span key={index}>{segment.text}</span>;
            })}
          </p>
        </li>
      ))}
    </ol>
  );
}
