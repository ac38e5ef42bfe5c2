/**
 * The consolidation engine: a base text, proposals and the secretariat's decisions in, a consolidated text
 * out, with options, brackets and the provenance of every character. Pure TypeScript, no I/O.
 */
export { attributionOf, formatAttribution } from './attribution';
export type { Attribution } from './attribution';
export { changeSet } from './change-set';
export type { Change, DeleteChange, InsertChange, TextChange, TextEdit } from './change-set';
export { compile } from './compile';
export { CompileError, CompileErrorCode } from './compile-error';
export { footnotes } from './footnotes';
export type { Footnote } from './footnotes';
export { provenanceRefs } from './inline';
export { changeScopes, provisionOf, scopedChanges } from './scope';
export type { ChangeScope } from './scope';
export { summarize } from './summarize';
export type { ArticleSummary } from './summarize';
export type {
  CompileBase,
  CompileInput,
  CompileOptions,
  CompileResult,
  Conflict,
  ConflictReason,
  Decision,
  DelegationInfo,
  OutcomeStatus,
  Proposal,
  ProposalAttribution,
  ProposalOutcome,
  ScopedDecision,
} from './types';
export { wordEdits } from './word-diff';
export type { WordEdit } from './word-diff';
