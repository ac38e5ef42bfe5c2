import { LANGUAGES, decide, isLanguage, isRightToLeft, type Language } from '@concord/domain';
import { useEffect, useId, useState } from 'react';
import { Link } from 'react-router';
import { api, type Instrument } from '../../api';
import { subjectOf, useUser } from '../../auth';
import { ErrorAlert, Loading } from '../../components/error-alert';
import { DeskLinks } from '../../desk/desk-links';
import { formatDate, languageName } from '../../i18n/format';
import { useI18n } from '../../i18n/i18n-context';
import { pickLocalizedEntry } from '../../localized';
import { useResource, type Resource } from '../../use-resource';
import { READING_ROOM_PATH } from '../../reading-room/paths';
import { consolidatedDraftPath } from '../../routes';

/**
 * The committee's instruments; each title opens its numbered plain text, and readers of committee texts get a
 * link to the live consolidated draft in each language version.
 */
export function InstrumentsSection({
  resource,
  onRetry,
}: {
  resource: Resource<readonly Instrument[]>;
  onRetry: () => void;
}) {
  const { t } = useI18n();
  const user = useUser();
  // Who reads no committee text (an observer) reads the published revisions instead: pointed there, not refused.
  const readsCommitteeTexts = decide(subjectOf(user), 'read', { tier: 'committee', committeeId: user.committeeId }).allowed;
  if (!readsCommitteeTexts) {
    return (
      <section className="panel" aria-labelledby="instruments-heading">
        <h2 id="instruments-heading">{t('instruments.title')}</h2>
        <p>
          {t('instruments.publishedOnly')} <Link to={READING_ROOM_PATH}>{t('room.open')}</Link>
        </p>
      </section>
    );
  }
  return (
    <section className="panel" aria-labelledby="instruments-heading">
      <h2 id="instruments-heading">{t('instruments.title')}</h2>
      {resource.status === 'loading' && <Loading />}
      {resource.status === 'error' && <ErrorAlert error={resource.error} onRetry={onRetry} />}
      {resource.status === 'ready' && resource.data.length === 0 && <p className="empty">{t('instruments.empty')}</p>}
      {resource.status === 'ready' && resource.data.length > 0 && (
        <ul className="instrument-list">
          {[...resource.data]
            .sort((a, b) => a.createdAt.localeCompare(b.createdAt))
            .map((instrument) => (
              <InstrumentItem key={instrument.id} instrument={instrument} />
            ))}
        </ul>
      )}
    </section>
  );
}

function InstrumentItem({ instrument }: { instrument: Instrument }) {
  const { t, language } = useI18n();
  const user = useUser();
  const mayReadDraft = decide(subjectOf(user), 'read', { tier: 'committee' }).allowed;
  const draftLanguages = LANGUAGES.filter((code) => instrument.languages?.includes(code) ?? code === instrument.originalLanguage);
  const [open, setOpen] = useState(false);
  const panelId = useId();
  const title = pickLocalizedEntry(instrument.titles, language, instrument.originalLanguage);
  const titleText = title?.text ?? t('instruments.untitled');

  return (
    <li className="instrument">
      <h3 className="instrument-title">
        <button
          type="button"
          className="disclosure"
          aria-expanded={open}
          aria-controls={panelId}
          onClick={() => setOpen((wasOpen) => !wasOpen)}
        >
          <span lang={title?.language}>{titleText}</span>
        </button>
      </h3>
      <p className="meta">
        {t('instruments.original', { language: languageName(instrument.originalLanguage, language) })}
        {' · '}
        {t('instruments.imported', { date: formatDate(instrument.createdAt, language) })}
      </p>
      {mayReadDraft && draftLanguages.length > 0 && (
        <ul className="draft-links">
          {draftLanguages.map((code) => (
            <li key={code}>
              <Link className="draft-link" to={consolidatedDraftPath(instrument.committeeId, instrument.id, code)}>
                {t('instruments.openDraft', { language: languageName(code, language) })}
              </Link>
            </li>
          ))}
        </ul>
      )}
      <DeskLinks committeeId={instrument.committeeId} instrumentId={instrument.id} languages={draftLanguages} />
      <div id={panelId} hidden={!open}>
        {open && <InstrumentTextView instrument={instrument} title={titleText} />}
      </div>
    </li>
  );
}

/** The reader's language when the instrument has a version in it (or the server does not say), else the original. */
export function preferredTextLanguage(instrument: Instrument, language: Language): Language {
  if (instrument.languages === undefined || instrument.languages.includes(language)) return language;
  return instrument.originalLanguage;
}

/** The numbered plain text of one language version, in the interface language unless the reader picks another. */
function InstrumentTextView({ instrument, title }: { instrument: Instrument; title: string }) {
  const { t, language } = useI18n();
  const [textLanguage, setTextLanguage] = useState<Language>(() => preferredTextLanguage(instrument, language));
  const selectId = useId();
  useEffect(() => setTextLanguage(preferredTextLanguage(instrument, language)), [instrument, language]);
  const { resource, reload } = useResource(
    () => api.instrumentText(instrument.id, textLanguage),
    [instrument.id, textLanguage],
  );

  return (
    <div className="instrument-text-view">
      <div className="field field-inline">
        <label htmlFor={selectId}>{t('instruments.textLanguage')}</label>
        <select
          id={selectId}
          value={textLanguage}
          onChange={(event) => {
            if (isLanguage(event.target.value)) setTextLanguage(event.target.value);
          }}
        >
          {LANGUAGES.filter((code) => instrument.languages?.includes(code) ?? true).map((code) => (
            <option key={code} value={code}>
              {languageName(code, language)}
            </option>
          ))}
        </select>
      </div>
      {resource.status === 'loading' && <Loading />}
      {resource.status === 'error' && <ErrorAlert error={resource.error} onRetry={reload} />}
      {resource.status === 'ready' && resource.data.text.trim() === '' && (
        <p className="empty">{t('instruments.noText')}</p>
      )}
      {resource.status === 'ready' && resource.data.text.trim() !== '' && (
        <pre
          className="instrument-text"
          lang={resource.data.language}
          dir={isRightToLeft(resource.data.language) ? 'rtl' : 'ltr'}
          tabIndex={0}
          aria-label={t('instruments.textOf', { title })}
        >
          {resource.data.text}
        </pre>
      )}
    </div>
  );
}
