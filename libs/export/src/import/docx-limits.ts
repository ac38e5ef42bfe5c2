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

/**
 * Longest single construct (tag, comment, processing instruction, CDATA section) the counter holds while waiting
 * for its end. Word writes tags of a few hundred bytes; a longer one is refused rather than buffered.
 */
const MAX_CONSTRUCT = 1024 * 1024;

function tooLarge(part: string, what: string): ImportError {
  return new ImportError(ImportErrorCode.TooLarge, `The document is too large to import: ${part} has ${what}`);
}

function malformed(part: string): ImportError {
  return new ImportError(ImportErrorCode.NotDocx, `Not a DOCX file: ${part} is not well-formed XML`);
}

/** Index just past the `>` closing the tag that starts at `from`, skipping `>` inside quoted attribute values; -1 when not there yet. */
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

/** Index just past `marker` from `from`, or -1 when it has not come yet. */
function past(xml: string, from: number, marker: string): number {
  const at = xml.indexOf(marker, from);
  return at < 0 ? -1 : at + marker.length;
}

function isParagraph(xml: string, nameStart: number, nameEnd: number): boolean {
  if (xml[nameEnd - 1] !== 'p') return false;
  return nameEnd - nameStart === 1 || xml[nameEnd - 2] === ':';
}

/**
 * Counts the elements, paragraphs and nesting of the XML parts of a DOCX as their text comes in, piece by piece,
 * without parsing it into a tree, and refuses (ImportError `too-large`) at the first count past its limits, so
 * that a part is refused after the first few megabytes however large it inflates. A document type declaration
 * is refused too (`unsafe-archive`): Word never writes one, and its entities are how a small XML part expands
 * into a huge one.
 */
export class WordXmlCounter {
  private elements: number;
  private paragraphs: number;

  constructor(
    private readonly limits: WordXmlLimits = WORD_XML_LIMITS,
    before: WordXmlCount = NONE,
  ) {
    this.elements = before.elements;
    this.paragraphs = before.paragraphs;
  }

  /** The counts so far, over every part. */
  get count(): WordXmlCount {
    return { elements: this.elements, paragraphs: this.paragraphs };
  }

  /** Starts counting one part; give it the part's text with `write`, then call `end`. */
  part(name: string): { write(text: string): void; end(): void } {
    let carry = '';
    let depth = 0;
    return {
      write: (text: string) => {
        const xml = carry + text;
        let i = xml.indexOf('<');
        while (i >= 0) {
          const end = this.construct(xml, i, name, depth);
          if (end < 0) break;
          if (xml[i + 1] === '/') depth--;
          else if (xml[i + 1] !== '?' && xml[i + 1] !== '!' && xml[end - 2] !== '/') depth++;
          i = xml.indexOf('<', end);
        }
        if (i >= 0 && xml.length - i > MAX_CONSTRUCT) throw tooLarge(name, `a single tag or comment longer than ${MAX_CONSTRUCT} characters`);
        carry = i < 0 ? '' : xml.slice(i);
      },
      end: () => {
        if (carry !== '') throw malformed(name);
      },
    };
  }

  /** Counts the construct at `i`, returning the index just past it, or -1 when its end has not come yet. */
  private construct(xml: string, i: number, part: string, depth: number): number {
    if (i + 1 >= xml.length) return -1;
    const next = xml[i + 1];
    if (next === '?') return past(xml, i + 2, '?>');
    if (next === '/') return past(xml, i + 2, '>');
    if (next === '!') {
      if (xml.startsWith('<!--', i)) return past(xml, i + 4, '-->');
      if (xml.startsWith('<![CDATA[', i)) return past(xml, i + 9, ']]>');
      if (xml.length - i < 9) return -1;
      throw new ImportError(ImportErrorCode.UnsafeArchive, `The document cannot be imported: ${part} declares a document type, which Word documents never do`);
    }
    const end = tagEnd(xml, i + 1);
    if (end < 0) return -1;
    let nameEnd = i + 1;
    while (nameEnd < end && !/[\s/>]/.test(xml[nameEnd])) nameEnd++;
    this.elements++;
    if (this.elements > this.limits.maxElements) throw tooLarge(part, `more than ${this.limits.maxElements} XML elements`);
    if (isParagraph(xml, i + 1, nameEnd)) {
      this.paragraphs++;
      if (this.paragraphs > this.limits.maxParagraphs) throw tooLarge(part, `more than ${this.limits.maxParagraphs} paragraphs`);
    }
    if (depth + 1 > this.limits.maxDepth) throw tooLarge(part, `elements nested more than ${this.limits.maxDepth} deep`);
    return end;
  }
}

/**
 * Counts one whole XML part of a DOCX with a {@link WordXmlCounter}; see there for what is refused.
 *
 * @returns the counts so far, `before` included.
 */
export function countWordXml(xml: string, part: string, limits: WordXmlLimits = WORD_XML_LIMITS, before: WordXmlCount = NONE): WordXmlCount {
  const counter = new WordXmlCounter(limits, before);
  const counting = counter.part(part);
  counting.write(xml);
  counting.end();
  return counter.count;
}
