import { pickLocalized, type Language } from '@concord/domain';
import { useEffect, useState } from 'react';
import { Link, Outlet, useNavigate } from 'react-router';
import { api, type Delegation, type User } from '../api';
import { useAuth } from '../auth';
import { useI18n } from '../i18n/i18n-context';
import { LanguageSelect } from './language-select';
import { InboxHeaderLink } from '../comments/inbox';
import { ReadingRoomHeaderLink } from '../reading-room/reading-room';

/** Every page: the skip link, the header (brand, account, language switch) and the main region. */
export function Layout() {
  const { t } = useI18n();
  const { state } = useAuth();
  return (
    <>
      <a className="skip-link" href="#main">
        {t('app.skipToContent')}
      </a>
      <header className="site-header">
        <div className="site-header-inner">
          <Link to="/" className="brand">
            <span className="brand-mark" aria-hidden="true" />
            <span className="brand-name">{t('app.name')}</span>
            <span className="brand-tagline">{t('app.tagline')}</span>
          </Link>
          <div className="header-tools">
            <ReadingRoomHeaderLink />
            <InboxHeaderLink />
            {state.status === 'signed-in' && <AccountSummary user={state.user} />}
            <LanguageSwitch />
          </div>
        </div>
      </header>
      <main id="main" tabIndex={-1} className="site-main">
        <Outlet />
      </main>
    </>
  );
}

/** The interface language picker; each language is named in itself so every reader can find theirs. */
function LanguageSwitch() {
  const { t, language, setLanguage } = useI18n();
  return (
    <div className="language-switch">
      <label htmlFor="interface-language">{t('header.language')}</label>
      <LanguageSelect id="interface-language" value={language} onChange={setLanguage} />
    </div>
  );
}

/** The delegation's name in `language`, or its code when it has none. */
export function delegationName(delegation: Delegation, language: Language): string {
  return pickLocalized(delegation.names, language) ?? delegation.code;
}

/** The signed-in user's name, delegation and roles, and the sign-out button. */
function AccountSummary({ user }: { user: User }) {
  const { t, language } = useI18n();
  const { signOut } = useAuth();
  const navigate = useNavigate();
  const [delegation, setDelegation] = useState<Delegation | null>(null);
  const [signingOut, setSigningOut] = useState(false);

  useEffect(() => {
    setDelegation(null);
    if (user.delegationId === null) return;
    let current = true;
    api.delegations(user.committeeId).then(
      (items) => current && setDelegation(items.find((item) => item.id === user.delegationId) ?? null),
      // The header can live without the delegation's name; the page shows its own errors.
      () => undefined,
    );
    return () => {
      current = false;
    };
  }, [user.committeeId, user.delegationId]);

  const onSignOut = async () => {
    setSigningOut(true);
    try {
      await signOut();
    } catch {
      // signOut forgets the user even when the server cannot be reached.
    }
    navigate('/sign-in', { replace: true });
  };

  return (
    <section className="account" aria-label={t('header.account')}>
      <dl className="account-details">
        <div>
          <dt className="visually-hidden">{t('header.signedInAs')}</dt>
          <dd className="account-name">{user.displayName}</dd>
        </div>
        <div>
          <dt className="visually-hidden">{t('header.delegation')}</dt>
          <dd className="account-delegation">
            {user.delegationId === null
              ? t('header.noDelegation')
              : delegation === null
                ? '…'
                : delegation.kind === 'secretariat'
                  ? // Its code (SECRETARIAT) would only repeat its name.
                    delegationName(delegation, language)
                  : `${delegationName(delegation, language)} (${delegation.code})`}
          </dd>
        </div>
        <div>
          <dt className="visually-hidden">{t('header.roles')}</dt>
          <dd className="account-roles">
            {user.roles.map((role) => (
              <span key={role} className="badge">
                {t(`role.${role}`)}
              </span>
            ))}
          </dd>
        </div>
      </dl>
      <Link className="account-settings" to="/settings">
        {t('header.settings')}
      </Link>
      <button type="button" className="button-secondary" onClick={onSignOut} disabled={signingOut}>
        {t('header.signOut')}
      </button>
    </section>
  );
}
