import {
  DELEGATION_KINDS,
  LANGUAGES,
  isDelegationKind,
  isRightToLeft,
  type DelegationKind,
  type Language,
  type Localized,
} from '@concord/domain';
import { useState, type FormEvent } from 'react';
import { api, type Delegation } from '../../api';
import { StatusMessage } from '../../components/error-alert';
import { FormErrors, useFormAction } from '../../components/form';
import { languageName } from '../../i18n/format';
import { useI18n } from '../../i18n/i18n-context';
import { pickLocalizedEntry } from '../../localized';

type Names = { [L in Language]: string };

const NO_NAMES: Names = { ar: '', zh: '', en: '', fr: '', ru: '', es: '' };

/** Secretariat: registers a delegation with its names in the six languages and the groups it belongs to. */
export function NewDelegationForm({
  committeeId,
  delegations,
  onCreated,
}: {
  committeeId: string;
  delegations: readonly Delegation[];
  onCreated: (delegation: Delegation) => void;
}) {
  const { t, language } = useI18n();
  const { submitting, error, problem, run, reject } = useFormAction();
  const [code, setCode] = useState('');
  const [kind, setKind] = useState<DelegationKind>('member-state');
  const [names, setNames] = useState<Names>(NO_NAMES);
  const [groupIds, setGroupIds] = useState<readonly string[]>([]);
  const [created, setCreated] = useState<Delegation | null>(null);
  const groups = delegations.filter((delegation) => delegation.kind === 'group');

  const onSubmit = async (event: FormEvent<HTMLFormElement>) => {
    event.preventDefault();
    setCreated(null);
    const given: { [L in Language]?: string } = {};
    for (const lang of LANGUAGES) {
      const name = names[lang].trim();
      if (name !== '') given[lang] = name;
    }
    if (Object.keys(given).length === 0) return reject(t('newDelegation.nameRequired'));
    const localized: Localized = given;
    const result = await run(() =>
      api.createDelegation(committeeId, {
        code: code.trim(),
        kind,
        names: localized,
        ...(groupIds.length === 0 ? {} : { groupIds }),
      }),
    );
    if (!result.ok) return;
    onCreated(result.value);
    setCreated(result.value);
    setCode('');
    setNames(NO_NAMES);
    setGroupIds([]);
  };

  return (
    <form className="form card" onSubmit={onSubmit} aria-labelledby="new-delegation-heading">
      <h3 id="new-delegation-heading">{t('newDelegation.title')}</h3>
      <FormErrors problem={problem} error={error} />
      {created !== null && <StatusMessage>{t('newDelegation.done', { code: created.code })}</StatusMessage>}
      <div className="field-row">
        <div className="field">
          <label htmlFor="new-delegation-code">{t('newDelegation.code')}</label>
          <input
            id="new-delegation-code"
            required
            dir="ltr"
            autoCapitalize="characters"
            aria-describedby="new-delegation-code-hint"
            value={code}
            onChange={(event) => setCode(event.target.value)}
          />
          <p id="new-delegation-code-hint" className="hint">
            {t('newDelegation.codeHint')}
          </p>
        </div>
        <div className="field">
          <label htmlFor="new-delegation-kind">{t('newDelegation.kind')}</label>
          <select
            id="new-delegation-kind"
            value={kind}
            onChange={(event) => {
              if (isDelegationKind(event.target.value)) setKind(event.target.value);
            }}
          >
            {DELEGATION_KINDS.map((option) => (
              <option key={option} value={option}>
                {t(`kind.${option}`)}
              </option>
            ))}
          </select>
        </div>
      </div>
      <fieldset aria-describedby="new-delegation-names-hint">
        <legend>{t('newDelegation.names')}</legend>
        <p id="new-delegation-names-hint" className="hint">
          {t('newDelegation.namesHint')}
        </p>
        {LANGUAGES.map((lang) => (
          <div className="field" key={lang}>
            <label htmlFor={`new-delegation-name-${lang}`}>
              {t('newDelegation.nameIn', { language: languageName(lang, language) })}
            </label>
            <input
              id={`new-delegation-name-${lang}`}
              lang={lang}
              dir={isRightToLeft(lang) ? 'rtl' : 'ltr'}
              value={names[lang]}
              onChange={(event) => setNames({ ...names, [lang]: event.target.value })}
            />
          </div>
        ))}
      </fieldset>
      <fieldset>
        <legend>{t('newDelegation.groups')}</legend>
        {groups.length === 0 && <p className="hint">{t('newDelegation.noGroups')}</p>}
        {groups.map((group) => (
          <div className="check" key={group.id}>
            <input
              id={`new-delegation-group-${group.id}`}
              type="checkbox"
              checked={groupIds.includes(group.id)}
              onChange={(event) =>
                setGroupIds(
                  event.target.checked ? [...groupIds, group.id] : groupIds.filter((id) => id !== group.id),
                )
              }
            />
            <label htmlFor={`new-delegation-group-${group.id}`}>
              {group.code} — {pickLocalizedEntry(group.names, language)?.text ?? group.code}
            </label>
          </div>
        ))}
      </fieldset>
      <div className="form-actions">
        <button type="submit" disabled={submitting}>
          {submitting ? t('form.submitting') : t('newDelegation.submit')}
        </button>
      </div>
    </form>
  );
}
