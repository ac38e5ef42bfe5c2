import type { Language, ProvisionStatus } from '@concord/domain';
import type { NumberingOptions, ProvenanceAttrs, TreatyNodeName } from '@concord/schema';
import type { TextChangeKind } from './words';

/** Options of {@link compare}. */
export interface CompareOptions {
  /** The language of both documents: it decides the numbers, how words are told apart and the text direction. */
  readonly language: Language;
  /** Numbering options, as for `numberDocument` (Arabic-Indic or Western digits in Arabic). */
  readonly numbering?: NumberingOptions;
}

/** The provisions the concordance table lists. */
export type ProvisionKind = 'chapter' | 'article' | 'paragraph';

/**
 * One provision in the concordance table, matched between the two documents by its stable id. Numbers are
 * the labels `numberDocument` gives in the comparison's language ("Article 7", "المادة ٧", "2.", `''` for the
 * lone paragraph of an article); `null` where the provision is absent.
 */
export interface ConcordanceRow {
  readonly id: string;
  readonly kind: ProvisionKind;
  readonly oldNumber: string | null;
  readonly newNumber: string | null;
  /** The number of the article holding a paragraph in the older document; `null` for chapters and articles. */
  readonly oldParentNumber: string | null;
  /** The number of the article holding a paragraph in the newer document; `null` for chapters and articles. */
  readonly newParentNumber: string | null;
  /** Negotiation status of an article or paragraph in the older document; `null` for chapters or when absent. */
  readonly oldStatus: ProvisionStatus | null;
  /** Negotiation status of an article or paragraph in the newer document; `null` for chapters or when absent. */
  readonly newStatus: ProvisionStatus | null;
  /** Only in the newer document. */
  readonly added: boolean;
  /** Only in the older document. */
  readonly deleted: boolean;
  /**
   * In both, but out of the order the two documents share: chapters and articles among all chapters or
   * articles of the document (articles are numbered through the document), paragraphs within their article.
   * A paragraph that changed article has moved. Provisions that only shift because others came or went have not.
   */
  readonly moved: boolean;
  /** In both, with a different number. */
  readonly renumbered: boolean;
  /** In both, with different words somewhere inside (headings and subparagraphs included). */
  readonly textChanged: boolean;
  /** In both, with a different negotiation status. */
  readonly statusChanged: boolean;
  /** In both, and none of the above. */
  readonly unchanged: boolean;
}

/** What a compared block of text is: the title, a recital, the heading line of a chapter or article, or text. */
/** `footnote`: the words of a footnote standing in the block before it, compared as a block of their own. */
export type BlockRole = 'title' | 'recital' | 'heading' | 'text' | 'footnote';

/** Whether a block of text exists in both documents, and if so whether its words differ. */
export type BlockChange = 'added' | 'deleted' | 'changed' | 'unchanged';

/**
 * The provenance of part of an inserted run: characters `from`–`to` (UTF-16 offsets into the run's text) of
 * the newer document carry this provenance mark.
 */
export interface ProvenanceSpan {
  readonly from: number;
  readonly to: number;
  readonly provenance: ProvenanceAttrs;
}

/** A run of a compared block: text both share, text inserted (with its provenance) or text deleted. */
export interface DiffPart {
  readonly kind: TextChangeKind;
  readonly text: string;
  /** For an insertion, where its characters come from in the newer document; empty otherwise. */
  readonly provenance: readonly ProvenanceSpan[];
}

/**
 * One text-bearing node compared word by word: the title, a recital, the heading of a chapter or article
 * (present even when the article has no heading, so that its number has a line), or a text block of a
 * paragraph, subparagraph or option, or the words of a footnote (numbered "(1)" in document order, after the
 * text it stands in). Unagreed text reads in [square brackets], as in `docToText`.
 */
export interface BlockComparison {
  /** Stable key: the owner's id and the block's role, e.g. `a7#heading`, `a7p2#0`, `title`. */
  readonly key: string;
  readonly role: BlockRole;
  /** Id of the structural node holding the text (article for its heading, paragraph, subparagraph, option, recital). */
  readonly ownerId: string | null;
  readonly ownerKind: TreatyNodeName;
  /** Id of the innermost chapter, article or paragraph around the block, if any. */
  readonly provisionId: string | null;
  /** Nesting below the paragraph: 1 for a subparagraph (a), 2 for (i), one more inside an option. */
  readonly depth: number;
  /** The numbers printed before the text in the older document ("2. Option 1:"); `null` if it is absent there. */
  readonly oldNumber: string | null;
  /** The numbers printed before the text in the newer document; `null` if it is absent there. */
  readonly newNumber: string | null;
  readonly change: BlockChange;
  readonly parts: readonly DiffPart[];
}

/**
 * The comparison of two documents in one language: the concordance table of provisions and the word diff of
 * every block of text, both in reading order of the newer document, with what the older one alone had at
 * the place it had it.
 */
export interface Comparison {
  readonly language: Language;
  readonly direction: 'ltr' | 'rtl';
  readonly concordance: readonly ConcordanceRow[];
  readonly blocks: readonly BlockComparison[];
  /** Whether nothing differs: no provision added, deleted, moved, renumbered or changed, and no text changed. */
  readonly identical: boolean;
}
