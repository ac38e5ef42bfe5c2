import { LANGUAGES, isLanguage, isRightToLeft, type Language } from '@concord/domain';
import { useRef, useState, type FormEvent } from 'react';
import { api, type Instrument } from '../../api';
import { StatusMessage } from '../../components/error-alert';
import { FormErrors, useFormAction } from '../../components/form';
import { languageName } from '../../i18n/format';
import { useI18n } from '../../i18n/i18n-context';

type Source = 'text' | 'docx';
type Format = 'text' | 'markdown';

const DOCX_TYPES = '.docx,application/vnd.openxmlformats-officedocument.wordprocessingml.document';

/** Secretariat: imports a base text, pasted (plain text or Markdown) or as a DOCX file, in its original language. */
export function ImportInstrumentForm({
  committeeId,
  onImported,
}: {
  committeeId: string;
  onImported: (instrument: Instrument) => void;
}) {
  const { t, language } = useI18n();
  const { submitting, error, problem, run, reject } = useFormAction();
  const [title, setTitle] = useState('');
  const [originalLanguage, setOriginalLanguage] = useState<Language>(language);
  const [source, setSource] = useState<Source>('text');
  const [format, setFormat] = useState<Format>('text');
  const [content, setContent] = useState('');
  const [file, setFile] = useState<File | null>(null);
  const [imported, setImported] = useState<{ title: string; warnings: readonly string[] } | null>(null);
  const fileInput = useRef<HTMLInputElement>(null);
  const textDirection = isRightToLeft(originalLanguage) ? 'rtl' : 'ltr';

  const onSubmit = async (event: FormEvent<HTMLFormElement>) => {
    event.preventDefault();
    setImported(null);
    const titles = { [originalLanguage]: title.trim() };
    if (source === 'text' && content.trim() === '') return reject(t('import.contentRequired'));
    if (source === 'docx' && file === null) return reject(t('import.fileRequired'));
    const result = await run(() =>
      source === 'docx' && file !== null
        ? api.importDocx(committeeId, { titles, originalLanguage, file })
        : api.importText(committeeId, { titles, originalLanguage, format, content }),
    );
    if (!result.ok) return;
    onImported(result.value);
    setImported({ title: title.trim(), warnings: result.value.warnings ?? [] });
    setTitle('');
    setContent('');
    setFile(null);
    if (fileInput.current !== null) fileInput.current.value = '';
  };

  return (
    <form className="form card form-wide" onSubmit={onSubmit} aria-labelledby="import-heading">
      <h3 id="import-heading">{t('import.title')}</h3>
      <FormErrors problem={problem} error={error} />
      {imported !== null && (
        <StatusMessage>
          <p>{t('import.done', { title: imported.title })}</p>
          {imported.warnings.length > 0 && (
            <>
              <p>{t('import.warnings')}</p>
              <ul>
                {imported.warnings.map((warning) => (
                  <li key={warning}>{warning}</li>
                ))}
              </ul>
            </>
          )}
        </StatusMessage>
      )}
      <div className="field-row">
        <div className="field">
          <label htmlFor="import-language">{t('import.language')}</label>
          <select
            id="import-language"
            value={originalLanguage}
            onChange={(event) => {
              if (isLanguage(event.target.value)) setOriginalLanguage(event.target.value);
            }}
          >
            {LANGUAGES.map((code) => (
              <option key={code} value={code}>
                {languageName(code, language)}
              </option>
            ))}
          </select>
        </div>
        <div className="field field-grow">
          <label htmlFor="import-title">{t('import.instrumentTitle')}</label>
          <input
            id="import-title"
            required
            lang={originalLanguage}
            dir={textDirection}
            value={title}
            onChange={(event) => setTitle(event.target.value)}
          />
        </div>
      </div>
      <fieldset>
        <legend>{t('import.source')}</legend>
        <div className="check-grid">
          <div className="check">
            <input
              id="import-source-text"
              type="radio"
              name="import-source"
              checked={source === 'text'}
              onChange={() => setSource('text')}
            />
            <label htmlFor="import-source-text">{t('import.sourceText')}</label>
          </div>
          <div className="check">
            <input
              id="import-source-docx"
              type="radio"
              name="import-source"
              checked={source === 'docx'}
              onChange={() => setSource('docx')}
            />
            <label htmlFor="import-source-docx">{t('import.sourceDocx')}</label>
          </div>
        </div>
      </fieldset>
      {source === 'text' ? (
        <>
          <div className="field">
            <label htmlFor="import-format">{t('import.format')}</label>
            <select
              id="import-format"
              value={format}
              onChange={(event) => setFormat(event.target.value === 'markdown' ? 'markdown' : 'text')}
            >
              <option value="text">{t('import.formatText')}</option>
              <option value="markdown">{t('import.formatMarkdown')}</option>
            </select>
          </div>
          <div className="field">
            <label htmlFor="import-content">{t('import.content')}</label>
            <textarea
              id="import-content"
              rows={12}
              lang={originalLanguage}
              dir={textDirection}
              spellCheck={false}
              value={content}
              onChange={(event) => setContent(event.target.value)}
            />
          </div>
        </>
      ) : (
        <div className="field">
          <label htmlFor="import-file">{t('import.file')}</label>
          <input
            id="import-file"
            ref={fileInput}
            type="file"
            accept={DOCX_TYPES}
            onChange={(event) => setFile(event.target.files?.[0] ?? null)}
          />
        </div>
      )}
      <div className="form-actions">
        <button type="submit" disabled={submitting}>
          {submitting ? t('form.submitting') : t('import.submit')}
        </button>
      </div>
    </form>
  );
}
