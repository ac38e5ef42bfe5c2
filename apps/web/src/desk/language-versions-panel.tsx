import { LANGUAGES, isLanguage, isRightToLeft, type Language } from '@concord/domain';
import { formatLabel } from '@concord/schema';
import { useEffect, useId, useRef, useState, type FormEvent } from 'react';
import { Link } from 'react-router';
import type { Instrument } from '../api';
import { StatusMessage } from '../components/error-alert';
import { useFormAction } from '../components/form';
import { formatNumber, languageName } from '../i18n/format';
import { useI18n } from '../i18n/i18n-context';
import { consolidatedDraftPath } from '../routes';
import { useResource } from '../use-resource';
import { ChangedText } from './changed-text';
import { deskApi, type StaleNode } from './desk-api';
import { DeskErrorAlert } from './desk-error';

/**
 * The language versions of the consolidated draft: which exist, how many of each translation's provisions do not
 * render the original's current words, starting a new version, and the stale queue of one version, where the
 * secretariat confirms the nodes whose translation is right.
 */
export function LanguageVersionsPanel({
  instrument,
  onChanged,
}: {
  instrument: Instrument;
  /** Called after a version was added, so that the instrument (and its list of versions) is read again. */
  onChanged: () => void;
}) {
  const { t, language } = useI18n();
  const headingId = useId();
  const versions = LANGUAGES.filter((code) => (instrument.languages ?? [instrument.originalLanguage]).includes(code));
  const translations = versions.filter((code) => code !== instrument.originalLanguage);
  const counts = useResource(
    async () =>
      new Map(
        await Promise.all(
          translations.map(async (code) => [code, (await deskApi.stale(instrument.id, code)).length] as const),
        ),
      ),
    [instrument.id, translations.join()],
  );
  const [reviewing, setReviewing] = useState<Language | null>(null);

  return (
    <section className="panel desk-languages" aria-labelledby={headingId}>
      <h2 id={headingId}>{t('desk.languages.title')}</h2>
      <p className="hint">{t('desk.languages.intro')}</p>
      {counts.resource.status === 'error' && <DeskErrorAlert error={counts.resource.error} onRetry={counts.reload} />}
      <div className="table-scroll">
        <table>
          <thead>
            <tr>
              <th scope="col">{t('desk.languages.language')}</th>
              <th scope="col">{t('desk.languages.kind')}</th>
              <th scope="col">{t('desk.languages.stale')}</th>
              <th scope="col">
                <span className="visually-hidden">{t('desk.languages.actions')}</span>
              </th>
            </tr>
          </thead>
          <tbody>
            {versions.map((code) => {
              const original = code === instrument.originalLanguage;
              const count = counts.resource.status === 'ready' ? counts.resource.data.get(code) : undefined;
              return (
                <tr key={code}>
                  <th scope="row">
                    <Link to={consolidatedDraftPath(instrument.committeeId, instrument.id, code)}>
                      {languageName(code, language)}
                    </Link>
                  </th>
                  <td>{t(original ? 'desk.languages.original' : 'desk.languages.translation')}</td>
                  <td className="numeric">
                    {original ? '—' : count === undefined ? '…' : formatNumber(count, language)}
                  </td>
                  <td>
                    {!original && (
                      <button
                        type="button"
                        className="button-secondary"
                        aria-expanded={reviewing === code}
                        onClick={() => setReviewing((current) => (current === code ? null : code))}
                      >
                        {t('desk.languages.review', { language: languageName(code, language) })}
                      </button>
                    )}
                  </td>
                </tr>
              );
            })}
          </tbody>
        </table>
      </div>
      {reviewing !== null && translations.includes(reviewing) && (
        <StaleQueue
          key={reviewing}
          instrument={instrument}
          translation={reviewing}
          onConfirmed={(stale) => counts.update((previous) => new Map(previous).set(reviewing, stale))}
        />
      )}
      <AddLanguageForm instrument={instrument} existing={versions} onAdded={onChanged} />
    </section>
  );
}

