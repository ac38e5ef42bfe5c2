import { Injectable } from '@nestjs/common';
import { DataSource, type EntityManager } from 'typeorm';
import { InstrumentText } from './instrument-text.entity';
import { Instrument } from './instrument.entity';

/** Instruments and their base texts. */
@Injectable()
export class InstrumentsRepository {
  constructor(private readonly dataSource: DataSource) {}

  findById(id: string, manager?: EntityManager): Promise<Instrument | null> {
    return (manager ?? this.dataSource.manager).getRepository(Instrument).findOneBy({ id });
  }

  listByCommittee(committeeId: string): Promise<Instrument[]> {
    return this.dataSource.getRepository(Instrument).find({ where: { committeeId }, order: { createdAt: 'ASC' } });
  }

  async save(instrument: Instrument, manager: EntityManager): Promise<void> {
    await manager.getRepository(Instrument).save(instrument);
  }

  async insertText(text: InstrumentText, manager: EntityManager): Promise<void> {
    await manager.getRepository(InstrumentText).insert(text);
  }

  findText(instrumentId: string, language: string): Promise<InstrumentText | null> {
    return this.dataSource.getRepository(InstrumentText).findOneBy({ instrumentId, language });
  }

  /** Whether the instrument has a text in that language, without reading the text. */
  hasText(instrumentId: string, language: string): Promise<boolean> {
    return this.dataSource.getRepository(InstrumentText).existsBy({ instrumentId, language });
  }

  async languagesOf(instrumentId: string): Promise<string[]> {
    const rows = await this.dataSource.getRepository(InstrumentText).find({ where: { instrumentId }, select: { language: true } });
    return rows.map((r) => r.language);
  }
}
