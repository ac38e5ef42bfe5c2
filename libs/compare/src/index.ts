/**
 * Comparison of two versions of a treaty text: the concordance table of provisions matched by stable id,
 * a word diff of every changed block of text with the provenance of what was inserted, and HTML renderings.
 */
export { compare } from './compare';
export type {
  BlockChange,
  BlockComparison,
  BlockRole,
  CompareOptions,
  Comparison,
  ConcordanceRow,
  DiffPart,
  ProvenanceSpan,
  ProvisionKind,
} from './comparison';
export { renderConcordanceHtml, renderInlineHtml, renderSideBySideHtml } from './render';
export type { ConcordanceHtmlOptions } from './render';
export { diffText } from './words';
export type { DiffTextOptions, TextChange, TextChangeKind } from './words';
export { outline } from './outline';
export type { Outline, OutlineBlock, OutlineProvision } from './outline';
