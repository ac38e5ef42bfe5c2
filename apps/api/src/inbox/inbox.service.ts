import type { InboxItemView, InboxKind, Role } from '@concord/domain';
import { Inject, Injectable, Logger, type BeforeApplicationShutdown, type MessageEvent } from '@nestjs/common';
import { randomUUID } from 'node:crypto';
import { Observable, type Subscriber } from 'rxjs';
import type { EntityManager } from 'typeorm';
import { type AuthContext, onSessionExpiry } from '../auth/auth-context';
import { AuthService } from '../auth/auth.service';
import { AuditService } from '../audit/audit.service';
import { AppException } from '../common/app.exception';
import { UnitOfWork } from '../database/unit-of-work';
import { InboxItem } from './inbox-item.entity';
import { INBOX_NOTIFIER, type InboxNotifier } from './inbox-notifier';
import { InboxRelay, type InboxRelayMessage } from './inbox-relay';
import { InboxRepository } from './inbox.repository';

/** Something to put in inboxes: for whom, what, where it leads. */
export interface InboxMessage {
  readonly userIds: readonly string[];
  readonly committeeId: string;
  readonly kind: InboxKind;
  readonly link: string;
  readonly facts: Readonly<Record<string, string>>;
}

/** Who receives a message: confirmed members of delegations and holders of roles in a committee, minus the actor. */
export interface Recipients {
  readonly delegationIds?: readonly string[];
  readonly committeeId?: string;
  readonly roles?: readonly Role[];
  /** The user who caused it, who needs no item about their own act. */
  readonly except?: string;
}

interface Listener {
  readonly userId: string;
  readonly sessionId: string;
  readonly out: Subscriber<MessageEvent>;
}

const KEEP_ALIVE_MS = 25_000;
const LIST_LIMIT = 200;

export function inboxItemView(item: InboxItem): InboxItemView {
  return {
    id: item.id,
    kind: item.kind as InboxKind,
    link: item.link,
    facts: item.facts,
    createdAt: item.createdAt.toISOString(),
    readAt: item.readAt?.toISOString() ?? null,
  };
}

/**
 * Each user's inbox: items recorded in the transaction of the change that caused them, then announced once it
 * committed, live over Server-Sent Events (with the unread count the header shows) and to the injectable
 * notifier (e-mail, later). A user only ever reads, streams and marks their own items.
 */
@Injectable()
export class InboxService implements BeforeApplicationShutdown {
  private readonly logger = new Logger('Inbox');
  private readonly listeners = new Set<Listener>();

  constructor(
    private readonly repository: InboxRepository,
    private readonly uow: UnitOfWork,
    private readonly audit: AuditService,
    @Inject(INBOX_NOTIFIER) private readonly notifier: InboxNotifier,
    auth: AuthService,
    private readonly relay: InboxRelay,
  ) {
    auth.onSessionRevoked((sessionId) => {
      this.closeSession(sessionId);
      relay.send({ kind: 'session-revoked', sessionId });
    });
    relay.onMessage((message) => this.fromOtherInstance(message));
  }

  private closeSession(sessionId: string): void {
    for (const listener of [...this.listeners]) if (listener.sessionId === sessionId) listener.out.complete();
  }

  /** News of an inbox from another server instance, for the streams open here. */
  private fromOtherInstance(message: InboxRelayMessage): void {
    if (message.kind === 'session-revoked') this.closeSession(message.sessionId);
    else if (message.kind === 'item') this.deliverItem(message.userId, message.item);
    else for (const listener of this.listeners) if (listener.userId === message.userId) listener.out.next({ type: 'read', data: { unread: message.unread } });
  }

  /** Tells this instance's open streams of a user of a new item, with the unread count. */
  private deliverItem(userId: string, view: InboxItemView): void {
    for (const listener of this.listeners) {
      if (listener.userId !== userId) continue;
      void this.repository.unreadCount(userId).then(
        (unread) => listener.out.next({ type: 'item', data: { item: view, unread } }),
        (error: unknown) => this.logger.warn(`unread count failed: ${String(error)}`),
      );
    }
  }

