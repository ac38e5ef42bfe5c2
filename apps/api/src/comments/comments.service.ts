import { type Language, parseDocumentName } from '@concord/domain';
import { PROSEMIRROR_FRAGMENT } from '@concord/schema';
import { decodeAnchorPosition, sameText } from '@concord/schema/anchor';
import { Injectable, type MessageEvent } from '@nestjs/common';
import { randomUUID } from 'node:crypto';
import type { Observable } from 'rxjs';
import type * as Y from 'yjs';
import type { AuthContext } from '../auth/auth-context';
import { AuditService } from '../audit/audit.service';
import { assertAllowed } from '../common/policy';
import { validationMessage } from '../common/validation.pipe';
import { UnitOfWork } from '../database/unit-of-work';
import { InboxService } from '../inbox/inbox.service';
import { type AnchorResolution, type AnchorResolver, anchorResolver } from './comment-anchor';
import { canSeeThread, decideComment, decideEdit, decideResolve, newThreadAccess, TARGET_KINDS, type TargetKind, type Viewer, type Writer } from './comment-policy';
import { type CommentTarget, CommentTargetsService } from './comment-targets.service';
import { type CommentView, commentView, groupThreads, threadAccess, type ThreadRows, type ThreadView, threadView } from './comment-view';
import { Comment } from './comment.entity';
import { CommentsLiveService } from './comments-live.service';
import { CommentsException } from './comments.exception';
import { CommentsRepository } from './comments.repository';
import type { CommentAnchorDto, CommentBodyDto, CommentTargetQueryDto, CreateThreadDto } from './dto/comment.dto';

/** A comment the caller may see, with its thread's opening comment and its target. */
interface Visible {
  readonly comment: Comment;
  readonly thread: Comment;
  readonly target: CommentTarget;
}

const ORPHANED: AnchorResolution = { orphaned: true };

function viewerOf(user: AuthContext | null): Viewer {
  return { subject: user?.subject ?? null };
}

function writerOf(user: AuthContext): Writer {
  return { subject: user.subject };
}

function isTargetKind(value: string): value is TargetKind {
  return (TARGET_KINDS as readonly string[]).includes(value);
}

function excerpt(text: string): string {
  return text.length > 200 ? `${text.slice(0, 200)}…` : text;
}

/**
 * Comment threads on live documents, proposals and provisions of published revisions: opening, replying, editing one's
 * own comment, resolving and reopening, listing and streaming. Every answer, error and event shows a thread only
 * to those who may see it; a comment outside the caller's tier is reported exactly like one that does not exist.
 */
@Injectable()
export class CommentsService {
  constructor(
    private readonly comments: CommentsRepository,
    private readonly targets: CommentTargetsService,
    private readonly uow: UnitOfWork,
    private readonly audit: AuditService,
    private readonly live: CommentsLiveService,
    private readonly inbox: InboxService,
  ) {}

  /** The threads on a target that the caller may see, oldest first, with their replies. */
  async list(user: AuthContext | null, query: CommentTargetQueryDto): Promise<ThreadView[]> {
    const viewer = viewerOf(user);
    const target = await this.targets.require(viewer, query.targetKind, query.targetId);
    const rows = await this.comments.listByTarget(target.kind, target.id);
    const threads = groupThreads(rows).filter((t) => canSeeThread(viewer, target, threadAccess(t.first)));
    return this.views(target, threads);
  }

  /** The thread of a comment. */
  async get(user: AuthContext | null, id: string): Promise<ThreadView> {
    const { thread, target } = await this.visible(viewerOf(user), id);
    return this.threadOf(target, thread.id);
  }

  /** Live events of a target, filtered for the caller. */
  async stream(user: AuthContext | null, query: CommentTargetQueryDto): Promise<Observable<MessageEvent>> {
    const viewer = viewerOf(user);
    const target = await this.targets.require(viewer, query.targetKind, query.targetId);
    return this.live.stream(user, viewer, target);
  }

  async create(user: AuthContext, dto: CreateThreadDto): Promise<ThreadView> {
    const viewer = writerOf(user);
    checkShape(dto);
    const target = await this.targets.require(viewer, dto.targetKind, dto.targetId);
    if (target.kind === 'revision' && dto.provisionId) await this.targets.assertProvision(target, dto.provisionId);
    if (!target.tiers.includes(dto.tier)) {
      throw new CommentsException('tier-not-allowed', `A thread on this ${dto.targetKind} may only be ${target.tiers.join(' or ')} tier, not ${dto.tier}.`);
    }
    const access = newThreadAccess(viewer, target, dto.tier);
    assertAllowed(decideComment(viewer, access));
    const resolution = dto.anchor && target.document ? await this.checkAnchor(target.document, dto.anchor) : null;
    const id = randomUUID();
    const row = Object.assign(new Comment(), {
      id,
      threadId: id,
      committeeId: target.committeeId,
      targetKind: target.kind,
      targetId: target.id,
      provisionId: dto.provisionId ?? null,
      anchorStart: dto.anchor?.start ?? null,
      anchorEnd: dto.anchor?.end ?? null,
      quote: dto.anchor?.quote ?? null,
      authorId: user.user.id,
      authorDelegationId: user.user.delegationId,
      tier: dto.tier,
      body: dto.body,
      resolvedAt: null,
      resolvedBy: null,
      createdAt: new Date(),
      editedAt: null,
    });
    await this.uow.run(async (manager) => {
      await this.comments.insert(row, manager);
      // The audit log is read by the secretariat: it records who did what to which comment, never the text.
      await this.audit.record(manager, { actorId: user.user.id, action: 'comment.create', entityType: 'comment', entityId: id, after: { threadId: id, tier: row.tier } });
    });
    const view = threadView({ first: row, replies: [] }, await this.comments.displayNames([row.authorId]), resolution);
    this.live.publish({ type: 'thread-created', targetKind: target.kind, targetId: target.id, thread: access, data: view });
    return view;
  }

