import { isLanguage, LANGUAGES, type Language } from '@concord/domain';
import { markdownBlocks, textBlocks } from './blocks';
import { ImportError, ImportErrorCode } from './import-error';
import { lineKind } from './patterns';
import { buildDocument, type ImportResult } from './structure';

/** Options of {@link importText}. */
export interface ImportTextOptions {
  /** The language the source is written in. */
  readonly language: Language;
  /** `text`: one paragraph per line; `markdown`: Markdown headings, lists and paragraphs. */
  readonly format: 'text' | 'markdown';
}

/** Fails on options a caller outside TypeScript could pass: an unknown language or format. */
export function checkLanguage(language: unknown): asserts language is Language {
  if (!isLanguage(language)) {
    throw new ImportError(ImportErrorCode.InvalidOptions, `Unknown language ${JSON.stringify(language)}: expected one of ${LANGUAGES.join(', ')}`);
  }
}

/**
 * Fails on text that cannot be a treaty: empty, or binary data (NUL or other control characters, or many
 * replacement characters, as when a PDF or Word file is read as text).
 */
export function checkText(source: string): void {
  if (source.trim() === '') throw new ImportError(ImportErrorCode.EmptySource, 'The source is empty: there is no text to import');
  let controls = 0;
  for (let i = 0; i < source.length; i++) {
    const code = source.charCodeAt(i);
    // NUL never occurs in text; other C0 controls (bar tab, line feed, form feed, carriage return) and U+FFFD
    // (what a decoder writes for bytes that are not UTF-8) are rare.
    if (code === 0) controls = Infinity;
    else if (code < 0x09 || (code > 0x0d && code < 0x20) || code === 0xfffd) controls++;
  }
  if (controls > Math.max(2, source.length / 100)) {
    throw new ImportError(ImportErrorCode.BinarySource, 'The source looks like binary data, not text: import a plain-text, Markdown or DOCX file');
  }
}

/**
 * Imports a treaty text written as plain text or Markdown in any of the six official languages.
 *
 * Recognised: the title (the first line, or the first `#` heading) and the preamble (the lines before the
 * first article or chapter); chapter headings ("Chapter I", "Chapitre I", "Capítulo I", "Глава I", "第一章",
 * "الفصل الأول"); article headings ("Article 1", "Article premier", "Artículo 1", "Статья 1", "第一条",
 * "المادة 1" / "المادة ١", and inserted ones: "Article 6 bis", "Статья 6 бис", "第六条之二", "المادة 6 مكرراً"), with a
 * title after a dash, colon or full stop, or on the next line; parts, sections and annexes ("PART I",
 * "Première partie", "Section 1", "Annex", "第一部分", "الجزء الأول", "الفرع ١", "المرفق" …) as divisions;
 * paragraphs ("1.", "1)", "١-", "一、" or unnumbered lines); subparagraphs ("(a)", "a)", "а)", "(أ)", "(一)", "(i)",
 * "(A)", a fourth level "a." …) and Markdown lists; [square brackets], also across paragraphs. Source numbers are
 * dropped, as numbering is derived, except that articles numbered with bis or ter keep the source's numbers as
 * frozen numbers; ids are fresh. No text is lost: what is not understood is kept as text, and what had to be
 * guessed is listed in `warnings`, each naming its line and reason.
 *
 * @throws ImportError when the source is empty, binary, or has no article.
 */
export function importText(source: string, options: ImportTextOptions): ImportResult {
  checkLanguage(options.language);
  if (options.format !== 'text' && options.format !== 'markdown') {
    throw new ImportError(ImportErrorCode.InvalidOptions, `Unknown format ${JSON.stringify(options.format)}: expected "text" or "markdown"`);
  }
  checkText(source);
  const blocks = options.format === 'markdown' ? markdownBlocks(source, lineKind) : textBlocks(source, lineKind);
  return buildDocument(blocks, options.language);
}
