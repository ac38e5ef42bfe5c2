/**
 * The ProseMirror schema of treaty text, shared by the server and the editor: the schema itself, stable ids,
 * numbering per language, and conversions to and from JSON, Yjs fragments and plain text.
 */
export { bringFromOriginal } from './bring';
export { canonicalizeBrackets } from './brackets';
/**
 * Tiny document builders for tests and fixtures, in the manner of prosemirror-test-builder:
 * `builders.doc(builders.article(builders.p('Text ', builders.bracket('unagreed'))))`.
 */
export * as builders from './builders';
export type { Child, MarkedText } from './builders';
export { assignMissingIds, findIdConflicts, hasStableId, newNodeId } from './ids';
export type { IdConflict } from './ids';
export { docFromJSON, docFromJSONText, docToJSON, docToJSONText } from './json';
export type { DocFromJSONOptions, DocJSON, MarkJSON, NodeJSON } from './json';
export {
  articleNumbers,
  formatArticleNumber,
  formatDivisionLabel,
  formatLabel,
  freezeNewArticles,
  freezeNumbers,
  frozenNumberToString,
  insertionNumber,
  numberDocument,
  parseFrozenNumber,
  sequentialNumbers,
  suffixWord,
} from './numbering';
export type { FrozenNumber, InsertionNumber, NumberedKind, NumberingOptions, NumberLabel } from './numbering';
export {
  abjad,
  arabicOrdinal,
  chineseNumeral,
  cyrillicLetters,
  fromArabicIndic,
  latinLetters,
  parseChineseNumeral,
  parseRoman,
  roman,
  toArabicIndic,
} from './numerals';
export { findNodeById, listProvisions, provisionsHolding } from './query';
export { referenceLabels } from './references';
export type { NodeWithPos, Provision } from './query';
export { DIVISION_KINDS, FROZEN_NUMBER, PROVENANCE_KINDS, STRUCTURAL_NODE_NAMES, treatySchema } from './schema';
export type {
  ArticleAttrs,
  BracketAttrs,
  ChapterAttrs,
  DivisionKind,
  NodeIdAttrs,
  OptionAttrs,
  ProvenanceAttrs,
  ProvenanceKind,
  ProvisionAttrs,
  TreatyMarkName,
  TreatyNodeName,
  XrefAttrs,
} from './schema';
export { SchemaError, SchemaErrorCode } from './schema-error';
export { docToText, inlineNodeSpans, inlineToText, NOTE_BOUNDARY, positionalText, readableNotes } from './text';
export { docFromYFragment, docToYFragment, PROSEMIRROR_FRAGMENT, treatyFragment } from './yjs';
export { provenanceTracking } from './provenance-plugin';
export type { ProvenanceTrackingOptions } from './provenance-plugin';
export { ownSegments, ownText, ownTextBlocks, translateOwnText, TranslationError } from './translation';
export type { TextSegment } from './translation';
export type { StaleNodeView } from './translation-contract';
