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

  /** Spaces a delegation owns or co-sponsors (co-sponsorship is checked in memory: it is a JSON list). */
  async listForDelegation(delegationId: string): Promise<DraftingSpace[]> {
    const rows = await this.dataSource.getRepository(DraftingSpace).find({ order: { createdAt: 'DESC' } });
    return rows.filter((s) => s.ownerDelegationId === delegationId || s.coSponsorIds.includes(delegationId));
  }

  async insert(space: DraftingSpace, manager: EntityManager): Promise<void> {
    await manager.getRepository(DraftingSpace).insert(space);
  }
}
