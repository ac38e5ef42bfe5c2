import { Injectable } from '@nestjs/common';
import { DataSource, type EntityManager } from 'typeorm';
import { CommitteeSession } from './committee-session.entity';
import { Committee } from './committee.entity';

/** Committees and their sessions. */
@Injectable()
export class CommitteesRepository {
  constructor(private readonly dataSource: DataSource) {}

  findAll(): Promise<Committee[]> {
    return this.dataSource.getRepository(Committee).find({ order: { createdAt: 'ASC' } });
  }

  findById(id: string, manager?: EntityManager): Promise<Committee | null> {
    return (manager ?? this.dataSource.manager).getRepository(Committee).findOneBy({ id });
  }

  async save(committee: Committee, manager: EntityManager): Promise<void> {
    await manager.getRepository(Committee).save(committee);
  }

  count(): Promise<number> {
    return this.dataSource.getRepository(Committee).count();
  }

  sessionsOf(committeeId: string): Promise<CommitteeSession[]> {
    return this.dataSource.getRepository(CommitteeSession).find({ where: { committeeId }, order: { number: 'ASC' } });
  }

  findSession(id: string, manager?: EntityManager): Promise<CommitteeSession | null> {
    return (manager ?? this.dataSource.manager).getRepository(CommitteeSession).findOneBy({ id });
  }

  findSessionByNumber(committeeId: string, number: number, manager: EntityManager): Promise<CommitteeSession | null> {
    return manager.getRepository(CommitteeSession).findOneBy({ committeeId, number });
  }

  async saveSession(session: CommitteeSession, manager: EntityManager): Promise<void> {
    await manager.getRepository(CommitteeSession).save(session);
  }
}
