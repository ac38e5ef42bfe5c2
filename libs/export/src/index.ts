/**
 * Getting treaty text in and out of Concord. Importers read plain text, Markdown and DOCX into the treaty
 * schema's JSON, recognising structure in the six official languages.
 */
export { countWordXml, ImportError, ImportErrorCode, importText, readWordDocument, WORD_XML_LIMITS, WordXmlCounter } from './import';
export type { ImportResult, ImportTextOptions, WordDocument, WordParagraph, WordSegment, WordXmlCount, WordXmlLimits } from './import';
/**
 * Writers of published revisions, per language: Akoma Ntoso 3.0 XML (valid against the OASIS schema in
 * `libs/export/schema`), a DOCX laid out as a UN document, and standalone HTML.
 */
export { formatDate, revisionToAkomaNtoso, revisionToHtml } from './revision';
export type { CommitteeInfo, Distribution, RevisionExportInput } from './revision';
/** Writers of the compilation of proposals, per provision and "in no order of priority": HTML and DOCX. */
export { compilationToHtml } from './compilation';
export type {
  CompilationChange,
  CompilationDeleteChange,
  CompilationInput,
  CompilationInsertChange,
  CompilationProposal,
  CompilationProvision,
  CompilationTextChange,
  CompilationTextEdit,
} from './compilation';
/**
 * The Word bridge: comparisons as Word documents with tracked changes, and Word files (tracked changes or a clean
 * amended text, or a round-trip download) placed on a drafting space's blocks and merged three ways.
 */
export { decodeRoundTrip, encodeRoundTrip, planWordUpload, ROUND_TRIP_BOOKMARK, threeWay, WordMismatchError } from './tracked';
export type { LiveEdit, RoundTripRecord, ThreeWayResult, WordIntent, WordPlan, WordPlanContext, WordUnplaced } from './tracked';
export type { WordAppliedView, WordChangeView, WordPreviewView } from './tracked/word-contract';
/** The compilation of comments received (HTML, DOCX) and the comments matrix (CSV, XLSX). */
export { COMMENTS_CAPTIONS, commentsCompilationToHtml, commentsMatrixToCsv, commentsMatrixToXlsx } from './comments';
export type { CommentDispositionInput, CommentProvisionInput, CommentRemarkInput, CommentsCaptions, CommentsCompilationInput, CommentsMatrixRow } from './comments';
/**
 * The writers and the reader that need the office-format libraries (docx, exceljs, mammoth), each loading its
 * module on first use: they weigh tens of megabytes, and most server processes never write a Word file.
 */
export { commentsCompilationToDocx, comparisonToDocx, compilationToDocx, importDocx, revisionToDocx } from './office';
export type { ImportDocxOptions, TrackedComment, TrackedDocxInput } from './office';
