import type { Subject } from '@concord/domain';
import { useId, useState, type FormEvent } from 'react';
import type { Delegation } from '../api';
import { useFormAction } from '../components/form';
import { useI18n } from '../i18n/i18n-context';
import { ActionError } from './action-error';
import { CommentBodyFields } from './comment-body-fields';
import type { CommentEvent } from './comment-events';
import { mayEdit, mayReply, mayResolve } from './comment-permissions';
import { formatCommentTime } from './comment-time';
import { commentsApi, type CommentView, type ThreadView } from './comments-api';
import { SafeText, TextWarnings } from './safe-text';

interface ThreadCardProps {
  readonly thread: ThreadView;
  readonly subject: Subject;
  readonly delegations: readonly Delegation[];
  /** Whether its range is drawn as the focused one in the text. */
  readonly focused: boolean;
  /** Whether its text was deleted: it is shown with its quote only. */
  readonly orphaned: boolean;
  /** The text its range covers in the page's live copy, which follows everyone's edits; null without an editor. */
  readonly liveText: string | null;
  /** Focuses the thread: highlights its range, and with `reveal` scrolls the text to it. */
  readonly onFocus: (reveal: boolean) => void;
  readonly onChange: (event: CommentEvent) => void;
}

/** One thread in the margin: the quoted text, the opening comment and its replies, and what the reader may do. */
export function ThreadCard({ thread, subject, delegations, focused, orphaned, liveText, onFocus, onChange }: ThreadCardProps) {
  const { t } = useI18n();
  const headingId = useId();
  const [replying, setReplying] = useState(false);
  const resolve = useFormAction();
  const canReply = mayReply(subject, thread) && !thread.resolved;
  const canResolve = mayResolve(subject, thread);

  const toggleResolved = async () => {
    const result = await resolve.run(() =>
      thread.resolved ? commentsApi.reopen(thread.id) : commentsApi.resolve(thread.id),
    );
    if (result.ok) onChange({ type: thread.resolved ? 'thread-reopened' : 'thread-resolved', thread: result.value });
  };

  const classes = ['thread'];
  if (focused) classes.push('thread-focused');
  if (thread.resolved) classes.push('thread-resolved');
  return (
    <article
      className={classes.join(' ')}
      aria-labelledby={headingId}
      data-thread-id={thread.id}
      tabIndex={-1}
      onFocus={() => onFocus(false)}
      onClick={() => onFocus(false)}
    >
      <h3 id={headingId} className="visually-hidden">
        {t('comments.threadBy', { name: thread.comment.authorName ?? t('comments.unknownAuthor') })}
      </h3>
      {thread.quote !== null &&
        (orphaned ? (
          <blockquote className="thread-quote thread-quote-orphaned" dir="auto">
            <span className="visually-hidden">{t('comments.quoteDeleted')} </span>
            <del>{thread.quote}</del>
          </blockquote>
        ) : (
          <button
            type="button"
            className="thread-quote"
            onClick={(event) => {
              event.stopPropagation();
              onFocus(true);
            }}
          >
            <span className="visually-hidden">{t('comments.showInText')} </span>
            <bdi>{liveText ?? thread.anchoredText ?? thread.quote}</bdi>
          </button>
        ))}
      <p className="thread-badges">
        <span className={`tier-badge tier-${thread.tier}`}>{t(`comments.tierBadge.${thread.tier}`)}</span>
        {thread.resolved && <span className="resolved-badge">{t('comments.resolvedBadge')}</span>}
      </p>
      <CommentItem comment={thread.comment} subject={subject} delegations={delegations} threadId={thread.id} onChange={onChange} />
      {thread.replies.length > 0 && (
        <ol className="thread-replies" aria-label={t('comments.replies')}>
          {thread.replies.map((reply) => (
            <li key={reply.id}>
              <CommentItem comment={reply} subject={subject} delegations={delegations} threadId={thread.id} onChange={onChange} />
            </li>
          ))}
        </ol>
      )}
      {replying ? (
        <BodyForm
          initial=""
          label={t('comments.replyLabel')}
          submitLabel={t('comments.postReply')}
          save={(body) => commentsApi.reply(thread.id, body)}
          onDone={(comment) => {
            setReplying(false);
            if (comment !== null) onChange({ type: 'reply-added', threadId: thread.id, comment });
          }}
        />
      ) : (
        (canReply || canResolve) && (
          <div className="thread-actions">
            {canReply && (
              <button type="button" className="button-secondary" onClick={() => setReplying(true)}>
                {t('comments.reply')}
              </button>
            )}
            {canResolve && (
              <button type="button" className="button-secondary" onClick={toggleResolved} disabled={resolve.submitting}>
                {t(thread.resolved ? 'comments.reopen' : 'comments.resolve')}
              </button>
            )}
          </div>
        )
      )}
      <ActionError error={resolve.error} />
    </article>
  );
}

