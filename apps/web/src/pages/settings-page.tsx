import type { Language } from '@concord/domain';
import { useEffect, useState, type FormEvent } from 'react';
import { api, type MailDelivery, type MailMessage, type MailSettings } from '../api';
import { useAuth } from '../auth';
import { ErrorAlert, Loading, StatusMessage } from '../components/error-alert';
import { FormErrors, useFormAction } from '../components/form';
import { LanguageSelect } from '../components/language-select';
import { formatDateTime } from '../i18n/format';
import { useI18n } from '../i18n/i18n-context';
import { useResource } from '../use-resource';

const DELIVERIES: readonly MailDelivery[] = ['immediate', 'daily', 'off'];

/** A user's e-mail settings; for an administrator, also the e-mail the server gave up on. */
export function SettingsPage() {
  const { t } = useI18n();
  const { state } = useAuth();
  const admin = state.status === 'signed-in' && state.user.roles.includes('admin');
  const settings = useResource(() => api.mailSettings(), []);
  return (
    <main className="page settings-page">
      <h1>{t('settings.title')}</h1>
      {settings.resource.status === 'loading' && <Loading />}
      {settings.resource.status === 'error' && <ErrorAlert error={settings.resource.error} onRetry={settings.reload} />}
      {settings.resource.status === 'ready' && <MailSettingsForm initial={settings.resource.data} />}
      {admin && <Outbox />}
    </main>
  );
}

function MailSettingsForm({ initial }: { initial: MailSettings }) {
  const { t } = useI18n();
  const { submitting, error, problem, run } = useFormAction();
  const [delivery, setDelivery] = useState<MailDelivery>(initial.delivery);
  const [language, setLanguage] = useState<Language>(initial.language);
  const [saved, setSaved] = useState(false);

  const onSubmit = async (event: FormEvent<HTMLFormElement>) => {
    event.preventDefault();
    setSaved(false);
    const result = await run(() => api.updateMailSettings({ delivery, language }));
    if (result.ok) setSaved(true);
  };

  return (
    <form className="form card" onSubmit={onSubmit} aria-labelledby="mail-settings-heading">
      <h2 id="mail-settings-heading">{t('settings.mail')}</h2>
      {!initial.enabled && <p className="hint">{t('settings.off')}</p>}
      <FormErrors problem={problem} error={error} />
      {saved && <StatusMessage>{t('settings.saved')}</StatusMessage>}
      <fieldset disabled={!initial.enabled}>
        <legend>{t('settings.delivery')}</legend>
        {DELIVERIES.map((choice) => (
          <div className="check" key={choice}>
            <input id={`mail-delivery-${choice}`} type="radio" name="delivery" checked={delivery === choice} onChange={() => setDelivery(choice)} />
            <label htmlFor={`mail-delivery-${choice}`}>{t(`settings.delivery.${choice}`)}</label>
          </div>
        ))}
      </fieldset>
      <div className="field">
        <label htmlFor="mail-language">{t('settings.language')}</label>
        <LanguageSelect id="mail-language" value={language} disabled={!initial.enabled} onChange={setLanguage} />
      </div>
      <div className="form-actions">
        <button type="submit" disabled={submitting || !initial.enabled}>
          {submitting ? t('form.submitting') : t('settings.save')}
        </button>
      </div>
    </form>
  );
}

/** Administrators: the e-mail the server gave up on, with the mail server's reason, and a retry. */
function Outbox() {
  const { t, language } = useI18n();
  const failed = useResource(() => api.outbox('failed'), []);
  const { error, problem, run } = useFormAction();
  const [retried, setRetried] = useState<readonly string[]>([]);
  useEffect(() => setRetried([]), [failed.resource.status]);

  const retry = async (message: MailMessage) => {
    const result = await run(() => api.retryMail(message.id));
    if (result.ok) setRetried((ids) => [...ids, message.id]);
  };

  return (
    <section className="card" aria-labelledby="outbox-heading">
      <h2 id="outbox-heading">{t('outbox.title')}</h2>
      <p className="hint">{t('outbox.intro')}</p>
      <FormErrors problem={problem} error={error} />
      {failed.resource.status === 'loading' && <Loading />}
      {failed.resource.status === 'error' && <ErrorAlert error={failed.resource.error} onRetry={failed.reload} />}
      {failed.resource.status === 'ready' &&
        (failed.resource.data.length === 0 ? (
          <p>{t('outbox.empty')}</p>
        ) : (
          <table className="table">
            <thead>
              <tr>
                <th scope="col">{t('outbox.to')}</th>
                <th scope="col">{t('outbox.subject')}</th>
                <th scope="col">{t('outbox.reason')}</th>
                <th scope="col">{t('outbox.when')}</th>
                <th scope="col">
                  <span className="visually-hidden">{t('outbox.retry')}</span>
                </th>
              </tr>
            </thead>
            <tbody>
              {failed.resource.data.map((message) => (
                <tr key={message.id}>
                  <td dir="ltr">{message.to}</td>
                  <td>{message.subject}</td>
                  <td dir="ltr">
                    {message.lastError} ({t('outbox.attempts', { count: String(message.attempts) })})
                  </td>
                  <td>{formatDateTime(message.createdAt, language)}</td>
                  <td>
                    {retried.includes(message.id) ? (
                      <span role="status">{t('outbox.queued')}</span>
                    ) : (
                      <button type="button" className="button-secondary" onClick={() => retry(message)}>
                        {t('outbox.retry')}
                      </button>
                    )}
                  </td>
                </tr>
              ))}
            </tbody>
          </table>
        ))}
    </section>
  );
}
