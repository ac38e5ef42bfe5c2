import { diffText } from '@concord/compare';
import type { Language } from '@concord/domain';
import type { WordAppliedView, WordChangeView, WordPreviewView, WordUnplaced } from '@concord/export';
import { useEffect, useId, useState, type FormEvent } from 'react';
import { request, type DraftingSpace } from '../api';
import { ErrorAlert } from '../components/error-alert';
import { formatList, formatNumber } from '../i18n/format';
import { useI18n } from '../i18n/i18n-context';
import type { StringKey } from '../i18n/strings';
import './proposals.css';

type UnplacedCode = WordUnplaced['code'];

/** What the server understood of a Word file (preview), and what it applied (apply). */
export type WordPreview = WordPreviewView & Partial<Pick<WordAppliedView, 'applied'>>;

const segment = encodeURIComponent;

/** The address of a drafting space as a Word file to edit offline. */
export function spaceDocxUrl(spaceId: string): string {
  return `/api/drafting-spaces/${segment(spaceId)}/docx`;
}

function send(spaceId: string, step: 'preview' | 'apply', file: File, digest?: string): Promise<WordPreview> {
  const form = new FormData();
  if (digest) form.set('digest', digest);
  form.set('file', file);
  return request<WordPreview>('POST', `/api/drafting-spaces/${segment(spaceId)}/word/${step}`, form);
}

const UNPLACED: Readonly<Record<UnplacedCode, StringKey>> = {
  'new-paragraph': 'word.unplaced.new-paragraph',
  joined: 'word.unplaced.joined',
  split: 'word.unplaced.split',
  'unknown-id': 'word.unplaced.unknown-id',
  removed: 'word.unplaced.removed',
  'no-match': 'word.unplaced.no-match',
};

/**
 * The Word bridge of a drafting space: download it to edit in Word, and (for members who write it) upload a
 * Word file, see what Concord understood (paragraphs placed, changes, conflicts, what it could not place), then
 * apply it as one change merged with what members typed meanwhile.
 */
