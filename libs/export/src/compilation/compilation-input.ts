import type { Language } from '@concord/domain';
import type { CommitteeInfo } from '../revision/revision-input';

/** A replacement inside a text: `[from, to)` of the text before (`deleted`) became `inserted`. */
export interface CompilationTextEdit {
  readonly from: number;
  readonly to: number;
  readonly deleted: string;
  readonly inserted: string;
}

/** Words changed in one text (a recital, heading or the text of a paragraph), named by its slot. */
export interface CompilationTextChange {
  readonly kind: 'text';
  readonly target: string;
  readonly before: string;
  readonly after: string;
  readonly edits: readonly CompilationTextEdit[];
}

/** New provisions, as ProseMirror JSON (or nodes) of the treaty schema, placed between siblings of `parent`. */
export interface CompilationInsertChange {
  readonly kind: 'insert';
  readonly parent: string;
  readonly after: string | null;
  readonly before: string | null;
  readonly nodes: readonly unknown[];
}

/** A provision of the base that the proposal deletes, as ProseMirror JSON (or a node). */
export interface CompilationDeleteChange {
  readonly kind: 'delete';
  readonly target: string;
  readonly node: unknown;
}

/** One change of a proposal against its base, as a proposal record stores it. */
export type CompilationChange = CompilationTextChange | CompilationInsertChange | CompilationDeleteChange;

/** A proposal as the compilation lists it, with the names (not codes) of the delegations behind it. */
export interface CompilationProposal {
  readonly id: string;
  /** The name of the proposing delegation. */
  readonly sponsor: string;
  readonly coSponsors: readonly string[];
  readonly supporters: readonly string[];
  /** Whether it came after the session's proposal deadline. */
  readonly late: boolean;
  /** ISO 8601. */
  readonly submittedAt: string;
  /** The proposed text as plain text, printed verbatim. */
  readonly proposedText: string;
  readonly changes: readonly CompilationChange[];
  /** The delegation's justification, printed as inert text. */
  readonly justification: string;
}

/** A provision and the proposals received for it. */
export interface CompilationProvision {
  readonly id: string;
  /** Its number, e.g. "Article 4". */
  readonly label: string;
  readonly heading: string;
  /** The text the proposals were made against, as plain text. */
  readonly baseText: string;
  /** In the order they are to be listed, which implies no priority. */
  readonly proposals: readonly CompilationProposal[];
}

/** Everything a compilation of proposals shows, in the language of the proposals. */
export interface CompilationInput {
  readonly committee: CommitteeInfo;
  readonly instrumentTitle: string;
  readonly session?: { readonly number: number; readonly title: string };
  readonly language: Language;
  /** In the order of the instrument. */
  readonly provisions: readonly CompilationProvision[];
}
