export { compilationToHtml } from './compilation-html';
export type {
  CompilationChange,
  CompilationDeleteChange,
  CompilationInput,
  CompilationInsertChange,
  CompilationProposal,
  CompilationProvision,
  CompilationTextChange,
  CompilationTextEdit,
} from './compilation-input';
