import { formatAttribution, type DelegationInfo } from '@concord/compile';
import { LANGUAGES, pickLocalized, type Language } from '@concord/domain';
import { inlineToText, numberDocument } from '@concord/schema';
import type { Node } from 'prosemirror-model';
import type { EditorView } from 'prosemirror-view';
import { useEffect, useId, useMemo, useRef, useState, type KeyboardEvent } from 'react';
import type { Delegation } from '../api';
import { FormActions } from '../components/form';
import { formatNumber } from '../i18n/format';
import { useI18n } from '../i18n/i18n-context';
import { buildOptionGroup, dissolveOptionGroup, enclosingGroup, optionTarget, type Proponents } from './option-groups';

/** The delegations as the attribution templates know them: names in every language, a group with its members. */
export function delegationInfos(delegations: readonly Delegation[]): ReadonlyMap<string, DelegationInfo> {
  const codeOf = new Map(delegations.map((delegation) => [delegation.id, delegation.code]));
  return new Map(
    delegations.map((delegation) => [
      delegation.code,
      {
        names: delegation.names,
        members: delegations.filter((member) => member.groupIds.includes(delegation.id)).map((member) => codeOf.get(member.id) ?? member.code),
      },
    ]),
  );
}

/** Who is behind an option, in words in each of the six languages, as compiled options say it. */
export function proponentsOf(codes: readonly string[], infos: ReadonlyMap<string, DelegationInfo>): Proponents {
  const attribution: Record<string, string> = {};
  if (codes.length > 0) {
    for (const language of LANGUAGES) attribution[language] = formatAttribution({ proposers: codes, coSponsors: [], supporters: [] }, language, infos);
  }
  return { codes, attribution };
}

function usePanelKeys(onClose: () => void): (event: KeyboardEvent<HTMLElement>) => void {
  return (event) => {
    if (event.key !== 'Escape') return;
    event.preventDefault();
    onClose();
  };
}

/**
 * Makes options of the selection: for each option, the delegations that propose it, chosen from the committee's by
 * name in the reader's language. Explains what can be chosen when the selection covers nothing options can be made of.
 */
export function BuildOptionsForm({ view, delegations, onClose }: { view: EditorView; delegations: readonly Delegation[]; onClose: () => void }) {
  const { t, language } = useI18n();
  const headingId = useId();
  const first = useRef<HTMLElement | null>(null);
  const target = useMemo(() => optionTarget(view.state), [view]);
  const [chosen, setChosen] = useState<readonly (readonly string[])[]>(() => Array.from({ length: target?.count ?? 0 }, () => []));
  const [error, setError] = useState<string | null>(target === null ? t('options.noSelection') : null);
  const infos = useMemo(() => delegationInfos(delegations), [delegations]);
  const sorted = useMemo(
    () =>
      // Member States and groups propose text; the secretariat and observer organizations do not.
      delegations
        .filter((delegation) => delegation.kind === 'member-state' || delegation.kind === 'group')
        .map((delegation) => ({ code: delegation.code, name: pickLocalized(delegation.names, language) ?? delegation.code }))
        .sort((a, b) => a.name.localeCompare(b.name, language)),
    [delegations, language],
  );
  useEffect(() => first.current?.focus(), []);
  const close = (): void => {
    onClose();
    view.focus();
  };
  const onKeyDown = usePanelKeys(close);
  const submit = (): void => {
    const current = optionTarget(view.state);
    const tr = current === null ? null : buildOptionGroup(view.state, current, chosen.map((codes) => proponentsOf(codes, infos)));
    if (tr === null) {
      setError(t('options.noSelection'));
      return;
    }
    view.dispatch(tr);
    close();
  };

  return (
    <section className="editor-panel option-form" aria-labelledby={headingId} onKeyDown={onKeyDown}>
      <h2 id={headingId} className="editor-panel-title" tabIndex={-1} ref={(element) => {
          if (target === null) first.current = element;
        }}>
        {t('options.build')}
      </h2>
      {error !== null && (
        <p role="alert" className="field-error">
          {error}
        </p>
      )}
      {target !== null && (
        <form
          onSubmit={(event) => {
            event.preventDefault();
            submit();
          }}
        >
          <p className="hint">{t(target.kind === 'text' ? 'options.ofText' : 'options.ofProvisions')}</p>
          <div className="option-proponents">
            {chosen.map((codes, index) => (
              <fieldset key={index}>
                <legend>
                  {t('options.option', { n: formatNumber(index + 1, language) })} — {t('options.proponents')}
                </legend>
                <ul className="checkbox-list">
                  {sorted.map((delegation, row) => (
                    <li key={delegation.code}>
                      <label>
                        <input
                          type="checkbox"
                          ref={(element) => {
                            if (index === 0 && row === 0) first.current = element;
                          }}
                          checked={codes.includes(delegation.code)}
                          onChange={(event) =>
                            setChosen((all) =>
                              all.map((list, at) =>
                                at !== index ? list : event.target.checked ? [...list, delegation.code] : list.filter((code) => code !== delegation.code),
                              ),
                            )
                          }
                        />{' '}
                        {delegation.name}
                      </label>
                    </li>
                  ))}
                </ul>
              </fieldset>
            ))}
          </div>
          <FormActions submit={t('options.confirmBuild')} cancel={t('comments.cancel')} onCancel={close} />
        </form>
      )}
      {target === null && (
        <FormActions cancel={t('comments.cancel')} onCancel={close} />
      )}
    </section>
  );
}

