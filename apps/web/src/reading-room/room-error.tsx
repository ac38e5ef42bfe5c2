import { ApiError } from '../api';
import { describeError } from '../i18n/describe-error';
import { en } from '../i18n/en';
import { useI18n } from '../i18n/i18n-context';
import type { StringKey, Translate } from '../i18n/strings';

function isStringKey(key: string): key is StringKey {
  return Object.hasOwn(en, key);
}

/** The message for a failed request of the reading room: its own words for the public API's codes, else the app's. */
export function describeRoomError(error: unknown, t: Translate): string {
  if (error instanceof ApiError) {
    const key = `room.error.${error.code}`;
    if (isStringKey(key)) return t(key);
  }
  return describeError(error, t);
}

/** A failed request of the reading room, announced at once, with a way to try again. */
export function RoomErrorAlert({ error, onRetry }: { error: unknown; onRetry?: () => void }) {
  const { t } = useI18n();
  return (
    <div role="alert" className="alert alert-error">
      <p>{describeRoomError(error, t)}</p>
      {onRetry && (
        <button type="button" className="button-secondary" onClick={onRetry}>
          {t('app.retry')}
        </button>
      )}
    </div>
  );
}
