import {
  decide,
  describeSuspiciousCharacters,
  pickLocalized,
  type Disposition,
  type DispositionView,
  type Language,
  type RemarkView,
  type WrittenCommentStatus,
  type WrittenCommentView,
} from '@concord/domain';
import { Injectable } from '@nestjs/common';
import { randomUUID } from 'node:crypto';
import type { EntityManager } from 'typeorm';
import type { AuthContext } from '../auth/auth-context';
import { AuditService } from '../audit/audit.service';
import { AppException } from '../common/app.exception';
import { assertAllowed } from '../common/policy';
import { UnitOfWork } from '../database/unit-of-work';
import type { Delegation } from '../delegations/delegation.entity';
import { InboxService } from '../inbox/inbox.service';
import { canReadComment, canSeeDispositions, commentResource, commentTier, isCommenter, ownResource, type ReaderSubject } from './comment-access';
import type { CommentPeriod } from './comment-period.entity';
import { CommentPeriodsRepository } from './comment-periods.repository';
import { CommentPeriodsService, periodState } from './comment-periods.service';
import { CommentTextsService } from './comment-texts.service';
import type { DispositionDto, NewWrittenCommentDto, WrittenCommentDto } from './dto/comment-period.dto';
import { provisionIndex, revisionDoc } from './provision-index';
import { RemarkDisposition, WrittenComment, WrittenRemark } from './written-comment.entity';

function notFound(id: string): AppException {
  return new AppException('written-comment-not-found', `No written comment ${id}.`);
}

/** Kinds of delegation that comment as delegations; observer organizations only where the period allows. */
const DELEGATION_KINDS = ['member-state', 'group'];

/**
 * Written comments: drafted privately by a delegation's members (or an observer organization), submitted by its
 * head, immutable from then on (a revised comment supersedes it); dispositions recorded per remark by the
 * secretariat, every one kept.
 */
@Injectable()
export class WrittenCommentsService {
  constructor(
    private readonly repository: CommentPeriodsRepository,
    private readonly periods: CommentPeriodsService,
    private readonly texts: CommentTextsService,
    private readonly uow: UnitOfWork,
    private readonly audit: AuditService,
    private readonly inbox: InboxService,
  ) {}

  /** Starts the caller's delegation's written comment in a period, as a private draft. */
  async create(user: AuthContext, periodId: string, dto: NewWrittenCommentDto): Promise<WrittenCommentView> {
    const period = await this.periods.readable(user.subject, periodId);
    const delegationId = user.user.delegationId;
    if (!delegationId) throw new AppException('forbidden', 'You act for no delegation (or your head has not yet confirmed you), so you cannot comment for one.');
    assertAllowed(decide(user.subject, 'draft-written-comment', ownResource(period.committeeId, delegationId)));
    const delegation = await this.repository.findDelegation(delegationId);
    this.assertMayComment(period, delegation);
    if (period.closedAt) throw new AppException('comment-period-closed', 'The comment period is closed.');
    const now = new Date();
    const comment: WrittenComment = Object.assign(new WrittenComment(), {
      id: randomUUID(),
      committeeId: period.committeeId,
      periodId: period.id,
      delegationId,
      status: 'draft',
      language: dto.language as string,
      number: null as number | null,
      late: false,
      supersedesId: null as string | null,
      textWarnings: [] as string[],
      createdBy: user.user.id,
      createdAt: now,
      updatedAt: now,
      submittedBy: null as string | null,
      submittedAt: null as Date | null,
      publishedAt: null as Date | null,
    });
    const remarks = await this.remarks(period, comment, dto);
    comment.textWarnings = warnings(remarks);
    await this.uow.run(async (manager) => {
      if (dto.supersedesId) {
        const old = await this.repository.findComment(dto.supersedesId, manager);
        if (!old || old.periodId !== period.id || old.delegationId !== delegationId || old.status !== 'submitted') {
          throw new AppException('written-comment-not-found', `Your delegation has no submitted comment ${dto.supersedesId} in this period to supersede.`);
        }
        comment.supersedesId = old.id;
      }
      await this.repository.insertComment(comment, remarks, manager);
      await this.audit.record(manager, { actorId: user.user.id, action: 'written-comment.draft', entityType: 'written_comment', entityId: comment.id, after: { periodId: period.id, delegationId, remarks: remarks.length } });
    });
    return this.get(user.subject, comment.id);
  }

