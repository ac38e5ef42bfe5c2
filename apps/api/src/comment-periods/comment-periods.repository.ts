import { Injectable } from '@nestjs/common';
import { DataSource, type EntityManager, In, IsNull, LessThanOrEqual, Not } from 'typeorm';
import { User } from '../auth/user.entity';
import { Committee } from '../committees/committee.entity';
import { Delegation } from '../delegations/delegation.entity';
import { Instrument } from '../instruments/instrument.entity';
import { Proposal } from '../proposals/proposal.entity';
import { ProposalCompilation } from '../revisions/proposal-compilation.entity';
import { Revision } from '../revisions/revision.entity';
import { CommentPeriod, CommentPeriodEvent } from './comment-period.entity';
import { RemarkDisposition, WrittenComment, WrittenRemark } from './written-comment.entity';

/** Comment periods, written comments, their remarks and dispositions, and what they read of texts and delegations. */
@Injectable()
export class CommentPeriodsRepository {
  constructor(private readonly dataSource: DataSource) {}

  private m(manager?: EntityManager): EntityManager {
    return manager ?? this.dataSource.manager;
  }

  // Periods

  async insertPeriod(period: CommentPeriod, manager: EntityManager): Promise<void> {
    await manager.getRepository(CommentPeriod).insert(period);
  }

  async savePeriod(period: CommentPeriod, manager: EntityManager): Promise<void> {
    await manager.getRepository(CommentPeriod).save(period);
  }

  findPeriod(id: string, manager?: EntityManager): Promise<CommentPeriod | null> {
    return this.m(manager).getRepository(CommentPeriod).findOneBy({ id });
  }

  /** A committee's periods (or of every committee, for the public lists), newest first. */
  listPeriods(where: { committeeId?: string; instrumentId?: string; tier?: string; targetId?: string }): Promise<CommentPeriod[]> {
    const filter = Object.fromEntries(Object.entries(where).filter(([, v]) => v !== undefined));
    return this.dataSource.getRepository(CommentPeriod).find({ where: filter, order: { openedAt: 'DESC', id: 'ASC' }, take: 500 });
  }

  /** Open periods whose deadline falls before `before` and whose closing reminder has not gone out. */
  periodsClosingBefore(before: Date): Promise<CommentPeriod[]> {
    return this.dataSource.getRepository(CommentPeriod).find({ where: { closedAt: IsNull(), closingNotifiedAt: IsNull(), deadline: LessThanOrEqual(before) } });
  }

  async insertPeriodEvent(event: CommentPeriodEvent, manager: EntityManager): Promise<void> {
    await manager.getRepository(CommentPeriodEvent).insert(event);
  }

  periodEvents(periodIds: readonly string[]): Promise<CommentPeriodEvent[]> {
    if (periodIds.length === 0) return Promise.resolve([]);
    return this.dataSource.getRepository(CommentPeriodEvent).find({ where: { periodId: In([...periodIds]) }, order: { at: 'ASC', id: 'ASC' } });
  }

  // Written comments

  async insertComment(comment: WrittenComment, remarks: readonly WrittenRemark[], manager: EntityManager): Promise<void> {
    await manager.getRepository(WrittenComment).insert(comment);
    if (remarks.length) await manager.getRepository(WrittenRemark).insert([...remarks]);
  }

  async saveComment(comment: WrittenComment, manager: EntityManager): Promise<void> {
    await manager.getRepository(WrittenComment).save(comment);
  }

  /** Replaces a draft's remarks. */
  async replaceRemarks(commentId: string, remarks: readonly WrittenRemark[], manager: EntityManager): Promise<void> {
    await manager.getRepository(WrittenRemark).delete({ commentId });
    if (remarks.length) await manager.getRepository(WrittenRemark).insert([...remarks]);
  }

  async deleteComment(commentId: string, manager: EntityManager): Promise<void> {
    await manager.getRepository(WrittenRemark).delete({ commentId });
    await manager.getRepository(WrittenComment).delete({ id: commentId, status: 'draft' });
  }

