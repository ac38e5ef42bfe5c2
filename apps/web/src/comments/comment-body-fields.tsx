import { useI18n } from '../i18n/i18n-context';
import { ActionError } from './action-error';

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
  const { t } = useI18n();
  return (
    <>
      <label htmlFor={props.id}>{props.label}</label>
      <textarea id={props.id} rows={props.rows} dir="auto" value={props.body} onChange={(event) => props.onBody(event.target.value)} autoFocus />
      {props.problem !== null && (
        <div role="alert" className="alert alert-error">
          <p>{props.problem}</p>
        </div>
      )}
      <ActionError error={props.error} />
      <div className="form-actions">
        <button type="submit" disabled={props.submitting}>
          {props.submitting ? t('form.submitting') : props.submitLabel}
        </button>
        <button type="button" className="button-secondary" onClick={props.onCancel}>
          {t('comments.cancel')}
        </button>
      </div>
    </>
  );
}