  /** The ids of the users a message goes to. */
  async recipients(manager: EntityManager, to: Recipients): Promise<string[]> {
    const ids = new Set<string>();
    for (const user of await this.repository.membersOf(to.delegationIds ?? [], manager)) ids.add(user.id);
    if (to.committeeId && to.roles) {
      for (const user of await this.repository.usersOf(to.committeeId, manager)) {
        const roles = to.roles;
        if (!user.roles.some((role) => roles.includes(role))) continue;
        // A delegate the head has not confirmed acts for no delegation and hears nothing meant for delegations.
        if (user.delegationMembership !== 'confirmed' && user.roles.every((r) => r === 'delegate' || r === 'head-of-delegation')) continue;
        ids.add(user.id);
      }
    }
    if (to.except) ids.delete(to.except);
    return [...ids];
  }

  /** Records messages in the caller's transaction; announce the returned items once it has committed. */
  async record(manager: EntityManager, messages: readonly InboxMessage[]): Promise<InboxItem[]> {
    const now = new Date();
    const items = messages.flatMap((m) =>
      [...new Set(m.userIds)].map((userId) =>
        Object.assign(new InboxItem(), { id: randomUUID(), userId, committeeId: m.committeeId, kind: m.kind, link: m.link, facts: { ...m.facts }, createdAt: now, readAt: null }),
      ),
    );
    await this.repository.insert(items, manager);
    return items;
  }

  /** Tells the listeners and the notifier of items whose transaction committed. */
  announce(items: readonly InboxItem[]): void {
    for (const item of items) {
      const view = inboxItemView(item);
      this.deliverItem(item.userId, view);
      this.relay.send({ kind: 'item', userId: item.userId, item: view });
      this.notifier.notify({ userId: item.userId, committeeId: item.committeeId, item: view }).catch((error: unknown) => this.logger.warn(`inbox notifier failed: ${String(error)}`));
    }
  }

  async list(user: AuthContext): Promise<{ items: InboxItemView[]; unread: number }> {
    const [items, unread] = await Promise.all([this.repository.listFor(user.user.id, LIST_LIMIT), this.repository.unreadCount(user.user.id)]);
    return { items: items.map(inboxItemView), unread };
  }

  /** Marks one of the caller's items read; another user's item answers as unknown. */
  async markRead(user: AuthContext, id: string): Promise<{ unread: number }> {
    await this.uow.run(async (manager) => {
      const item = await this.repository.findOwn(user.user.id, id, manager);
      if (!item) throw new AppException('inbox-item-not-found', `No inbox item ${id}.`);
      if (item.readAt) return;
      await this.repository.markRead(user.user.id, [id], new Date(), manager);
      await this.audit.record(manager, { actorId: user.user.id, action: 'inbox.read', entityType: 'inbox_item', entityId: id });
    });
    return this.readCount(user);
  }

  async markAllRead(user: AuthContext): Promise<{ unread: number }> {
    await this.uow.run(async (manager) => {
      const count = await this.repository.markRead(user.user.id, 'all', new Date(), manager);
      if (count > 0) await this.audit.record(manager, { actorId: user.user.id, action: 'inbox.read-all', entityType: 'user', entityId: user.user.id, after: { count } });
    });
    return this.readCount(user);
  }

  private async readCount(user: AuthContext): Promise<{ unread: number }> {
    const unread = await this.repository.unreadCount(user.user.id);
    for (const listener of this.listeners) if (listener.userId === user.user.id) listener.out.next({ type: 'read', data: { unread } });
    this.relay.send({ kind: 'read', userId: user.user.id, unread });
    return { unread };
  }

  /** The caller's own inbox, live: `ready` with the unread count, then `item` and `read` events. */
  stream(user: AuthContext): Observable<MessageEvent> {
    return new Observable<MessageEvent>((out) => {
      const listener: Listener = { userId: user.user.id, sessionId: user.sessionId, out };
      this.listeners.add(listener);
      void this.repository.unreadCount(user.user.id).then(
        (unread) => out.next({ type: 'ready', data: { unread } }),
        (error: unknown) => out.error(error),
      );
      const keepAlive = setInterval(() => out.next({ comment: 'keep-alive' }), KEEP_ALIVE_MS);
      keepAlive.unref();
      const cancelExpiry = onSessionExpiry(user, () => out.complete());
      return () => {
        clearInterval(keepAlive);
        cancelExpiry();
        this.listeners.delete(listener);
      };
    });
  }

  beforeApplicationShutdown(): void {
    for (const listener of [...this.listeners]) listener.out.complete();
  }
}
