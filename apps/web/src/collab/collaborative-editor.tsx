import { isConsolidatedDocument, isRightToLeft, type Language } from '@concord/domain';
import { treatySchema } from '@concord/schema';
import { baseKeymap } from 'prosemirror-commands';
import { keymap } from 'prosemirror-keymap';
import type { Node } from 'prosemirror-model';
import { EditorState, Plugin } from 'prosemirror-state';
import { EditorView } from 'prosemirror-view';
import 'prosemirror-view/style/prosemirror.css';
import { useEffect, useId, useMemo, useRef, useState, type ReactNode } from 'react';
import { Link } from 'react-router';
import { redoCommand, undoCommand, yCursorPlugin, ySyncPlugin, yUndoPlugin } from 'y-prosemirror';
import { useAuth, useUser } from '../auth';
import { prefersReducedMotion } from '../components/motion';
import { formatList, formatNumber } from '../i18n/format';
import { useI18n } from '../i18n/i18n-context';
import type { Translate } from '../i18n/strings';
import type { Delegation } from '../api';
import { ArticleNavigator } from '../components/article-navigator';
import { agreedLock } from './agreed-lock';
import { ConnectionStatus } from './connection-status';
import { bracketSelection, splitProvision, stableIds, unbracketSelection } from './editing';
import { FootnoteForm, FootnoteList, type FootnoteFormTarget } from './footnote-tools';
import { footnoteMarkers, type FootnoteMarkerTexts } from './footnotes';
import { BuildOptionsForm, DissolveOptionsForm } from './option-tools';
import { StructureTools } from './structure-tools';
import { goToNode, navigationHighlight } from './navigation';
import { documentOutline } from './outline';
import type { AwarenessUser } from './presence';
import { PresenceList } from './presence-list';
import { readOnlyText } from './read-only';
import { treatyDecorations, treatyDecorationsKey, type DecorationTexts } from './treaty-decorations';
import { useCollaboration } from './use-collaboration';
import { userColor } from './user-color';

/** How long the navigator waits after a change before it renumbers, so typing stays smooth in long texts. */
const OUTLINE_DELAY_MS = 150;
/** How long the bar says that an agreed provision's text cannot change, after the last key that tried. */
const LOCKED_NOTICE_MS = 6000;

/** A co-editor's cursor: a caret in their colour with their name above it (hidden from screen readers). */
export function cursorElement(user: { readonly name: string; readonly color: string }): HTMLElement {
  const cursor = document.createElement('span');
  cursor.className = 'ProseMirror-yjs-cursor';
  cursor.style.borderColor = user.color;
  cursor.setAttribute('aria-hidden', 'true');
  const label = document.createElement('span');
  label.className = 'collab-cursor-label';
  label.dir = 'auto';
  label.style.backgroundColor = user.color;
  label.textContent = user.name;
  // Word joiners keep the caret from breaking the line it stands in.
  cursor.append('\u2060', label, '\u2060');
  return cursor;
}

/** The interface-language words of the decorations. */
export function decorationTexts(language: Language, t: Translate): DecorationTexts {
  return {
    language,
    status: (status) => t(`status.${status}`),
    sponsors: (codes) => t('editor.sponsors', { list: formatList(codes, language) }),
    baseText: t('editor.baseOption'),
  };
}

export interface CollaborativeEditorProps {
  /** The collaboration document: `consolidated:<instrument>:<language>` or `space:<id>`. */
  readonly document: string;
  /** The language of the text, which sets its direction and the numbering shown in it. */
  readonly textLanguage: Language;
  /** Whether this reader may change the text; otherwise the document is read live and never written. */
  readonly editable: boolean;
  /** The accessible name of the text ("Consolidated draft of … , English version"). */
  readonly label: string;
  /** The text a drafting space was forked from, whose article numbers the space keeps. */
  readonly numberingBase?: Node | null;
  /** More plugins for the editor (comment highlights); keep the array stable, since a new one rebuilds the editor. */
  readonly plugins?: readonly Plugin[];
  /** A column beside the text, at its end (comments, a drafting space's proposal panels). */
  readonly margin?: ReactNode;
  /**
   * Whether the secretariat's tools are offered (the consolidated draft, when it may be edited): brackets, and
   * inserting and deleting provisions and references.
   */
  readonly bracketTools?: boolean;
  /** Whether clicking text tells where it came from, with links to its proposals (the consolidated draft). */
  readonly provenanceOnClick?: boolean;
  /**
   * The committee's delegations, for the secretariat to name who proposes each option it makes by hand; with
   * `bracketTools`, the tools to make and dissolve options are offered.
   */
  readonly delegations?: readonly Delegation[] | null;
}

