import { useState, type FormEvent } from 'react';
import { Navigate, useNavigate, useSearchParams } from 'react-router';
import { safeReturnPath, useAuth } from '../auth';
import { useDocumentTitle } from '../components/document-title';
import { ErrorAlert, StatusMessage } from '../components/error-alert';
import { useI18n } from '../i18n/i18n-context';
import { ReadingRoomInvitation } from '../reading-room/reading-room';

/** Email and password sign-in; returns to the page that asked for it (`?next=`). */
export function SignInPage() {
  const { t } = useI18n();
  useDocumentTitle(t('signIn.title'));
  const { state, signIn } = useAuth();
  const navigate = useNavigate();
  const [params] = useSearchParams();
  const next = safeReturnPath(params.get('next'));
  const [email, setEmail] = useState('');
  const [password, setPassword] = useState('');
  const [error, setError] = useState<unknown>(null);
  const [submitting, setSubmitting] = useState(false);

  if (state.status === 'signed-in' && !submitting) return <Navigate to={next} replace />;

  const onSubmit = async (event: FormEvent<HTMLFormElement>) => {
    event.preventDefault();
    setSubmitting(true);
    setError(null);
    try {
      await signIn(email.trim(), password);
      navigate(next, { replace: true });
    } catch (caught) {
      setError(caught);
      setPassword('');
      setSubmitting(false);
    }
  };

  const expired = params.get('expired') === '1' || (state.status === 'signed-out' && state.reason === 'expired');
  const signedOut = state.status === 'signed-out' && state.reason === 'signed-out';

  return (
    <div className="narrow-page">
      <h1>{t('signIn.title')}</h1>
      <p className="lead">{t('signIn.intro')}</p>
      {signedOut && error === null && <StatusMessage>{t('signIn.signedOut')}</StatusMessage>}
      {expired && error === null && <StatusMessage>{t('error.unauthenticated')}</StatusMessage>}
      {error !== null && <ErrorAlert error={error} />}
      <form className="form card" onSubmit={onSubmit}>
        <div className="field">
          <label htmlFor="sign-in-email">{t('signIn.email')}</label>
          <input
            id="sign-in-email"
            name="email"
            type="email"
            autoComplete="username"
            dir="ltr"
            required
            value={email}
            onChange={(event) => setEmail(event.target.value)}
          />
        </div>
        <div className="field">
          <label htmlFor="sign-in-password">{t('signIn.password')}</label>
          <input
            id="sign-in-password"
            name="password"
            type="password"
            autoComplete="current-password"
            required
            value={password}
            onChange={(event) => setPassword(event.target.value)}
          />
        </div>
        <div className="form-actions">
          <button type="submit" disabled={submitting}>
            {submitting ? t('signIn.submitting') : t('signIn.submit')}
          </button>
        </div>
      </form>
      <ReadingRoomInvitation />
    </div>
  );
}
