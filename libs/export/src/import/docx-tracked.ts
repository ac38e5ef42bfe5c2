import { DOMParser, type Element, type Node as XmlNode } from '@xmldom/xmldom';
import { ImportError, ImportErrorCode } from './import-error';

const W = 'http://schemas.openxmlformats.org/wordprocessingml/2006/main';

/** A run of a Word paragraph: text both versions have, or text a tracked change inserted or deleted. */
export interface WordSegment {
  readonly kind: 'equal' | 'insert' | 'delete';
  readonly text: string;
  /** The author and date Word recorded for a tracked change. */
  readonly author?: string;
  readonly date?: string;
}

/** A paragraph of a Word document with its tracked changes, in document order. */
export interface WordParagraph {
  /** The hidden round-trip bookmarks (`_cc<n>`) that start in it: the indexes of the blocks it holds. */
  readonly bookmarks: readonly number[];
  readonly segments: readonly WordSegment[];
  /** Whether Word tracked the paragraph mark itself as inserted or deleted (paragraphs split or joined). */
  readonly mark: 'inserted' | 'deleted' | null;
}

/** What an uploaded Word document says: its paragraphs with tracked changes, and its custom properties. */
export interface WordDocument {
  readonly paragraphs: readonly WordParagraph[];
  readonly properties: ReadonlyMap<string, string>;
  /** Whether any paragraph has a tracked change. */
  readonly tracked: boolean;
}

function notDocx(reason: string): ImportError {
  return new ImportError(ImportErrorCode.NotDocx, `Not a DOCX file: ${reason}`);
}

function parse(xml: string, part: string): XmlNode {
  const errors: string[] = [];
  const parser = new DOMParser({
    onError: (level, message) => {
      if (level !== 'warning') errors.push(message);
    },
  });
  let dom: XmlNode;
  try {
    dom = parser.parseFromString(xml, 'text/xml');
  } catch (error) {
    throw notDocx(`${part} is not well-formed XML (${error instanceof Error ? error.message : String(error)})`);
  }
  if (errors.length > 0) throw notDocx(`${part} is not well-formed XML (${errors[0]})`);
  return dom;
}

function isElement(node: XmlNode): node is Element {
  return node.nodeType === 1;
}

function children(node: XmlNode): Element[] {
  const out: Element[] = [];
  for (let child = node.firstChild; child; child = child.nextSibling) if (isElement(child)) out.push(child);
  return out;
}

function isW(node: Element, name: string): boolean {
  return node.namespaceURI === W && node.localName === name;
}

function attr(node: Element, name: string): string | undefined {
  return node.getAttributeNS(W, name) ?? node.getAttribute(`w:${name}`) ?? undefined;
}

interface Change {
  readonly kind: 'insert' | 'delete';
  readonly author?: string;
  readonly date?: string;
}

class ParagraphReader {
  readonly segments: WordSegment[] = [];
  readonly bookmarks: number[] = [];

  constructor(private readonly bookmarkPrefix: string) {}

  private push(text: string, change: Change | null): void {
    if (text === '') return;
    const kind = change?.kind ?? 'equal';
    const last = this.segments[this.segments.length - 1];
    if (last && last.kind === kind && last.author === change?.author && last.date === change?.date) {
      this.segments[this.segments.length - 1] = { ...last, text: last.text + text };
      return;
    }
    this.segments.push(change ? { kind, text, author: change.author, date: change.date } : { kind, text });
  }

  /** The text of a run: text, deleted text, tabs, breaks and non-breaking hyphens. */
  private runText(run: Element): string {
    let text = '';
    for (const child of children(run)) {
      if (isW(child, 't') || isW(child, 'delText')) text += child.textContent ?? '';
      else if (isW(child, 'tab')) text += '\t';
      else if (isW(child, 'br') || isW(child, 'cr')) text += ' ';
      else if (isW(child, 'noBreakHyphen')) text += '\u2011';
      else if (isW(child, 'softHyphen')) text += '\u00AD';
    }
    return text;
  }