  /** Replaces the remarks of a draft of the caller's delegation. */
  async update(user: AuthContext, id: string, dto: WrittenCommentDto): Promise<WrittenCommentView> {
    await this.uow.run(async (manager) => {
      const { comment, period } = await this.readable(user.subject, id, manager);
      // The caller reads the comment already, so saying it was submitted tells nothing new; it is the clearer answer.
      if (comment.status !== 'draft') throw new AppException('invalid-transition', 'A submitted comment cannot be changed; submit a revised comment that supersedes it.');
      assertAllowed(decide(user.subject, 'draft-written-comment', commentResource(comment, period)));
      const remarks = await this.remarks(period, comment, dto);
      comment.language = dto.language;
      comment.textWarnings = warnings(remarks);
      comment.updatedAt = new Date();
      await this.repository.saveComment(comment, manager);
      await this.repository.replaceRemarks(comment.id, remarks, manager);
      await this.audit.record(manager, { actorId: user.user.id, action: 'written-comment.edit', entityType: 'written_comment', entityId: comment.id, after: { remarks: remarks.length } });
    });
    return this.get(user.subject, id);
  }

  /** Discards a draft of the caller's delegation. */
  async discard(user: AuthContext, id: string): Promise<void> {
    await this.uow.run(async (manager) => {
      const { comment, period } = await this.readable(user.subject, id, manager);
      if (comment.status !== 'draft') throw new AppException('invalid-transition', 'A submitted comment cannot be discarded.');
      assertAllowed(decide(user.subject, 'draft-written-comment', commentResource(comment, period)));
      await this.repository.deleteComment(comment.id, manager);
      await this.audit.record(manager, { actorId: user.user.id, action: 'written-comment.discard', entityType: 'written_comment', entityId: comment.id });
    });
  }

  /**
   * Submits a draft: numbered in the period, flagged late after the deadline, published at once when the period
   * publishes on arrival (or was already published), and immutable from now on.
   */
  async submit(user: AuthContext, id: string): Promise<WrittenCommentView> {
    await this.uow.run(async (manager) => {
      const { comment, period } = await this.readable(user.subject, id, manager);
      assertAllowed(decide(user.subject, 'submit-written-comment', commentResource(comment, period)));
      if (comment.status !== 'draft') throw new AppException('invalid-transition', 'This comment was already submitted.');
      const delegation = await this.repository.findDelegation(comment.delegationId, manager);
      this.assertMayComment(period, delegation);
      const now = new Date();
      if (periodState(period, now) === 'closed') throw new AppException('comment-period-closed', 'The comment period is closed; submissions are no longer received.');
      comment.status = 'submitted';
      comment.number = (await this.repository.lastNumber(period.id, manager)) + 1;
      comment.late = now.getTime() > period.deadline.getTime();
      comment.submittedBy = user.user.id;
      comment.submittedAt = now;
      comment.updatedAt = now;
      comment.publishedAt = period.publication === 'on-arrival' || period.publishedAt ? now : null;
      if (comment.supersedesId) {
        const old = await this.repository.findComment(comment.supersedesId, manager);
        if (!old || old.status !== 'submitted') throw new AppException('invalid-transition', 'The comment this one supersedes is no longer the current one.');
        old.status = 'superseded';
        old.updatedAt = now;
        await this.repository.saveComment(old, manager);
      }
      await this.repository.saveComment(comment, manager);
      await this.audit.record(manager, {
        actorId: user.user.id,
        action: 'written-comment.submit',
        entityType: 'written_comment',
        entityId: comment.id,
        after: { number: comment.number, late: comment.late, supersedes: comment.supersedesId, published: comment.publishedAt !== null },
      });
    });
    return this.get(user.subject, id);
  }

  /** The written comments of a period the reader may read, in order of submission (drafts of their own last). */
  async list(subject: ReaderSubject, periodId: string): Promise<WrittenCommentView[]> {
    const period = await this.periods.readable(subject, periodId);
    const comments = (await this.repository.commentsOfPeriods([period.id])).filter((c) => canReadComment(subject, c, period));
    return this.views(subject, new Map([[period.id, period]]), comments);
  }

  async get(subject: ReaderSubject, id: string): Promise<WrittenCommentView> {
    const { comment, period } = await this.readable(subject, id);
    const [view] = await this.views(subject, new Map([[period.id, period]]), [comment]);
    return view;
  }

