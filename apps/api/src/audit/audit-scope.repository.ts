import { Injectable } from '@nestjs/common';
import { DataSource, type EntityTarget, type ObjectLiteral } from 'typeorm';
import { User } from '../auth/user.entity';
import { Comment } from '../comments/comment.entity';
import { WrittenComment } from '../comment-periods/written-comment.entity';
import { CommitteeSession } from '../committees/committee-session.entity';
import { Delegation } from '../delegations/delegation.entity';
import { DraftingSpace } from '../drafting-spaces/drafting-space.entity';
import { Instrument } from '../instruments/instrument.entity';
import { Proposal } from '../proposals/proposal.entity';
import { ProposalCompilation } from '../revisions/proposal-compilation.entity';
import { Revision } from '../revisions/revision.entity';
import { commentScope, proposalScope, type RecordKind, type RecordRef, type RecordScope, refKey, spaceScope, writtenCommentScope } from './audit-visibility';

/** Reads, for the audit log's read side, the committee and delegation-tier owners of the records rows are about. */
@Injectable()
export class AuditScopeRepository {
  constructor(private readonly dataSource: DataSource) {}

  async scopes(refs: readonly RecordRef[]): Promise<Map<string, RecordScope>> {
    const byKind = new Map<RecordKind, string[]>();
    for (const ref of refs) byKind.set(ref.kind, [...(byKind.get(ref.kind) ?? []), ref.id]);
    const found = new Map<string, RecordScope>();
    const put = (kind: RecordKind, id: string, scope: RecordScope) => found.set(refKey({ kind, id }), scope);
    for (const [kind, ids] of byKind) {
      if (kind === 'committee') {
        for (const id of ids) put(kind, id, { committeeId: id });
      } else if (kind === 'drafting_space') {
        for (const row of await this.rows(DraftingSpace, ids)) put(kind, row.id, spaceScope(row));
      } else if (kind === 'comment') {
        for (const row of await this.rows(Comment, ids)) put(kind, row.id, commentScope(row));
      } else if (kind === 'proposal') {
        for (const row of await this.rows(Proposal, ids)) put(kind, row.id, proposalScope(row));
      } else if (kind === 'written_comment') {
        for (const row of await this.rows(WrittenComment, ids)) put(kind, row.id, writtenCommentScope(row));
      } else {
        for (const row of await this.rows(COMMITTEE_RECORDS[kind], ids)) put(kind, row.id, { committeeId: row.committeeId });
      }
    }
    return found;
  }

  private rows<T extends ObjectLiteral>(entity: EntityTarget<T>, ids: readonly string[]): Promise<T[]> {
    // Ids come from audit rows; a non-UUID one (the command line's "cli") simply matches nothing.
    return this.dataSource.getRepository(entity).createQueryBuilder('r').where('r.id IN (:...ids)', { ids: [...ids] }).getMany();
  }
}

/** Records whose only scope is their committee. */
const COMMITTEE_RECORDS: Record<Exclude<RecordKind, 'committee' | 'drafting_space' | 'comment' | 'proposal' | 'written_comment'>, EntityTarget<{ id: string; committeeId: string }>> = {
  session: CommitteeSession,
  delegation: Delegation,
  user: User,
  instrument: Instrument,
  compilation: ProposalCompilation,
  revision: Revision,
};
