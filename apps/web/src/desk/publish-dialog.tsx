import { LANGUAGES, type Language } from '@concord/domain';
import { useEffect, useId, useRef, useState, type FormEvent } from 'react';
import { Link } from 'react-router';
import { api, ApiError, type Committee, type Instrument } from '../api';
import { FormErrors, useFormAction } from '../components/form';
import { formatCalendarDate, formatNumber, languageName } from '../i18n/format';
import { useI18n } from '../i18n/i18n-context';
import { revisionPath } from '../reading-room/paths';
import { useResource } from '../use-resource';
import { deskApi, revisionExportUrl, type RevisionSummary } from './desk-api';
import { DeskErrorAlert } from './desk-error';
import { calendarDate, nextSymbol, staleCounts } from './desk-model';
import './desk.css';

/** What the dialog needs to know before the secretariat can publish. */
interface PublishContext {
  readonly instrument: Instrument;
  readonly committee: Committee;
  /** The symbol the server will give, or `null` for the first publication. */
  readonly next: string | null;
  /** Stale nodes per translation, from the stale queue. */
  readonly stale: ReadonlyMap<Language, number>;
}

async function loadContext(committeeId: string, instrumentId: string): Promise<PublishContext> {
  const [instrument, committee, revisions] = await Promise.all([
    api.instrument(instrumentId),
    api.committee(committeeId),
    deskApi.revisions(instrumentId),
  ]);
  const translations = (instrument.languages ?? [instrument.originalLanguage]).filter(
    (code) => code !== instrument.originalLanguage,
  );
  const counts = await Promise.all(
    translations.map(async (code) => [code, (await deskApi.stale(instrumentId, code)).length] as const),
  );
  return { instrument, committee, next: nextSymbol(revisions), stale: new Map(counts) };
}

/**
 * "Publish a revision…": a button that opens a modal dialog to publish the consolidated draft as an immutable
 * revision (symbol, date, distribution, language versions, with an explicit confirmation when translations are
 * stale), then shows the published symbol and content hash. Focus moves into the dialog and returns to the
 * button when it closes.
 */
export function PublishRevision({
  committeeId,
  instrumentId,
  textLanguage,
  onPublished,
}: {
  committeeId: string;
  instrumentId: string;
  /** The language the reader works in, for the link to the published text. */
  textLanguage: Language;
  onPublished?: (revision: RevisionSummary) => void;
}) {
  const { t } = useI18n();
  const dialogRef = useRef<HTMLDialogElement>(null);
  const triggerRef = useRef<HTMLButtonElement>(null);
  const [open, setOpen] = useState(false);
  const titleId = useId();

  useEffect(() => {
    const dialog = dialogRef.current;
    if (dialog === null) return;
    if (open && !dialog.open) dialog.showModal();
    if (!open && dialog.open) dialog.close();
  }, [open]);

  const close = () => {
    setOpen(false);
    triggerRef.current?.focus();
  };

  return (
    <>
      <button ref={triggerRef} type="button" className="button-secondary" aria-haspopup="dialog" onClick={() => setOpen(true)}>
        {t('publish.open')}
      </button>
      <dialog
        ref={dialogRef}
        className="desk-dialog"
        aria-labelledby={titleId}
        onClose={() => {
          // Escape closes a modal dialog natively; keep the state and the focus in step with it.
          if (open) close();
        }}
      >
        {open && (
          <PublishForm
            committeeId={committeeId}
            instrumentId={instrumentId}
            textLanguage={textLanguage}
            titleId={titleId}
            onClose={close}
            onPublished={onPublished}
          />
        )}
      </dialog>
    </>
  );
}

function PublishForm({
  committeeId,
  instrumentId,
  textLanguage,
  titleId,
  onClose,
  onPublished,
}: {
  committeeId: string;
  instrumentId: string;
  textLanguage: Language;
  titleId: string;
  onClose: () => void;
  onPublished: ((revision: RevisionSummary) => void) | undefined;
}) {
  const { t } = useI18n();
  const { resource, reload } = useResource(() => loadContext(committeeId, instrumentId), [committeeId, instrumentId]);
  const [published, setPublished] = useState<RevisionSummary | null>(null);
  const headingRef = useRef<HTMLHeadingElement>(null);

  useEffect(() => {
    if (published !== null) headingRef.current?.focus();
  }, [published]);

  return (
    <div className="desk-dialog-body">
      <div className="desk-dialog-header">
        <h2 id={titleId} ref={headingRef} tabIndex={-1}>
          {published === null ? t('publish.title') : t('publish.done', { symbol: published.symbol })}
        </h2>
        <button type="button" className="button-secondary desk-dialog-close" onClick={onClose}>
          {t('publish.close')}
        </button>
      </div>
      {published !== null ? (
        <PublishedRevision revision={published} textLanguage={textLanguage} />
      ) : (
        <>
          {resource.status === 'loading' && (
            <p className="loading" role="status">
              {t('app.loading')}
            </p>
          )}
          {resource.status === 'error' && <DeskErrorAlert error={resource.error} onRetry={reload} />}
          {resource.status === 'ready' && (
            <PublishFields
              instrumentId={instrumentId}
              context={resource.data}
              onCancel={onClose}
              onPublished={(revision) => {
                setPublished(revision);
                onPublished?.(revision);
              }}
            />
          )}
        </>
      )}
    </div>
  );
}

