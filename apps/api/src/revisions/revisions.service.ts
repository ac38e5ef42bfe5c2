import { compare, renderConcordanceHtml, renderInlineHtml, renderSideBySideHtml, type Comparison } from '@concord/compare';
import { decide, isLanguage, type Language, type RevisionSummary, type RevisionText, type SignedRevisionBundle, type Subject, type Tier, type RevisionVerification as Verification } from '@concord/domain';
import { docFromJSON, docToText } from '@concord/schema';
import { Injectable } from '@nestjs/common';
import type { Node } from 'prosemirror-model';
import { AuditService } from '../audit/audit.service';
import { AppException } from '../common/app.exception';
import { ServerKey } from '../signing/server-key';
import type { COMPARE_FORMATS } from './dto/revision.dto';
import { LanguageVersionsService } from './language-versions.service';
import type { RevisionContent } from './publish-revision.usecase';
import { revisionValidator, type RevisionValidator } from './revision-cache';
import type { Revision } from './revision.entity';
import { checkRevision, type RevisionCheck } from './revision-signature';
import { signedBundle, verification } from './revision-verification';
import { RevisionsRepository } from './revisions.repository';

/** Who is reading: a signed-in subject of a committee, or an anonymous visitor (public revisions only). */
export interface Reader {
  readonly subject: Subject | null;
}

export type { RevisionSummary, RevisionText, SignedRevisionBundle, RevisionVerification as Verification } from '@concord/domain';

export function parseContent(revision: Revision): RevisionContent {
  return JSON.parse(revision.content) as RevisionContent;
}

function summary(revision: Revision, check: RevisionCheck): RevisionSummary {
  const content = parseContent(revision);
  return {
    id: revision.id,
    instrumentId: revision.instrumentId,
    symbol: revision.symbol,
    date: revision.date,
    // Publication accepts only these two tiers (PublishRevisionDto).
    tier: revision.tier as RevisionSummary['tier'],
    originalLanguage: revision.originalLanguage as Language,
    languages: Object.keys(content.versions).filter(isLanguage),
    titles: content.titles,
    contentHash: revision.contentHash,
    publishedAt: revision.publishedAt.toISOString(),
    verification: { status: check.status, reason: check.reason },
  };
}

/** Reading, verifying and comparing published revisions, for signed-in readers and for the public alike. */
@Injectable()
export class RevisionsService {
  constructor(
    private readonly repository: RevisionsRepository,
    private readonly languages: LanguageVersionsService,
    private readonly audit: AuditService,
    private readonly key: ServerKey,
  ) {}

  async listForInstrument(reader: Reader, instrumentId: string): Promise<RevisionSummary[]> {
    return this.summaries((await this.repository.listForInstrument(instrumentId)).filter((r) => this.visible(reader, r)));
  }

  /** Public revisions of every committee, newest first. */
  async listPublic(): Promise<RevisionSummary[]> {
    return this.summaries(await this.repository.list(['public']));
  }

  async get(reader: Reader, id: string, language?: Language): Promise<RevisionText> {
    const revision = await this.readable(reader, id);
    const content = parseContent(revision);
    const lang = language ?? (revision.originalLanguage as Language);
    const version = content.versions[lang];
    if (!version) throw new AppException('language-not-available', `${revision.symbol} has no ${lang} version.`);
    const doc = docFromJSON(version.doc);
    const [check] = await this.checks([revision]);
    return { ...summary(revision, check), language: lang, doc: version.doc, text: docToText(doc, lang), stale: version.stale };
  }

  /** Verifies the stored revision: hash, signature and audit record. */
  async verify(reader: Reader, id: string): Promise<Verification> {
    const revision = await this.readable(reader, id);
    const [check] = await this.checks([revision]);
    return verification(revision, check, this.key.public);
  }

  /**
   * The validator of a representation (`variant`: which route, language and format) of these revisions, read as
   * the reader may (404 as for the representation itself). None for the live draft, which changes, nor for a
   * revision that fails verification, which must not be kept as if it were the published text.
   */
  async validator(reader: Reader, ids: readonly string[], variant: string): Promise<RevisionValidator | null> {
    if (ids.includes('live')) return null;
    const revisions = await Promise.all(ids.map((id) => this.readable(reader, id)));
    const checks = await this.checks(revisions);
    if (checks.some((check) => check.status !== 'verified')) return null;
    return revisionValidator(
      revisions.map((r) => r.contentHash),
      variant,
      revisions.every((r) => r.tier === 'public'),
    );
  }

  /** The revision as signed, for checking it with `revision:verify <file>` and the public key alone. */
  async signed(reader: Reader, id: string): Promise<SignedRevisionBundle> {
    return signedBundle(await this.readable(reader, id), this.key.public);
  }

  /** Refuses a revision that fails verification, for exports: a file carries no badge once it leaves the server. */
  async assertVerified(revision: Revision): Promise<void> {
    const [check] = await this.checks([revision]);
    if (check.status === 'failed') {
      throw new AppException('revision-verification-failed', `${revision.symbol} failed verification (${check.reason ?? ''}); it is not exported as an authentic text.`);
    }
  }

  /** Verifies revisions against the audit rows that recorded their publication, read in one query. */
  private async checks(revisions: readonly Revision[]): Promise<RevisionCheck[]> {
    const seqs = revisions.flatMap((r) => (r.auditSeq === null ? [] : [r.auditSeq]));
    const records = new Map((await this.audit.entriesAt(seqs)).map((row) => [row.seq, row]));
    return revisions.map((r) => checkRevision(r, this.key.public, r.auditSeq === null ? null : (records.get(r.auditSeq) ?? null)));
  }

  private async summaries(revisions: readonly Revision[]): Promise<RevisionSummary[]> {
    const checks = await this.checks(revisions);
    return revisions.map((r, i) => summary(r, checks[i]));
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
