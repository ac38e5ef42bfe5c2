import { Injectable } from '@nestjs/common';
import { DataSource, type EntityManager } from 'typeorm';
import { Renumbering } from './renumbering.entity';

/** The renumberings of instruments, oldest first. */
@Injectable()
export class NumberingRepository {
  constructor(private readonly dataSource: DataSource) {}

  async insert(row: Renumbering, manager: EntityManager): Promise<void> {
    await manager.getRepository(Renumbering).insert(row);
  }

  list(instrumentId: string): Promise<Renumbering[]> {
    return this.dataSource.getRepository(Renumbering).find({ where: { instrumentId }, order: { at: 'ASC', id: 'ASC' } });
  }
}
