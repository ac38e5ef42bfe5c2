import { COLLAB_CLOSE_CODES } from '@concord/domain';
import { treatyFragment } from '@concord/schema';
import { useCallback, useEffect, useRef, useState } from 'react';
import { WebsocketProvider } from 'y-websocket';
import * as Y from 'yjs';
import {
  collabServerUrl,
  isPermanentClose,
  nextConnectionState,
  type ConnectionEvent,
  type ConnectionState,
} from './connection';
import { awarenessUser, participantsFrom, type AwarenessUser, type Participant } from './presence';

/** One open shared document: its local copy, the provider that keeps it in sync, and the fragment to bind. */
export interface CollabSession {
  readonly ydoc: Y.Doc;
  readonly provider: WebsocketProvider;
  readonly fragment: Y.XmlFragment;
}

/** What a page needs to show a live document. */
export interface Collaboration {
  /** `null` until the first full sync with the server, so an editor never starts from an empty text. */
  readonly session: CollabSession | null;
  readonly connection: ConnectionState;
  readonly participants: readonly Participant[];
  /** Reconnects after a permanent close (when the reader thinks the cause is gone). */
  readonly retry: () => void;
}

export interface CollaborationOptions {
  /** The document name: `consolidated:<instrument id>:<language>` or `space:<id>`. */
  readonly document: string;
  /** The reader as co-editors see them (name and colour of their cursor). */
  readonly user: AwarenessUser;
  /** Whether the reader may only read; the server refuses a reader's changes. */
  readonly readOnly: boolean;
  /** Called when the server says the session has ended (4401). */
  readonly onUnauthenticated: () => void;
}

function initialState(): ConnectionState {
  return typeof navigator !== 'undefined' && !navigator.onLine ? { kind: 'offline' } : { kind: 'connecting' };
}

/**
 * Opens a shared document over the collaboration WebSocket on this page's origin (the session cookie
 * authenticates the upgrade) and follows its connection and its participants. The provider reconnects by itself
 * after transient closes, with backoff; the local copy keeps every change made meanwhile, and Yjs sends them
 * when the connection returns. Closing the page or leaving the document destroys the provider and the copy.
 */
export function useCollaboration({ document, user, readOnly, onUnauthenticated }: CollaborationOptions): Collaboration {
  const [session, setSession] = useState<CollabSession | null>(null);
  const [connection, setConnection] = useState<ConnectionState>(initialState);
  const [participants, setParticipants] = useState<readonly Participant[]>([]);
  const providerRef = useRef<WebsocketProvider | null>(null);
  const userRef = useRef(user);
  userRef.current = user;
  const unauthenticatedRef = useRef(onUnauthenticated);
  unauthenticatedRef.current = onUnauthenticated;

  useEffect(() => {
    let live = true;
    const ydoc = new Y.Doc();
    const provider = new WebsocketProvider(collabServerUrl(window.location), document, ydoc, {
      connect: false,
      disableBc: false,
      shouldReconnect: (event) => !isPermanentClose(event.code),
    });
    providerRef.current = provider;
    const report = (event: ConnectionEvent) => {
      if (live) setConnection((state) => nextConnectionState(state, event));
    };
    const fragment = treatyFragment(ydoc);

    provider.on('sync', (synced) => {
      if (!synced || !live) return;
      report({ type: 'synced' });
      setSession((current) => current ?? { ydoc, provider, fragment });
    });
    provider.on('status', ({ status }) => {
      if (status !== 'connected') return;
      // Peers dropped this client's presence when the connection broke, and keep ignoring a state they have seen
      // (same clock) until it is renewed, up to 15 s later. Setting it again gives it a new clock, so every
      // peer lists this reader again as soon as the connection is back.
      const state = provider.awareness.getLocalState();
      if (state !== null) provider.awareness.setLocalState(state);
    });
    provider.on('connection-close', (event) => {
      const code = event?.code ?? null;
      report({ type: 'connection-close', code });
      if (live && code === COLLAB_CLOSE_CODES.unauthenticated) unauthenticatedRef.current();
    });
    const onAwareness = () => {
      if (live) setParticipants(participantsFrom(provider.awareness.getStates(), userRef.current.id));
    };
    provider.awareness.on('change', onAwareness);
    provider.awareness.setLocalStateField('user', userRef.current);

    const onOffline = () => report({ type: 'browser-offline' });
    // A socket may outlive a short loss of network; then nothing else reports that all is well again.
    const onOnline = () => report(provider.synced ? { type: 'synced' } : { type: 'browser-online' });
    window.addEventListener('offline', onOffline);
    window.addEventListener('online', onOnline);

    setConnection(initialState());
    provider.connect();
    return () => {
      live = false;
      window.removeEventListener('offline', onOffline);
      window.removeEventListener('online', onOnline);
      provider.awareness.off('change', onAwareness);
      // Clearing the local state first tells co-editors at once that this reader left.
      provider.awareness.setLocalState(null);
      provider.destroy();
      // Destroying the document also stops its awareness timer.
      ydoc.destroy();
      providerRef.current = null;
      setSession(null);
      setParticipants([]);
    };
  }, [document, readOnly, user.id]);

  // A new name or mode is published without reconnecting (and only then: every call goes on the wire). The colour
  // stays the one the server last gave this reader (it gives another when someone present has the reader's own).
  useEffect(() => {
    const provider = providerRef.current;
    if (provider === null) return;
    const color = awarenessUser(provider.awareness.getLocalState())?.color ?? userRef.current.color;
    provider.awareness.setLocalStateField('user', { ...userRef.current, color });
  }, [user.name, user.color, user.mode]);

  const retry = useCallback(() => {
    const provider = providerRef.current;
    if (provider === null) return;
    setConnection((state) => nextConnectionState(state, { type: 'retry' }));
    provider.connect();
  }, []);

  return { session, connection, participants, retry };
}