  async reply(user: AuthContext, id: string, dto: CommentBodyDto): Promise<CommentView> {
    const viewer = writerOf(user);
    const { thread, target } = await this.visible(viewer, id);
    const access = threadAccess(thread);
    assertAllowed(decideComment(viewer, access));
    const row = Object.assign(new Comment(), {
      id: randomUUID(),
      threadId: thread.id,
      committeeId: thread.committeeId,
      targetKind: thread.targetKind,
      targetId: thread.targetId,
      provisionId: thread.provisionId,
      anchorStart: null,
      anchorEnd: null,
      quote: null,
      authorId: user.user.id,
      authorDelegationId: user.user.delegationId,
      tier: thread.tier,
      body: dto.body,
      resolvedAt: null,
      resolvedBy: null,
      createdAt: new Date(),
      editedAt: null,
    });
    const items = await this.uow.run(async (manager) => {
      await this.comments.insert(row, manager);
      await this.audit.record(manager, { actorId: user.user.id, action: 'comment.reply', entityType: 'comment', entityId: row.id, after: { threadId: thread.id, tier: row.tier } });
      // The thread's author hears of the reply (not of their own).
      if (thread.authorId === user.user.id) return [];
      return this.inbox.record(manager, [
        {
          userIds: [thread.authorId],
          committeeId: thread.committeeId,
          kind: 'thread-reply',
          link: threadLink(thread.targetKind, thread.targetId),
          facts: { thread: thread.id, quote: (thread.quote ?? thread.body).slice(0, 120), by: user.user.displayName },
        },
      ]);
    });
    this.inbox.announce(items);
    const view = commentView(row, await this.comments.displayNames([row.authorId]));
    this.live.publish({ type: 'reply-added', targetKind: target.kind, targetId: target.id, thread: access, data: { threadId: thread.id, comment: view } });
    return view;
  }

  /** Replaces the body of one's own comment and marks it edited. */
  async edit(user: AuthContext, id: string, dto: CommentBodyDto): Promise<CommentView> {
    const viewer = writerOf(user);
    const { comment, thread, target } = await this.visible(viewer, id);
    assertAllowed(decideEdit(viewer, comment));
    const access = threadAccess(thread);
    assertAllowed(decideComment(viewer, access));
    if (comment.body === dto.body) return commentView(comment, await this.comments.displayNames([comment.authorId]));
    const before = { editedAt: comment.editedAt?.toISOString() ?? null };
    const editedAt = new Date();
    await this.uow.run(async (manager) => {
      await this.comments.updateBody(comment.id, dto.body, editedAt, manager);
      await this.audit.record(manager, { actorId: user.user.id, action: 'comment.edit', entityType: 'comment', entityId: comment.id, before, after: { editedAt: editedAt.toISOString() } });
    });
    Object.assign(comment, { body: dto.body, editedAt });
    const view = commentView(comment, await this.comments.displayNames([comment.authorId]));
    this.live.publish({ type: 'comment-edited', targetKind: target.kind, targetId: target.id, thread: access, data: { threadId: thread.id, comment: view } });
    return view;
  }

  /** Resolves (`resolved` true) or reopens the thread of a comment. */
  async setResolved(user: AuthContext, id: string, resolved: boolean): Promise<ThreadView> {
    const viewer = writerOf(user);
    const { thread, target } = await this.visible(viewer, id);
    const access = threadAccess(thread);
    assertAllowed(decideResolve(viewer, access));
    const at = resolved ? new Date() : null;
    await this.uow.run(async (manager) => {
      if (!(await this.comments.setResolved(thread.id, at, resolved ? user.user.id : null, manager))) {
        throw new CommentsException('thread-state-conflict', resolved ? 'The thread is already resolved.' : 'The thread is not resolved.');
      }
      await this.audit.record(manager, {
        actorId: user.user.id,
        action: resolved ? 'comment.resolve' : 'comment.reopen',
        entityType: 'comment',
        entityId: thread.id,
        before: { resolvedAt: thread.resolvedAt?.toISOString() ?? null },
        after: { resolvedAt: at?.toISOString() ?? null },
      });
    });
    const view = await this.threadOf(target, thread.id);
    this.live.publish({ type: resolved ? 'thread-resolved' : 'thread-reopened', targetKind: target.kind, targetId: target.id, thread: access, data: view });
    return view;
  }

