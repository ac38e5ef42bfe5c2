import { type Language } from '@concord/domain';
import { findNodeById } from '@concord/schema';
import { Injectable } from '@nestjs/common';
import type { Node } from 'prosemirror-model';
import type { AuthContext } from '../auth/auth-context';
import { AuditService } from '../audit/audit.service';
import { consolidatedDocument } from '../collaboration/collab-access.service';
import { DocumentReader } from '../collaboration/document-reader';
import { AppException } from '../common/app.exception';
import { UnitOfWork } from '../database/unit-of-work';
import { InstrumentsService } from '../instruments/instruments.service';
import { ownTextHashes } from './own-text';
import { RevisionsRepository } from './revisions.repository';
import { TranslationSource } from './translation-source.entity';

/** A node of a translation that does not render the original's current words. */
export interface StaleNode {
  readonly nodeId: string;
  /** `missing`: not in the translation; `unconfirmed`: never confirmed; `changed`: the original changed since. */
  readonly reason: 'missing' | 'unconfirmed' | 'changed';
  readonly original: string;
  readonly translation: string | null;
}

/**
 * Language versions of a consolidated draft, aligned to the original by node id. A translator confirms that a
 * node renders the original's current words; the original's later changes make it stale until confirmed again.
 */
@Injectable()
export class LanguageVersionsService {
  constructor(
    private readonly instruments: InstrumentsService,
    private readonly reader: DocumentReader,
    private readonly repository: RevisionsRepository,
    private readonly uow: UnitOfWork,
    private readonly audit: AuditService,
  ) {}

  /** The live consolidated draft in a language (its base text until anyone opened it). */
  async live(instrumentId: string, language: Language): Promise<Node> {
    return (await this.reader.treaty(consolidatedDocument(instrumentId, language))) ?? (await this.instruments.baseDocument(instrumentId, language)).doc;
  }

  /** Starts a language version as a copy of the original's current text, every node to be translated. */
  async create(user: AuthContext, instrumentId: string, language: Language): Promise<{ language: Language; stale: number }> {
    const instrument = await this.instruments.get(user, instrumentId, 'edit-consolidated');
    if (language === instrument.originalLanguage) throw new AppException('language-exists', 'That is the original language.');
    const original = await this.live(instrumentId, instrument.originalLanguage);
    await this.instruments.addLanguageVersion(user, instrumentId, language, original);
    return { language, stale: ownTextHashes(original).size };
  }

  async stale(user: AuthContext, instrumentId: string, language: Language): Promise<StaleNode[]> {
    const instrument = await this.instruments.get(user, instrumentId, 'read');
    return this.staleNodes(instrumentId, instrument.originalLanguage, language);
  }

  /** Stale nodes of a language version against the original's live text; none for the original itself. */
  async staleNodes(instrumentId: string, originalLanguage: Language, language: Language): Promise<StaleNode[]> {
    if (language === originalLanguage) return [];
    const [original, translation, sources] = await Promise.all([
      this.live(instrumentId, originalLanguage),
      this.live(instrumentId, language),
      this.repository.translationSources(instrumentId, language),
    ]);
    const confirmed = new Map(sources.map((s) => [s.nodeId, s.sourceHash]));
    const stale: StaleNode[] = [];
    for (const [nodeId, hash] of ownTextHashes(original)) {
      const translated = findNodeById(translation, nodeId)?.node ?? null;
      const reason = !translated ? 'missing' : !confirmed.has(nodeId) ? 'unconfirmed' : confirmed.get(nodeId) !== hash ? 'changed' : null;
      if (!reason) continue;
      stale.push({ nodeId, reason, original: findNodeById(original, nodeId)?.node.textContent ?? '', translation: translated?.textContent ?? null });
    }
    return stale;
  }

  /** Records that the given nodes of a translation render the original's current words. */
  async confirm(user: AuthContext, instrumentId: string, language: Language, nodeIds: readonly string[]): Promise<{ confirmed: number; stale: number }> {
    const instrument = await this.instruments.get(user, instrumentId, 'edit-consolidated');
    if (language === instrument.originalLanguage) throw new AppException('validation-failed', 'The original language has nothing to confirm.');
    const hashes = ownTextHashes(await this.live(instrumentId, instrument.originalLanguage));
    const translation = await this.live(instrumentId, language);
    const unknown = nodeIds.filter((id) => !hashes.has(id) || !findNodeById(translation, id));
    if (unknown.length) throw new AppException('provision-not-found', `Not in both the original and the ${language} version: ${unknown.join(', ')}.`);
    const now = new Date();
    await this.uow.run(async (manager) => {
      await this.repository.saveTranslationSources(
        nodeIds.map((nodeId) => Object.assign(new TranslationSource(), { instrumentId, language, nodeId, sourceHash: hashes.get(nodeId) ?? '', confirmedBy: user.user.id, confirmedAt: now })),
        manager,
      );
      await this.audit.record(manager, { actorId: user.user.id, action: 'translation.confirm', entityType: 'instrument', entityId: instrumentId, after: { language, nodeIds } });
    });
    return { confirmed: nodeIds.length, stale: (await this.staleNodes(instrumentId, instrument.originalLanguage, language)).length };
  }
}
