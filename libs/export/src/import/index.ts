export { ImportError, ImportErrorCode } from './import-error';
export { countWordXml, WORD_XML_LIMITS, WordXmlCounter } from './docx-limits';
export type { WordXmlCount, WordXmlLimits } from './docx-limits';
export { importText } from './import-text';
export type { ImportTextOptions } from './import-text';
export type { ImportResult } from './structure';
export { readWordDocument } from './docx-tracked';
export type { WordDocument, WordParagraph, WordSegment } from './docx-tracked';
