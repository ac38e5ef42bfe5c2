import { isRightToLeft, type Language } from '@concord/domain';
import { findNodeById, inlineToText } from '@concord/schema';
import type { Node } from 'prosemirror-model';
import type { EditorView } from 'prosemirror-view';
import { useEffect, useId, useRef, useState, type KeyboardEvent } from 'react';
import { FormActions } from '../components/form';
import { formatNumber } from '../i18n/format';
import { useI18n } from '../i18n/i18n-context';
import { footnotePlace, insertFootnote, listFootnotes, removeFootnote, rewordFootnote } from './footnotes';

/** Focuses the marker of footnote `id` in the editor, scrolling it into view. */
export function focusFootnoteMarker(view: EditorView, id: string): void {
  const marker = view.dom.querySelector<HTMLElement>(`[data-footnote="${CSS.escape(id)}"]`);
  marker?.scrollIntoView({ block: 'center' });
  marker?.focus();
}

/** Which footnote the form is for: a new one at the cursor, or an existing one by id. */
export type FootnoteFormTarget = { readonly kind: 'new' } | { readonly kind: 'edit'; readonly id: string };

/**
 * The secretariat's form for a footnote: its text, then insert (at the cursor) or save and remove. Escape or Cancel
 * closes it and gives the focus back to the text.
 */
export function FootnoteForm({ view, target, textLanguage, onClose }: { view: EditorView; target: FootnoteFormTarget; textLanguage: Language; onClose: () => void }) {
  const { t, language } = useI18n();
  const headingId = useId();
  const fieldId = useId();
  const field = useRef<HTMLTextAreaElement>(null);
  const existing = target.kind === 'edit' ? findNodeById(view.state.doc, target.id) : null;
  const number = target.kind === 'edit' ? (listFootnotes(view.state.doc).find((note) => note.id === target.id)?.number ?? 0) : 0;
  const [text, setText] = useState(existing?.node.textContent ?? '');
  const [error, setError] = useState<string | null>(target.kind === 'new' && footnotePlace(view.state) === null ? t('footnote.noPlace') : null);

  useEffect(() => field.current?.focus(), []);

  const close = (): void => {
    onClose();
    view.focus();
  };
  const apply = (tr: ReturnType<typeof insertFootnote>): void => {
    if (tr === null) return;
    view.dispatch(tr);
    close();
  };
  const submit = (): void => {
    if (text.trim() === '') {
      setError(t('footnote.empty'));
      field.current?.focus();
      return;
    }
    if (target.kind === 'new') {
      const tr = insertFootnote(view.state, text);
      if (tr === null) setError(t('footnote.noPlace'));
      apply(tr);
      return;
    }
    const found = findNodeById(view.state.doc, target.id);
    if (found !== null) apply(rewordFootnote(view.state, found.pos, text));
  };
  const remove = (): void => {
    const found = target.kind === 'edit' ? findNodeById(view.state.doc, target.id) : null;
    if (found !== null) apply(removeFootnote(view.state, found.pos));
  };
  const onKeyDown = (event: KeyboardEvent<HTMLElement>): void => {
    if (event.key === 'Escape') {
      event.preventDefault();
      close();
    }
  };

  return (
    <section className="editor-panel footnote-form" aria-labelledby={headingId} onKeyDown={onKeyDown}>
      <h2 id={headingId} className="editor-panel-title">
        {target.kind === 'new' ? t('footnote.insert') : t('footnote.marker', { n: formatNumber(number, language) })}
      </h2>
      <form
        onSubmit={(event) => {
          event.preventDefault();
          submit();
        }}
      >
        <label htmlFor={fieldId}>{t('footnote.text')}</label>
        <textarea
          id={fieldId}
          ref={field}
          rows={3}
          dir="auto"
          lang={textLanguage}
          value={text}
          aria-invalid={error !== null}
          onChange={(event) => {
            setText(event.target.value);
            setError(null);
          }}
        />
        {error !== null && (
          <p role="alert" className="field-error">
            {error}
          </p>
        )}
        <FormActions submit={target.kind === 'new' ? t('footnote.confirmInsert') : t('footnote.save')} cancel={t('comments.cancel')} onCancel={close}>
          {target.kind === 'edit' && (
            <button type="button" className="button-secondary" onClick={remove}>
              {t('footnote.remove')}
            </button>
          )}
        </FormActions>
      </form>
    </section>
  );
}

/**
 * The footnotes of the text, listed after it in document order with their numbers in the text's numerals; each
 * number leads back to its marker in the text.
 */
export function FootnoteList({ doc, textLanguage, view }: { doc: Node; textLanguage: Language; view: EditorView | null }) {
  const { t } = useI18n();
  const headingId = useId();
  const notes = listFootnotes(doc);
  if (notes.length === 0) return null;
  return (
    <section className="footnote-list" aria-labelledby={headingId}>
      <h2 id={headingId}>{t('footnote.list')}</h2>
      <ol lang={textLanguage} dir={isRightToLeft(textLanguage) ? 'rtl' : 'ltr'}>
        {notes.map((note) => (
          <li key={note.id} id={`footnote-${note.id}`} data-footnote-note={note.id}>
            <button
              type="button"
              className="footnote-back link-button"
              aria-label={t('footnote.back', { n: formatNumber(note.number, textLanguage) })}
              onClick={() => view !== null && focusFootnoteMarker(view, note.id)}
            >
              {formatNumber(note.number, textLanguage)}
            </button>{' '}
            <span className="footnote-text">{inlineToText(note.node)}</span>
          </li>
        ))}
      </ol>
    </section>
  );
}
