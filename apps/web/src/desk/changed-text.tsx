import { isRightToLeft, type Language } from '@concord/domain';
import { useI18n } from '../i18n/i18n-context';
import type { ChangeView } from './desk-api';
import { editSegments, nodeTexts, revealHidden } from './desk-model';

/**
 * Text as stored, with bidirectional controls and invisible characters replaced by a visible marker naming them,
 * so that what the desk shows is what the proposal would put in the treaty.
 */
export function RevealedText({ text }: { text: string }) {
  const { t } = useI18n();
  return (
    <>
      {revealHidden(text).map((piece, index) =>
        piece.kind === 'text' ? (
          piece.text
        ) : (
          <span key={index} className="desk-hidden-char" title={piece.name}>
            <span className="visually-hidden">{t('desk.hiddenCharacter')} </span>
            {piece.codePoint}
          </span>
        ),
      )}
    </>
  );
}

function Inserted({ text }: { text: string }) {
  const { t } = useI18n();
  return (
    <ins>
      <span className="visually-hidden">{t('desk.insertedMarker')} </span>
      <RevealedText text={text} />
    </ins>
  );
}

function Deleted({ text }: { text: string }) {
  const { t } = useI18n();
  return (
    <del>
      <span className="visually-hidden">{t('desk.deletedMarker')} </span>
      <RevealedText text={text} />
    </del>
  );
}

/**
 * One change of a proposal in the text's language: a changed text with its deletions and insertions in place, or a
 * new or deleted provision's text.
 */
export function ChangedText({ change, textLanguage }: { change: ChangeView; textLanguage: Language }) {
  const { t } = useI18n();
  const dir = isRightToLeft(textLanguage) ? 'rtl' : 'ltr';
  switch (change.kind) {
    case 'text':
      return (
        <p className="desk-diff" lang={textLanguage} dir={dir}>
          {editSegments(change.before, change.after, change.edits).map((segment, index) =>
            segment.kind === 'same' ? (
              <RevealedText key={index} text={segment.text} />
            ) : segment.kind === 'deleted' ? (
              <Deleted key={index} text={segment.text} />
            ) : (
              <Inserted key={index} text={segment.text} />
            ),
          )}
        </p>
      );
    case 'insert':
      return (
        <div className="desk-diff desk-diff-block">
          <p className="desk-change-kind">{t('desk.change.insert')}</p>
          {change.nodes.flatMap(nodeTexts).map((text, index) => (
            <p key={index} lang={textLanguage} dir={dir}>
              <Inserted text={text} />
            </p>
          ))}
        </div>
      );
    case 'delete':
      return (
        <div className="desk-diff desk-diff-block">
          <p className="desk-change-kind">{t('desk.change.delete')}</p>
          {nodeTexts(change.node).map((text, index) => (
            <p key={index} lang={textLanguage} dir={dir}>
              <Deleted text={text} />
            </p>
          ))}
        </div>
      );
  }
}
