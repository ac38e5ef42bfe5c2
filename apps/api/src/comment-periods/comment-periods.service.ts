import { decide, type CommentPeriodTarget, type CommentPeriodView, type CommentPublication, type Tier } from '@concord/domain';
import { Injectable, Logger, type OnApplicationShutdown, type OnModuleInit } from '@nestjs/common';
import { randomUUID } from 'node:crypto';
import type { EntityManager } from 'typeorm';
import type { AuthContext } from '../auth/auth-context';
import { AuditService } from '../audit/audit.service';
import { AppException } from '../common/app.exception';
import { assertAllowed } from '../common/policy';
import { UnitOfWork } from '../database/unit-of-work';
import { InboxService } from '../inbox/inbox.service';
import { periodResource, type ReaderSubject } from './comment-access';
import { CommentPeriod, CommentPeriodEvent } from './comment-period.entity';
import { CommentPeriodsRepository } from './comment-periods.repository';
import { CommentTextsService } from './comment-texts.service';
import type { CommentPeriodQueryDto, ExtendCommentPeriodDto, OpenCommentPeriodDto } from './dto/comment-period.dto';

/** How long before the deadline the members are reminded that a period is closing. */
export const CLOSING_REMINDER_MS = 48 * 3600 * 1000;
const REMINDER_SWEEP_MS = 60_000;

export function periodState(period: CommentPeriod, now = new Date()): CommentPeriodView['state'] {
  if (period.closedAt) return 'closed';
  return now.getTime() > period.deadline.getTime() ? 'past-deadline' : 'open';
}

function notFound(id: string): AppException {
  return new AppException('comment-period-not-found', `No comment period ${id}.`);
}

/**
 * Calls for comments: the secretariat opens a period on a published text, extends it, closes it early and
 * publishes what was received and its dispositions. Delegations (and observers where allowed) hear of it in
 * their inbox, and again when the deadline nears.
 */
@Injectable()
export class CommentPeriodsService implements OnModuleInit, OnApplicationShutdown {
  private readonly logger = new Logger('CommentPeriods');
  private sweep: NodeJS.Timeout | null = null;

  constructor(
    private readonly repository: CommentPeriodsRepository,
    private readonly texts: CommentTextsService,
    private readonly uow: UnitOfWork,
    private readonly audit: AuditService,
    private readonly inbox: InboxService,
  ) {}

  onModuleInit(): void {
    this.sweep = setInterval(() => void this.remindClosing().catch((error: unknown) => this.logger.warn(`closing reminders failed: ${String(error)}`)), REMINDER_SWEEP_MS);
    this.sweep.unref();
  }

  onApplicationShutdown(): void {
    if (this.sweep) clearInterval(this.sweep);
  }

  async open(user: AuthContext, dto: OpenCommentPeriodDto): Promise<CommentPeriodView> {
    const text = await this.texts.find(dto.targetKind, dto.targetId);
    const absent = () => new AppException('comment-period-target-not-found', `No published ${dto.targetKind} ${dto.targetId}.`);
    if (!text || !decide(user.subject, 'read', { tier: text.tier, committeeId: text.committeeId }).allowed) throw absent();
    assertAllowed(decide(user.subject, 'manage-comment-period', { tier: text.tier, committeeId: text.committeeId }), absent);
    const now = new Date();
    const deadline = new Date(dto.deadline);
    if (deadline.getTime() <= now.getTime()) throw new AppException('validation-failed', 'The deadline must be in the future.');
    if (dto.allowObservers && text.tier !== 'public') {
      throw new AppException('validation-failed', 'Observers cannot read a committee text, so they cannot be invited to comment on it; publish it as public first.');
    }
    const period = Object.assign(new CommentPeriod(), {
      id: randomUUID(),
      committeeId: text.committeeId,
      instrumentId: text.instrumentId,
      targetKind: text.kind,
      targetId: text.id,
      tier: text.tier,
      title: dto.title.trim(),
      deadline,
      publication: dto.publication,
      allowObservers: dto.allowObservers,
      closedAt: null,
      publishedAt: null,
      dispositionsPublishedAt: null,
      openedBy: user.user.id,
      openedAt: now,
      closingNotifiedAt: null,
    });
    const items = await this.uow.run(async (manager) => {
      await this.repository.insertPeriod(period, manager);
      await this.event(manager, period, 'opened', deadline, user.user.id, now);
      await this.audit.record(manager, {
        actorId: user.user.id,
        action: 'comment-period.open',
        entityType: 'comment_period',
        entityId: period.id,
        after: { target: `${text.kind}:${text.id}`, deadline: deadline.toISOString(), publication: period.publication, allowObservers: period.allowObservers },
      });
      return this.notifyCommenters(manager, period, 'comment-period-opened', text.label);
    });
    this.inbox.announce(items);
    return this.get(user.subject, period.id);
  }

