import { useState, type FormEvent } from 'react';
import { useNavigate, useParams } from 'react-router';
import { useAuth } from '../auth';
import { useDocumentTitle } from '../components/document-title';
import { ErrorAlert } from '../components/error-alert';
import { useI18n } from '../i18n/i18n-context';

/**
 * The shortest password the server accepts for a new account (NIST SP 800-63B-4 for a password that is the only
 * factor). The server also refuses common and contextual passwords and says why; that answer is shown as is.
 */
export const MIN_PASSWORD_LENGTH = 15;

/** Why a new password cannot be used yet, or null when it can. */
export function passwordProblem(password: string, confirmation: string): 'too-short' | 'mismatch' | null {
  if ([...password].length < MIN_PASSWORD_LENGTH) return 'too-short';
  if (password !== confirmation) return 'mismatch';
  return null;
}

/** The page behind an invitation link (`/invite/:token`): the invitee sets a password and is signed in. */
export function InvitePage() {
  const { t } = useI18n();
  useDocumentTitle(t('invite.title'));
  const { acceptInvitation } = useAuth();
  const navigate = useNavigate();
  const { token = '' } = useParams();
  const [password, setPassword] = useState('');
  const [confirmation, setConfirmation] = useState('');
  const [problem, setProblem] = useState<'too-short' | 'mismatch' | null>(null);
  const [error, setError] = useState<unknown>(null);
  const [submitting, setSubmitting] = useState(false);

  const onSubmit = async (event: FormEvent<HTMLFormElement>) => {
    event.preventDefault();
    setError(null);
    const found = passwordProblem(password, confirmation);
    setProblem(found);
    if (found !== null) return;
    setSubmitting(true);
    try {
      await acceptInvitation(token, password);
      navigate('/', { replace: true });
    } catch (caught) {
      setError(caught);
      setSubmitting(false);
    }
  };

  return (
    <div className="narrow-page">
      <h1>{t('invite.title')}</h1>
      <p className="lead">{t('invite.intro')}</p>
      {problem !== null && (
        <div role="alert" className="alert alert-error">
          <p>
            {problem === 'too-short'
              ? t('invite.tooShort', { min: MIN_PASSWORD_LENGTH })
              : t('invite.mismatch')}
          </p>
        </div>
      )}
      {error !== null && <ErrorAlert error={error} />}
      <form className="form card" onSubmit={onSubmit} noValidate>
        <div className="field">
          <label htmlFor="invite-password">{t('invite.password')}</label>
          <input
            id="invite-password"
            name="new-password"
            type="password"
            autoComplete="new-password"
            required
            minLength={MIN_PASSWORD_LENGTH}
            aria-describedby="invite-password-hint"
            aria-invalid={problem === 'too-short'}
            value={password}
            onChange={(event) => setPassword(event.target.value)}
          />
          <p id="invite-password-hint" className="hint">
            {t('invite.passwordHint', { min: MIN_PASSWORD_LENGTH })}
          </p>
        </div>
        <div className="field">
          <label htmlFor="invite-confirm">{t('invite.confirm')}</label>
          <input
            id="invite-confirm"
            name="confirm-password"
            type="password"
            autoComplete="new-password"
            required
            aria-invalid={problem === 'mismatch'}
            value={confirmation}
            onChange={(event) => setConfirmation(event.target.value)}
          />
        </div>
        <div className="form-actions">
          <button type="submit" disabled={submitting}>
            {submitting ? t('invite.submitting') : t('invite.submit')}
          </button>
        </div>
      </form>
    </div>
  );
}
