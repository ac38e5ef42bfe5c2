import { decide, isLanguage, type Language } from '@concord/domain';
import { Injectable, Logger, type OnApplicationShutdown, type OnModuleInit } from '@nestjs/common';
import { randomUUID } from 'node:crypto';
import type { Transporter } from 'nodemailer';
import type { EntityManager } from 'typeorm';
import { AuditService } from '../audit/audit.service';
import type { AuthContext } from '../auth/auth-context';
import { AppException } from '../common/app.exception';
import { assertAllowed } from '../common/policy';
import { Env } from '../config/env';
import { UnitOfWork } from '../database/unit-of-work';
import { MailMessage, type MailStatus } from './mail-message.entity';
import { type MailDelivery, MailPreference } from './mail-preference.entity';
import { type MailContent, MAIL_TEMPLATES } from './mail-templates';
import { MailRepository } from './mail.repository';
import type { MailMessageView, MailSettingsView } from '@concord/domain';
export type { MailMessageView, MailSettingsView } from '@concord/domain';

/** Tries before a message is given up (and shown to administrators as failed). */
export const MAX_ATTEMPTS = 6;
/** Messages sent per round of the dispatcher. */
const BATCH = 20;

/** A recipient for a notification. */
export interface Recipient {
  readonly userId: string;
  readonly email: string;
}

function view(message: MailMessage): MailMessageView {
  return {
    id: message.id,
    to: message.toAddress,
    kind: message.kind,
    subject: message.subject,
    status: message.status,
    attempts: message.attempts,
    lastError: message.lastError,
    nextAttemptAt: message.nextAttemptAt.toISOString(),
    createdAt: message.createdAt.toISOString(),
    sentAt: message.sentAt?.toISOString() ?? null,
  };
}

/** The next time the daily digest goes out after `now`: MAIL_DIGEST_HOUR o'clock UTC. */
export function nextDigest(now: Date, hour: number): Date {
  const at = new Date(Date.UTC(now.getUTCFullYear(), now.getUTCMonth(), now.getUTCDate(), hour));
  return at.getTime() > now.getTime() ? at : new Date(at.getTime() + 24 * 3600 * 1000);
}

/** How long to wait before try `attempt` + 1: growing from MAIL_RETRY_BASE_MS, at most an hour. */
export function retryDelay(attempt: number, baseMs: number): number {
  return Math.min(baseMs * 3 ** Math.max(0, attempt - 1), 3600_000);
}

/**
 * E-mail through an outbox. With SMTP_URL set, messages are written to `mail_outbox` in the transaction of the
 * change they announce and a dispatcher sends them (retrying with growing delays, then marking them failed for
 * administrators to see and retry); without it nothing is written and links are shown as before.
 */
@Injectable()
export class MailService implements OnModuleInit, OnApplicationShutdown {
  private readonly logger = new Logger('Mail');
  private transport: Transporter | null = null;
  private timer: NodeJS.Timeout | null = null;
  private running: Promise<void> | null = null;
  private stopped = false;

  constructor(
    private readonly env: Env,
    private readonly repository: MailRepository,
    private readonly uow: UnitOfWork,
    private readonly audit: AuditService,
  ) {}

  get enabled(): boolean {
    return this.env.SMTP_URL !== undefined;
  }

  async onModuleInit(): Promise<void> {
    if (!this.env.SMTP_URL) return;
    // Loaded only when this server sends e-mail: nodemailer is about 12 MB of memory that is otherwise unused.
    const { createTransport } = await import('nodemailer');
    this.transport = createTransport(this.env.SMTP_URL);
    this.schedule();
  }

  async onApplicationShutdown(): Promise<void> {
    this.stopped = true;
    if (this.timer) clearTimeout(this.timer);
    await this.running;
    this.transport?.close();
  }

  private schedule(): void {
    if (this.stopped) return;
    this.timer = setTimeout(() => {
      this.running = this.dispatch()
        .catch((error: unknown) => this.logger.error(`mail dispatch failed: ${error instanceof Error ? error.message : String(error)}`))
        .finally(() => {
          this.running = null;
          this.schedule();
        });
    }, this.env.MAIL_POLL_MS);
    this.timer.unref();
  }

  /** The invitation e-mail, written in the invitation's transaction; the invitee's language becomes their setting. */
  async invitation(manager: EntityManager, to: Recipient, language: Language, facts: { committee: string; inviter: string; url: string; hours: number }): Promise<boolean> {
    if (!this.enabled) return false;
    await this.repository.savePreference(Object.assign(new MailPreference(), { userId: to.userId, delivery: 'immediate', language, updatedAt: new Date() }), manager);
    await this.write(manager, to, 'invitation', MAIL_TEMPLATES[language].invitation(facts), 'pending', new Date());
    return true;
  }

  /**
   * A notification for one user, in their language and by their choice of delivery: sent now, held for the daily
   * digest, or not at all. `content` writes it in a language.
   */
  async notify(manager: EntityManager | undefined, to: Recipient, kind: string, content: (language: Language) => MailContent): Promise<void> {
    if (!this.enabled) return;
    const preference = await this.repository.preference(to.userId, manager);
    const delivery = preference?.delivery ?? 'immediate';
    if (delivery === 'off') return;
    const language = preference && isLanguage(preference.language) ? preference.language : 'en';
    const now = new Date();
    const footer = MAIL_TEMPLATES[language].footer(`${this.env.publicUrl()}/settings`);
    const written = content(language);
    const message = { subject: written.subject, text: `${written.text}${footer}` };
    if (delivery === 'daily') await this.write(manager, to, kind, message, 'held', nextDigest(now, this.env.MAIL_DIGEST_HOUR));
    else await this.write(manager, to, kind, message, 'pending', now);
  }

