import type { Tier } from '@concord/domain';
import { useEffect, useId, useMemo, useRef, useState, useSyncExternalStore, type FormEvent } from 'react';
import { api, type Delegation } from '../api';
import { subjectOf, useUser } from '../auth';
import { Loading } from '../components/error-alert';
import { useFormAction } from '../components/form';
import { prefersReducedMotion } from '../components/motion';
import { formatNumber } from '../i18n/format';
import { useI18n } from '../i18n/i18n-context';
import { ActionError } from './action-error';
import { CommentBodyFields } from './comment-body-fields';
import { tiersFor } from './comment-permissions';
import { commentsApi, type CommentTarget, type NewAnchor, type ThreadView } from './comments-api';
import type { EditorBridge, EditorSnapshot, HighlightAnchor, TextSelectionSummary } from './editor-bridge';
import { groupThreads } from './thread-groups';
import { ThreadCard } from './thread-card';
import { useCommentThreads } from './use-comment-threads';
import './comments.css';

const NO_EDITOR: EditorSnapshot = { view: null, docVersion: 0, selection: null };
const noSubscription = () => () => undefined;
const noEditor = () => NO_EDITOR;

/** How much of a long selection the form quotes back to the reader. */
const QUOTE_PREVIEW = 160;

function preview(quote: string): string {
  const flat = quote.replace(/\s+/gu, ' ').trim();
  return flat.length > QUOTE_PREVIEW ? `${flat.slice(0, QUOTE_PREVIEW)}…` : flat;
}

export interface CommentsPanelProps {
  readonly target: CommentTarget;
  /** The tiers a thread may have on this target; the reader is offered those they may write in. */
  readonly tiers: readonly Tier[];
  /** The editor of a live document, whose selection comments are anchored to; `null` for a target without text. */
  readonly bridge: EditorBridge | null;
}

/**
 * The comment sidebar: select text, then "Comment" (or Ctrl+Alt+M) opens a form with the visibility choices the
 * reader has; the threads follow in the order of the text, each highlighting its range when focused; resolved
 * threads are folded away and threads whose text was deleted are listed apart with their quote. New comments,
 * replies and resolutions of others arrive live.
 */