function AddLanguageForm({
  instrument,
  existing,
  onAdded,
}: {
  instrument: Instrument;
  existing: readonly Language[];
  onAdded: () => void;
}) {
  const { t, language } = useI18n();
  const selectId = useId();
  const missing = LANGUAGES.filter((code) => !existing.includes(code));
  const [choice, setChoice] = useState<Language | ''>(missing[0] ?? '');
  const [added, setAdded] = useState<{ language: Language; stale: number } | null>(null);
  const { submitting, error, run } = useFormAction();

  useEffect(() => {
    if (choice !== '' && !missing.includes(choice)) setChoice(missing[0] ?? '');
  }, [choice, missing]);

  if (missing.length === 0) return <p className="hint">{t('desk.languages.all')}</p>;

  const submit = async (event: FormEvent) => {
    event.preventDefault();
    if (choice === '') return;
    setAdded(null);
    const result = await run(() => deskApi.addLanguage(instrument.id, choice));
    if (!result.ok) return;
    setAdded(result.value);
    onAdded();
  };

  return (
    <form className="form desk-add-language" onSubmit={submit}>
      <h3>{t('desk.languages.add')}</h3>
      <div className="field-inline">
        <label htmlFor={selectId}>{t('desk.languages.newLanguage')}</label>
        <select
          id={selectId}
          value={choice}
          onChange={(event) => {
            if (isLanguage(event.target.value)) setChoice(event.target.value);
          }}
        >
          {missing.map((code) => (
            <option key={code} value={code}>
              {languageName(code, language)}
            </option>
          ))}
        </select>
        <button type="submit" disabled={submitting}>
          {submitting ? t('form.submitting') : t('desk.languages.addSubmit')}
        </button>
      </div>
      <p className="hint">{t('desk.languages.addHint')}</p>
      {error !== null && <DeskErrorAlert error={error} />}
      {added !== null && (
        <StatusMessage>
          {t('desk.languages.added', {
            language: languageName(added.language, language),
            n: formatNumber(added.stale, language),
          })}
        </StatusMessage>
      )}
    </form>
  );
}

/** The nodes of one translation that do not render the original's current text, to confirm one by one or all. */
function StaleQueue({
  instrument,
  translation,
  onConfirmed,
}: {
  instrument: Instrument;
  translation: Language;
  /** Called with the number of nodes still stale after a confirmation. */
  onConfirmed: (stale: number) => void;
}) {
  const { t, language } = useI18n();
  const headingId = useId();
  const { resource, reload, update } = useResource(() => deskApi.stale(instrument.id, translation), [instrument.id, translation]);
  const [selected, setSelected] = useState<ReadonlySet<string>>(new Set());
  const [confirmed, setConfirmed] = useState<number | null>(null);
  const { submitting, error, run } = useFormAction();
  const headingRef = useRef<HTMLHeadingElement>(null);

  useEffect(() => headingRef.current?.focus(), []);

  const items = resource.status === 'ready' ? resource.data : [];
  // A node missing from the translation has nothing to confirm until someone translates it.
  const confirmable = items.filter((item) => item.reason !== 'missing');
  const toggle = (id: string, on: boolean) =>
    setSelected((previous) => {
      const next = new Set(previous);
      if (on) next.add(id);
      else next.delete(id);
      return next;
    });

  const confirm = async () => {
    const nodeIds = confirmable.filter((item) => selected.has(item.nodeId)).map((item) => item.nodeId);
    if (nodeIds.length === 0) return;
    setConfirmed(null);
    const result = await run(() => deskApi.confirm(instrument.id, translation, nodeIds));
    if (!result.ok) return;
    setConfirmed(result.value.confirmed);
    setSelected(new Set());
    update((previous) => previous.filter((item) => !nodeIds.includes(item.nodeId)));
    onConfirmed(result.value.stale);
  };

  const dir = (code: Language) => (isRightToLeft(code) ? 'rtl' : 'ltr');

  return (
    <section className="desk-stale-queue" aria-labelledby={headingId}>
      <h3 id={headingId} ref={headingRef} tabIndex={-1}>
        {t('desk.stale.title', { language: languageName(translation, language) })}
      </h3>
      {resource.status === 'loading' && (
        <p className="loading" role="status">
          {t('app.loading')}
        </p>
      )}
      {resource.status === 'error' && <DeskErrorAlert error={resource.error} onRetry={reload} />}
      {resource.status === 'ready' && items.length === 0 && <p className="empty">{t('desk.stale.empty')}</p>}
      {items.length > 0 && (
        <>
          <div className="desk-stale-actions">
            <button
              type="button"
              className="button-secondary"
              onClick={() =>
                setSelected(
                  selected.size === confirmable.length ? new Set() : new Set(confirmable.map((item) => item.nodeId)),
                )
              }
            >
              {selected.size === confirmable.length && confirmable.length > 0 ? t('desk.stale.selectNone') : t('desk.stale.selectAll')}
            </button>
            <button type="button" onClick={() => void confirm()} disabled={submitting || selected.size === 0}>
              {t('desk.stale.confirm', { n: formatNumber(selected.size, language) })}
            </button>
          </div>
          <ol className="desk-stale-list">
            {items.map((item) => (
              <StaleItem
                key={item.nodeId}
                item={item}
                instrumentId={instrument.id}
                original={instrument.originalLanguage}
                translation={translation}
                dir={dir}
                checked={selected.has(item.nodeId)}
                onToggle={toggle}
                onTranslated={(stale) => {
                  // What came into the version with a missing provision is no longer missing: read the queue again.
                  if (item.reason === 'missing') reload();
                  else update((previous) => previous.filter((other) => other.nodeId !== item.nodeId));
                  onConfirmed(stale);
                }}
              />
            ))}
          </ol>
        </>
      )}
      {error !== null && <DeskErrorAlert error={error} />}
      {confirmed !== null && (
        <StatusMessage>{t('desk.stale.confirmed', { n: formatNumber(confirmed, language) })}</StatusMessage>
      )}
    </section>
  );
}