/** The words of an option to recognise it by: its first text, cut short. */
function excerpt(option: Node): string {
  let text = '';
  option.descendants((node) => {
    if (text !== '') return false;
    if (node.isTextblock) {
      text = inlineToText(node);
      return false;
    }
    return true;
  });
  return text.length > 80 ? `${text.slice(0, 79)}…` : text;
}

/** Dissolves the option group around the cursor, keeping the option the secretariat chooses. */
export function DissolveOptionsForm({ view, textLanguage, onClose }: { view: EditorView; textLanguage: Language; onClose: () => void }) {
  const { t, language } = useI18n();
  const headingId = useId();
  const group = useMemo(() => enclosingGroup(view.state), [view]);
  const [keep, setKeep] = useState(group?.optionIndex ?? 0);
  const first = useRef<HTMLElement | null>(null);
  const labels = useMemo(() => numberDocument(view.state.doc, textLanguage), [view, textLanguage]);
  useEffect(() => first.current?.focus(), []);
  const close = (): void => {
    onClose();
    view.focus();
  };
  const onKeyDown = usePanelKeys(close);
  const options: Node[] = [];
  group?.node.forEach((option) => options.push(option));

  return (
    <section className="editor-panel dissolve-form" aria-labelledby={headingId} onKeyDown={onKeyDown}>
      <h2 id={headingId} className="editor-panel-title" tabIndex={-1} ref={(element) => {
          if (group === null) first.current = element;
        }}>
        {t('options.dissolve')}
      </h2>
      {group === null ? (
        <>
          <p role="alert" className="field-error">
            {t('options.noGroup')}
          </p>
          <FormActions cancel={t('comments.cancel')} onCancel={close} />
        </>
      ) : (
        <form
          onSubmit={(event) => {
            event.preventDefault();
            const current = enclosingGroup(view.state);
            const tr = current === null ? null : dissolveOptionGroup(view.state, current.pos, keep);
            if (tr !== null) view.dispatch(tr);
            close();
          }}
        >
          <fieldset>
            <legend>{t('options.keep')}</legend>
            <ul className="radio-list">
              {options.map((option, index) => {
                const named = (option.attrs['attribution'] as Readonly<Record<string, string>>)[language];
                const sponsors = option.attrs['sponsors'] as readonly string[];
                const who = option.attrs['isBase'] === true ? t('editor.baseOption') : (named ?? (sponsors.length > 0 ? sponsors.join(', ') : t('options.none')));
                const label = labels.get(String(option.attrs['id']))?.label ?? t('options.option', { n: formatNumber(index + 1, language) });
                return (
                  <li key={String(option.attrs['id'])}>
                    <label>
                      <input
                        type="radio"
                        name={`${headingId}-keep`}
                        ref={(element) => {
                          if (index === keep) first.current = element;
                        }}
                        checked={keep === index}
                        onChange={() => setKeep(index)}
                      />{' '}
                      <bdi lang={textLanguage}>
                        <strong>{label}</strong>
                      </bdi>{' '}
                      — {who}: <bdi lang={textLanguage}>{excerpt(option)}</bdi>
                    </label>
                  </li>
                );
              })}
            </ul>
          </fieldset>
          <FormActions submit={t('options.confirmDissolve')} cancel={t('comments.cancel')} onCancel={close} />
        </form>
      )}
    </section>
  );
}
