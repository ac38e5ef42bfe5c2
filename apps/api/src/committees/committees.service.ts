import { isDeepStrictEqual } from 'node:util';
import { decide, EARLIEST_DAY, LATEST_DAY, plausibleDay } from '@concord/domain';
import { Injectable } from '@nestjs/common';
import { randomUUID } from 'node:crypto';
import type { AuthContext } from '../auth/auth-context';
import { AuditService } from '../audit/audit.service';
import { AppException } from '../common/app.exception';
import { assertAllowed, assertManagesCommittee } from '../common/policy';
import { UnitOfWork } from '../database/unit-of-work';
import { CommitteeSession } from './committee-session.entity';
import { Committee } from './committee.entity';
import { CommitteesRepository } from './committees.repository';
import type { CreateCommitteeDto, UpdateCommitteeDto } from './dto/committee.dto';
import type { CreateSessionDto, UpdateSessionDto } from './dto/session.dto';
import type { CommitteeView, SessionView } from '@concord/domain';
export type { CommitteeView, SessionView } from '@concord/domain';

export function committeeView(c: Committee): CommitteeView {
  return { id: c.id, name: c.name, symbolPrefix: c.symbolPrefix, description: c.description };
}

export function sessionView(s: CommitteeSession): SessionView {
  return {
    id: s.id,
    committeeId: s.committeeId,
    number: s.number,
    title: s.title,
    venue: s.venue,
    startDate: s.startDate,
    endDate: s.endDate,
    proposalDeadline: s.proposalDeadline.toISOString(),
  };
}

/** The committee's name and calendar are public; changing them is the secretariat's. */
@Injectable()
export class CommitteesService {
  constructor(
    private readonly committees: CommitteesRepository,
    private readonly uow: UnitOfWork,
    private readonly audit: AuditService,
  ) {}

  async list(): Promise<CommitteeView[]> {
    return (await this.committees.findAll()).map(committeeView);
  }

  async get(id: string): Promise<CommitteeView> {
    return committeeView(await this.require(id));
  }

  create(user: AuthContext, dto: CreateCommitteeDto): Promise<CommitteeView> {
    assertAllowed(decide(user.subject, 'manage-committee', { tier: 'committee' }));
    if (!user.subject.roles.includes('admin')) {
      throw new AppException('forbidden', 'Only an administrator may create a committee.');
    }
    const now = new Date();
    const committee = Object.assign(new Committee(), {
      id: randomUUID(),
      name: dto.name.trim(),
      symbolPrefix: dto.symbolPrefix,
      description: dto.description ?? '',
      createdAt: now,
      updatedAt: now,
    });
    return this.uow.run(async (manager) => {
      await this.committees.save(committee, manager);
      await this.audit.record(manager, { actorId: user.user.id, action: 'committee.create', entityType: 'committee', entityId: committee.id, after: committeeView(committee) });
      return committeeView(committee);
    });
  }

  update(user: AuthContext, id: string, dto: UpdateCommitteeDto): Promise<CommitteeView> {
    assertManagesCommittee(user, id);
    return this.uow.run(async (manager) => {
      const committee = await this.require(id, manager);
      const before = committeeView(committee);
      Object.assign(committee, dto, dto.name === undefined ? {} : { name: dto.name.trim() });
      const after = committeeView(committee);
      // An update to the values already held is answered without a write, so the audit log records only changes.
      if (isDeepStrictEqual(before, after)) return before;
      committee.updatedAt = new Date();
      await this.committees.save(committee, manager);
      await this.audit.record(manager, { actorId: user.user.id, action: 'committee.update', entityType: 'committee', entityId: id, before, after });
      return after;
    });
  }

  async sessions(committeeId: string): Promise<SessionView[]> {
    await this.require(committeeId);
    return (await this.committees.sessionsOf(committeeId)).map(sessionView);
  }

  async session(id: string): Promise<SessionView> {
    const session = await this.committees.findSession(id);
    if (!session) throw new AppException('session-not-found', `No session ${id}.`);
    return sessionView(session);
  }

  createSession(user: AuthContext, committeeId: string, dto: CreateSessionDto): Promise<SessionView> {
    assertManagesCommittee(user, committeeId);
    return this.uow.run(async (manager) => {
      await this.require(committeeId, manager);
      const now = new Date();
      const session = Object.assign(new CommitteeSession(), {
        id: randomUUID(),
        committeeId,
        number: dto.number,
        title: dto.title.trim(),
        venue: dto.venue.trim(),
        startDate: dto.startDate,
        endDate: dto.endDate,
        proposalDeadline: new Date(dto.proposalDeadline),
        createdAt: now,
        updatedAt: now,
      });
      await this.checkSession(session, manager);
      await this.committees.saveSession(session, manager);
      await this.audit.record(manager, { actorId: user.user.id, action: 'session.create', entityType: 'session', entityId: session.id, after: sessionView(session) });
      return sessionView(session);
    });
  }

  updateSession(user: AuthContext, id: string, dto: UpdateSessionDto): Promise<SessionView> {
    return this.uow.run(async (manager) => {
      const session = await this.committees.findSession(id, manager);
      if (!session) throw new AppException('session-not-found', `No session ${id}.`);
      assertManagesCommittee(user, session.committeeId);
      const before = sessionView(session);
      const { proposalDeadline, title, venue, ...rest } = dto;
      // Trimmed as when the session was created.
      Object.assign(session, rest, title === undefined ? {} : { title: title.trim() }, venue === undefined ? {} : { venue: venue.trim() });
      if (proposalDeadline) session.proposalDeadline = new Date(proposalDeadline);
      const after = sessionView(session);
      if (isDeepStrictEqual(before, after)) return before;
      session.updatedAt = new Date();
      await this.checkSession(session, manager);
      await this.committees.saveSession(session, manager);
      await this.audit.record(manager, { actorId: user.user.id, action: 'session.update', entityType: 'session', entityId: id, before, after });
      return after;
    });
  }

  private async checkSession(session: CommitteeSession, manager: Parameters<CommitteesRepository['saveSession']>[1]): Promise<void> {
    if (session.endDate < session.startDate) {
      throw new AppException('invalid-dates', `The session cannot end (${session.endDate}) before it starts (${session.startDate}).`);
    }
    if (Number.isNaN(session.proposalDeadline.getTime())) {
      throw new AppException('invalid-dates', 'proposalDeadline is not a real date.');
    }
    const deadlineDay = session.proposalDeadline.toISOString().slice(0, 10);
    const outside = [session.startDate, session.endDate, deadlineDay].find((day) => !plausibleDay(day));
    if (outside !== undefined) {
      throw new AppException('invalid-dates', `${outside} is not a plausible date for a session: give one between ${EARLIEST_DAY} and ${LATEST_DAY}.`);
    }
    // The deadline is for proposals to this session: at the latest on its last day (in UTC, the server's calendar).
    if (deadlineDay > session.endDate) {
      throw new AppException('invalid-dates', `The proposal deadline (${deadlineDay}) falls after the session ends (${session.endDate}): set it on or before the last day.`);
    }
    const clash = await this.committees.findSessionByNumber(session.committeeId, session.number, manager);
    if (clash && clash.id !== session.id) {
      throw new AppException('session-number-taken', `The committee already has a session numbered ${session.number}.`);
    }
  }

  private async require(id: string, manager?: Parameters<CommitteesRepository['findById']>[1]): Promise<Committee> {
    const committee = await this.committees.findById(id, manager);
    if (!committee) throw new AppException('committee-not-found', `No committee ${id}.`);
    return committee;
  }
}
