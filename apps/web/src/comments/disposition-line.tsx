import type { Disposition } from '@concord/domain';
import { useI18n } from '../i18n/i18n-context';
import type { StringKey } from '../i18n/strings';

/** A disposition and its response. */
export function DispositionLine({ disposition, response }: { disposition: Disposition; response: string }) {
  const { t } = useI18n();
  return (
    <p className={`disposition disposition-${disposition}`}>
      <strong>{t(`disposition.${disposition}` as StringKey)}</strong>
      {response !== '' && <span dir="auto"> — {response}</span>}
    </p>
  );
}