  async list(subject: ReaderSubject, committeeId: string | null, query: CommentPeriodQueryDto): Promise<CommentPeriodView[]> {
    const rows = await this.repository.listPeriods({ committeeId: committeeId ?? undefined, tier: committeeId ? undefined : 'public', instrumentId: query.instrumentId, targetId: query.targetId });
    return this.views(rows.filter((p) => decide(subject, 'read', periodResource(p)).allowed));
  }

  async get(subject: ReaderSubject, id: string): Promise<CommentPeriodView> {
    const [view] = await this.views([await this.readable(subject, id)]);
    return view;
  }

  /** The period, or 404 when it does not exist or the reader may not read it. */
  async readable(subject: ReaderSubject, id: string, manager?: EntityManager): Promise<CommentPeriod> {
    const period = await this.repository.findPeriod(id, manager);
    if (!period || !decide(subject, 'read', periodResource(period)).allowed) throw notFound(id);
    return period;
  }

  extend(user: AuthContext, id: string, dto: ExtendCommentPeriodDto): Promise<CommentPeriodView> {
    return this.change(user, id, 'extended', (period, now) => {
      if (period.closedAt) throw new AppException('comment-period-closed', 'The comment period is closed; open a new one.');
      const deadline = new Date(dto.deadline);
      if (deadline.getTime() <= Math.max(period.deadline.getTime(), now.getTime())) {
        throw new AppException('validation-failed', 'An extended deadline must be later than the current deadline and in the future.');
      }
      period.deadline = deadline;
      // A new deadline deserves a new reminder.
      period.closingNotifiedAt = null;
      return deadline;
    });
  }

  close(user: AuthContext, id: string): Promise<CommentPeriodView> {
    return this.change(user, id, 'closed', (period, now) => {
      if (period.closedAt) throw new AppException('comment-period-closed', 'The comment period is already closed.');
      period.closedAt = now;
      return null;
    });
  }

  /**
   * Publishes the comments received (those not yet public) and the dispositions: from now on every reader of the
   * text reads them. A period that publishes at the close must be closed or past its deadline first.
   */
  publish(user: AuthContext, id: string): Promise<CommentPeriodView> {
    return this.change(user, id, 'published', async (period, now, manager) => {
      if ((period.publication as CommentPublication) === 'at-close' && periodState(period, now) === 'open') {
        throw new AppException('invalid-transition', 'This period publishes its comments at the close: close it (or wait for the deadline) first.');
      }
      period.publishedAt ??= now;
      period.dispositionsPublishedAt = now;
      await this.repository.publishComments(period.id, now, manager);
      return null;
    });
  }

  /** Reminds the commenters of periods whose deadline is near, once per deadline. */
  async remindClosing(now = new Date()): Promise<number> {
    const due = (await this.repository.periodsClosingBefore(new Date(now.getTime() + CLOSING_REMINDER_MS))).filter((p) => p.deadline.getTime() > now.getTime());
    for (const period of due) {
      const text = await this.texts.find(period.targetKind, period.targetId);
      const items = await this.uow.run(async (manager) => {
        const fresh = await this.repository.findPeriod(period.id, manager);
        if (!fresh || fresh.closingNotifiedAt || fresh.closedAt) return [];
        fresh.closingNotifiedAt = now;
        await this.repository.savePeriod(fresh, manager);
        await this.audit.record(manager, { actorId: null, action: 'comment-period.closing-reminder', entityType: 'comment_period', entityId: fresh.id, after: { deadline: fresh.deadline.toISOString() } });
        return this.notifyCommenters(manager, fresh, 'comment-period-closing', text?.label ?? '');
      });
      this.inbox.announce(items);
    }
    return due.length;
  }

