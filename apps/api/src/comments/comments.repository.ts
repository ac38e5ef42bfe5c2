import { Injectable } from '@nestjs/common';
import { DataSource, type EntityManager, In, IsNull, Not } from 'typeorm';
import { User } from '../auth/user.entity';
import { Proposal } from '../proposals/proposal.entity';
import { Revision } from '../revisions/revision.entity';
import { Comment } from './comment.entity';

/** What the comment rules need to know of a proposal. */
export type ProposalVisibility = Pick<Proposal, 'id' | 'committeeId' | 'status' | 'publishedAt'>;

/** What the comment rules need to know of a published revision. */
export type RevisionVisibility = Pick<Revision, 'id' | 'committeeId' | 'tier'>;

/** Comments, and the little the comment rules read of proposals, revisions and users. */
@Injectable()
export class CommentsRepository {
  constructor(private readonly dataSource: DataSource) {}

  private manager(manager?: EntityManager): EntityManager {
    return manager ?? this.dataSource.manager;
  }

  findById(id: string, manager?: EntityManager): Promise<Comment | null> {
    return this.manager(manager).getRepository(Comment).findOneBy({ id });
  }

  /** Every comment on a target, oldest first; the caller groups them into threads and filters by visibility. */
  listByTarget(targetKind: string, targetId: string): Promise<Comment[]> {
    return this.dataSource.getRepository(Comment).find({ where: { targetKind, targetId }, order: { createdAt: 'ASC', id: 'ASC' } });
  }

  /** A thread's comments, the opening one first. */
  listThread(threadId: string, manager?: EntityManager): Promise<Comment[]> {
    return this.manager(manager)
      .getRepository(Comment)
      .find({ where: { threadId }, order: { createdAt: 'ASC', id: 'ASC' } });
  }

  async insert(comment: Comment, manager: EntityManager): Promise<void> {
    await manager.getRepository(Comment).insert(comment);
  }

  async updateBody(id: string, body: string, editedAt: Date, manager: EntityManager): Promise<void> {
    await manager.getRepository(Comment).update({ id }, { body, editedAt });
  }

  /**
   * Marks a thread resolved (by `by`, at `at`) or open again (`at` null), only if it is not so already: false when
   * another request got there first.
   */
  async setResolved(threadId: string, at: Date | null, by: string | null, manager: EntityManager): Promise<boolean> {
    const result = await manager
      .getRepository(Comment)
      .update({ id: threadId, resolvedAt: at ? IsNull() : Not(IsNull()) }, { resolvedAt: at, resolvedBy: by });
    return (result.affected ?? 0) === 1;
  }

  /** Display names of users, by id. */
  async displayNames(userIds: readonly string[]): Promise<Map<string, string>> {
    if (userIds.length === 0) return new Map();
    const users = await this.dataSource.getRepository(User).find({ where: { id: In([...new Set(userIds)]) }, select: { id: true, displayName: true } });
    return new Map(users.map((u) => [u.id, u.displayName]));
  }

  /** A proposal's visibility facts; a draft is never a row, so every proposal found was submitted. */
  findProposal(id: string): Promise<ProposalVisibility | null> {
    return this.dataSource.getRepository(Proposal).findOne({
      where: { id },
      select: { id: true, committeeId: true, status: true, publishedAt: true },
    });
  }

  /** A published revision's visibility facts. */
  findRevision(id: string): Promise<RevisionVisibility | null> {
    return this.dataSource.getRepository(Revision).findOne({ where: { id }, select: { id: true, committeeId: true, tier: true } });
  }

  /** The canonical JSON a revision publishes (its language versions' documents), or null. */
  async revisionContent(id: string): Promise<string | null> {
    const row = await this.dataSource.getRepository(Revision).findOne({ where: { id }, select: { id: true, content: true } });
    return row?.content ?? null;
  }
}
