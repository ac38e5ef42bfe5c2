import { type Comparison, compare } from '@concord/compare';
import { type CommentTargetKind, consolidatedDocument, decide, type Language, pickLocalized, type ThreadView } from '@concord/domain';
import { comparisonToDocx, type TrackedComment, type TrackedDocxInput } from '@concord/export';
import { docFromJSON, type ProvenanceAttrs } from '@concord/schema';
import { Injectable } from '@nestjs/common';
import type { Node } from 'prosemirror-model';
import type { AuthContext } from '../auth/auth-context';
import { AppException } from '../common/app.exception';
import { CommentsService } from '../comments/comments.service';
import { CommitteesRepository } from '../committees/committees.repository';
import { CompileContext } from '../compilation/compile-context';
import { ProposalsService } from '../proposals/proposals.service';
import type { Download } from './exports.service';
import { LanguageVersionsService } from './language-versions.service';
import type { Revision } from './revision.entity';
import { parseContent, type Reader, RevisionsService } from './revisions.service';

const DOCX = 'application/vnd.openxmlformats-officedocument.wordprocessingml.document';

function stem(text: string): string {
  return text.replace(/[^A-Za-z0-9.-]+/g, '_');
}

/** Who a tracked change is by: the delegations a proposal's text names, the secretariat for its edits, else `fallback`. */
export function changeAuthor(secretariat: string, fallback: string): (provenance: ProvenanceAttrs | null) => string {
  return (provenance) => {
    if (!provenance) return fallback;
    if (provenance.kind === 'edit') return secretariat;
    if (provenance.kind === 'proposal') return provenance.label || provenance.delegations.join(', ') || fallback;
    return fallback;
  };
}

/**
 * Comparisons as Word documents with tracked changes: two revisions, a revision and the live consolidated draft,
 * a proposal and its base. Each is readable exactly when the comparison it renders is.
 */
@Injectable()
export class ComparisonDocxService {
  constructor(
    private readonly revisions: RevisionsService,
    private readonly languages: LanguageVersionsService,
    private readonly proposals: ProposalsService,
    private readonly committees: CommitteesRepository,
    private readonly context: CompileContext,
    private readonly comments: CommentsService,
  ) {}

  /** The comment threads on a target the reader sees, as Word comments on the blocks they are anchored in. */
  async threads(user: AuthContext | null, targetKind: CommentTargetKind, targetId: string, comparison: Comparison): Promise<TrackedComment[]> {
    try {
      return commentsFromThreads(await this.comments.list(user, { targetKind, targetId }), comparison);
    } catch (error) {
      // A target with no comment threads to show (none opened on it yet) leaves the file without comments.
      if (error instanceof AppException && error.status === 404) return [];
      throw error;
    }
  }

  /** Two revisions, or a revision and the live draft (`live`, committee readers only), as tracked changes. */
  async betweenRevisions(reader: Reader, olderId: string, newerId: string, language: Language | undefined, user: AuthContext | null = null): Promise<Download> {
    const older = await this.revisions.readable(reader, olderId);
    await this.revisions.assertVerified(older);
    const lang = language ?? (older.originalLanguage as Language);
    const olderDoc = docOf(older, lang);
    let newerDoc: Node;
    let symbol: string;
    let date: string;
    let changeDate: string;
    let tier = older.tier;
    let commented: { kind: CommentTargetKind; id: string };
    if (newerId === 'live') {
      if (!decide(reader.subject, 'read', { tier: 'committee', committeeId: older.committeeId }).allowed) throw new AppException('revision-not-found', 'No such revision.');
      newerDoc = await this.languages.live(older.instrumentId, lang);
      const now = new Date();
      symbol = `${older.symbol} → ${SECRETARIAT_DRAFT[lang]}`;
      date = now.toISOString().slice(0, 10);
      changeDate = now.toISOString();
      tier = 'committee';
      commented = { kind: 'document', id: consolidatedDocument(older.instrumentId, lang) };
    } else {
      const newer = await this.revisions.readable(reader, newerId);
      if (newer.instrumentId !== older.instrumentId) throw new AppException('validation-failed', 'Only revisions of the same instrument can be compared.');
      await this.revisions.assertVerified(newer);
      newerDoc = docOf(newer, lang);
      symbol = newer.symbol;
      date = newer.date;
      changeDate = newer.publishedAt.toISOString();
      if (newer.tier !== 'public') tier = newer.tier;
      commented = { kind: 'revision', id: newer.id };
    }
    const comparison = compare(olderDoc, newerDoc, { language: lang });
    const committee = await this.committees.findById(older.committeeId);
    const titles = parseContent(older).titles;
    const input: TrackedDocxInput = {
      symbol,
      date,
      distribution: tier === 'public' ? 'General' : 'Limited',
      originalLanguage: older.originalLanguage as Language,
      committee: { name: committee?.name ?? '', symbolPrefix: committee?.symbolPrefix ?? '' },
      title: pickLocalized(titles, lang, [older.originalLanguage as Language]) ?? older.symbol,
      comparison,
      author: changeAuthor(SECRETARIAT[lang], symbol),
      changeDate,
      instrumentId: older.instrumentId,
      comments: await this.threads(user, commented.kind, commented.id, comparison),
    };
    const other = newerId === 'live' ? 'live' : stem(symbol);
    return { filename: `${stem(older.symbol)}_vs_${other}_${lang}.docx`, contentType: DOCX, body: Buffer.from(await comparisonToDocx(input)) };
  }

