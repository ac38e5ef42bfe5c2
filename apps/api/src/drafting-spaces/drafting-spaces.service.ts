import { decide, type Language, type Resource, spaceDocument } from '@concord/domain';
import { findNodeById } from '@concord/schema';
import { Injectable } from '@nestjs/common';
import { randomUUID } from 'node:crypto';
import type { AuthContext } from '../auth/auth-context';
import { AuditService } from '../audit/audit.service';
import { AppException } from '../common/app.exception';
import { assertAllowed } from '../common/policy';
import { UnitOfWork } from '../database/unit-of-work';
import { InstrumentsService } from '../instruments/instruments.service';
import { DraftingSpace } from './drafting-space.entity';
import { DraftingSpacesRepository } from './drafting-spaces.repository';
import type { CreateDraftingSpaceDto } from './dto/drafting-space.dto';
import type { DraftingSpaceView } from '@concord/domain';
export type { DraftingSpaceView } from '@concord/domain';

export function draftingSpaceView(space: DraftingSpace): DraftingSpaceView {
  return {
    id: space.id,
    instrumentId: space.instrumentId,
    language: space.language as Language,
    title: space.title,
    ownerDelegationId: space.ownerDelegationId,
    coSponsorIds: space.coSponsorIds,
    invitedCoSponsorIds: space.invitedCoSponsorIds,
    provisionIds: space.provisionIds,
    document: spaceDocument(space.id),
    createdAt: space.createdAt.toISOString(),
  };
}

/** The delegations that may see and edit a space: the owner and accepted co-sponsors. */
export function spaceOwners(space: DraftingSpace): string[] {
  return [space.ownerDelegationId, ...space.coSponsorIds];
}

/** The delegations that may read a space: its owners and the delegations invited to co-sponsor it. */
export function spaceReaders(space: DraftingSpace): string[] {
  return [...spaceOwners(space), ...space.invitedCoSponsorIds];
}

/** A drafting space as the access policy sees it: a delegation record of its committee, owned by `owners`. */
export function spaceResource(space: DraftingSpace, owners: readonly string[]): Resource {
  return { tier: 'delegation', owners, committeeId: space.committeeId };
}

/** Delegation-tier workspaces: nobody outside the owning delegations sees them, the secretariat included. */
@Injectable()
export class DraftingSpacesService {
  constructor(
    private readonly spaces: DraftingSpacesRepository,
    private readonly instruments: InstrumentsService,
    private readonly uow: UnitOfWork,
    private readonly audit: AuditService,
  ) {}

  async create(user: AuthContext, instrumentId: string, dto: CreateDraftingSpaceDto): Promise<DraftingSpaceView> {
    // The instrument must be one the caller reads: another committee's answers as unknown.
    const instrument = await this.instruments.authorize(user, instrumentId, 'read');
    const delegationId = user.user.delegationId;
    if (!delegationId) throw new AppException('forbidden', 'Only members of a delegation open drafting spaces.');
    assertAllowed(decide(user.subject, 'edit-draft', { tier: 'delegation', owners: [delegationId], committeeId: instrument.committeeId }));
    const base = await this.instruments.baseDocument(instrumentId, dto.language);
    for (const id of dto.provisionIds ?? []) {
      const found = findNodeById(base.doc, id);
      if (!found || found.node.type.name !== 'article') throw new AppException('validation-failed', `The base text has no article with id ${id}.`);
    }
    const space = Object.assign(new DraftingSpace(), {
      id: randomUUID(),
      committeeId: base.committeeId,
      instrumentId,
      language: dto.language,
      ownerDelegationId: delegationId,
      coSponsorIds: [],
      invitedCoSponsorIds: [],
      title: dto.title.trim(),
      provisionIds: dto.provisionIds ?? [],
      createdBy: user.user.id,
      createdAt: new Date(),
    });
    return this.uow.run(async (manager) => {
      await this.spaces.insert(space, manager);
      // The audit log is read by the secretariat, which must not see a delegation's draft: ids only, no title.
      await this.audit.record(manager, {
        actorId: user.user.id,
        action: 'drafting-space.create',
        entityType: 'drafting_space',
        entityId: space.id,
        after: { id: space.id, instrumentId, ownerDelegationId: delegationId, language: dto.language, provisionIds: space.provisionIds },
      });
      return draftingSpaceView(space);
    });
  }

  async listMine(user: AuthContext): Promise<DraftingSpaceView[]> {
    if (!user.user.delegationId) return [];
    return (await this.spaces.listForDelegation(user.user.committeeId, user.user.delegationId)).map(draftingSpaceView);
  }

  async get(user: AuthContext, id: string): Promise<DraftingSpaceView> {
    const space = await this.spaces.findById(id);
    // A space the user may not read is reported as missing, so its existence does not leak.
    if (!space || !decide(user.subject, 'read', spaceResource(space, spaceReaders(space))).allowed) {
      throw new AppException('drafting-space-not-found', `No drafting space ${id}.`);
    }
    return draftingSpaceView(space);
  }

  find(id: string): Promise<DraftingSpace | null> {
    return this.spaces.findById(id);
  }
}