/** A secretariat tool's form open under the editor's bar. */
type ToolPanel = { readonly kind: 'footnote'; readonly target: FootnoteFormTarget } | { readonly kind: 'build-options' } | { readonly kind: 'dissolve-options' };

/** Where the clicked text came from, read from its provenance mark. */
interface ClickedOrigin {
  readonly kind: string;
  readonly label: string;
  readonly proposalIds: readonly string[];
}

/** Tells `onOrigin` the provenance of the text clicked, and lets the click go on as usual. */
function provenanceClicks(onOrigin: (origin: ClickedOrigin | null) => void): Plugin {
  return new Plugin({
    props: {
      handleClick(view, pos) {
        const text = view.state.doc.nodeAt(pos);
        const marks = text?.isText ? text.marks : view.state.doc.resolve(pos).marks();
        const mark = marks.find((candidate) => candidate.type.name === 'provenance');
        onOrigin(
          mark === undefined
            ? null
            : {
                kind: String(mark.attrs['kind']),
                label: String(mark.attrs['label']),
                proposalIds: mark.attrs['kind'] === 'proposal' ? String(mark.attrs['ref']).split(' ').filter((id) => id !== '') : [],
              },
        );
        return false;
      },
    },
  });
}

const NO_PLUGINS: readonly Plugin[] = [];

/**
 * A live treaty text bound to its shared document: ProseMirror over y-prosemirror (sync, co-editors' cursors
 * with their names, undo of one's own changes), numbering and status badges in the text's language, an article
 * navigator, who is here, and the state of the connection. Read-only readers receive every change and send
 * none. Leaving the page closes the connection and frees the copy.
 */