  findComment(id: string, manager?: EntityManager): Promise<WrittenComment | null> {
    return this.m(manager).getRepository(WrittenComment).findOneBy({ id });
  }

  commentsOfPeriods(periodIds: readonly string[], manager?: EntityManager): Promise<WrittenComment[]> {
    if (periodIds.length === 0) return Promise.resolve([]);
    return this.m(manager).getRepository(WrittenComment).find({ where: { periodId: In([...periodIds]) }, order: { number: 'ASC', createdAt: 'ASC', id: 'ASC' } });
  }

  async lastNumber(periodId: string, manager: EntityManager): Promise<number> {
    const rows = await manager.getRepository(WrittenComment).find({ where: { periodId, number: Not(IsNull()) }, order: { number: 'DESC' }, take: 1 });
    return rows[0]?.number ?? 0;
  }

  async publishComments(periodId: string, at: Date, manager: EntityManager): Promise<number> {
    const result = await manager.getRepository(WrittenComment).update({ periodId, status: Not('draft'), publishedAt: IsNull() }, { publishedAt: at });
    return result.affected ?? 0;
  }

  remarksOf(commentIds: readonly string[], manager?: EntityManager): Promise<WrittenRemark[]> {
    if (commentIds.length === 0) return Promise.resolve([]);
    return this.m(manager).getRepository(WrittenRemark).find({ where: { commentId: In([...commentIds]) }, order: { position: 'ASC' } });
  }

  findRemark(id: string, manager?: EntityManager): Promise<WrittenRemark | null> {
    return this.m(manager).getRepository(WrittenRemark).findOneBy({ id });
  }

  async insertDisposition(row: RemarkDisposition, manager: EntityManager): Promise<void> {
    await manager.getRepository(RemarkDisposition).insert(row);
  }

  dispositionsOf(remarkIds: readonly string[]): Promise<RemarkDisposition[]> {
    if (remarkIds.length === 0) return Promise.resolve([]);
    return this.dataSource.getRepository(RemarkDisposition).find({ where: { remarkId: In([...remarkIds]) }, order: { recordedAt: 'ASC', id: 'ASC' } });
  }

  // What the rules read of others

  findRevision(id: string, manager?: EntityManager): Promise<Revision | null> {
    return this.m(manager).getRepository(Revision).findOneBy({ id });
  }

  revisionsOf(instrumentId: string): Promise<Revision[]> {
    return this.dataSource.getRepository(Revision).find({ where: { instrumentId }, order: { revisionNumber: 'ASC' } });
  }

  findCompilation(id: string): Promise<ProposalCompilation | null> {
    return this.dataSource.getRepository(ProposalCompilation).findOneBy({ id });
  }

  proposals(ids: readonly string[]): Promise<Proposal[]> {
    if (ids.length === 0) return Promise.resolve([]);
    return this.dataSource.getRepository(Proposal).find({ where: { id: In([...ids]) } });
  }

  findDelegation(id: string, manager?: EntityManager): Promise<Delegation | null> {
    return this.m(manager).getRepository(Delegation).findOneBy({ id });
  }

  delegations(ids: readonly string[]): Promise<Delegation[]> {
    if (ids.length === 0) return Promise.resolve([]);
    return this.dataSource.getRepository(Delegation).find({ where: { id: In([...ids]) } });
  }

  findCommittee(id: string): Promise<Committee | null> {
    return this.dataSource.getRepository(Committee).findOneBy({ id });
  }

  findInstrument(id: string): Promise<Instrument | null> {
    return this.dataSource.getRepository(Instrument).findOneBy({ id });
  }

  async displayNames(ids: readonly string[]): Promise<Map<string, string>> {
    if (ids.length === 0) return new Map();
    const users = await this.dataSource.getRepository(User).find({ where: { id: In([...new Set(ids)]) }, select: { id: true, displayName: true } });
    return new Map(users.map((u) => [u.id, u.displayName]));
  }
}
