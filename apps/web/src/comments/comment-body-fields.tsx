import { formatNumber } from '../i18n/format';
import { useI18n } from '../i18n/i18n-context';
import { ActionError } from './action-error';

/** The longest comment body the server takes, in characters (MAX_BODY_CHARS of the API). */
export const MAX_COMMENT_CHARS = 20_000;

/** The parts every comment form shares: the labelled body, its errors, and submit / cancel. */
export function CommentBodyFields(props: {
  readonly id: string;
  readonly label: string;
  readonly rows: number;
  readonly body: string;
  readonly onBody: (body: string) => void;
  readonly problem: string | null;
  readonly error: unknown;
  readonly submitting: boolean;
  readonly submitLabel: string;
  readonly onCancel: () => void;
}) {
  const { t, language } = useI18n();
  const over = props.body.length > MAX_COMMENT_CHARS;
  return (
    <>
      <label htmlFor={props.id}>{props.label}</label>
      <textarea
        id={props.id}
        rows={props.rows}
        dir="auto"
        value={props.body}
        aria-describedby={`${props.id}-counter`}
        aria-invalid={over || undefined}
        onChange={(event) => props.onBody(event.target.value)}
        autoFocus
      />
      {/* Shown before the server would refuse a body that is too long. */}
      <p id={`${props.id}-counter`} className={over ? 'counter counter-over' : 'counter'} aria-live="polite">
        {t('period.counter', { count: formatNumber(props.body.length, language), max: formatNumber(MAX_COMMENT_CHARS, language) })}
      </p>
      {props.problem !== null && (
        <div role="alert" className="alert alert-error">
          <p>{props.problem}</p>
        </div>
      )}
      <ActionError error={props.error} />
      <div className="form-actions">
        <button type="submit" disabled={props.submitting || over}>
          {props.submitting ? t('form.submitting') : props.submitLabel}
        </button>
        <button type="button" className="button-secondary" onClick={props.onCancel}>
          {t('comments.cancel')}
        </button>
      </div>
    </>
  );
}