export function WordPanel({ space, editable }: { space: DraftingSpace; editable: boolean }) {
  const { t, language } = useI18n();
  const headingId = useId();
  const fileId = useId();
  const [file, setFile] = useState<File | null>(null);
  const [preview, setPreview] = useState<WordPreview | null>(null);
  const [result, setResult] = useState<WordPreview | null>(null);
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<unknown>(null);

  const run = async (step: () => Promise<void>) => {
    setBusy(true);
    setError(null);
    try {
      await step();
    } catch (caught) {
      setError(caught);
    } finally {
      setBusy(false);
    }
  };

  const check = (event: FormEvent) => {
    event.preventDefault();
    if (!file) return;
    setResult(null);
    void run(async () => setPreview(await send(space.id, 'preview', file)));
  };

  const apply = () => {
    if (!file || !preview) return;
    void run(async () => {
      setResult(await send(space.id, 'apply', file, preview.digest));
      setPreview(null);
    });
  };

  const edits = preview?.changes.reduce((sum, change) => sum + change.edits, 0) ?? 0;
  const where = (change: WordChangeView) => [change.article, change.label].filter((part) => part !== '').join(' ') || t('word.unnumbered');

  return (
    <section className="card word-panel" aria-labelledby={headingId}>
      <h2 id={headingId} className="sidebar-heading">
        {t('word.title')}
      </h2>
      <p className="hint">{t(editable ? 'word.intro' : 'word.introReadOnly')}</p>
      <p>
        <a href={spaceDocxUrl(space.id)} download data-testid="word-download">
          {t('word.download')}
        </a>
      </p>
      {editable && (
        <form onSubmit={check}>
          <div className="field">
            <label htmlFor={fileId}>{t('word.uploadLabel')}</label>
            <input
              id={fileId}
              type="file"
              accept=".docx,application/vnd.openxmlformats-officedocument.wordprocessingml.document"
              onChange={(event) => {
                setFile(event.target.files?.[0] ?? null);
                setPreview(null);
                setResult(null);
              }}
            />
          </div>
          <button type="submit" className="button" disabled={!file || busy}>
            {t('word.preview')}
          </button>
        </form>
      )}
      {error !== null && <ErrorAlert error={error} />}
      {preview !== null && (
        <div className="word-preview" data-testid="word-preview">
          <p>
            {t('word.summary', { matched: formatNumber(preview.matched, language), changes: formatNumber(preview.changes.length, language) })}{' '}
            {preview.roundTrip ? t('word.roundTrip') : preview.tracked ? t('word.tracked') : t('word.clean')}
          </p>
          {preview.changes.length === 0 && <p className="empty">{t('word.nothing')}</p>}
          <ul className="word-changes">
            {preview.changes.map((change) => (
              <li key={change.key}>
                <strong>{where(change)}</strong>
                {change.authors.length > 0 && <span className="meta"> · {t('word.by', { authors: formatList(change.authors, language) })}</span>}
                <WordDiff before={change.before} after={change.after} language={space.language} />
                {change.conflicts.map((conflict, i) => (
                  <p key={i} className="alert alert-warning" role="status">
                    {t('word.conflict', { live: conflict.live || '∅', word: conflict.word || '∅' })}
                  </p>
                ))}
              </li>
            ))}
          </ul>
          {preview.unplaced.length > 0 && (
            <>
              <h3>{t('word.unplacedTitle')}</h3>
              <ul className="word-unplaced">
                {preview.unplaced.map((item, i) => (
                  <li key={i}>
                    <span dir="auto">“{item.text}”</span> — {t(UNPLACED[item.code])}
                  </li>
                ))}
              </ul>
            </>
          )}
          {edits > 0 && (
            <button type="button" className="button button-primary" onClick={apply} disabled={busy}>
              {t('word.apply', { count: formatNumber(edits, language) })}
            </button>
          )}
        </div>
      )}
      {result !== null && (
        <p role="status" className="alert alert-success">
          {t('word.applied', { count: formatNumber(result.applied ?? 0, language) })}
        </p>
      )}
    </section>
  );
}

/** The words a change replaces, struck through, and those it puts in, underlined, in reading order. */
function WordDiff({ before, after, language }: { before: string; after: string; language: Language }) {
  return (
    <p dir="auto" lang={language} className="word-diff">
      {diffText(before, after, language).map((part, i) =>
        part.kind === 'insert' ? <ins key={i}>{part.text}</ins> : part.kind === 'delete' ? <del key={i}>{part.text}</del> : <span key={i}>{part.text}</span>,
      )}
    </p>
  );
}

/**
 * A link to the live consolidated draft compared with the last revision readable to the reader, as a Word file
 * with tracked changes; nothing when no revision has been published.
 */
export function LiveComparisonDownload({ instrumentId, textLanguage }: { instrumentId: string; textLanguage: string }) {
  const { t } = useI18n();
  const [latest, setLatest] = useState<{ id: string; symbol: string } | null>(null);
  useEffect(() => {
    let current = true;
    request<{ items: readonly { id: string; symbol: string; languages: readonly string[] }[] }>('GET', `/api/instruments/${segment(instrumentId)}/revisions`).then(
      (list) => current && setLatest(list.items.find((revision) => revision.languages.includes(textLanguage)) ?? null),
      // Without the list there is simply no link; the draft itself is what the page is for.
      () => current && setLatest(null),
    );
    return () => {
      current = false;
    };
  }, [instrumentId, textLanguage]);
  if (latest === null) return null;
  return (
    <p className="meta">
      <a href={`/api/revisions/${segment(latest.id)}/compare/live/docx?lang=${segment(textLanguage)}`} download data-testid="live-docx">
        {t('word.compareLive', { symbol: latest.symbol })}
      </a>
    </p>
  );
}
