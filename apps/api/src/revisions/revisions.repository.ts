import { Injectable } from '@nestjs/common';
import { DataSource, type EntityManager, In } from 'typeorm';
import { Proposal } from '../proposals/proposal.entity';
import { ProposalCompilation } from './proposal-compilation.entity';
import { Revision } from './revision.entity';
import { TranslationSource } from './translation-source.entity';

/** Revisions (insert and read only: they never change), compilations of proposals and translation sources. */
@Injectable()
export class RevisionsRepository {
  constructor(private readonly dataSource: DataSource) {}

  async insert(revision: Revision, manager: EntityManager): Promise<void> {
    await manager.getRepository(Revision).insert(revision);
  }

  findById(id: string): Promise<Revision | null> {
    return this.dataSource.getRepository(Revision).findOneBy({ id });
  }

  findBySymbol(symbol: string, manager?: EntityManager): Promise<Revision | null> {
    return (manager ?? this.dataSource.manager).getRepository(Revision).findOneBy({ symbol });
  }

  /** An instrument's revisions, newest first. */
  listForInstrument(instrumentId: string, manager?: EntityManager): Promise<Revision[]> {
    return (manager ?? this.dataSource.manager).getRepository(Revision).find({ where: { instrumentId }, order: { revisionNumber: 'DESC' } });
  }

  /** Every revision, oldest first (for audit:verify, which checks the audit rows they pin). */
  all(): Promise<Revision[]> {
    return this.dataSource.getRepository(Revision).find({ order: { publishedAt: 'ASC' } });
  }

  /** Revisions of a given tier across committees (or all tiers), newest first. */
  list(tiers: readonly string[], limit = 200): Promise<Revision[]> {
    return this.dataSource.getRepository(Revision).find({ where: { tier: In([...tiers]) }, order: { publishedAt: 'DESC' }, take: limit });
  }

  async insertCompilation(compilation: ProposalCompilation, manager: EntityManager): Promise<void> {
    await manager.getRepository(ProposalCompilation).insert(compilation);
  }

  findCompilation(id: string): Promise<ProposalCompilation | null> {
    return this.dataSource.getRepository(ProposalCompilation).findOneBy({ id });
  }

  listCompilations(limit = 200): Promise<ProposalCompilation[]> {
    return this.dataSource.getRepository(ProposalCompilation).find({ order: { publishedAt: 'DESC' }, take: limit });
  }

  async publishProposals(ids: readonly string[], at: Date, manager: EntityManager): Promise<void> {
    if (ids.length) await manager.getRepository(Proposal).update({ id: In([...ids]) }, { publishedAt: at });
  }

  translationSources(instrumentId: string, language: string): Promise<TranslationSource[]> {
    return this.dataSource.getRepository(TranslationSource).find({ where: { instrumentId, language } });
  }

  async saveTranslationSources(rows: readonly TranslationSource[], manager: EntityManager): Promise<void> {
    if (rows.length) await manager.getRepository(TranslationSource).save([...rows]);
  }
}
