import type { Language } from '@concord/domain';
import { useId, useState } from 'react';
import { StatusMessage } from '../components/error-alert';
import { useFormAction } from '../components/form';
import { formatDateTime, formatNumber, languageName } from '../i18n/format';
import { useI18n } from '../i18n/i18n-context';
import { compilationDownloadUrl, deskApi, publishedCompilationUrl, type PublishedCompilation } from './desk-api';
import { DeskErrorAlert } from './desk-error';

/**
 * The compilation of proposals: every proposal received, provision by provision, verbatim and attributed, in no
 * order of priority. The secretariat downloads it (HTML, DOCX) and publishes it, which makes the listed proposals
 * public; publishing asks for confirmation, since it cannot be undone.
 */
export function CompilationPanel({
  instrumentId,
  textLanguage,
  received,
}: {
  instrumentId: string;
  textLanguage: Language;
  /** How many proposals the compilation lists. */
  received: number;
}) {
  const { t, language } = useI18n();
  const headingId = useId();
  const warningId = useId();
  const [confirming, setConfirming] = useState(false);
  const [published, setPublished] = useState<PublishedCompilation | null>(null);
  const { submitting, error, run } = useFormAction();
  const version = languageName(textLanguage, language);

  const publish = async () => {
    const result = await run(() => deskApi.publishCompilation(instrumentId, textLanguage));
    if (!result.ok) return;
    setConfirming(false);
    setPublished(result.value);
  };

  return (
    <section className="panel desk-compilation" aria-labelledby={headingId}>
      <h2 id={headingId}>{t('desk.compilation.title')}</h2>
      <p className="hint">{t('desk.compilation.intro', { n: formatNumber(received, language) })}</p>
      <ul className="desk-downloads">
        <li>
          <a href={compilationDownloadUrl(instrumentId, textLanguage, 'html')} download>
            {t('desk.compilation.html', { language: version })}
          </a>
        </li>
        <li>
          <a href={compilationDownloadUrl(instrumentId, textLanguage, 'docx')} download>
            {t('desk.compilation.docx', { language: version })}
          </a>
        </li>
      </ul>
      {received === 0 ? (
        <p className="empty">{t('desk.compilation.none')}</p>
      ) : !confirming ? (
        <button type="button" className="button-secondary" onClick={() => setConfirming(true)}>
          {t('desk.compilation.publish')}
        </button>
      ) : (
        <div className="desk-confirm" role="group" aria-labelledby={warningId}>
          <p id={warningId}>{t('desk.compilation.warning', { n: formatNumber(received, language) })}</p>
          <div className="form-actions">
            <button type="button" onClick={() => void publish()} disabled={submitting}>
              {submitting ? t('form.submitting') : t('desk.compilation.confirm')}
            </button>
            <button type="button" className="button-secondary" onClick={() => setConfirming(false)}>
              {t('publish.cancel')}
            </button>
          </div>
        </div>
      )}
      {error !== null && <DeskErrorAlert error={error} />}
      {published !== null && (
        <StatusMessage>
          <p>
            {t('desk.compilation.published', {
              n: formatNumber(published.proposalIds.length, language),
              date: formatDateTime(published.publishedAt, language),
            })}
          </p>
          <p>
            <a href={publishedCompilationUrl(published.id)}>{t('desk.compilation.publicLink')}</a>
          </p>
        </StatusMessage>
      )}
    </section>
  );
}
