import type { InboxItemView } from '@concord/domain';
import { useCallback, useEffect, useState } from 'react';
import { Link } from 'react-router';
import { useAuth } from '../auth';
import { useDocumentTitle } from '../components/document-title';
import { ErrorAlert, Loading } from '../components/error-alert';
import { formatDateTime, formatNumber } from '../i18n/format';
import { useI18n } from '../i18n/i18n-context';
import type { StringKey } from '../i18n/strings';
import './comment-periods.css';
import { commentPeriodsApi, INBOX_STREAM_URL } from './comment-periods-api';

type Listener = (event: { type: 'item'; item: InboxItemView; unread: number } | { type: 'count'; unread: number }) => void;

const listeners = new Set<Listener>();
let source: EventSource | null = null;

function parse(data: string): Record<string, unknown> | null {
  try {
    const value = JSON.parse(data) as unknown;
    return typeof value === 'object' && value !== null ? (value as Record<string, unknown>) : null;
  } catch {
    return null;
  }
}

/** One shared connection to the inbox stream for every component that listens; closed when the last leaves. */
function listen(listener: Listener): () => void {
  listeners.add(listener);
  if (source === null) {
    source = new EventSource(INBOX_STREAM_URL, { withCredentials: true });
    const count = (event: MessageEvent<string>) => {
      const unread = parse(event.data)?.['unread'];
      if (typeof unread === 'number') for (const l of listeners) l({ type: 'count', unread });
    };
    source.addEventListener('ready', count);
    source.addEventListener('read', count);
    source.addEventListener('item', (event: MessageEvent<string>) => {
      const data = parse(event.data);
      const item = data?.['item'] as InboxItemView | undefined;
      const unread = data?.['unread'];
      if (item && typeof item.id === 'string' && typeof unread === 'number') for (const l of listeners) l({ type: 'item', item, unread });
    });
  }
  return () => {
    listeners.delete(listener);
    if (listeners.size === 0 && source) {
      source.close();
      source = null;
    }
  };
}

/** The header's link to the inbox, with the number of unread items, kept live. */
export function InboxHeaderLink() {
  const { t, language } = useI18n();
  const { state } = useAuth();
  const [unread, setUnread] = useState<number | null>(null);
  const signedIn = state.status === 'signed-in';
  useEffect(() => {
    if (!signedIn) return;
    return listen((event) => setUnread(event.unread));
  }, [signedIn]);
  if (!signedIn) return null;
  return (
    <Link to="/inbox" className="inbox-link" aria-label={t('inbox.linkLabel', { count: unread ?? 0 })}>
      {t('inbox.title')}
      {unread !== null && unread > 0 && <span className="inbox-count">{formatNumber(unread, language)}</span>}
    </Link>
  );
}

const KIND_KEYS: Readonly<Record<InboxItemView['kind'], StringKey>> = {
  'co-sponsor-invitation': 'inbox.kind.co-sponsor-invitation',
  'comment-period-opened': 'inbox.kind.comment-period-opened',
  'comment-period-closing': 'inbox.kind.comment-period-closing',
  'thread-reply': 'inbox.kind.thread-reply',
  'comment-disposition': 'inbox.kind.comment-disposition',
  'proposal-decision': 'inbox.kind.proposal-decision',
};

/** `/inbox`: what waits for the signed-in user, newest first, live. */
export function InboxPage() {
  const { t, language } = useI18n();
  useDocumentTitle(t('inbox.title'));
  const [items, setItems] = useState<readonly InboxItemView[] | null>(null);
  const [error, setError] = useState<unknown>(null);
  const load = useCallback(() => {
    setError(null);
    commentPeriodsApi.inbox().then((answer) => setItems(answer.items), setError);
  }, []);
  useEffect(() => {
    load();
    return listen((event) => {
      if (event.type === 'item') setItems((current) => (current && !current.some((i) => i.id === event.item.id) ? [event.item, ...current] : current));
    });
  }, [load]);

  const markRead = async (id: string) => {
    try {
      await commentPeriodsApi.markRead(id);
      setItems((current) => current?.map((i) => (i.id === id ? { ...i, readAt: new Date().toISOString() } : i)) ?? null);
    } catch (caught) {
      setError(caught);
    }
  };
  const markAll = async () => {
    try {
      await commentPeriodsApi.markAllRead();
      setItems((current) => current?.map((i) => ({ ...i, readAt: i.readAt ?? new Date().toISOString() })) ?? null);
    } catch (caught) {
      setError(caught);
    }
  };

  return (
    <div className="inbox-page">
      <div className="page-heading">
        <h1>{t('inbox.title')}</h1>
        <p className="lead">{t('inbox.intro')}</p>
      </div>
      {error !== null && <ErrorAlert error={error} onRetry={load} />}
      {items === null && error === null && <Loading />}
      {items !== null && items.length === 0 && <p className="empty">{t('inbox.empty')}</p>}
      {items !== null && items.length > 0 && (
        <>
          <button type="button" className="button-secondary" onClick={() => void markAll()}>
            {t('inbox.markAllRead')}
          </button>
          <ul className="inbox-list">
            {items.map((item) => (
              <li key={item.id} className={item.readAt ? 'inbox-item' : 'inbox-item unread'} data-kind={item.kind}>
                <p className="inbox-item-kind">{t(KIND_KEYS[item.kind])}</p>
                <p className="inbox-item-facts" dir="auto">
                  {Object.entries(item.facts)
                    .filter(([name]) => ['title', 'from', 'period', 'number', 'quote', 'by'].includes(name))
                    .map(([, value]) => value)
                    .join(' · ')}
                  {item.facts['disposition'] !== undefined && ` · ${t(`disposition.${item.facts['disposition']}` as StringKey)}`}
                  {item.facts['status'] !== undefined && ` · ${t(`desk.proposalStatus.${item.facts['status']}` as StringKey)}`}
                </p>
                <p className="inbox-item-meta">
                  <time dateTime={item.createdAt}>{formatDateTime(item.createdAt, language)}</time>{' '}
                  <Link to={item.link} onClick={() => void markRead(item.id)}>
                    {t('inbox.open')}
                  </Link>{' '}
                  {item.readAt === null && (
                    <button type="button" className="button-link" onClick={() => void markRead(item.id)}>
                      {t('inbox.markRead')}
                    </button>
                  )}
                </p>
              </li>
            ))}
          </ul>
        </>
      )}
    </div>
  );
}
