import type { DelegationInfo, ProposalAttribution } from '@concord/compile';
import type { Language } from '@concord/domain';
import type { Node } from 'prosemirror-model';
import type { Distribution } from './locale';

/** The committee a document comes from. */
export interface CommitteeInfo {
  /** Its name in the language of the document, e.g. "Ad Hoc Committee to Elaborate a Comprehensive International Convention…". */
  readonly name: string;
  /** The symbol its documents start with, e.g. `A/AC.291`. */
  readonly symbolPrefix: string;
}

/** One language version of a published revision, as the exporters need it. */
export interface RevisionExportInput {
  /** The document symbol, e.g. `A/AC.291/22/Rev.1`. */
  readonly symbol: string;
  /** The date of publication, `YYYY-MM-DD`. */
  readonly date: string;
  readonly distribution: Distribution;
  /** The language the text was negotiated in; the other versions are translations of it. */
  readonly originalLanguage: Language;
  /** The language of this version. */
  readonly language: Language;
  readonly committee: CommitteeInfo;
  /** The instrument's title in this language; used when the text has no title of its own. */
  readonly title: string;
  /** The text, a document of the treaty schema, with provenance marks, brackets and option groups. */
  readonly doc: Node;
  /** Delegations by code, for their names in footnotes and references; codes stand in for unknown names. */
  readonly delegations: ReadonlyMap<string, DelegationInfo>;
  /** Who is behind each proposal the text cites, so that footnotes tell sponsors from co-sponsors and supporters. */
  readonly proposals?: readonly ProposalAttribution[];
  /** The revision's content hash (SHA-256 over its canonical serialization), recorded in the Akoma Ntoso metadata. */
  readonly contentHash?: string;
}
