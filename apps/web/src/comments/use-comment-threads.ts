import { useCallback, useEffect, useState } from 'react';
import { ApiError } from '../api';
import { useAuth } from '../auth';
import { applyCommentEvent, COMMENT_EVENT_TYPES, parseCommentEvent, type CommentEvent } from './comment-events';
import { commentsApi, commentStreamUrl, type CommentTarget, type ThreadView } from './comments-api';

/** A target's threads as the page has them, kept current by the live stream. */
export interface CommentThreads {
  readonly status: 'loading' | 'ready' | 'error';
  readonly threads: readonly ThreadView[];
  readonly error: unknown;
  /** Whether the live stream is open: new comments then appear without reloading. */
  readonly live: boolean;
  /** Applies a change this page made itself (the stream may tell it again; applying twice changes nothing). */
  readonly apply: (event: CommentEvent) => void;
  readonly reload: () => void;
}

/**
 * Lists a target's threads and follows them live over Server-Sent Events. The list is (re)loaded each time the
 * stream says it is ready, so that nothing written while it was down is missed; events that arrive while a list
 * loads are applied again on top of it.
 */
export function useCommentThreads(target: CommentTarget): CommentThreads {
  const { sessionExpired } = useAuth();
  const [status, setStatus] = useState<CommentThreads['status']>('loading');
  const [threads, setThreads] = useState<readonly ThreadView[]>([]);
  const [error, setError] = useState<unknown>(null);
  const [live, setLive] = useState(false);
  const [attempt, setAttempt] = useState(0);

  useEffect(() => {
    let current = true;
    // Events received since the list now loading was asked for; `null` when no list is loading.
    let pending: CommentEvent[] | null = null;
    const load = () => {
      pending = [];
      commentsApi.threads(target).then(
        (items) => {
          if (!current) return;
          const replay = pending ?? [];
          pending = null;
          setThreads(replay.reduce(applyCommentEvent, items));
          setError(null);
          setStatus('ready');
        },
        (failure: unknown) => {
          if (!current) return;
          pending = null;
          if (failure instanceof ApiError && failure.status === 401) sessionExpired();
          setError(failure);
          setStatus('error');
        },
      );
    };

    setStatus('loading');
    setThreads([]);
    setLive(false);
    const source = new EventSource(commentStreamUrl(target), { withCredentials: true });
    source.addEventListener('ready', () => {
      if (!current) return;
      setLive(true);
      load();
    });
    for (const type of COMMENT_EVENT_TYPES) {
      source.addEventListener(type, (message: MessageEvent<unknown>) => {
        if (!current || typeof message.data !== 'string') return;
        const event = parseCommentEvent(type, message.data);
        if (event === null) return;
        pending?.push(event);
        setThreads((list) => applyCommentEvent(list, event));
      });
    }
    source.addEventListener('error', () => {
      if (!current) return;
      setLive(false);
      // A refused stream (signed out, no access) is not retried by the browser: the list says why.
      if (source.readyState === EventSource.CLOSED) load();
    });
    return () => {
      current = false;
      source.close();
    };
  }, [target.kind, target.id, attempt, sessionExpired]);

  const apply = useCallback((event: CommentEvent) => setThreads((list) => applyCommentEvent(list, event)), []);
  const reload = useCallback(() => setAttempt((n) => n + 1), []);
  return { status, threads, error, live, apply, reload };
}
