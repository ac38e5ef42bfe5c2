import { type Language, ROLES, type Role, roleUnfitForDelegation } from '@concord/domain';
import { useRef, useState, type FormEvent } from 'react';
import { api, type Delegation, type Invitation } from '../../api';
import { StatusMessage } from '../../components/error-alert';
import { FormErrors, useFormAction } from '../../components/form';
import { LanguageSelect } from '../../components/language-select';
import { formatDateTime } from '../../i18n/format';
import { useI18n } from '../../i18n/i18n-context';
import { pickLocalizedEntry } from '../../localized';

/** Secretariat: invites a user and shows the one-time link to pass on; a server with e-mail also sends it. */
export function InviteUserForm({ committeeId, delegations }: { committeeId: string; delegations: readonly Delegation[] }) {
  const { t, language } = useI18n();
  const { submitting, error, problem, run, reject } = useFormAction();
  const [email, setEmail] = useState('');
  const [displayName, setDisplayName] = useState('');
  const [roles, setRoles] = useState<readonly Role[]>(['delegate']);
  const [delegationId, setDelegationId] = useState('');
  const [mailLanguage, setMailLanguage] = useState<Language>(language);
  const [invitation, setInvitation] = useState<Invitation | null>(null);
  const [copied, setCopied] = useState(false);
  const linkRef = useRef<HTMLInputElement>(null);

  // Only the delegations the chosen roles may belong to: an observer represents an observer organization, a
  // delegate or head a Member State or a group (the server refuses the rest).
  const fittingDelegations = [...delegations].filter((d) => roleUnfitForDelegation(roles, d.kind) === null).sort((a, b) => a.code.localeCompare(b.code));
  const chosenDelegation = fittingDelegations.some((d) => d.id === delegationId) ? delegationId : '';

  const onSubmit = async (event: FormEvent<HTMLFormElement>) => {
    event.preventDefault();
    setInvitation(null);
    setCopied(false);
    if (roles.length === 0) return reject(t('newInvite.rolesRequired'));
    const result = await run(() =>
      api.invite({
        email: email.trim(),
        displayName: displayName.trim(),
        roles,
        committeeId,
        language: mailLanguage,
        ...(chosenDelegation === '' ? {} : { delegationId: chosenDelegation }),
      }),
    );
    if (!result.ok) return;
    setInvitation(result.value);
    setEmail('');
    setDisplayName('');
  };

  const copyLink = async () => {
    if (invitation === null) return;
    try {
      await navigator.clipboard.writeText(invitation.inviteUrl);
      setCopied(true);
    } catch {
      // Without clipboard access (insecure origin, denied permission) the link is selected for a manual copy.
      linkRef.current?.select();
    }
  };


  return (
    <form className="form card" onSubmit={onSubmit} aria-labelledby="new-invite-heading">
      <h3 id="new-invite-heading">{t('newInvite.title')}</h3>
      <FormErrors problem={problem} error={error} />
      {invitation !== null && (
        <div className="invitation-result">
          <StatusMessage>
            <p>{t(invitation.emailed ? 'newInvite.emailed' : 'newInvite.done', { email: invitation.invitation.email })}</p>
            <p>{t('newInvite.expires', { date: formatDateTime(invitation.invitation.expiresAt, language) })}</p>
          </StatusMessage>
          <div className="field">
            <label htmlFor="new-invite-link">{t('newInvite.link')}</label>
            <div className="copy-row">
              <input
                id="new-invite-link"
                ref={linkRef}
                readOnly
                dir="ltr"
                value={invitation.inviteUrl}
                onFocus={(event) => event.target.select()}
              />
              <button type="button" className="button-secondary" onClick={copyLink}>
                {t('newInvite.copy')}
              </button>
            </div>
            {copied && (
              <p className="hint" role="status">
                {t('newInvite.copied')}
              </p>
            )}
          </div>
        </div>
      )}
      <div className="field">
        <label htmlFor="new-invite-email">{t('newInvite.email')}</label>
        <input
          id="new-invite-email"
          type="email"
          required
          dir="ltr"
          autoComplete="off"
          value={email}
          onChange={(event) => setEmail(event.target.value)}
        />
      </div>
      <div className="field">
        <label htmlFor="new-invite-name">{t('newInvite.displayName')}</label>
        <input
          id="new-invite-name"
          required
          autoComplete="off"
          value={displayName}
          onChange={(event) => setDisplayName(event.target.value)}
        />
      </div>
      <fieldset>
        <legend>{t('newInvite.roles')}</legend>
        <div className="check-grid">
          {ROLES.map((role) => (
            <div className="check" key={role}>
              <input
                id={`new-invite-role-${role}`}
                type="checkbox"
                checked={roles.includes(role)}
                onChange={(event) =>
                  setRoles(event.target.checked ? [...roles, role] : roles.filter((held) => held !== role))
                }
              />
              <label htmlFor={`new-invite-role-${role}`}>{t(`role.${role}`)}</label>
            </div>
          ))}
        </div>
      </fieldset>
      <div className="field">
        <label htmlFor="new-invite-delegation">{t('newInvite.delegation')}</label>
        <select id="new-invite-delegation" value={chosenDelegation} onChange={(event) => setDelegationId(event.target.value)}>
          <option value="">{t('newInvite.noDelegation')}</option>
          {fittingDelegations.map((delegation) => (
            <option key={delegation.id} value={delegation.id}>
              {delegation.code} — {pickLocalizedEntry(delegation.names, language)?.text ?? delegation.code}
            </option>
          ))}
        </select>
      </div>
      <div className="field">
        <label htmlFor="new-invite-language">{t('newInvite.language')}</label>
        <LanguageSelect id="new-invite-language" value={mailLanguage} onChange={setMailLanguage} />
      </div>
      <div className="form-actions">
        <button type="submit" disabled={submitting}>
          {submitting ? t('form.submitting') : t('newInvite.submit')}
        </button>
      </div>
    </form>
  );
}
