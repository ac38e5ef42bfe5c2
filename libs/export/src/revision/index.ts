export { revisionToAkomaNtoso } from './akoma-ntoso';
export { formatDate } from './locale';
export type { Distribution } from './locale';
export { revisionToHtml } from './revision-html';
export type { CommitteeInfo, RevisionExportInput } from './revision-input';
