import { useCallback, useState } from 'react';
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
