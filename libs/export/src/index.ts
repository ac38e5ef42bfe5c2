/**
 * Getting treaty text in and out of Concord. Importers read plain text, Markdown and DOCX into the treaty
 * schema's JSON, recognising structure in the six official languages.
 */
export { ImportError, ImportErrorCode, importDocx, importText } from './import';
export type { ImportDocxOptions, ImportResult, ImportTextOptions } from './import';