  /** Reads the content of a paragraph (or of a change, hyperlink, field or content control inside it). */
  read(node: Element, change: Change | null): void {
    for (const child of children(node)) {
      if (isW(child, 'r')) {
        this.push(this.runText(child), change);
      } else if (isW(child, 'ins') || isW(child, 'moveTo')) {
        if (change?.kind === 'delete') {
          throw new ImportError(ImportErrorCode.NotDocx, 'The document has a tracked insertion inside deleted text, which Word never writes: there is no telling what the text should be');
        }
        // An insertion inside an insertion is still inserted text, by whoever inserted it last.
        this.read(child, { kind: 'insert', author: attr(child, 'author'), date: attr(child, 'date') });
      } else if (isW(child, 'del') || isW(child, 'moveFrom')) {
        // Text another author inserted and this one deleted is in neither version.
        if (change?.kind === 'insert') continue;
        this.read(child, { kind: 'delete', author: attr(child, 'author'), date: attr(child, 'date') });
      } else if (isW(child, 'bookmarkStart')) {
        const name = attr(child, 'name') ?? '';
        const index = name.startsWith(this.bookmarkPrefix) ? Number(name.slice(this.bookmarkPrefix.length)) : NaN;
        if (Number.isInteger(index) && index >= 0) this.bookmarks.push(index);
      } else if (isW(child, 'hyperlink') || isW(child, 'smartTag') || isW(child, 'fldSimple') || isW(child, 'customXml')) {
        this.read(child, change);
      } else if (isW(child, 'sdt')) {
        for (const content of children(child)) if (isW(content, 'sdtContent')) this.read(content, change);
      }
    }
  }
}

function paragraphMark(paragraph: Element): WordParagraph['mark'] {
  const properties = children(paragraph).find((child) => isW(child, 'pPr'));
  const run = properties ? children(properties).find((child) => isW(child, 'rPr')) : undefined;
  if (!run) return null;
  if (children(run).some((child) => isW(child, 'ins'))) return 'inserted';
  if (children(run).some((child) => isW(child, 'del'))) return 'deleted';
  return null;
}

/** The body's paragraphs in order, those inside tables and content controls included. */
function bodyParagraphs(node: Element, out: Element[]): Element[] {
  for (const child of children(node)) {
    if (isW(child, 'p')) out.push(child);
    else if (isW(child, 'tbl') || isW(child, 'tr') || isW(child, 'tc') || isW(child, 'sdt') || isW(child, 'sdtContent') || isW(child, 'customXml')) bodyParagraphs(child, out);
  }
  return out;
}

function readProperties(xml: string | undefined): Map<string, string> {
  const properties = new Map<string, string>();
  if (!xml) return properties;
  const dom = parse(xml, 'docProps/custom.xml');
  const root = children(dom).find((node) => node.localName === 'Properties');
  for (const property of root ? children(root) : []) {
    const name = property.getAttribute('name');
    if (name) properties.set(name, property.textContent ?? '');
  }
  return properties;
}

/**
 * Reads a Word document's main part the way Word records it, tracked changes included, which mammoth leaves
 * out: every paragraph of the body as runs of unchanged, inserted (`w:ins`, `w:moveTo`) and deleted (`w:del`,
 * `w:moveFrom`) text with the author and date of each change, the hidden bookmarks that name the blocks of a
 * round-trip download, and the custom document properties (docProps/custom.xml).
 *
 * Text inserted and then deleted by another author is in neither version and is left out. An insertion inside
 * deleted text is refused: it cannot be placed.
 *
 * @throws ImportError when the XML is not a WordprocessingML document.
 */
export function readWordDocument(parts: { readonly document: string; readonly customProperties?: string }, bookmarkPrefix = '_cc'): WordDocument {
  const dom = parse(parts.document, 'word/document.xml');
  const root = children(dom).find((node) => isW(node, 'document'));
  const body = root ? children(root).find((node) => isW(node, 'body')) : undefined;
  if (!body) throw notDocx('word/document.xml has no WordprocessingML body');
  const paragraphs = bodyParagraphs(body, []).map((paragraph): WordParagraph => {
    const reader = new ParagraphReader(bookmarkPrefix);
    reader.read(paragraph, null);
    return { bookmarks: reader.bookmarks, segments: reader.segments, mark: paragraphMark(paragraph) };
  });
  const tracked = paragraphs.some((p) => p.mark !== null || p.segments.some((s) => s.kind !== 'equal'));
  return { paragraphs, properties: readProperties(parts.customProperties), tracked };
}