  /** A comment the viewer may see, or the same 404 whether it does not exist or is outside the viewer's tier. */
  private async visible(viewer: Viewer, id: string): Promise<Visible> {
    // An anonymous reader sees public threads only and is asked to sign in for any other id, known or not.
    const notFound = viewer.subject ? new CommentsException('comment-not-found', `No comment ${id}.`) : new CommentsException('unauthenticated', 'Sign in to read this comment.');
    const comment = await this.comments.findById(id);
    if (!comment) throw notFound;
    const thread = comment.threadId === comment.id ? comment : await this.comments.findById(comment.threadId);
    if (!thread || !isTargetKind(thread.targetKind)) throw notFound;
    const target = await this.targets.find(thread.targetKind, thread.targetId);
    if (!target || !canSeeThread(viewer, target, threadAccess(thread))) throw notFound;
    return { comment, thread, target };
  }

  private async threadOf(target: CommentTarget, threadId: string): Promise<ThreadView> {
    const [thread] = groupThreads(await this.comments.listThread(threadId));
    if (!thread) throw new CommentsException('comment-not-found', `No comment ${threadId}.`);
    const [view] = await this.views(target, [thread]);
    return view;
  }

  /** Views of threads, with each document anchor resolved against the document's current state. */
  private async views(target: CommentTarget, threads: readonly ThreadRows[]): Promise<ThreadView[]> {
    if (threads.length === 0) return [];
    const names = await this.comments.displayNames(threads.flatMap((t) => [t.first, ...t.replies]).map((c) => c.authorId));
    const anchored = threads.some((t) => t.first.anchorStart !== null);
    const doc = target.document && anchored ? await this.targets.snapshot(target.document) : null;
    try {
      const resolve = doc ? anchorResolver(doc, PROSEMIRROR_FRAGMENT, documentLanguage(target.document)) : null;
      return threads.map((t) => threadView(t, names, resolve ? resolveStored(resolve, t.first) : null));
    } finally {
      doc?.destroy();
    }
  }

  /** Checks that a new anchor resolves in the document as it is now, to the text the author quoted. */
  private async checkAnchor(document: string, anchor: CommentAnchorDto): Promise<AnchorResolution> {
    const start = decodeAnchorPosition(anchor.start);
    const end = decodeAnchorPosition(anchor.end);
    if (!start || !end) {
      throw new CommentsException('invalid-anchor', 'anchor.start and anchor.end must each be a Yjs relative position (Y.encodeRelativePosition), base64-encoded.');
    }
    const doc: Y.Doc = await this.targets.snapshot(document);
    try {
      const resolution = anchorResolver(doc, PROSEMIRROR_FRAGMENT, documentLanguage(document))(start, end);
      if (resolution.orphaned) {
        throw new CommentsException('invalid-anchor', 'The anchor does not cover any text of the document as it is now; select the text again.');
      }
      if (!sameText(resolution.text, anchor.quote)) {
        throw new CommentsException('invalid-anchor', `The anchored range reads "${excerpt(resolution.text)}", not the quote sent; select the text again.`);
      }
      return resolution;
    } finally {
      doc.destroy();
    }
  }
}

/** Where a stored anchor lies now; an anchor that cannot even be decoded is orphaned. */
function resolveStored(resolve: AnchorResolver, first: Comment): AnchorResolution | null {
  if (first.anchorStart === null || first.anchorEnd === null) return null;
  const start = decodeAnchorPosition(first.anchorStart);
  const end = decodeAnchorPosition(first.anchorEnd);
  return start && end ? resolve(start, end) : ORPHANED;
}

/** What each kind of target needs: a range for a document, a provision for a revision, nothing else. */
function checkShape(dto: CreateThreadDto): void {
  const problems: string[] = [];
  if (dto.targetKind === 'document' && !dto.anchor) problems.push('anchor is required on a document: the range the thread is about');
  if (dto.targetKind !== 'document' && dto.anchor) problems.push(`anchor is only for document targets, not ${dto.targetKind}`);
  if (dto.targetKind === 'revision' && !dto.provisionId) problems.push('provisionId is required on a revision');
  if (dto.targetKind !== 'revision' && dto.provisionId !== undefined) problems.push(`provisionId is only for revision targets, not ${dto.targetKind}`);
  if (problems.length) throw new CommentsException('validation-failed', validationMessage(problems), problems);
}

/** Where a thread is read in the web app. */
function threadLink(targetKind: string, targetId: string): string {
  if (targetKind === 'proposal') return `/proposals/${targetId}`;
  if (targetKind === 'revision') return `/revisions/${targetId}`;
  const name = parseDocumentName(targetId);
  if (name?.kind === 'space') return `/drafting-spaces/${name.spaceId}`;
  return `/instruments/${name?.instrumentId ?? ''}`;
}

/** The language of a consolidated draft; none for a space. */
function documentLanguage(document: string | null | undefined): Language | undefined {
  const name = parseDocumentName(document ?? '');
  return name?.kind === 'consolidated' ? name.language : undefined;
}