  /** A proposal against the base it was made on, its changes by its sponsor (and co-sponsors) on the date submitted. */
  async proposal(user: AuthContext, id: string): Promise<Download> {
    const proposal = await this.proposals.get(user, id);
    const lang = proposal.language;
    const directory = await this.context.directory(proposal.committeeId);
    const name = (delegationId: string) => {
      const delegation = directory.byId.get(delegationId);
      return delegation ? (pickLocalized(delegation.names, lang, ['en']) ?? delegation.code) : delegationId;
    };
    const sponsors = [proposal.sponsorDelegationId, ...proposal.coSponsorIds].map(name).join(', ');
    const committee = await this.committees.findById(proposal.committeeId);
    const comparison = compare(docFromJSON(proposal.baseDoc), docFromJSON(proposal.proposedDoc), { language: lang });
    const input: TrackedDocxInput = {
      symbol: proposal.title,
      date: proposal.submittedAt.slice(0, 10),
      distribution: proposal.published ? 'General' : 'Limited',
      originalLanguage: lang,
      committee: { name: committee?.name ?? '', symbolPrefix: committee?.symbolPrefix ?? '' },
      title: proposal.title,
      comparison,
      author: () => sponsors,
      changeDate: proposal.submittedAt,
      instrumentId: proposal.instrumentId,
      comments: await this.threads(user, 'proposal', proposal.id, comparison),
    };
    return { filename: `proposal_${proposal.id.slice(0, 8)}_${lang}.docx`, contentType: DOCX, body: Buffer.from(await comparisonToDocx(input)) };
  }
}

/**
 * Comment threads as Word comments: each on the first block of the provision it is anchored in, quoting the words
 * it covers; a thread on no provision (or whose text was deleted) goes on the first block, the title or heading.
 */
export function commentsFromThreads(threads: readonly ThreadView[], comparison: Comparison): TrackedComment[] {
  const first = comparison.blocks.find((block) => block.parts.length > 0);
  return threads.flatMap((thread): TrackedComment[] => {
    const anchored = thread.provisionId ? comparison.blocks.find((block) => block.ownerId === thread.provisionId || block.provisionId === thread.provisionId) : undefined;
    const block = anchored ?? first;
    if (!block) return [];
    const quoted = thread.orphaned ? thread.quote : (thread.anchoredText ?? thread.quote);
    const author = (c: ThreadView['comment']) => c.authorName ?? c.authorDelegationId ?? c.authorId;
    return [
      {
        blockKey: block.key,
        author: author(thread.comment),
        date: thread.comment.createdAt,
        text: quoted ? `“${quoted}” ${thread.comment.body}` : thread.comment.body,
        replies: thread.replies.map((reply) => ({ author: author(reply), date: reply.createdAt, text: reply.body })),
      },
    ];
  });
}

function docOf(revision: Revision, language: Language): Node {
  const version = parseContent(revision).versions[language];
  if (!version) throw new AppException('language-not-available', `${revision.symbol} has no ${language} version.`);
  return docFromJSON(version.doc);
}

/** The author of secretariat edits in Word's review pane. */
export const SECRETARIAT: Readonly<Record<Language, string>> = {
  ar: 'الأمانة',
  zh: '秘书处',
  en: 'Secretariat',
  fr: 'Secrétariat',
  ru: 'Секретариат',
  es: 'Secretaría',
};

/** The live consolidated draft, as the newer side of a comparison. */
const SECRETARIAT_DRAFT: Readonly<Record<Language, string>> = {
  ar: 'المشروع الموحد الحالي',
  zh: '当前合并草案',
  en: 'current consolidated draft',
  fr: 'projet consolidé en cours',
  ru: 'текущий сводный проект',
  es: 'proyecto consolidado actual',
};