export function CollaborativeEditor({
  document,
  textLanguage,
  editable,
  label,
  numberingBase = null,
  plugins = NO_PLUGINS,
  margin,
  bracketTools = false,
  provenanceOnClick = false,
  delegations = null,
}: CollaborativeEditorProps) {
  const [origin, setOrigin] = useState<ClickedOrigin | null>(null);
  const [panel, setPanel] = useState<ToolPanel | null>(null);
  const tools = editable && bracketTools;
  const { t, language } = useI18n();
  const user = useUser();
  const { sessionExpired } = useAuth();
  const hintId = useId();
  const me = useMemo<AwarenessUser>(
    () => ({ id: user.id, name: user.displayName, color: userColor(user.id), mode: editable ? 'editing' : 'reading' }),
    [user.id, user.displayName, editable],
  );
  const { session, connection, participants, retry } = useCollaboration({
    document,
    user: me,
    readOnly: !editable,
    onUnauthenticated: sessionExpired,
  });

  // When a key would have changed an agreed provision: the bar says why nothing happened, for a few seconds.
  const [lockedNotice, setLockedNotice] = useState(0);
  const refused = useRef(() => setLockedNotice((n) => n + 1));
  useEffect(() => {
    if (lockedNotice === 0) return;
    const timer = window.setTimeout(() => setLockedNotice(0), LOCKED_NOTICE_MS);
    return () => window.clearTimeout(timer);
  }, [lockedNotice]);

  const mount = useRef<HTMLDivElement>(null);
  const viewRef = useRef<EditorView | null>(null);
  const [doc, setDoc] = useState<Node | null>(null);
  const textsRef = useRef<DecorationTexts>(decorationTexts(language, t));
  const labelRef = useRef(label);
  labelRef.current = label;
  const markerTexts = useRef<FootnoteMarkerTexts>({ number: String, label: String });
  markerTexts.current = {
    number: (n) => formatNumber(n, textLanguage),
    // The accessible name holds the number as shown, in the text's numerals.
    label: (n) => t('footnote.marker', { n: formatNumber(n, textLanguage) }),
  };
  // A marker opens its note: in the secretariat's form where it edits, else at its place in the list of notes.
  const openNote = useRef<(id: string) => void>(() => undefined);
  openNote.current = (id) => {
    if (tools) setPanel({ kind: 'footnote', target: { kind: 'edit', id } });
    else window.document.querySelector<HTMLElement>(`[data-footnote-note="${CSS.escape(id)}"] button`)?.focus();
  };

  useEffect(() => {
    const target = mount.current;
    if (session === null || target === null) return;
    let outlineTimer: number | undefined;
    const state = EditorState.create({
      schema: treatySchema,
      plugins: [
        // First, so that a reader's keys reach nothing that would change the text.
        ...(editable ? [] : [readOnlyText()]),
        ySyncPlugin(session.fragment),
        yCursorPlugin(session.provider.awareness, { cursorBuilder: cursorElement }),
        yUndoPlugin(),
        keymap({ 'Mod-z': undoCommand, 'Mod-y': redoCommand, 'Mod-Shift-z': redoCommand, Enter: splitProvision }),
        keymap(baseKeymap),
        treatyDecorations(textLanguage, () => textsRef.current, numberingBase),
        navigationHighlight(),
        stableIds(),
        footnoteMarkers(
          () => markerTexts.current,
          (id) => openNote.current(id),
        ),
        ...(provenanceOnClick ? [provenanceClicks(setOrigin)] : []),
        ...(isConsolidatedDocument(document) ? [agreedLock(() => refused.current())] : []),
        ...plugins,
      ],
    });
    const view = new EditorView(target, {
      state,
      attributes: () => ({
        class: 'treaty-text',
        lang: textLanguage,
        dir: isRightToLeft(textLanguage) ? 'rtl' : 'ltr',
        role: 'textbox',
        'aria-multiline': 'true',
        'aria-readonly': editable ? 'false' : 'true',
        'aria-label': labelRef.current,
        'aria-describedby': hintId,
        spellcheck: editable ? 'true' : 'false',
      }),
      // A function, not an arrow: plugins dispatch while the view is still being constructed, before `view` is bound.
      dispatchTransaction(this: EditorView, tr) {
        // y-prosemirror (1.3) defers awareness updates to a timeout that can fire after the page left the editor.
        if (this.isDestroyed) return;
        this.updateState(this.state.apply(tr));
        if (!tr.docChanged) return;
        window.clearTimeout(outlineTimer);
        outlineTimer = window.setTimeout(() => setDoc(this.state.doc), OUTLINE_DELAY_MS);
      },
    });
    viewRef.current = view;
    setDoc(view.state.doc);
    return () => {
      window.clearTimeout(outlineTimer);
      view.destroy();
      viewRef.current = null;
      setDoc(null);
    };
  }, [session, textLanguage, editable, hintId, numberingBase, plugins, provenanceOnClick, document]);

  // A new interface language redraws the words around the text (statuses, "Proposed by").
  useEffect(() => {
    textsRef.current = decorationTexts(language, t);
    const view = viewRef.current;
    if (view !== null) view.dispatch(view.state.tr.setMeta(treatyDecorationsKey, { refresh: true }));
  }, [language, t]);

  const outline = useMemo(
    () => (doc === null ? null : documentOutline(doc, language, numberingBase)),
    [doc, language, numberingBase],
  );

  return (
    <div className={margin === undefined ? 'editor-workspace' : 'editor-workspace has-margin'} data-document={document}>
      <aside className="editor-sidebar">
        <ArticleNavigator
          outline={outline}
          textLanguage={textLanguage}
          onSelect={(entry) => {
            const view = viewRef.current;
            if (view !== null) goToNode(view, entry.id, { smooth: !prefersReducedMotion() });
          }}
        />
        <PresenceList participants={participants} />
      </aside>
      <div className="editor-main">
        <div className="editor-bar">
          <span className={editable ? 'mode-badge mode-editing' : 'mode-badge mode-reading'}>
            {t(editable ? 'editor.modeEditing' : 'editor.modeReadOnly')}
          </span>
          <ConnectionStatus state={connection} editing={editable} onRetry={retry} />
          <p role="status" className="hint editor-locked-notice">
            {lockedNotice > 0 ? t('editor.agreedLocked') : ''}
          </p>
          {editable && bracketTools && (
            <StructureTools view={viewRef} textLanguage={textLanguage}>
              {([
                ['editor.bracket', bracketSelection],
                ['editor.unbracket', unbracketSelection],
              ] as const).map(([key, command]) => (
                <button
                  key={key}
                  type="button"
                  className="button-secondary"
                  // The editor keeps its selection: the button acts on it without taking the focus.
                  onMouseDown={(event) => event.preventDefault()}
                  onClick={() => {
                    const view = viewRef.current;
                    if (view !== null) command(view.state, view.dispatch);
                  }}
                >
                  {t(key)}
                </button>
              ))}
              <button type="button" className="button-secondary" aria-expanded={panel?.kind === 'footnote'} onClick={() => setPanel({ kind: 'footnote', target: { kind: 'new' } })}>
                {t('footnote.insert')}
              </button>
              {delegations !== null && (
                <>
                  <button type="button" className="button-secondary" aria-expanded={panel?.kind === 'build-options'} onClick={() => setPanel({ kind: 'build-options' })}>
                    {t('options.build')}
                  </button>
                  <button type="button" className="button-secondary" aria-expanded={panel?.kind === 'dissolve-options'} onClick={() => setPanel({ kind: 'dissolve-options' })}>
                    {t('options.dissolve')}
                  </button>
                </>
              )}
            </StructureTools>
          )}
        </div>
        {tools && panel !== null && viewRef.current !== null && (
          // Keyed by what it is for, so that opening another note starts a fresh form.
          <div className="editor-panels" key={panel.kind === 'footnote' ? `footnote:${panel.target.kind === 'edit' ? panel.target.id : 'new'}` : panel.kind}>
            {panel.kind === 'footnote' && <FootnoteForm view={viewRef.current} target={panel.target} textLanguage={textLanguage} onClose={() => setPanel(null)} />}
            {panel.kind === 'build-options' && delegations !== null && <BuildOptionsForm view={viewRef.current} delegations={delegations} onClose={() => setPanel(null)} />}
            {panel.kind === 'dissolve-options' && <DissolveOptionsForm view={viewRef.current} textLanguage={textLanguage} onClose={() => setPanel(null)} />}
          </div>
        )}
        <p id={hintId} className="hint editor-hint">
          {t(editable ? 'editor.keys' : 'editor.keysReadOnly')}
        </p>
        {session === null && connection.kind !== 'closed' && <p className="loading editor-loading">{t('editor.opening')}</p>}
        {origin !== null && (
          <section className="origin-details live-origin" aria-label={t('room.originOfSelection')}>
            <div className="origin-details-head">
              <p className="origin-kind">
                {origin.kind === 'proposal' ? origin.label : t(origin.kind === 'base' ? 'room.origin.base' : 'room.origin.edit')}
              </p>
              <button type="button" className="button-secondary origin-close" onClick={() => setOrigin(null)}>
                {t('room.close')}
              </button>
            </div>
            {origin.kind !== 'proposal' && origin.label !== '' && <p dir="auto">{origin.label}</p>}
            {origin.proposalIds.length > 0 && (
              <ul className="origin-proposals">
                {origin.proposalIds.map((id) => (
                  <li key={id}>
                    <Link to={`/proposals/${encodeURIComponent(id)}`}>{t('editor.openProposal')}</Link>
                  </li>
                ))}
              </ul>
            )}
          </section>
        )}
        <div ref={mount} className="editor-paper" hidden={session === null} />
        {doc !== null && <FootnoteList doc={doc} textLanguage={textLanguage} view={viewRef.current} />}
      </div>
      {margin !== undefined && <div className="editor-margin">{margin}</div>}
    </div>
  );
}