  private async write(manager: EntityManager | undefined, to: Recipient, kind: string, content: MailContent, status: 'pending' | 'held', at: Date): Promise<void> {
    const message = Object.assign(new MailMessage(), {
      id: randomUUID(),
      userId: to.userId,
      toAddress: to.email,
      kind,
      subject: content.subject.slice(0, 300),
      textBody: content.text,
      status,
      attempts: 0,
      lastError: null,
      nextAttemptAt: at,
      createdAt: new Date(),
      sentAt: null,
    });
    await this.repository.insert(message, manager);
  }

  /** One round: due messages sent, due digests composed and sent. Exposed for the command line and tests. */
  async dispatch(now = new Date()): Promise<void> {
    if (!this.transport) return;
    for (const message of await this.repository.due('pending', now, BATCH)) {
      if (this.stopped) return;
      if (!(await this.repository.transition(message.id, 'pending', { status: 'sending' }))) continue;
      await this.send(message);
    }
    const users = new Set((await this.repository.due('held', now, 500)).map((m) => m.userId).filter((id): id is string => id !== null));
    for (const userId of users) await this.sendDigest(userId, now);
  }

  private async send(message: MailMessage): Promise<void> {
    try {
      await this.transport?.sendMail({ from: this.env.mailFrom(), to: message.toAddress, subject: message.subject, text: message.textBody });
      await this.repository.transition(message.id, 'sending', { status: 'sent', sentAt: new Date(), attempts: message.attempts + 1, lastError: null });
    } catch (error) {
      const attempts = message.attempts + 1;
      const reason = (error instanceof Error ? error.message : String(error)).slice(0, 1000);
      const failed = attempts >= MAX_ATTEMPTS;
      this.logger.warn(`mail ${message.id} (${message.kind}) to ${message.toAddress}: try ${attempts} failed${failed ? ', given up' : ''}: ${reason}`);
      await this.repository.transition(message.id, 'sending', {
        status: failed ? 'failed' : 'pending',
        attempts,
        lastError: reason,
        nextAttemptAt: new Date(Date.now() + retryDelay(attempts, this.env.MAIL_RETRY_BASE_MS)),
      });
    }
  }

  /** Folds a user's held notifications into one message, sent like any other (so retried if it fails). */
  private async sendDigest(userId: string, now: Date): Promise<void> {
    const held = (await this.repository.held(userId)).filter((m) => m.nextAttemptAt.getTime() <= now.getTime());
    if (held.length === 0) return;
    const preference = await this.repository.preference(userId);
    const language = preference && isLanguage(preference.language) ? preference.language : 'en';
    const { subject, intro } = MAIL_TEMPLATES[language].digest(held.length);
    const body = held.map((m) => `• ${m.subject}\n${m.textBody.split('\n--\n')[0].trim()}`).join('\n\n');
    const footer = MAIL_TEMPLATES[language].footer(`${this.env.publicUrl()}/settings`);
    await this.uow.run(async (manager) => {
      await this.write(manager, { userId, email: held[0].toAddress }, 'digest', { subject, text: `${intro}\n\n${body}${footer}` }, 'pending', now);
      await this.repository.releaseHeld(held.map((m) => m.id), now, manager);
    });
  }

  async settings(user: AuthContext): Promise<MailSettingsView> {
    const preference = await this.repository.preference(user.user.id);
    return { enabled: this.enabled, delivery: preference?.delivery ?? 'immediate', language: preference && isLanguage(preference.language) ? preference.language : 'en' };
  }

  async updateSettings(user: AuthContext, change: { readonly delivery: MailDelivery; readonly language: Language }): Promise<MailSettingsView> {
    await this.uow.run(async (manager) => {
      const before = await this.repository.preference(user.user.id, manager);
      await this.repository.savePreference(Object.assign(new MailPreference(), { userId: user.user.id, delivery: change.delivery, language: change.language, updatedAt: new Date() }), manager);
      await this.audit.record(manager, {
        actorId: user.user.id,
        action: 'mail.settings',
        entityType: 'user',
        entityId: user.user.id,
        before: before ? { delivery: before.delivery, language: before.language } : null,
        after: { delivery: change.delivery, language: change.language },
      });
    });
    return this.settings(user);
  }

  async outbox(user: AuthContext, status: MailStatus | undefined): Promise<MailMessageView[]> {
    assertAllowed(decide(user.subject, 'administer-mail', { tier: 'committee' }));
    return (await this.repository.list(status, 200)).map(view);
  }

  async retry(user: AuthContext, id: string): Promise<MailMessageView> {
    assertAllowed(decide(user.subject, 'administer-mail', { tier: 'committee' }));
    const message = await this.repository.find(id);
    if (!message) throw new AppException('mail-not-found', `No e-mail ${id} in the outbox.`);
    if (message.status !== 'failed') throw new AppException('mail-not-failed', 'Only an e-mail that was given up can be tried again.');
    await this.uow.run(async (manager) => {
      await this.repository.requeue(id, manager);
      await this.audit.record(manager, { actorId: user.user.id, action: 'mail.retry', entityType: 'mail', entityId: id, before: { status: 'failed' }, after: { status: 'pending' } });
    });
    return view((await this.repository.find(id)) ?? message);
  }
}
