import { useCallback, useState, type ReactNode } from 'react';
import { ApiError } from '../api';
import { useAuth } from '../auth';
import { ErrorAlert } from './error-alert';

/**
 * The submitting state of a form: runs its action once at a time, keeps the failure to show, and ends the
 * session on a 401 so the user is sent to sign in again.
 */
export function useFormAction() {
  const { sessionExpired } = useAuth();
  const [submitting, setSubmitting] = useState(false);
  const [error, setError] = useState<unknown>(null);
  const [problem, setProblem] = useState<string | null>(null);

  const run = useCallback(
    async <T,>(action: () => Promise<T>): Promise<{ ok: true; value: T } | { ok: false }> => {
      setSubmitting(true);
      setError(null);
      setProblem(null);
      try {
        return { ok: true, value: await action() };
      } catch (caught) {
        if (caught instanceof ApiError && caught.status === 401) sessionExpired();
        setError(caught);
        return { ok: false };
      } finally {
        setSubmitting(false);
      }
    },
    [sessionExpired],
  );

  /** Reports a problem found before sending (already translated). */
  const reject = useCallback((message: string) => {
    setError(null);
    setProblem(message);
  }, []);

  return { submitting, error, problem, run, reject };
}

/** A form's validation problem or server error, in an alert. */
export function FormErrors({ problem, error }: { problem: string | null; error: unknown }) {
  if (problem !== null) {
    return (
      <div role="alert" className="alert alert-error">
        <p>{problem}</p>
      </div>
    );
  }
  if (error !== null) return <ErrorAlert error={error} />;
  return null;
}

/**
 * The buttons that end a form: its action (the submit button), any others, and Cancel. `panel` is the look of the
 * panels under the editor's bar, `dialog` that of the dialogs over a page (the Chair's, the structure tools').
 */
export function FormActions({
  submit,
  cancel,
  onCancel,
  look = 'panel',
  children,
}: {
  /** The form's action; none where there is nothing to do but close. */
  readonly submit?: string;
  readonly cancel: string;
  readonly onCancel: () => void;
  readonly look?: 'panel' | 'dialog';
  /** Further buttons, between the action and Cancel. */
  readonly children?: ReactNode;
}) {
  const panel = look === 'panel';
  return (
    <div className={panel ? 'editor-panel-actions' : 'chair-dialog-actions'}>
      {submit !== undefined && (
        <button type="submit" className={panel ? 'button-primary' : 'button button-primary'}>
          {submit}
        </button>
      )}
      {children}
      <button type="button" className={panel ? 'button-secondary' : 'button'} onClick={onCancel}>
        {cancel}
      </button>
    </div>
  );
}
