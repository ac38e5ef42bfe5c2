import { ApiError } from '../api';
import { describeError } from '../i18n/describe-error';
import { en } from '../i18n/en';
import { useI18n } from '../i18n/i18n-context';
import type { StringKey, Translate } from '../i18n/strings';

function isStringKey(key: string): key is StringKey {
  return Object.hasOwn(en, key);
}

/**
 * The message for a failed request of the compile desk or a publication: the desk's own words for the codes only
 * its endpoints raise (nothing to compile, a symbol taken), else what `describeError` says for any request.
 */
export function describeDeskError(error: unknown, t: Translate): string {
  if (error instanceof ApiError) {
    const key = `desk.error.${error.code}`;
    if (isStringKey(key)) return t(key);
  }
  return describeError(error, t);
}

/** An error of the desk, announced at once, with the server's details unless the caller shows them itself. */
export function DeskErrorAlert({
  error,
  onRetry,
  showDetails = true,
}: {
  error: unknown;
  onRetry?: () => void;
  showDetails?: boolean;
}) {
  const { t } = useI18n();
  return (
    <div role="alert" className="alert alert-error">
      <p>{describeDeskError(error, t)}</p>
      {showDetails && error instanceof ApiError && error.details.length > 0 && (
        <ul className="alert-details" lang="en">
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