function PublishFields({
  instrumentId,
  context,
  onCancel,
  onPublished,
}: {
  instrumentId: string;
  context: PublishContext;
  onCancel: () => void;
  onPublished: (revision: RevisionSummary) => void;
}) {
  const { t, language } = useI18n();
  const { instrument, committee, next, stale } = context;
  const ids = {
    symbol: useId(),
    symbolHint: useId(),
    date: useId(),
    confirm: useId(),
    staleList: useId(),
  };
  const available = LANGUAGES.filter((code) => (instrument.languages ?? [instrument.originalLanguage]).includes(code));
  const [symbol, setSymbol] = useState(next ?? '');
  const [date, setDate] = useState(() => calendarDate(new Date()));
  const [tier, setTier] = useState<'committee' | 'public'>('committee');
  const [chosen, setChosen] = useState<ReadonlySet<Language>>(() => new Set(available));
  const [confirmStale, setConfirmStale] = useState(false);
  // Counts the server reported when it refused, which may be newer than the stale queue read on opening.
  const [reported, setReported] = useState<ReadonlyMap<Language, number>>(new Map());
  const { submitting, error, run } = useFormAction();
  // What the form found missing before sending; cleared as soon as the secretariat supplies it.
  const [missing, setMissing] = useState<'symbol' | 'stale' | null>(null);
  const symbolRef = useRef<HTMLInputElement>(null);

  useEffect(() => symbolRef.current?.focus(), []);

  const staleChosen = available
    .filter((code) => chosen.has(code))
    .map((code) => ({ language: code, count: reported.get(code) ?? stale.get(code) ?? 0 }))
    .filter((entry) => entry.count > 0);

  const toggle = (code: Language, on: boolean) =>
    setChosen((previous) => {
      const nextSet = new Set(previous);
      if (on) nextSet.add(code);
      else nextSet.delete(code);
      return nextSet;
    });

  const submit = async (event: FormEvent) => {
    event.preventDefault();
    if (next === null && symbol.trim() === '') {
      setMissing('symbol');
      symbolRef.current?.focus();
      return;
    }
    if (staleChosen.length > 0 && !confirmStale) {
      setMissing('stale');
      return;
    }
    setMissing(null);
    const result = await run(() =>
      deskApi.publish(instrumentId, {
        ...(next === null ? { symbol: symbol.trim() } : {}),
        date,
        tier,
        languages: available.filter((code) => chosen.has(code)),
        ...(confirmStale ? { confirmStale: true } : {}),
      }),
    );
    if (result.ok) onPublished(result.value);
  };

  useEffect(() => {
    if (error instanceof ApiError && error.code === 'stale-translations') {
      setReported(new Map(staleCounts(error.details).map((entry) => [entry.language, entry.count])));
      setConfirmStale(false);
    }
  }, [error]);

  const example = `${committee.symbolPrefix}/1`;

  return (
    <form className="form desk-publish-form" onSubmit={submit} noValidate>
      <p className="hint">{t('publish.intro')}</p>
      <div className="field">
        <label htmlFor={ids.symbol}>
          {t('publish.symbol')}
          {next === null && <span className="required-mark"> ({t('admin.required')})</span>}
        </label>
        <input
          ref={symbolRef}
          id={ids.symbol}
          value={symbol}
          readOnly={next !== null}
          required={next === null}
          aria-describedby={ids.symbolHint}
          aria-invalid={missing === 'symbol' ? true : undefined}
          dir="ltr"
          spellCheck={false}
          autoComplete="off"
          onChange={(event) => {
            setSymbol(event.target.value);
            if (missing === 'symbol') setMissing(null);
          }}
        />
        <p id={ids.symbolHint} className="hint">
          {next === null ? t('publish.symbolFirst', { example }) : t('publish.symbolNext')}
        </p>
      </div>
      <div className="field">
        <label htmlFor={ids.date}>{t('publish.date')}</label>
        <input id={ids.date} type="date" value={date} required onChange={(event) => setDate(event.target.value)} />
      </div>
      <fieldset>
        <legend>{t('publish.distribution')}</legend>
        {(['committee', 'public'] as const).map((option) => (
          <div key={option} className="check desk-radio">
            <input
              id={`${ids.symbol}-tier-${option}`}
              type="radio"
              name="tier"
              value={option}
              checked={tier === option}
              onChange={() => setTier(option)}
            />
            <label htmlFor={`${ids.symbol}-tier-${option}`}>
              <strong>{t(`publish.tier.${option}`)}</strong> — {t(`publish.tierHint.${option}`)}
            </label>
          </div>
        ))}
      </fieldset>
      <fieldset>
        <legend>{t('publish.languages')}</legend>
        <div className="check-grid">
          {available.map((code) => {
            const original = code === instrument.originalLanguage;
            const id = `${ids.symbol}-lang-${code}`;
            return (
              <div key={code} className="check">
                <input
                  id={id}
                  type="checkbox"
                  checked={chosen.has(code)}
                  // The original is in every revision; the server refuses one without it.
                  disabled={original}
                  onChange={(event) => toggle(code, event.target.checked)}
                />
                <label htmlFor={id}>
                  {languageName(code, language)}
                  {original && ` (${t('publish.original')})`}
                </label>
              </div>
            );
          })}
        </div>
      </fieldset>
      {staleChosen.length > 0 && (
        <div className="desk-warning" id={ids.staleList}>
          <p>{t('publish.staleIntro')}</p>
          <ul>
            {staleChosen.map((entry) => (
              <li key={entry.language}>
                {t('publish.staleCount', {
                  language: languageName(entry.language, language),
                  n: formatNumber(entry.count, language),
                })}
              </li>
            ))}
          </ul>
          <div className="check">
            <input
              id={ids.confirm}
              type="checkbox"
              checked={confirmStale}
              aria-describedby={ids.staleList}
              onChange={(event) => {
                setConfirmStale(event.target.checked);
                if (missing === 'stale') setMissing(null);
              }}
            />
            <label htmlFor={ids.confirm}>{t('publish.confirmStale')}</label>
          </div>
        </div>
      )}
      {missing !== null ? (
        <FormErrors
          problem={t(missing === 'symbol' ? 'publish.symbolRequired' : 'publish.confirmStaleRequired')}
          error={null}
        />
      ) : (
        error !== null && <DeskErrorAlert error={error} showDetails={!(error instanceof ApiError && error.code === 'stale-translations')} />
      )}
      <div className="form-actions">
        <button type="submit" disabled={submitting}>
          {submitting ? t('publish.publishing') : t('publish.submit')}
        </button>
        <button type="button" className="button-secondary" onClick={onCancel}>
          {t('publish.cancel')}
        </button>
      </div>
    </form>
  );
}

