import { EARLIEST_DAY, type Language, LATEST_DAY, nextRevisionSymbol, parseSymbol, plausibleDay, SymbolError } from '@concord/domain';
import { Injectable } from '@nestjs/common';
import { randomUUID } from 'node:crypto';
import type { AuthContext } from '../auth/auth-context';
import { AuditService } from '../audit/audit.service';
import { AppException } from '../common/app.exception';
import { CommitteesRepository } from '../committees/committees.repository';
import { UnitOfWork } from '../database/unit-of-work';
import { InstrumentsService } from '../instruments/instruments.service';
import { ServerKey } from '../signing/server-key';
import { canonicalJson, sha256 } from './canonical';
import type { PublishRevisionDto } from './dto/revision.dto';
import { LanguageVersionsService } from './language-versions.service';
import { Revision } from './revision.entity';
import { revisionPayload } from './revision-signature';
import { RevisionsRepository } from './revisions.repository';

/** What a revision's hash covers, in canonical JSON. */
export interface RevisionContent {
  readonly symbol: string;
  readonly instrumentId: string;
  readonly date: string;
  readonly tier: string;
  readonly originalLanguage: Language;
  readonly titles: Partial<Record<Language, string>>;
  readonly versions: Partial<Record<Language, { readonly doc: unknown; readonly stale: readonly string[] }>>;
}

/**
 * Publishes the consolidated draft as an immutable revision: the next document symbol, every chosen language
 * version's text (stale translations only with explicit confirmation, and recorded), and a SHA-256 over the
 * canonical serialization, signed with the server key together with the audit row that records the publication.
 */
@Injectable()
export class PublishRevisionUseCase {
  constructor(
    private readonly repository: RevisionsRepository,
    private readonly instruments: InstrumentsService,
    private readonly committees: CommitteesRepository,
    private readonly languages: LanguageVersionsService,
    private readonly uow: UnitOfWork,
    private readonly audit: AuditService,
    private readonly key: ServerKey,
  ) {}

  async execute(user: AuthContext, instrumentId: string, dto: PublishRevisionDto): Promise<Revision> {
    const instrument = await this.instruments.get(user, instrumentId, 'publish-revision');
    const committee = await this.committees.findById(instrument.committeeId);
    const chosen = dto.languages ?? [...instrument.languages];
    const missing = chosen.filter((l) => !instrument.languages.includes(l));
    if (missing.length) throw new AppException('language-not-available', `The instrument has no ${missing.join(', ')} version.`);
    if (!chosen.includes(instrument.originalLanguage)) throw new AppException('validation-failed', 'A revision always includes the original language.');

    const versions: RevisionContent['versions'] = {};
    const staleCounts: string[] = [];
    for (const language of [...chosen].sort()) {
      const stale = await this.languages.staleNodes(instrumentId, instrument.originalLanguage, language);
      if (stale.length) staleCounts.push(`${language}: ${stale.length}`);
      versions[language] = { doc: (await this.languages.live(instrumentId, language)).toJSON() as unknown, stale: stale.map((s) => s.nodeId) };
    }
    if (staleCounts.length && !dto.confirmStale) {
      throw new AppException('stale-translations', `Some language versions do not render the original's current text (${staleCounts.join('; ')}); publish with confirmStale to record them as stale.`, staleCounts);
    }

    return this.uow.run(async (manager) => {
      const previous = await this.repository.listForInstrument(instrumentId, manager);
      const symbol = this.symbolFor(previous[0]?.symbol, dto.symbol, committee?.symbolPrefix ?? '');
      const date = dto.date ?? new Date().toISOString().slice(0, 10);
      // A published revision cannot be corrected: a mistyped year would stand for good.
      if (!plausibleDay(date)) throw new AppException('invalid-dates', `${date} is not a plausible date for a revision: give one between ${EARLIEST_DAY} and ${LATEST_DAY}.`);
      if (await this.repository.findBySymbol(symbol, manager)) throw new AppException('symbol-taken', `${symbol} is already published.`);
      const content: RevisionContent = {
        symbol,
        instrumentId,
        date,
        tier: dto.tier,
        originalLanguage: instrument.originalLanguage,
        titles: instrument.titles,
        versions,
      };
      const serialized = canonicalJson(content);
      const revision = Object.assign(new Revision(), {
        id: randomUUID(),
        committeeId: instrument.committeeId,
        instrumentId,
        symbol,
        revisionNumber: parseSymbol(symbol).revision,
        date: content.date,
        tier: dto.tier,
        originalLanguage: instrument.originalLanguage,
        content: serialized,
        contentHash: sha256(serialized),
        publishedBy: user.user.id,
        publishedAt: new Date(),
      });
      // The audit row first: the revision's signature covers that row's number and hash, so that the revision
      // pins the chain, and the row names the revision's hash, so that each vouches for the other.
      const record = await this.audit.record(manager, {
        actorId: user.user.id,
        action: 'revision.publish',
        entityType: 'revision',
        entityId: revision.id,
        after: { symbol, tier: dto.tier, contentHash: revision.contentHash, languages: Object.keys(versions), stale: staleCounts },
      });
      revision.auditSeq = record.seq;
      revision.auditHash = record.hash;
      revision.signature = this.key.sign(revisionPayload(revision, Object.keys(versions)));
      await this.repository.insert(revision, manager);
      return revision;
    });
  }

  /** The next symbol: /Rev.N after the last publication, or the given one for the first (within the committee's stem). */
  private symbolFor(last: string | undefined, requested: string | undefined, prefix: string): string {
    if (last) {
      const next = nextRevisionSymbol(last);
      if (requested && requested !== next) throw new AppException('validation-failed', `The next revision of ${last} is ${next}, not ${requested}.`);
      return next;
    }
    if (!requested) throw new AppException('symbol-required', `The first publication needs a document symbol, such as ${prefix}/1.`);
    try {
      const parsed = parseSymbol(requested);
      if (parsed.revision !== 0) throw new AppException('validation-failed', 'The first publication has no /Rev. suffix.');
    } catch (error) {
      if (error instanceof SymbolError) throw new AppException('validation-failed', error.message);
      throw error;
    }
    if (prefix && !requested.startsWith(`${prefix}/`)) throw new AppException('validation-failed', `Symbols of this committee start with ${prefix}/.`);
    return requested;
  }
}