/** Where a stale node is, in the interface language: "Article 3 › 2. › (a)", or what it is when it has no number. */
function placeText(item: StaleNode, language: Language, t: ReturnType<typeof useI18n>['t']): string {
  if (item.place.length === 0) return item.nodeType === 'recital' ? t('desk.stale.recital') : t('desk.stale.unnumbered');
  return item.place.map((label) => formatLabel(label.kind, label.ordinal, language, label.depth)).join(' › ');
}

function StaleItem({
  item,
  instrumentId,
  original,
  translation,
  dir,
  checked,
  onToggle,
  onTranslated,
}: {
  item: StaleNode;
  instrumentId: string;
  original: Language;
  translation: Language;
  dir: (code: Language) => 'rtl' | 'ltr';
  checked: boolean;
  onToggle: (id: string, on: boolean) => void;
  /** Called with the number of nodes still stale once this one is translated. */
  onTranslated: (stale: number) => void;
}) {
  const { t, language } = useI18n();
  const checkId = useId();
  const textsId = useId();
  const [translating, setTranslating] = useState(false);
  const place = placeText(item, language, t);
  return (
    <li className="desk-stale-item" data-node-id={item.nodeId}>
      <h4 className="desk-stale-place">{place}</h4>
      <div className="check">
        <input
          id={checkId}
          type="checkbox"
          checked={checked}
          disabled={item.reason === 'missing'}
          aria-describedby={textsId}
          onChange={(event) => onToggle(item.nodeId, event.target.checked)}
        />
        <label htmlFor={checkId}>
          {t('desk.stale.confirmNode')} <span className={`desk-badge desk-stale-${item.reason}`}>{t(`desk.stale.${item.reason}`)}</span>
        </label>
      </div>
      {item.translatedFrom !== null && item.changes.length > 0 && (
        <div className="desk-stale-changes">
          <p className="desk-label">{t('desk.stale.changedSince')}</p>
          <ChangedText
            change={{ kind: 'text', target: item.nodeId, before: item.translatedFrom, after: item.original, edits: item.changes }}
            textLanguage={original}
          />
        </div>
      )}
      <div className="desk-stale-texts" id={textsId}>
        <div>
          <p className="desk-label">{languageName(original, language)}</p>
          <p lang={original} dir={dir(original)}>
            {item.original}
          </p>
        </div>
        <div>
          <p className="desk-label">{languageName(translation, language)}</p>
          {item.translation === null ? (
            <p className="empty">{t('desk.stale.noTranslation')}</p>
          ) : (
            <p lang={translation} dir={dir(translation)}>
              {item.translation}
            </p>
          )}
        </div>
      </div>
      {item.segments.length > 0 && (
        // A provision missing from this version is brought to its place in it when its translation is saved.
        <button type="button" className="button-secondary" aria-expanded={translating} onClick={() => setTranslating((on) => !on)}>
          {t(item.reason === 'missing' ? 'desk.stale.bring' : 'desk.stale.translate', { place })}
        </button>
      )}
      {translating && (
        <TranslateForm
          item={item}
          instrumentId={instrumentId}
          original={original}
          translation={translation}
          dir={dir}
          onTranslated={onTranslated}
        />
      )}
    </li>
  );
}

