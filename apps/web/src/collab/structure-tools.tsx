import type { Language } from '@concord/domain';
import { formatArticleNumber, referenceLabels } from '@concord/schema';
import type { Node } from 'prosemirror-model';
import type { Command } from 'prosemirror-state';
import type { EditorView } from 'prosemirror-view';
import { useId, useState, type ReactNode, type RefObject } from 'react';
import { FormActions } from '../components/form';
import { useI18n } from '../i18n/i18n-context';
import { touchesAgreed } from './agreed-lock';
import type { StringKey } from '../i18n/strings';
import {
  articleInsertion,
  deletableProvision,
  deleteProvision,
  deletionRefusal,
  insertArticleAfter,
  insertParagraphAfter,
  insertReference,
  insertSubparagraph,
  provisionAround,
  type ProvisionAt,
} from './structure';

/** A provision the reference picker offers: its id, how running text refers to it, and its first words. */
interface Choice {
  readonly id: string;
  readonly words: string;
  readonly excerpt: string;
}

const EXCERPT_LENGTH = 60;

/** Every article, paragraph and subparagraph of a text in order, with its reference in the text's language. */
function referenceChoices(doc: Node, textLanguage: Language): Choice[] {
  const words = referenceLabels(doc, textLanguage);
  const choices: Choice[] = [];
  doc.descendants((node) => {
    const id: unknown = node.attrs['id'];
    if (typeof id !== 'string' || !['article', 'paragraph', 'subparagraph'].includes(node.type.name)) return true;
    const reference = words.get(id);
    if (reference === undefined) return true;
    // A lone paragraph is referred to as its article, which is already offered.
    if (node.type.name !== 'article' && choices.some((choice) => choice.words === reference)) return true;
    // An article is known by its heading where it has one; otherwise a provision by its first words.
    const heading = node.type.name === 'article' && node.firstChild?.type.name === 'heading' ? node.firstChild.textContent : '';
    const text = (heading || node.textBetween(0, node.content.size, ' ')).trim();
    choices.push({ id, words: reference, excerpt: text.length > EXCERPT_LENGTH ? `${text.slice(0, EXCERPT_LENGTH)}…` : text });
    return true;
  });
  return choices;
}

type Dialog = { readonly kind: 'delete'; readonly target: ProvisionAt; readonly words: string } | { readonly kind: 'reference'; readonly choices: readonly Choice[] };

/**
 * The secretariat's structure tools beside the bracket tools: insert an article, paragraph or subparagraph after
 * the one the cursor is in, delete a provision (after confirming which), and insert a reference to a provision.
 * A tool that does not apply where the cursor is says why in a live message instead of doing nothing.
 */
