import { ImportError, ImportErrorCode } from './import-error';

/**
 * How much WordprocessingML the DOCX importer takes on. A few kilobytes of XML can still be millions of elements
 * once parsed (mammoth builds a DOM of the whole part, then one block per paragraph), so the XML is counted
 * before it is parsed, and refused as soon as a count goes past its limit.
 */
export interface WordXmlLimits {
  /** Start tags over all the parts counted. */
  readonly maxElements: number;
  /** Paragraphs (`w:p`, and any other `*:p`) over all the parts counted. */
  readonly maxParagraphs: number;
  /** Elements open at once in one part. */
  readonly maxDepth: number;
}

/**
 * Room for a long treaty: a text of a thousand pages is some 15,000 paragraphs and 150,000 elements, nested a
 * dozen deep (tables in tables a few more). mammoth reads some 30,000 elements a second on one core, so a
 * document at these limits takes seconds, not minutes.
 */
export const WORD_XML_LIMITS: WordXmlLimits = { maxElements: 250_000, maxParagraphs: 25_000, maxDepth: 96 };

/** What {@link countWordXml} has counted so far; pass it back in to count several parts against one budget. */
export interface WordXmlCount {
  readonly elements: number;
  readonly paragraphs: number;
}

const NONE: WordXmlCount = { elements: 0, paragraphs: 0 };

function tooLarge(part: string, what: string): ImportError {
  return new ImportError(ImportErrorCode.TooLarge, `The document is too large to import: ${part} has ${what}`);
}

/** Index just past the `>` closing the tag that starts at `from`, skipping `>` inside quoted attribute values. */
function tagEnd(xml: string, from: number): number {
  let quote = '';
  for (let i = from; i < xml.length; i++) {
    const c = xml[i];
    if (quote !== '') {
      if (c === quote) quote = '';
    } else if (c === '"' || c === "'") {
      quote = c;
    } else if (c === '>') {
      return i + 1;
    }
  }
  return -1;
}

function skipPast(xml: string, from: number, marker: string, part: string): number {
  const at = xml.indexOf(marker, from);
  if (at < 0) throw new ImportError(ImportErrorCode.NotDocx, `Not a DOCX file: ${part} is not well-formed XML`);
  return at + marker.length;
}

function isParagraph(xml: string, nameStart: number, nameEnd: number): boolean {
  if (xml[nameEnd - 1] !== 'p') return false;
  return nameEnd - nameStart === 1 || xml[nameEnd - 2] === ':';
}

/**
 * Counts the elements, paragraphs and nesting of one XML part of a DOCX, without parsing it into a tree, and
 * refuses it (ImportError `too-large`) at the first count past `limits`. A document type declaration is refused
 * too: Word never writes one, and its entities are how a small XML file expands into a huge one.
 *
 * @returns the counts so far, `before` included.
 */
export function countWordXml(xml: string, part: string, limits: WordXmlLimits = WORD_XML_LIMITS, before: WordXmlCount = NONE): WordXmlCount {
  let { elements, paragraphs } = before;
  let depth = 0;
  let i = xml.indexOf('<');
  while (i >= 0 && i < xml.length) {
    const next = xml[i + 1];
    if (next === '?') {
      i = skipPast(xml, i + 2, '?>', part);
    } else if (xml.startsWith('<!--', i)) {
      i = skipPast(xml, i + 4, '-->', part);
    } else if (xml.startsWith('<![CDATA[', i)) {
      i = skipPast(xml, i + 9, ']]>', part);
    } else if (next === '!') {
      throw new ImportError(ImportErrorCode.UnsafeArchive, `The document cannot be imported: ${part} declares a document type, which Word documents never do`);
    } else if (next === '/') {
      depth--;
      i = skipPast(xml, i + 2, '>', part);
    } else {
      const end = tagEnd(xml, i + 1);
      if (end < 0) throw new ImportError(ImportErrorCode.NotDocx, `Not a DOCX file: ${part} is not well-formed XML`);
      let nameEnd = i + 1;
      while (nameEnd < end && !/[\s/>]/.test(xml[nameEnd])) nameEnd++;
      elements++;
      if (elements > limits.maxElements) throw tooLarge(part, `more than ${limits.maxElements} XML elements`);
      if (isParagraph(xml, i + 1, nameEnd)) {
        paragraphs++;
        if (paragraphs > limits.maxParagraphs) throw tooLarge(part, `more than ${limits.maxParagraphs} paragraphs`);
      }
      if (depth + 1 > limits.maxDepth) throw tooLarge(part, `elements nested more than ${limits.maxDepth} deep`);
      if (xml[end - 2] !== '/') depth++;
      i = end;
    }
    i = xml.indexOf('<', i);
  }
  return { elements, paragraphs };
}