/**
 * The translation of one node's own words, run by run: each run of the original (plain, bracketed, from a
 * proposal) gets its own field, so that the translation keeps the original's brackets and attribution around the
 * translated words.
 */
function TranslateForm({
  item,
  instrumentId,
  original,
  translation,
  dir,
  onTranslated,
}: {
  item: StaleNode;
  instrumentId: string;
  original: Language;
  translation: Language;
  dir: (code: Language) => 'rtl' | 'ltr';
  onTranslated: (stale: number) => void;
}) {
  const { t, language } = useI18n();
  const formId = useId();
  const [texts, setTexts] = useState<readonly string[]>(() => item.segments.map((_segment, index) => item.translatedSegments?.[index] ?? ''));
  const { submitting, error, run, problem, reject } = useFormAction();

  const submit = async (event: FormEvent) => {
    event.preventDefault();
    const blank = item.segments.findIndex((segment, index) => segment.brackets.length > 0 && (texts[index] ?? '').trim() === '');
    if (blank >= 0) {
      reject(t('desk.stale.bracketNeedsWords', { n: blank + 1 }));
      return;
    }
    const result = await run(() => deskApi.translate(instrumentId, translation, item.nodeId, texts));
    if (result.ok) onTranslated(result.value.stale);
  };

  return (
    <form className="form desk-translate" onSubmit={submit} aria-labelledby={`${formId}-title`}>
      <p id={`${formId}-title`} className="hint">
        {t('desk.stale.translateHint')}
      </p>
      {item.reason === 'missing' && <p className="hint">{t('desk.stale.bringHint')}</p>}
      <ol className="desk-translate-runs">
        {item.segments.map((segment, index) => {
          const fieldId = `${formId}-${index}`;
          // A footnote's words are runs of their own, named after the note they belong to (numbered within the provision).
          const notes = [...new Set(item.segments.slice(0, index + 1).map((run) => run.footnote).filter((id) => typeof id === 'string'))];
          const note = typeof segment.footnote === 'string' ? notes.indexOf(segment.footnote) + 1 : 0;
          const attribution = segment.provenance?.delegations.length ? segment.provenance.delegations.join(', ') : null;
          return (
            <li key={index} className={segment.brackets.length > 0 ? 'desk-translate-run bracketed' : 'desk-translate-run'}>
              <label htmlFor={fieldId}>
                <span lang={original} dir={dir(original)}>
                  {segment.brackets.length > 0 ? `[${segment.text}]` : segment.text}
                </span>
                {segment.brackets.length > 0 && <span className="desk-badge">{t('desk.stale.bracketed')}</span>}
                {attribution !== null && <span className="desk-badge">{attribution}</span>}
                {note > 0 && <span className="desk-badge">{t('footnote.marker', { n: formatNumber(note, language) })}</span>}
              </label>
              <input
                id={fieldId}
                type="text"
                lang={translation}
                dir={dir(translation)}
                value={texts[index] ?? ''}
                onChange={(event) => {
                  const value = event.target.value;
                  setTexts((previous) => previous.map((text, at) => (at === index ? value : text)));
                }}
              />
            </li>
          );
        })}
      </ol>
      <button type="submit" disabled={submitting}>
        {submitting ? t('form.submitting') : t('desk.stale.translateSubmit')}
      </button>
      {problem !== null && (
        <div role="alert" className="alert alert-error">
          <p>{problem}</p>
        </div>
      )}
      {error !== null && <DeskErrorAlert error={error} />}
    </form>
  );
}