export function StructureTools({ view, textLanguage, children }: { view: RefObject<EditorView | null>; textLanguage: Language; children: ReactNode }) {
  const { t } = useI18n();
  const [message, setMessage] = useState('');
  const [dialog, setDialog] = useState<Dialog | null>(null);
  const [choice, setChoice] = useState('');
  const titleId = useId();
  const selectId = useId();

  const close = (): void => {
    setDialog(null);
    view.current?.focus();
  };

  const run = (command: Command, done: string, article = false): void => {
    const editor = view.current;
    if (editor === null) return;
    setMessage(command(editor.state, editor.dispatch) ? done : refusal(editor, article));
    editor.focus();
  };

  /** Why a tool did nothing where the cursor is. */
  const refusal = (editor: EditorView, article: boolean): string => {
    const { $from } = editor.state.selection;
    if (provisionAround($from) === null) return t('editor.refused.noProvision');
    const insertion = article ? articleInsertion(editor.state) : null;
    if (insertion?.number.kind === 'taken') {
      return t('editor.refused.numberTaken', {
        after: formatArticleNumber(insertion.number.after, textLanguage),
        next: formatArticleNumber(insertion.number.next, textLanguage),
      });
    }
    return touchesAgreed(editor.state.doc, $from.pos, $from.pos) ? t('editor.refused.agreed') : t('editor.refused.here');
  };

  const insertArticle = (): void => {
    const editor = view.current;
    if (editor === null) return;
    const insertion = articleInsertion(editor.state);
    const number = insertion?.number.kind === 'number' ? insertion.number.number : null;
    run(insertArticleAfter, number === null ? t('editor.done') : t('editor.insertedArticle', { article: formatArticleNumber(number, textLanguage) }), true);
  };

  const askDelete = (): void => {
    const editor = view.current;
    if (editor === null) return;
    const reason = deletionRefusal(editor.state);
    const target = deletableProvision(editor.state);
    if (reason !== null || target === null) {
      setMessage(t(reason === 'agreed' ? 'editor.refused.agreed' : reason === 'last-provision' ? 'editor.refused.lastProvision' : 'editor.refused.noProvision'));
      return;
    }
    setMessage('');
    setDialog({ kind: 'delete', target, words: referenceLabels(editor.state.doc, textLanguage).get(target.id) ?? '' });
  };

  const askReference = (): void => {
    const editor = view.current;
    if (editor === null) return;
    if (!editor.state.selection.$from.parent.isTextblock) {
      setMessage(t('editor.refused.noProvision'));
      return;
    }
    const choices = referenceChoices(editor.state.doc, textLanguage);
    setMessage('');
    setChoice(choices[0]?.id ?? '');
    setDialog({ kind: 'reference', choices });
  };

  const tools: readonly (readonly [StringKey, () => void])[] = [
    ['editor.insertArticle', insertArticle],
    ['editor.insertParagraph', () => run(insertParagraphAfter, t('editor.done'))],
    ['editor.insertSubparagraph', () => run(insertSubparagraph, t('editor.done'))],
    ['editor.deleteProvision', askDelete],
    ['editor.insertReference', askReference],
  ];

  return (
    <>
      <div className="editor-tools" role="toolbar" aria-label={t('editor.tools')}>
        {children}
        {tools.map(([key, action]) => (
        <button
          key={key}
          type="button"
          className="button-secondary"
          // The editor keeps its selection: the button acts on it without taking the focus from a mouse.
          onMouseDown={(event) => event.preventDefault()}
          onClick={action}
        >
          {t(key)}
        </button>
        ))}
      </div>
      <p className="editor-tools-status" role="status">
        {message}
      </p>
      {dialog?.kind === 'delete' && (
        <div
          className="chair-dialog structure-dialog"
          role="alertdialog"
          aria-modal="true"
          aria-labelledby={titleId}
          onKeyDown={(event) => event.key === 'Escape' && close()}
        >
          <h3 id={titleId}>{t('editor.deleteTitle')}</h3>
          <p className="structure-target" lang={textLanguage} dir="auto">
            {dialog.words}
          </p>
          <p>{t('editor.deleteHint')}</p>
          <div className="chair-dialog-actions">
            <button
              type="button"
              className="button button-danger"
              autoFocus
              onClick={() => {
                const editor = view.current;
                if (editor !== null && deleteProvision(editor.state, editor.dispatch)) setMessage(t('editor.deleted', { provision: dialog.words }));
                close();
              }}
            >
              {t('editor.delete')}
            </button>
            <button type="button" className="button" onClick={close}>
              {t('chair.cancel')}
            </button>
          </div>
        </div>
      )}
      {dialog?.kind === 'reference' && (
        <form
          className="chair-dialog structure-dialog"
          role="dialog"
          aria-modal="true"
          aria-labelledby={titleId}
          onKeyDown={(event) => event.key === 'Escape' && close()}
          onSubmit={(event) => {
            event.preventDefault();
            const editor = view.current;
            const picked = dialog.choices.find((candidate) => candidate.id === choice);
            if (editor === null || picked === undefined) return;
            const inserted = insertReference(picked.id, picked.words)(editor.state, editor.dispatch);
            setMessage(inserted ? t('editor.referenceInserted', { provision: picked.words }) : refusal(editor, false));
            close();
          }}
        >
          <h3 id={titleId}>{t('editor.referenceTitle')}</h3>
          <label htmlFor={selectId}>{t('editor.referenceTarget')}</label>
          <select id={selectId} autoFocus value={choice} lang={textLanguage} dir="auto" onChange={(event) => setChoice(event.target.value)}>
            {dialog.choices.map((candidate) => (
              <option key={candidate.id} value={candidate.id}>
                {candidate.excerpt === '' ? candidate.words : `${candidate.words} — ${candidate.excerpt}`}
              </option>
            ))}
          </select>
          <FormActions look="dialog" submit={t('editor.referenceInsert')} cancel={t('chair.cancel')} onCancel={close} />
        </form>
      )}
    </>
  );
}
