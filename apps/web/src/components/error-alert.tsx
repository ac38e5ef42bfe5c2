import type { ReactNode } from 'react';
import { ApiError } from '../api';
import { useI18n } from '../i18n/i18n-context';
import { describeError } from '../i18n/describe-error';

/** An error announced to assistive technology as soon as it appears, with an optional way to try again. */
export function ErrorAlert({ error, onRetry }: { error: unknown; onRetry?: () => void }) {
  const { t } = useI18n();
  const summary = describeError(error, t);
  // The server's own sentence (shown to English readers) already names each problem: they are not listed twice.
  const details = error instanceof ApiError ? error.details.filter((detail) => !summary.includes(detail)) : [];
  return (
    <div role="alert" className="alert alert-error">
      <p>{summary}</p>
      {details.length > 0 && (
        <ul className="alert-details">
          {details.map((detail) => (
            <li key={detail}>{detail}</li>
          ))}
        </ul>
      )}
      {onRetry && (
        <button type="button" className="button-secondary" onClick={onRetry}>
          {t('app.retry')}
        </button>
      )}
    </div>
  );
}

/** A confirmation announced politely after a form succeeds. */
export function StatusMessage({ children }: { children: ReactNode }) {
  return (
    <div role="status" className="alert alert-success">
      {children}
    </div>
  );
}

/** A placeholder while something loads. */
export function Loading() {
  const { t } = useI18n();
  return (
    <p className="loading" role="status">
      {t('app.loading')}
    </p>
  );
}
