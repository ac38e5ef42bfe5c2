import { formatNumber } from '../i18n/format';
import { useI18n } from '../i18n/i18n-context';
import { parseTextWarning, safeSegments } from './text-safety';
import './comments.css';

/**
 * Text a person wrote (a comment, a justification), rendered inert: React text nodes only, never HTML, isolated
 * from the surrounding direction, with each bidirectional control or invisible character shown as a marked code
 * rather than allowed to reorder or hide the text around it.
 */
export function SafeText({ text, className }: { text: string; className?: string }) {
  const { t } = useI18n();
  return (
    <p className={className === undefined ? 'plain-text' : `plain-text ${className}`} dir="auto">
      {safeSegments(text).map((segment, index) =>
        segment.kind === 'text' ? (
          segment.text
        ) : (
          <mark
            // Segments never move: the index is their identity.
            key={index}
            className={`hidden-character hidden-character-${segment.type}`}
            title={`${segment.codePoint} ${segment.name}`}
          >
            <span className="visually-hidden">{t('comments.hiddenCharacter')} </span>
            {segment.codePoint}
          </mark>
        ),
      )}
    </p>
  );
}

/**
 * The server's warnings about a text (bidirectional controls, invisible characters), in the reader's language.
 * `fieldLabel` names the part of a record a warning is about ("Justification"), when the record has several.
 */
export function TextWarnings({
  warnings,
  fieldLabel,
}: {
  warnings: readonly string[];
  fieldLabel?: (field: string) => string;
}) {
  const { t, language } = useI18n();
  if (warnings.length === 0) return null;
  return (
    <div className="text-warnings" role="note">
      <p className="text-warnings-title">{t('comments.warnings.title')}</p>
      <ul>
        {warnings.map((line) => {
          const warning = parseTextWarning(line);
          if (warning === null) {
            return (
              <li key={line} dir="ltr">
                {line}
              </li>
            );
          }
          const item = t('comments.warnings.item', {
            code: warning.codePoint,
            name: warning.name,
            count: formatNumber(warning.count, language),
          });
          return (
            <li key={line}>
              {warning.field !== null && fieldLabel !== undefined && (
                <span className="text-warnings-field">{fieldLabel(warning.field)}: </span>
              )}
              <bdi>{item}</bdi>
            </li>
          );
        })}
      </ul>
    </div>
  );
}
