import { useId, useRef, useState } from 'react';
import { FormActions } from '../components/form';
import { useI18n } from '../i18n/i18n-context';
import './chair.css';

/**
 * Asks why agreed text is reopened (a reason is required and recorded in the provision's history); used wherever
 * a status can be set: the Chair's desk and the compile desk.
 */
export function ReopenDialog({ label, onCancel, onReopen }: { label: string; onCancel: () => void; onReopen: (reason: string) => void }) {
  const { t } = useI18n();
  const fieldId = useId();
  const hintId = useId();
  const [reason, setReason] = useState('');
  const area = useRef<HTMLTextAreaElement>(null);
  return (
    <div className="chair-dialog" role="dialog" aria-modal="true" aria-labelledby={`${fieldId}-title`}>
      <form
        onSubmit={(event) => {
          event.preventDefault();
          if (reason.trim()) onReopen(reason.trim());
          else area.current?.focus();
        }}
      >
        <h3 id={`${fieldId}-title`}>{t('chair.reopenTitle', { article: label })}</h3>
        <label htmlFor={fieldId}>{t('chair.reopenReason')}</label>
        <textarea id={fieldId} ref={area} required autoFocus rows={3} value={reason} aria-describedby={hintId} onChange={(event) => setReason(event.target.value)} />
        <p id={hintId} className="hint">
          {t('chair.reopenHint')}
        </p>
        <FormActions look="dialog" submit={t('chair.reopen')} cancel={t('chair.cancel')} onCancel={onCancel} />
      </form>
    </div>
  );
}
