import { Injectable } from '@nestjs/common';
import { DataSource, type EntityManager } from 'typeorm';
import { DraftingSpace } from './drafting-space.entity';

/** Drafting spaces. */
@Injectable()
export class DraftingSpacesRepository {
  constructor(private readonly dataSource: DataSource) {}

  findById(id: string): Promise<DraftingSpace | null> {
    return this.dataSource.getRepository(DraftingSpace).findOneBy({ id });
  }

  /**
   * Spaces of a committee that a delegation owns, co-sponsors or is invited to co-sponsor (the co-sponsor lists
   * are JSON, so they are checked in memory).
   */
  async listForDelegation(committeeId: string, delegationId: string): Promise<DraftingSpace[]> {
    const rows = await this.dataSource.getRepository(DraftingSpace).find({ where: { committeeId }, order: { createdAt: 'DESC' } });
    return rows.filter((s) => s.ownerDelegationId === delegationId || s.coSponsorIds.includes(delegationId) || s.invitedCoSponsorIds.includes(delegationId));
  }

  async insert(space: DraftingSpace, manager: EntityManager): Promise<void> {
    await manager.getRepository(DraftingSpace).insert(space);
  }
}
