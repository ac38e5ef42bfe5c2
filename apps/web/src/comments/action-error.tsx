import { ApiError } from '../api';
import { useI18n } from '../i18n/i18n-context';
import { describeActionError } from './describe-action-error';

/** A failed proposal or comment action, announced at once, with what exactly was wrong when the server lists it. */
export function ActionError({ error, onRetry }: { error: unknown; onRetry?: () => void }) {
  const { t } = useI18n();
  if (error === null || error === undefined) return null;
  return (
    <div role="alert" className="alert alert-error action-error">
      <p>{describeActionError(error, t)}</p>
      {error instanceof ApiError && error.details.length > 0 && (
        <ul className="alert-details">
          {error.details.map((detail) => (
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
