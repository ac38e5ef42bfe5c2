import { COLLAB_CLOSE_CODES } from '@concord/domain';
import { useI18n } from '../i18n/i18n-context';
import type { StringKey } from '../i18n/strings';
import { closeMessageKey, type ConnectionState } from './connection';

const TITLES: { readonly [K in ConnectionState['kind']]: StringKey } = {
  connecting: 'collab.connecting',
  connected: 'collab.connected',
  reconnecting: 'collab.reconnecting',
  offline: 'collab.offline',
  closed: 'collab.closed',
};

/** The sentences that explain a connection state, for a reader who edits or only reads. */
export function connectionDetails(state: ConnectionState, editing: boolean): readonly StringKey[] {
  switch (state.kind) {
    case 'connecting':
      return [];
    case 'connected':
      return [editing ? 'collab.liveEditing' : 'collab.liveReading'];
    case 'reconnecting':
      return editing ? [closeMessageKey(state.code), 'collab.keptEdits'] : [closeMessageKey(state.code)];
    case 'offline':
      return editing ? ['collab.browserOffline', 'collab.keptEdits'] : ['collab.browserOffline'];
    case 'closed':
      return [closeMessageKey(state.code)];
  }
}

/**
 * The live connection at a glance: a coloured dot and a word (connected, reconnecting, offline, disconnected),
 * then why, announced politely as it changes; a permanent close is an alert, with a way to try again.
 */
export function ConnectionStatus({
  state,
  editing,
  onRetry,
}: {
  state: ConnectionState;
  editing: boolean;
  onRetry: () => void;
}) {
  const { t } = useI18n();
  const details = connectionDetails(state, editing);
  // After "sign in again" the page goes to the sign-in form by itself; other permanent closes may be retried.
  const canRetry = state.kind === 'closed' && state.code !== COLLAB_CLOSE_CODES.unauthenticated;
  return (
    <div className={`connection connection-${state.kind}`} data-connection={state.kind}>
      <div role={state.kind === 'closed' ? 'alert' : 'status'} className="connection-text">
        <span className="connection-dot" aria-hidden="true" />
        <strong className="connection-title">{t(TITLES[state.kind])}</strong>
        {details.map((key) => (
          <span key={key} className="connection-detail">
            {t(key)}
          </span>
        ))}
      </div>
      {canRetry && (
        <button type="button" className="button-secondary" onClick={onRetry}>
          {t('app.retry')}
        </button>
      )}
    </div>
  );
}
