import type { CommentPeriodTarget, Language, Tier } from '@concord/domain';
import { isLanguage } from '@concord/domain';
import { proposalBase } from '../proposals/proposal-documents';
import { Injectable } from '@nestjs/common';
import type { Node } from 'prosemirror-model';
import { AppException } from '../common/app.exception';
import { CommentPeriodsRepository } from './comment-periods.repository';
import { type IndexedProvision, provisionIndex, revisionDoc } from './provision-index';

/** A published text one may comment on, as the comment rules see it. */
export interface CommentableText {
  readonly kind: CommentPeriodTarget;
  readonly id: string;
  readonly committeeId: string;
  readonly instrumentId: string;
  readonly tier: Tier;
  /** The revision's symbol, or "Compilation of proposals of <date>". */
  readonly label: string;
  readonly originalLanguage: Language;
  /** The provisions one may file a remark on, numbered in `language`. */
  provisions(language: Language): ReadonlyMap<string, IndexedProvision>;
}

/** Finds the published texts comment periods are about: revisions and compilations of proposals. */
@Injectable()
export class CommentTextsService {
  constructor(private readonly repository: CommentPeriodsRepository) {}

  /** The text, or null when there is none (the caller decides what to answer, after the policy). */
  async find(kind: string, id: string): Promise<CommentableText | null> {
    if (kind === 'revision') {
      const revision = await this.repository.findRevision(id);
      if (!revision) return null;
      const original = isLanguage(revision.originalLanguage) ? revision.originalLanguage : 'en';
      return {
        kind: 'revision',
        id,
        committeeId: revision.committeeId,
        instrumentId: revision.instrumentId,
        tier: revision.tier as Tier,
        label: revision.symbol,
        originalLanguage: original,
        provisions: (language) => {
          // Numbers depend on structure only, so a text without a version in `language` is numbered in it all the same.
          const found = revisionDoc(revision.content, language, original);
          return found ? provisionIndex(found.doc, language) : new Map();
        },
      };
    }
    if (kind === 'compilation') {
      const compilation = await this.repository.findCompilation(id);
      if (!compilation) return null;
      const proposals = await this.repository.proposals(compilation.proposalIds);
      const language = isLanguage(compilation.language) ? compilation.language : 'en';
      // The provisions of a compilation are those its proposals were made on, numbered as in their base text.
      const bases: Node[] = proposals.map(proposalBase);
      const wanted = new Set(proposals.flatMap((p) => p.provisionIds));
      return {
        kind: 'compilation',
        id,
        committeeId: compilation.committeeId,
        instrumentId: compilation.instrumentId,
        // Publishing a compilation made the proposals it lists public.
        tier: 'public',
        label: `Compilation of proposals, ${compilation.publishedAt.toISOString().slice(0, 10)}`,
        originalLanguage: language,
        provisions: (lang) => {
          const index = new Map<string, IndexedProvision>();
          for (const base of bases) for (const [pid, p] of provisionIndex(base, lang)) if (wanted.has(pid) && !index.has(pid)) index.set(pid, { ...p, order: index.size });
          return index;
        },
      };
    }
    throw new AppException('validation-failed', `Comment periods are opened on a revision or a compilation, not on ${kind}.`);
  }
}