  private async change(
    user: AuthContext,
    id: string,
    action: 'extended' | 'closed' | 'published',
    apply: (period: CommentPeriod, now: Date, manager: EntityManager) => Date | null | Promise<Date | null>,
  ): Promise<CommentPeriodView> {
    await this.uow.run(async (manager) => {
      const period = await this.readable(user.subject, id, manager);
      assertAllowed(decide(user.subject, 'manage-comment-period', periodResource(period)), () => notFound(id));
      const before = { deadline: period.deadline.toISOString(), closedAt: period.closedAt?.toISOString() ?? null, publishedAt: period.publishedAt?.toISOString() ?? null };
      const now = new Date();
      const deadline = await apply(period, now, manager);
      await this.repository.savePeriod(period, manager);
      await this.event(manager, period, action, deadline, user.user.id, now);
      await this.audit.record(manager, {
        actorId: user.user.id,
        action: `comment-period.${action}`,
        entityType: 'comment_period',
        entityId: period.id,
        before,
        after: { deadline: period.deadline.toISOString(), closedAt: period.closedAt?.toISOString() ?? null, publishedAt: period.publishedAt?.toISOString() ?? null },
      });
    });
    return this.get(user.subject, id);
  }

  private async event(manager: EntityManager, period: CommentPeriod, action: string, deadline: Date | null, actorId: string, at: Date): Promise<void> {
    await this.repository.insertPeriodEvent(Object.assign(new CommentPeriodEvent(), { id: randomUUID(), periodId: period.id, action, deadline, actorId, at }), manager);
  }

  /** Inbox items for everyone who may comment in the period. */
  private async notifyCommenters(manager: EntityManager, period: CommentPeriod, kind: 'comment-period-opened' | 'comment-period-closing', label: string) {
    const roles = period.allowObservers ? (['delegate', 'head-of-delegation', 'observer'] as const) : (['delegate', 'head-of-delegation'] as const);
    const userIds = await this.inbox.recipients(manager, { committeeId: period.committeeId, roles });
    return this.inbox.record(manager, [
      { userIds, committeeId: period.committeeId, kind, link: `/comment-periods/${period.id}`, facts: { title: period.title, text: label, deadline: period.deadline.toISOString() } },
    ]);
  }

  private async views(periods: readonly CommentPeriod[]): Promise<CommentPeriodView[]> {
    const events = await this.repository.periodEvents(periods.map((p) => p.id));
    const names = await this.repository.displayNames([...new Set(events.map((e) => e.actorId))]);
    const labels = new Map<string, string>();
    for (const p of periods) {
      if (!labels.has(p.targetId)) labels.set(p.targetId, (await this.texts.find(p.targetKind, p.targetId))?.label ?? '');
    }
    const now = new Date();
    return periods.map((p) => ({
      id: p.id,
      committeeId: p.committeeId,
      instrumentId: p.instrumentId,
      targetKind: p.targetKind as CommentPeriodTarget,
      targetId: p.targetId,
      targetLabel: labels.get(p.targetId) ?? '',
      title: p.title,
      tier: p.tier as Tier,
      deadline: p.deadline.toISOString(),
      publication: p.publication as CommentPublication,
      allowObservers: p.allowObservers,
      state: periodState(p, now),
      closedAt: p.closedAt?.toISOString() ?? null,
      publishedAt: p.publishedAt?.toISOString() ?? null,
      openedAt: p.openedAt.toISOString(),
      history: events.filter((e) => e.periodId === p.id).map((e) => ({ action: e.action, at: e.at.toISOString(), by: names.get(e.actorId) ?? null, deadline: e.deadline?.toISOString() ?? null })),
    }));
  }
}