export function CommentsPanel({ target, tiers, bridge }: CommentsPanelProps) {
  const { t, language } = useI18n();
  const user = useUser();
  const subject = useMemo(() => subjectOf(user), [user]);
  const headingId = useId();
  const hintId = useId();
  const { status, threads, error, live, apply, reload } = useCommentThreads(target);
  const snapshot = useSyncExternalStore(bridge?.subscribe ?? noSubscription, bridge?.getSnapshot ?? noEditor);
  const [focusedId, setFocusedId] = useState<string | null>(null);
  const [draft, setDraft] = useState<{ readonly range: TextSelectionSummary | null } | null>(null);
  const [showResolved, setShowResolved] = useState(false);
  const [delegations, setDelegations] = useState<readonly Delegation[]>([]);
  const listRef = useRef<HTMLDivElement>(null);
  const writable = useMemo(() => tiersFor(subject, tiers), [subject, tiers]);

  useEffect(() => {
    let current = true;
    // Names of delegations are a courtesy beside the authors' names; comments show without them.
    api.delegations(user.committeeId).then(
      (items) => current && setDelegations(items),
      () => undefined,
    );
    return () => {
      current = false;
    };
  }, [user.committeeId]);

  const groups = useMemo(
    () => groupThreads(threads, bridge === null ? null : (thread) => (thread.anchor === null ? { kind: 'unknown' } : bridge.place(thread.anchor))),
    // The places change with the text (docVersion) and with the editor itself.
    [threads, bridge, snapshot.docVersion, snapshot.view],
  );

  // The text shows every open thread's range, the focused thread's stronger, and the range being commented on.
  useEffect(() => {
    if (bridge === null) return;
    const anchored = (thread: ThreadView): HighlightAnchor[] =>
      thread.anchor === null ? [] : [{ id: thread.id, start: thread.anchor.start, end: thread.anchor.end }];
    const focusedResolved = groups.resolved.filter((thread) => thread.id === focusedId);
    bridge.setHighlights([...groups.open, ...focusedResolved].flatMap(anchored), focusedId, draft?.range ?? null);
  }, [bridge, groups, focusedId, draft, snapshot.view]);

  const openDraft = () => {
    if (writable.length === 0) return;
    if (bridge === null) {
      setDraft({ range: null });
      return;
    }
    const selection = bridge.getSnapshot().selection;
    if (selection !== null) setDraft({ range: selection });
  };
  const openDraftRef = useRef(openDraft);
  openDraftRef.current = openDraft;

  // The editor reports a click on commented text and the keyboard shortcut.
  useEffect(() => {
    if (bridge === null) return;
    bridge.onActivateThread = (id) => {
      setFocusedId(id);
      const card = listRef.current?.querySelector(`[data-thread-id="${CSS.escape(id)}"]`);
      card?.scrollIntoView({ block: 'nearest', behavior: prefersReducedMotion() ? 'auto' : 'smooth' });
    };
    bridge.onCommentShortcut = () => openDraftRef.current();
    return () => {
      bridge.onActivateThread = () => undefined;
      bridge.onCommentShortcut = () => undefined;
    };
  }, [bridge]);

  const focusThread = (thread: ThreadView, reveal: boolean) => {
    setFocusedId(thread.id);
    const range = groups.ranges.get(thread.id);
    if (reveal && bridge !== null && range !== undefined) bridge.reveal(range.from, !prefersReducedMotion());
  };

  const card = (thread: ThreadView, orphaned: boolean) => (
    <li key={thread.id}>
      <ThreadCard
        thread={thread}
        subject={subject}
        delegations={delegations}
        focused={thread.id === focusedId}
        orphaned={orphaned}
        liveText={groups.ranges.get(thread.id)?.text ?? null}
        onFocus={(reveal) => focusThread(thread, reveal)}
        onChange={apply}
      />
    </li>
  );

  const selection = snapshot.selection;
  const canStart = writable.length > 0 && (bridge === null || selection !== null);
  return (
    <section className="sidebar-section comments-panel" aria-labelledby={headingId}>
      <h2 id={headingId} className="sidebar-heading">
        {t('comments.title')}{' '}
        {status === 'ready' && (
          <span className="comments-count">{t('comments.openCount', { n: formatNumber(groups.open.length, language) })}</span>
        )}
      </h2>
      {/* Not a live region: the editor's connection status already announces a lost connection. */}
      <p className={live ? 'comments-live comments-live-on' : 'comments-live'}>
        <span className="comments-live-dot" aria-hidden="true" />
        {t(live ? 'comments.live' : 'comments.notLive')}
      </p>

      {draft === null ? (
        <div className="comment-start">
          <button type="button" onClick={openDraft} disabled={!canStart} aria-describedby={hintId}>
            {t('comments.add')}
          </button>
          <p id={hintId} className="hint">
            {writable.length === 0
              ? t('comments.cannotComment')
              : bridge === null
                ? t('comments.addHintGeneral')
                : selection === null
                  ? t('comments.selectHint')
                  : t('comments.selected', { quote: preview(selection.quote) })}
          </p>
        </div>
      ) : (
        <NewThreadForm
          target={target}
          tiers={writable}
          range={draft.range}
          bridge={bridge}
          onDone={(thread) => {
            setDraft(null);
            if (thread === null) {
              bridge?.focusText();
              return;
            }
            apply({ type: 'thread-created', thread });
            setFocusedId(thread.id);
            // The new thread takes the focus, so a screen reader hears what was posted, where.
            requestAnimationFrame(() => {
              const element = listRef.current?.querySelector<HTMLElement>(`[data-thread-id="${CSS.escape(thread.id)}"]`);
              element?.focus();
            });
          }}
        />
      )}

      <div ref={listRef} className="comments-lists">
        {status === 'loading' && <Loading />}
        {status === 'error' && <ActionError error={error} onRetry={reload} />}
        {status === 'ready' && threads.length === 0 && <p className="empty">{t('comments.empty')}</p>}
        {groups.open.length > 0 && <ol className="thread-list">{groups.open.map((thread) => card(thread, false))}</ol>}
        {groups.resolved.length > 0 && (
          <div className="thread-group">
            <button
              type="button"
              className="disclosure thread-group-toggle"
              aria-expanded={showResolved}
              onClick={() => setShowResolved(!showResolved)}
            >
              {t('comments.resolvedGroup', { n: formatNumber(groups.resolved.length, language) })}
            </button>
            {showResolved && <ol className="thread-list">{groups.resolved.map((thread) => card(thread, false))}</ol>}
          </div>
        )}
        {groups.orphaned.length > 0 && (
          <div className="thread-group thread-group-orphaned">
            <h3 className="thread-group-heading">
              {t('comments.orphanedGroup', { n: formatNumber(groups.orphaned.length, language) })}
            </h3>
            <p className="hint">{t('comments.orphanedHint')}</p>
            <ol className="thread-list">{groups.orphaned.map((thread) => card(thread, true))}</ol>
          </div>
        )}
      </div>
    </section>
  );
}

