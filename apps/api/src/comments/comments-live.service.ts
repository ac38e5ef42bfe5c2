import { Injectable, type BeforeApplicationShutdown, type MessageEvent } from '@nestjs/common';
import { Observable, type Subscriber } from 'rxjs';
import { type AuthContext, onSessionExpiry } from '../auth/auth-context';
import { AuthService } from '../auth/auth.service';
import { canSeeThread, type Viewer } from './comment-policy';
import type { CommentTarget } from './comment-targets.service';
import type { CommentEvent } from './comment-view';
import { CommentsRelay } from './comments-relay';

interface Listener {
  readonly viewer: Viewer;
  /** The signed-in listener's session; null for an anonymous reader of public threads. */
  readonly sessionId: string | null;
  readonly target: CommentTarget;
  readonly out: Subscriber<MessageEvent>;
}

// Proxies drop connections that stay silent for a minute or so; an SSE comment line keeps the stream open.
const KEEP_ALIVE_MS = 25_000;

/**
 * Live comment events over Server-Sent Events. Each event reaches only the listeners of its target that may see
 * its thread, by the same rule as a list; the streams of a session that signs out or expires are closed.
 */
@Injectable()
export class CommentsLiveService implements BeforeApplicationShutdown {
  private readonly listeners = new Set<Listener>();

  constructor(
    auth: AuthService,
    private readonly relay: CommentsRelay,
  ) {
    relay.onEvent((event) => this.deliver(event));
    relay.onSessionRevoked((sessionId) => this.closeSession(sessionId));
    auth.onSessionRevoked((sessionId) => {
      this.closeSession(sessionId);
      relay.publishSessionRevoked(sessionId);
    });
  }

  /** The stream of a target's events that the user (or an anonymous reader) may see; it starts with a `ready` event. */
  stream(auth: AuthContext | null, viewer: Viewer, target: CommentTarget): Observable<MessageEvent> {
    return new Observable<MessageEvent>((out) => {
      const listener: Listener = { viewer, sessionId: auth?.sessionId ?? null, target, out };
      this.listeners.add(listener);
      out.next({ type: 'ready', data: { targetKind: target.kind, targetId: target.id } });
      const keepAlive = setInterval(() => out.next({ comment: 'keep-alive' }), KEEP_ALIVE_MS);
      keepAlive.unref();
      // An expired session's stream ends like a signed-out one's; reconnecting then needs a new sign-in.
      const cancelExpiry = auth ? onSessionExpiry(auth, () => out.complete()) : () => undefined;
      return () => {
        clearInterval(keepAlive);
        cancelExpiry();
        this.listeners.delete(listener);
      };
    });
  }

  /** Tells this instance's listeners, and the other instances, of a change that has been committed. */
  publish(event: CommentEvent): void {
    this.deliver(event);
    this.relay.publishEvent(event);
  }

  private deliver(event: CommentEvent): void {
    for (const listener of this.listeners) {
      const { target } = listener;
      if (target.kind !== event.targetKind || target.id !== event.targetId) continue;
      if (!canSeeThread(listener.viewer, target, event.thread)) continue;
      listener.out.next({ type: event.type, data: event.data });
    }
  }

  private closeSession(sessionId: string): void {
    for (const listener of [...this.listeners]) if (listener.sessionId === sessionId) listener.out.complete();
  }

  beforeApplicationShutdown(): void {
    // An open stream would keep the HTTP server from closing.
    for (const listener of [...this.listeners]) listener.out.complete();
  }
}