  /** Records the secretariat's disposition of a remark; earlier ones stay as its history. */
  async dispose(user: AuthContext, remarkId: string, dto: DispositionDto): Promise<WrittenCommentView> {
    const absent = () => new AppException('remark-not-found', `No remark ${remarkId}.`);
    const remark = await this.repository.findRemark(remarkId);
    if (!remark) throw absent();
    const comment = await this.repository.findComment(remark.commentId);
    const period = comment ? await this.repository.findPeriod(comment.periodId) : null;
    if (!comment || !period || comment.status === 'draft' || !canReadComment(user.subject, comment, period)) throw absent();
    assertAllowed(decide(user.subject, 'record-disposition', commentResource(comment, period)), absent);
    if (dto.addressedProvisionId && !dto.addressedRevisionId) throw new AppException('validation-failed', 'A remark on a provision names the revision its provision was read in: give addressedRevisionId as well.');
    if (dto.addressedRevisionId) {
      const revision = await this.repository.findRevision(dto.addressedRevisionId);
      if (!revision || revision.instrumentId !== period.instrumentId) throw new AppException('revision-not-found', `No revision ${dto.addressedRevisionId} of this instrument.`);
      if (dto.addressedProvisionId) {
        const found = revisionDoc(revision.content, revision.originalLanguage, revision.originalLanguage);
        if (!found || !provisionIndex(found.doc, found.language).has(dto.addressedProvisionId)) {
          throw new AppException('provision-not-found', `${revision.symbol} has no provision ${dto.addressedProvisionId}.`);
        }
      }
    }
    const row = Object.assign(new RemarkDisposition(), {
      id: randomUUID(),
      remarkId,
      disposition: dto.disposition,
      response: dto.response,
      addressedRevisionId: dto.addressedRevisionId ?? null,
      addressedProvisionId: dto.addressedProvisionId ?? null,
      recordedBy: user.user.id,
      recordedAt: new Date(),
    });
    const items = await this.uow.run(async (manager) => {
      await this.repository.insertDisposition(row, manager);
      await this.audit.record(manager, { actorId: user.user.id, action: 'written-comment.disposition', entityType: 'written_remark', entityId: remarkId, after: { disposition: row.disposition, addressedRevisionId: row.addressedRevisionId, addressedProvisionId: row.addressedProvisionId } });
      const userIds = await this.inbox.recipients(manager, { delegationIds: [comment.delegationId], except: user.user.id });
      return this.inbox.record(manager, [
        { userIds, committeeId: comment.committeeId, kind: 'comment-disposition', link: `/comment-periods/${period.id}?comment=${comment.id}`, facts: { period: period.title, number: `${comment.number ?? ''}.${remark.position}`, disposition: row.disposition } },
      ]);
    });
    this.inbox.announce(items);
    return this.get(user.subject, comment.id);
  }

  /** The comment and its period, or 404 when either is unknown or the reader may not read the comment. */
  async readable(subject: ReaderSubject, id: string, manager?: EntityManager): Promise<{ comment: WrittenComment; period: CommentPeriod }> {
    const comment = await this.repository.findComment(id, manager);
    const period = comment ? await this.repository.findPeriod(comment.periodId, manager) : null;
    if (!comment || !period || !canReadComment(subject, comment, period)) throw notFound(id);
    return { comment, period };
  }

  private assertMayComment(period: CommentPeriod, delegation: Delegation | null): void {
    if (!delegation || delegation.committeeId !== period.committeeId) throw new AppException('forbidden', 'Only delegations of the committee may comment.');
    if (DELEGATION_KINDS.includes(delegation.kind)) return;
    if (delegation.kind === 'observer-organization' && period.allowObservers) return;
    throw new AppException(
      'forbidden',
      delegation.kind === 'observer-organization' ? 'This comment period does not invite comments from observers.' : 'The secretariat does not submit written comments.',
    );
  }

  /** The remarks of a comment, checked against the provisions of the text. */
  private async remarks(period: CommentPeriod, comment: WrittenComment, dto: WrittenCommentDto): Promise<WrittenRemark[]> {
    const text = await this.texts.find(period.targetKind, period.targetId);
    const index = text?.provisions(text.originalLanguage) ?? new Map();
    return dto.remarks.map((r, i) => {
      const provision = r.provisionId ? index.get(r.provisionId) : null;
      if (r.provisionId && !provision) throw new AppException('provision-not-found', `${text?.label ?? 'The text'} has no provision ${r.provisionId}.`);
      const wording = r.proposedWording?.trim() ? r.proposedWording : null;
      return Object.assign(new WrittenRemark(), { id: randomUUID(), commentId: comment.id, position: i + 1, provisionId: r.provisionId ?? null, provisionLabel: provision?.label ?? null, body: r.body, proposedWording: wording });
    });
  }

