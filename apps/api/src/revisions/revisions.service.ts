import { compare, renderConcordanceHtml, renderInlineHtml, renderSideBySideHtml, type Comparison } from '@concord/compare';
import { decide, isLanguage, type Language, type RevisionSummary, type RevisionText, type Subject, type Tier, type RevisionVerification as Verification } from '@concord/domain';
import { docFromJSON, docToText } from '@concord/schema';
import { Injectable } from '@nestjs/common';
import type { Node } from 'prosemirror-model';
import { AppException } from '../common/app.exception';
import { canonicalJson, sha256 } from './canonical';
import type { COMPARE_FORMATS } from './dto/revision.dto';
import { LanguageVersionsService } from './language-versions.service';
import type { RevisionContent } from './publish-revision.usecase';
import type { Revision } from './revision.entity';
import { RevisionsRepository } from './revisions.repository';

/** Who is reading: a signed-in subject of a committee, or an anonymous visitor (public revisions only). */
export interface Reader {
  readonly subject: Subject | null;
}

export type { RevisionSummary, RevisionText, RevisionVerification as Verification } from '@concord/domain';

export function parseContent(revision: Revision): RevisionContent {
  return JSON.parse(revision.content) as RevisionContent;
}

function summary(revision: Revision): RevisionSummary {
  const content = parseContent(revision);
  return {
    id: revision.id,
    instrumentId: revision.instrumentId,
    symbol: revision.symbol,
    date: revision.date,
    tier: revision.tier,
    originalLanguage: revision.originalLanguage as Language,
    languages: Object.keys(content.versions).filter(isLanguage),
    titles: content.titles,
    contentHash: revision.contentHash,
    publishedAt: revision.publishedAt.toISOString(),
  };
}

/** Reading, verifying and comparing published revisions, for signed-in readers and for the public alike. */
@Injectable()
export class RevisionsService {
  constructor(
    private readonly repository: RevisionsRepository,
    private readonly languages: LanguageVersionsService,
  ) {}

  async listForInstrument(reader: Reader, instrumentId: string): Promise<RevisionSummary[]> {
    return (await this.repository.listForInstrument(instrumentId)).filter((r) => this.visible(reader, r)).map(summary);
  }

  /** Public revisions of every committee, newest first. */
  async listPublic(): Promise<RevisionSummary[]> {
    return (await this.repository.list(['public'])).map(summary);
  }

  async get(reader: Reader, id: string, language?: Language): Promise<RevisionText> {
    const revision = await this.readable(reader, id);
    const content = parseContent(revision);
    const lang = language ?? (revision.originalLanguage as Language);
    const version = content.versions[lang];
    if (!version) throw new AppException('language-not-available', `${revision.symbol} has no ${lang} version.`);
    const doc = docFromJSON(version.doc);
    return { ...summary(revision), language: lang, doc: version.doc, text: docToText(doc, lang), stale: version.stale };
  }

  /** Recomputes the hash over the stored canonical content; any altered byte makes it differ. */
  async verify(reader: Reader, id: string): Promise<Verification> {
    const revision = await this.readable(reader, id);
    return verifyRevision(revision);
  }

  /**
   * Compares two revisions, or a revision with the live draft (`live`, signed-in committee readers only), in a
   * language: the concordance table and word-level changes, as JSON or HTML.
   */
  async compare(reader: Reader, olderId: string, newerId: string, language: Language | undefined, format: (typeof COMPARE_FORMATS)[number]): Promise<Comparison | string> {
    const older = await this.readable(reader, olderId);
    const lang = language ?? (older.originalLanguage as Language);
    const olderDoc = this.docOf(older, lang);
    let newerDoc: Node;
    if (newerId === 'live') {
      if (!decide(reader.subject, 'read', { tier: 'committee', committeeId: older.committeeId }).allowed) {
        throw new AppException('revision-not-found', 'No such revision.');
      }
      newerDoc = await this.languages.live(older.instrumentId, lang);
    } else {
      const newer = await this.readable(reader, newerId);
      if (newer.instrumentId !== older.instrumentId) throw new AppException('validation-failed', 'Only revisions of the same instrument can be compared.');
      newerDoc = this.docOf(newer, lang);
    }
    const comparison = compare(olderDoc, newerDoc, { language: lang });
    switch (format) {
      case 'inline':
        return renderInlineHtml(comparison);
      case 'side-by-side':
        return renderSideBySideHtml(comparison);
      case 'concordance':
        return renderConcordanceHtml(comparison);
      default:
        return comparison;
    }
  }

  /** The revision, or the same 404 whether it does not exist or the reader may not see it. */
  async readable(reader: Reader, id: string): Promise<Revision> {
    const revision = /^[0-9a-f-]{36}$/.test(id) ? await this.repository.findById(id) : await this.repository.findBySymbol(id);
    if (!revision || !this.visible(reader, revision)) throw new AppException('revision-not-found', `No revision ${id}.`);
    return revision;
  }

  private visible(reader: Reader, revision: Revision): boolean {
    return decide(reader.subject, 'read', { tier: revision.tier as Tier, committeeId: revision.committeeId }).allowed;
  }

  private docOf(revision: Revision, language: Language): Node {
    const version = parseContent(revision).versions[language];
    if (!version) throw new AppException('language-not-available', `${revision.symbol} has no ${language} version.`);
    return docFromJSON(version.doc);
  }
}

/** Checks a stored revision: its hash, and that its content names it. */
export function verifyRevision(revision: Revision): Verification {
  const computedHash = sha256(revision.content);
  let reason: string | null = null;
  if (computedHash !== revision.contentHash) reason = 'the stored content no longer matches its hash';
  else {
    try {
      const content = parseContent(revision);
      if (content.symbol !== revision.symbol || content.tier !== revision.tier || content.date !== revision.date) reason = 'the metadata differs from the hashed content';
      else if (canonicalJson(content) !== revision.content) reason = 'the stored content is not in canonical form';
    } catch {
      reason = 'the stored content is not valid JSON';
    }
  }
  return { id: revision.id, symbol: revision.symbol, ok: reason === null, storedHash: revision.contentHash, computedHash, reason };
}
