import { LANGUAGES, isLanguage, isRightToLeft, type Language } from '@concord/domain';
import { docFromJSON } from '@concord/schema';
import { useEffect, useMemo, useState, type FormEvent } from 'react';
import { useNavigate } from 'react-router';
import { api, type Instrument } from '../../api';
import { documentOutline } from '../../collab/outline';
import { ErrorAlert, Loading } from '../../components/error-alert';
import { FormErrors, useFormAction } from '../../components/form';
import { languageName } from '../../i18n/format';
import { useI18n } from '../../i18n/i18n-context';
import { pickLocalizedEntry } from '../../localized';
import { useResource } from '../../use-resource';
import { draftingSpacePath } from '../../routes';
import { preferredTextLanguage } from './instruments-section';

/** The language versions of an instrument that have text (all six when the server does not say). */
function languagesOf(instrument: Instrument | undefined): readonly Language[] {
  if (instrument === undefined) return [];
  return LANGUAGES.filter((code) => instrument.languages?.includes(code) ?? true);
}

/**
 * Delegates and heads: opens a drafting space for their delegation on an instrument's base text in one language,
 * optionally narrowed to some articles, then goes to it.
 */
export function NewDraftingSpaceForm({ instruments }: { instruments: readonly Instrument[] }) {
  const { t, language } = useI18n();
  const navigate = useNavigate();
  const { submitting, error, problem, run } = useFormAction();
  const [title, setTitle] = useState('');
  const [instrumentId, setInstrumentId] = useState('');
  const instrument = instruments.find((candidate) => candidate.id === instrumentId) ?? instruments[0];
  const [textLanguage, setTextLanguage] = useState<Language | null>(null);
  const available = languagesOf(instrument);
  const chosenLanguage =
    textLanguage !== null && available.includes(textLanguage)
      ? textLanguage
      : instrument === undefined
        ? language
        : preferredTextLanguage(instrument, language);
  const [articleIds, setArticleIds] = useState<readonly string[]>([]);

  // The articles of another text are not articles of this one.
  useEffect(() => setArticleIds([]), [instrument?.id, chosenLanguage]);

  const base = useResource(
    () => (instrument === undefined ? Promise.resolve(null) : api.instrumentText(instrument.id, chosenLanguage)),
    [instrument?.id, chosenLanguage],
  );
  const articles = useMemo(() => {
    if (base.resource.status !== 'ready' || base.resource.data === null) return null;
    try {
      const doc = docFromJSON(base.resource.data.doc, { requireIds: false });
      return documentOutline(doc, language).filter((entry) => entry.kind === 'article');
    } catch {
      // A text the schema cannot read still takes a space on the whole of it.
      return [];
    }
  }, [base.resource, language]);

  const onSubmit = async (event: FormEvent<HTMLFormElement>) => {
    event.preventDefault();
    if (instrument === undefined) return;
    // In the order of the text, which is the order the space lays them out in.
    const provisionIds = (articles ?? []).filter((article) => articleIds.includes(article.id)).map((article) => article.id);
    const result = await run(() =>
      api.createDraftingSpace(instrument.id, {
        title: title.trim(),
        language: chosenLanguage,
        ...(provisionIds.length === 0 ? {} : { provisionIds }),
      }),
    );
    if (result.ok) navigate(draftingSpacePath(result.value.id));
  };

  if (instruments.length === 0) {
    return (
      <div className="card new-space">
        <h3>{t('newSpace.title')}</h3>
        <p className="empty">{t('newSpace.noInstrument')}</p>
      </div>
    );
  }

  return (
    <form className="form card new-space" onSubmit={onSubmit} aria-labelledby="new-space-heading">
      <h3 id="new-space-heading">{t('newSpace.title')}</h3>
      <p className="hint">{t('newSpace.intro')}</p>
      <FormErrors problem={problem} error={error} />
      <div className="field">
        <label htmlFor="new-space-title">{t('newSpace.name')}</label>
        <input
          id="new-space-title"
          required
          maxLength={300}
          dir="auto"
          aria-describedby="new-space-title-hint"
          value={title}
          onChange={(event) => setTitle(event.target.value)}
        />
        <p id="new-space-title-hint" className="hint">
          {t('newSpace.nameHint')}
        </p>
      </div>
      <div className="field-row">
        <div className="field field-grow">
          <label htmlFor="new-space-instrument">{t('newSpace.instrument')}</label>
          <select
            id="new-space-instrument"
            value={instrument?.id ?? ''}
            onChange={(event) => setInstrumentId(event.target.value)}
          >
            {instruments.map((candidate) => {
              const name = pickLocalizedEntry(candidate.titles, language, candidate.originalLanguage);
              return (
                <option key={candidate.id} value={candidate.id} lang={name?.language}>
                  {name?.text ?? t('instruments.untitled')}
                </option>
              );
            })}
          </select>
        </div>
        <div className="field">
          <label htmlFor="new-space-language">{t('newSpace.language')}</label>
          <select
            id="new-space-language"
            value={chosenLanguage}
            onChange={(event) => {
              if (isLanguage(event.target.value)) setTextLanguage(event.target.value);
            }}
          >
            {available.map((code) => (
              <option key={code} value={code}>
                {languageName(code, language)}
              </option>
            ))}
          </select>
        </div>
      </div>
      <fieldset aria-describedby="new-space-articles-hint">
        <legend>{t('newSpace.articles')}</legend>
        <p id="new-space-articles-hint" className="hint">
          {t('newSpace.articlesHint')}
        </p>
        {base.resource.status === 'loading' && <Loading />}
        {base.resource.status === 'error' && <ErrorAlert error={base.resource.error} onRetry={base.reload} />}
        {articles !== null && articles.length > 0 && (
          <div className="article-choices">
            {articles.map((article) => (
              <div className="check" key={article.id}>
                <input
                  id={`new-space-article-${article.id}`}
                  type="checkbox"
                  checked={articleIds.includes(article.id)}
                  onChange={(event) =>
                    setArticleIds(
                      event.target.checked
                        ? [...articleIds, article.id]
                        : articleIds.filter((id) => id !== article.id),
                    )
                  }
                />
                <label htmlFor={`new-space-article-${article.id}`}>
                  <span className="article-choice-label">{article.label}</span>
                  {article.heading !== null && (
                    <span
                      className="article-choice-heading"
                      lang={chosenLanguage}
                      dir={isRightToLeft(chosenLanguage) ? 'rtl' : 'ltr'}
                    >
                      {article.heading}
                    </span>
                  )}
                </label>
              </div>
            ))}
          </div>
        )}
      </fieldset>
      <div className="form-actions">
        <button type="submit" disabled={submitting}>
          {submitting ? t('form.submitting') : t('newSpace.submit')}
        </button>
      </div>
    </form>
  );
}
