export { ImportError, ImportErrorCode } from './import-error';
export { importDocx } from './import-docx';
export type { ImportDocxOptions } from './import-docx';
export { importText } from './import-text';
export type { ImportTextOptions } from './import-text';
export type { ImportResult } from './structure';
