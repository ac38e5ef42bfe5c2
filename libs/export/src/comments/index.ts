export { COMMENTS_CAPTIONS } from './comments-captions';
export type { CommentsCaptions } from './comments-captions';
export { commentsCompilationToHtml } from './comments-html';
export type { CommentDispositionInput, CommentProvisionInput, CommentRemarkInput, CommentsCompilationInput, CommentsMatrixRow } from './comments-input';
export { commentsMatrixToCsv, commentsMatrixToXlsx } from './comments-matrix';