function authorLine(comment: CommentView, delegations: readonly Delegation[], unknown: string): { name: string; code: string | null } {
  const delegation = delegations.find((candidate) => candidate.id === comment.authorDelegationId);
  return { name: comment.authorName ?? unknown, code: delegation?.code ?? null };
}

/** One comment: who wrote it and when, its text (inert, with its hidden characters shown), and its editing. */
function CommentItem({
  comment,
  subject,
  delegations,
  threadId,
  onChange,
}: {
  comment: CommentView;
  subject: Subject;
  delegations: readonly Delegation[];
  threadId: string;
  onChange: (event: CommentEvent) => void;
}) {
  const { t, language } = useI18n();
  const [editing, setEditing] = useState(false);
  const author = authorLine(comment, delegations, t('comments.unknownAuthor'));
  const own = mayEdit(subject, comment);
  return (
    <div className="comment" data-comment-id={comment.id}>
      <p className="comment-meta">
        <span className="comment-author" dir="auto">
          {author.name}
        </span>
        {author.code !== null && <span className="comment-delegation">{author.code}</span>}
        <time dateTime={comment.createdAt} className="comment-time">
          {formatCommentTime(comment.createdAt, language)}
        </time>
        {comment.editedAt !== null && (
          <span className="comment-edited" title={formatCommentTime(comment.editedAt, language)}>
            {t('comments.edited')}
          </span>
        )}
      </p>
      {editing ? (
        <BodyForm
          initial={comment.body}
          label={t('comments.editLabel')}
          submitLabel={t('comments.save')}
          save={(body) => commentsApi.edit(comment.id, body)}
          onDone={(edited) => {
            setEditing(false);
            if (edited !== null) onChange({ type: 'comment-edited', threadId, comment: edited });
          }}
        />
      ) : (
        <>
          <SafeText text={comment.body} className="comment-body" />
          <TextWarnings warnings={comment.textWarnings} />
          {own && (
            <button type="button" className="link-button" onClick={() => setEditing(true)}>
              {t('comments.edit')}
            </button>
          )}
        </>
      )}
    </div>
  );
}

/** A reply to a thread, or a new wording of one's own comment: one body, saved by `save`. */
function BodyForm({
  initial,
  label,
  submitLabel,
  save,
  onDone,
}: {
  initial: string;
  label: string;
  submitLabel: string;
  save: (body: string) => Promise<CommentView>;
  onDone: (comment: CommentView | null) => void;
}) {
  const { t } = useI18n();
  const id = useId();
  const [body, setBody] = useState(initial);
  const { submitting, error, problem, run, reject } = useFormAction();
  const onSubmit = async (event: FormEvent<HTMLFormElement>) => {
    event.preventDefault();
    if (body.trim() === '') {
      reject(t('comments.bodyRequired'));
      return;
    }
    const result = await run(() => save(body));
    if (result.ok) onDone(result.value);
  };
  return (
    <form className="comment-form" onSubmit={onSubmit}>
      <CommentBodyFields
        id={id}
        label={label}
        rows={3}
        body={body}
        onBody={setBody}
        problem={problem}
        error={error}
        submitting={submitting}
        submitLabel={submitLabel}
        onCancel={() => onDone(null)}
      />
    </form>
  );
}