function NewThreadForm({
  target,
  tiers,
  range,
  bridge,
  onDone,
}: {
  target: CommentTarget;
  tiers: readonly Tier[];
  range: TextSelectionSummary | null;
  bridge: EditorBridge | null;
  onDone: (thread: ThreadView | null) => void;
}) {
  const { t } = useI18n();
  const bodyId = useId();
  const [tier, setTier] = useState<Tier>(tiers[0] ?? 'delegation');
  const [body, setBody] = useState('');
  const { submitting, error, problem, run, reject } = useFormAction();

  const onSubmit = async (event: FormEvent<HTMLFormElement>) => {
    event.preventDefault();
    if (body.trim() === '') {
      reject(t('comments.bodyRequired'));
      return;
    }
    let anchor: NewAnchor | undefined;
    if (bridge !== null && range !== null) {
      anchor = bridge.anchorOf(range) ?? undefined;
      if (anchor === undefined) {
        reject(t('comments.selectionLost'));
        return;
      }
    }
    const result = await run(() => commentsApi.create({ target, tier, body, ...(anchor === undefined ? {} : { anchor }) }));
    if (result.ok) onDone(result.value);
  };

  return (
    <form
      className="comment-form new-comment"
      onSubmit={onSubmit}
      aria-label={t('comments.newTitle')}
      onKeyDown={(event) => {
        if (event.key === 'Escape') onDone(null);
      }}
    >
      {range !== null && (
        <blockquote className="thread-quote thread-quote-pending" dir="auto">
          <span className="visually-hidden">{t('comments.quoteLabel')} </span>
          {preview(range.quote)}
        </blockquote>
      )}
      {tiers.length > 1 ? (
        <fieldset className="tier-choice">
          <legend>{t('comments.visibility')}</legend>
          {tiers.map((candidate) => (
            <div className="check" key={candidate}>
              <input
                type="radio"
                id={`${bodyId}-${candidate}`}
                name={`${bodyId}-tier`}
                value={candidate}
                checked={tier === candidate}
                onChange={() => setTier(candidate)}
              />
              <label htmlFor={`${bodyId}-${candidate}`}>{t(`comments.tier.${candidate}`)}</label>
            </div>
          ))}
        </fieldset>
      ) : (
        <p className="hint">{t('comments.visibleTo', { tier: t(`comments.tier.${tier}`) })}</p>
      )}
      <CommentBodyFields
        id={bodyId}
        label={t('comments.bodyLabel')}
        rows={4}
        body={body}
        onBody={setBody}
        problem={problem}
        error={error}
        submitting={submitting}
        submitLabel={t('comments.post')}
        onCancel={() => onDone(null)}
      />
    </form>
  );
}