  /** Views of comments, each with its remarks and the dispositions the reader may see. */
  async views(subject: ReaderSubject, periods: ReadonlyMap<string, CommentPeriod>, comments: readonly WrittenComment[], language: Language = 'en'): Promise<WrittenCommentView[]> {
    const remarks = await this.repository.remarksOf(comments.map((c) => c.id));
    const dispositions = await this.repository.dispositionsOf(remarks.map((r) => r.id));
    const delegations = new Map((await this.repository.delegations([...new Set(comments.map((c) => c.delegationId))])).map((d) => [d.id, d]));
    const symbols = new Map<string, string>();
    const addressedLabels = new Map<string, string>();
    for (const revisionId of new Set(dispositions.flatMap((d) => (d.addressedRevisionId ? [d.addressedRevisionId] : [])))) {
      const revision = await this.repository.findRevision(revisionId);
      // Where a remark was addressed is told only to readers of that revision (a committee one stays unnamed).
      if (!revision || !decide(subject, 'read', { tier: revision.tier === 'public' ? 'public' : 'committee', committeeId: revision.committeeId }).allowed) continue;
      symbols.set(revision.id, revision.symbol);
      const found = revisionDoc(revision.content, language, revision.originalLanguage);
      if (found) for (const [id, p] of provisionIndex(found.doc, language)) addressedLabels.set(`${revision.id}:${id}`, p.label);
    }
    const names = await this.repository.displayNames([...new Set(dispositions.map((d) => d.recordedBy))]);
    const supersededBy = new Map(comments.filter((c) => c.supersedesId).map((c) => [c.supersedesId ?? '', c.id]));
    return comments.flatMap((c) => {
      const period = periods.get(c.periodId);
      if (!period) return [];
      const seesDispositions = canSeeDispositions(subject, c, period);
      // Who recorded each disposition is shown to the secretariat, who keeps the record; readers see its answer.
      const seesRecorders = decide(subject, 'record-disposition', commentResource(c, period)).allowed;
      const delegation = delegations.get(c.delegationId);
      const ownRemarks = remarks.filter((r) => r.commentId === c.id);
      const view: WrittenCommentView = {
        id: c.id,
        periodId: c.periodId,
        number: c.number,
        delegationId: c.delegationId,
        delegationCode: delegation?.code ?? '',
        delegationName: (delegation ? pickLocalized(delegation.names, language) : undefined) ?? delegation?.code ?? '',
        commenterKind: delegation?.kind ?? '',
        status: c.status as WrittenCommentStatus,
        language: c.language as Language,
        tier: commentTier(c, period),
        late: c.late,
        supersedesId: c.supersedesId,
        // Only a superseding comment the reader may read is named.
        supersededById: supersededBy.get(c.id) ?? null,
        submittedAt: c.submittedAt?.toISOString() ?? null,
        publishedAt: c.publishedAt?.toISOString() ?? null,
        textWarnings: c.textWarnings,
        remarks: ownRemarks.map((r): RemarkView => {
          const history = seesDispositions ? dispositions.filter((d) => d.remarkId === r.id).map((d) => dispositionView(d, symbols, addressedLabels, seesRecorders ? (names.get(d.recordedBy) ?? null) : null)) : [];
          return {
            id: r.id,
            number: c.number === null ? '' : `${c.number}.${r.position}`,
            provisionId: r.provisionId,
            provisionLabel: r.provisionLabel,
            body: r.body,
            proposedWording: r.proposedWording,
            disposition: history.at(-1) ?? null,
            dispositionHistory: history,
          };
        }),
      };
      return [view];
    });
  }

  /** Whether the reader is of the comment's commenter; exported for the outputs. */
  isCommenter(subject: ReaderSubject, comment: WrittenComment): boolean {
    return isCommenter(subject, comment);
  }
}

function dispositionView(d: RemarkDisposition, symbols: ReadonlyMap<string, string>, labels: ReadonlyMap<string, string>, recordedBy: string | null): DispositionView {
  return {
    id: d.id,
    disposition: d.disposition as Disposition,
    response: d.response,
    addressedRevisionId: d.addressedRevisionId && symbols.has(d.addressedRevisionId) ? d.addressedRevisionId : null,
    addressedRevisionSymbol: d.addressedRevisionId ? (symbols.get(d.addressedRevisionId) ?? null) : null,
    addressedProvisionId: d.addressedRevisionId && symbols.has(d.addressedRevisionId) ? d.addressedProvisionId : null,
    addressedProvisionLabel: d.addressedRevisionId && d.addressedProvisionId ? (labels.get(`${d.addressedRevisionId}:${d.addressedProvisionId}`) ?? null) : null,
    recordedBy,
    recordedAt: d.recordedAt.toISOString(),
  };
}

function warnings(remarks: readonly WrittenRemark[]): string[] {
  return remarks.flatMap((r) => [
    ...describeSuspiciousCharacters(r.body).map((w) => `remark ${r.position}: ${w}`),
    ...describeSuspiciousCharacters(r.proposedWording ?? '').map((w) => `remark ${r.position} proposed wording: ${w}`),
  ]);
}