function PublishedRevision({ revision, textLanguage }: { revision: RevisionSummary; textLanguage: Language }) {
  const { t, language } = useI18n();
  const linkLanguage = revision.languages.includes(textLanguage) ? textLanguage : (revision.languages[0] ?? textLanguage);
  return (
    <div className="desk-published">
      <p>{t('publish.doneIntro')}</p>
      <dl className="desk-published-facts">
        <div>
          <dt>{t('publish.symbol')}</dt>
          <dd className="code" dir="ltr">
            {revision.symbol}
          </dd>
        </div>
        <div>
          <dt>{t('publish.date')}</dt>
          <dd>{formatCalendarDate(revision.date, language)}</dd>
        </div>
        <div>
          <dt>{t('publish.distribution')}</dt>
          <dd>{t(`publish.tier.${revision.tier}`)}</dd>
        </div>
        <div>
          <dt>{t('publish.languages')}</dt>
          <dd>{revision.languages.map((code) => languageName(code, language)).join(', ')}</dd>
        </div>
        <div>
          <dt>{t('publish.hash')}</dt>
          <dd>
            <code className="desk-hash" dir="ltr">
              {revision.contentHash}
            </code>
          </dd>
        </div>
      </dl>
      <p className="desk-published-links">
        {revision.tier === 'public' && (
          <Link to={revisionPath(revision.id, linkLanguage)}>{t('publish.readingRoom')}</Link>
        )}
        <a href={revisionExportUrl(revision.id, linkLanguage, 'html')} download>
          {t('publish.downloadHtml', { language: languageName(linkLanguage, language) })}
        </a>
        <a href={revisionExportUrl(revision.id, linkLanguage, 'docx')} download>
          {t('publish.downloadDocx', { language: languageName(linkLanguage, language) })}
        </a>
      </p>
    </div>
  );
}
