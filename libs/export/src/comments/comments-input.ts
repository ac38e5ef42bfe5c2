import type { Disposition, Language } from '@concord/domain';
import type { Distribution } from '../revision/locale';
import type { CommitteeInfo } from '../revision/revision-input';

/** A disposition as the outputs print it. */
export interface CommentDispositionInput {
  readonly disposition: Disposition;
  readonly response: string;
  /** Where the remark was addressed, such as "A/AC.291/22/Rev.2, Article 6 (2)"; empty when not yet. */
  readonly addressedIn: string;
}

/** One remark of one written comment, verbatim, with who made it. */
export interface CommentRemarkInput {
  /** "3.2": comment 3 of the period, its second remark. */
  readonly number: string;
  /** The name of the commenting delegation or organization, in the language of the document. */
  readonly commenter: string;
  /** The language the comment was submitted in: its words are printed as written. */
  readonly language: Language;
  readonly late: boolean;
  /** `YYYY-MM-DD`. */
  readonly submitted: string;
  readonly body: string;
  readonly proposedWording: string | null;
  /** Printed when the reader may see it. */
  readonly disposition: CommentDispositionInput | null;
}

/** A provision and the remarks filed on it; `id` null for general remarks. */
export interface CommentProvisionInput {
  readonly id: string | null;
  /** "Article 5 (2)"; empty for general remarks. */
  readonly label: string;
  readonly heading: string | null;
  readonly remarks: readonly CommentRemarkInput[];
}

/** A compilation of comments received, in one language of captions. */
export interface CommentsCompilationInput {
  readonly language: Language;
  readonly committee: CommitteeInfo;
  /** The symbol of the text commented on, such as `A/AC.291/22/Rev.1`. */
  readonly textSymbol: string;
  readonly instrumentTitle: string;
  readonly periodTitle: string;
  /** Date of the compilation, `YYYY-MM-DD`. */
  readonly date: string;
  readonly distribution: Distribution;
  /** The deadline of the period, `YYYY-MM-DD`. */
  readonly deadline: string;
  /** Provisions in the order of the text, general remarks first. */
  readonly provisions: readonly CommentProvisionInput[];
}

/** One row of a comments matrix. */
export interface CommentsMatrixRow {
  readonly number: string;
  readonly provision: string;
  readonly commenter: string;
  readonly language: Language;
  readonly late: boolean;
  readonly comment: string;
  readonly proposedWording: string;
  readonly disposition: string;
  readonly response: string;
  readonly addressedIn: string;
  readonly period: string;
}
