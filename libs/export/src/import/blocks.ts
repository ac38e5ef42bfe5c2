/**
 * Readers that cut a source into blocks, one per paragraph of the source, before structure is recognised:
 * plain text (one block per line, wrapped lines joined), Markdown (headings, lists, CommonMark paragraphs)
 * and the HTML mammoth makes of a DOCX file (one block per paragraph, heading or list item).
 */

/** One paragraph of the source. */
export interface Block {
  /** The text, whitespace collapsed; literal (escaped) square brackets are held as {@link LITERAL_OPEN} / {@link LITERAL_CLOSE}. */
  readonly text: string;
  /** Heading level (1–6) when the source marks the block as a heading. */
  readonly headingLevel: number | null;
  /** Nesting depth when the block is an item of a bulleted list (0 for the outer list). */
  readonly listDepth: number | null;
  /** Where the block starts, for warnings: "line 12", "paragraph 5". */
  readonly where: string;
  /** What the reader did about an irregularity of the source at this block, reported as a warning. */
  readonly note?: string;
}

/** Blocks standing for source lines that were left out, each carrying only its warning. */
export const SKIPPED = '\uE004';

/** Stands for a literal `[` that must not open a bracket. */
export const LITERAL_OPEN = '\uE000';
/** Stands for a literal `]` that must not close a bracket. */
export const LITERAL_CLOSE = '\uE001';

const TERMINAL = /[.;:!?。；：！？؛؟]$/u;

/** Normalises line ends and invisible characters, so that patterns see plain spaces and `\n`. */
export function normalizeSource(source: string): string {
  return source
    .replace(/^\uFEFF/, '')
    .replace(/\r\n?/g, '\n')
    .replace(/[\u200B-\u200F\u202A-\u202E\u2066-\u2069\uFEFF]/g, '')
    .replace(/[\u00A0\u2007\u202F\t]/g, ' ');
}

function collapse(text: string): string {
  return text.replace(/\s+/g, ' ').trim();
}

/** What a line is, as far as joining lines goes: a heading, an enumerated item, or plain text. */
export type LineKind = (text: string) => 'heading' | 'item' | 'plain';

/**
 * Plain text: every non-empty line is a block, except that a line starting with a lower-case letter continues
 * the line before it when that line does not end a sentence (text hard-wrapped by a PDF or an e-mail).
 */
export function textBlocks(source: string, kindOf: LineKind): Block[] {
  const blocks: { text: string; where: string }[] = [];
  let previousBlank = true;
  normalizeSource(source)
    .split('\n')
    .forEach((raw, index) => {
      const line = collapse(raw);
      if (line === '') {
        previousBlank = true;
        return;
      }
      const last = blocks[blocks.length - 1];
      const continues =
        !previousBlank && last !== undefined && /^\p{Ll}/u.test(line) && !TERMINAL.test(last.text) && kindOf(line) === 'plain' && kindOf(last.text) !== 'heading';
      if (continues) last.text = `${last.text} ${line}`;
      else blocks.push({ text: line, where: `line ${index + 1}` });
      previousBlank = false;
    });
  return blocks.map((block) => ({ ...block, headingLevel: null, listDepth: null }));
}

/** Inline Markdown to plain text: escapes, links, emphasis and code spans. */
export function markdownInline(text: string): string {
  return text
    .replace(/\\\[/g, LITERAL_OPEN)
    .replace(/\\\]/g, LITERAL_CLOSE)
    .replace(/\\([\\`*_{}()#+\-.!>|~])/g, (_, char: string) => `\uE002${char.codePointAt(0)}\uE003`)
    .replace(/!?\[([^\]]*)\]\([^)\s]*(?:\s+"[^"]*")?\)/g, '$1')
    .replace(/(\*\*|__)(?=\S)(.+?)(?<=\S)\1/g, '$2')
    .replace(/(?<![\p{L}\p{N}])([*_])(?=\S)(.+?)(?<=\S)\1(?![\p{L}\p{N}])/gu, '$2')
    .replace(/`([^`]*)`/g, '$1')
    .replace(/\uE002(\d+)\uE003/g, (_, code: string) => String.fromCodePoint(Number(code)));
}

/**
 * Markdown: ATX headings (`#`, `##`), bulleted lists (nesting by indentation), and paragraphs of consecutive
 * lines (CommonMark), except that a line that is a structural heading or starts with an enumeration label
 * ("1.", "(a)") starts a block of its own, as treaty texts written in Markdown expect.
 */
export function markdownBlocks(source: string, kindOf: LineKind): Block[] {
  const blocks: Block[] = [];
  let open: { text: string; where: string; listDepth: number | null } | null = null;
  const listIndents: number[] = [];
  const flush = (): void => {
    if (open && open.text) blocks.push({ text: collapse(markdownInline(open.text)), headingLevel: null, listDepth: open.listDepth, where: open.where });
    open = null;
  };
  normalizeSource(source)
    .split('\n')
    .forEach((raw, index) => {
      const where = `line ${index + 1}`;
      if (raw.trim() === '') {
        flush();
        return;
      }
      if (/^\s{0,3}([-*_])(\s*\1){2,}\s*$/.test(raw)) {
        flush();
        return;
      }
      // A line that is nothing but HTML tags (a <div>, a </span> left by a copy from a web page) carries no text.
      if (/^\s*(?:<\/?[a-z][a-z0-9]*(?:\s[^<>]*)?\/?>\s*)+$/i.test(raw)) {
        flush();
        blocks.push({ text: SKIPPED, headingLevel: null, listDepth: null, where, note: `a line of HTML tags (${excerptOf(raw.trim())}) holds no text; left out` });
        return;
      }
      // Published texts pasted as Markdown often write "#Article 1" without the space CommonMark asks for.
      const heading = /^\s{0,3}(#{1,6})(\s+|(?=[\p{L}\p{N}]))(.*?)(?:\s+#+)?\s*$/u.exec(raw);
      if (heading) {
        flush();
        listIndents.length = 0;
        const note = heading[2] === '' ? 'a heading without a space after # was read as a heading' : undefined;
        blocks.push({ text: collapse(markdownInline(heading[3] ?? '')), headingLevel: heading[1]?.length ?? 1, listDepth: null, where, ...(note ? { note } : {}) });
        return;
      }
      const bullet = /^(\s*)[-*+]\s+(.*)$/.exec(raw);
      if (bullet) {
        flush();
        const indent = bullet[1]?.length ?? 0;
        while (listIndents.length > 0 && indent < (listIndents[listIndents.length - 1] ?? 0)) listIndents.pop();
        if (listIndents.length === 0 || indent > (listIndents[listIndents.length - 1] ?? 0)) listIndents.push(indent);
        open = { text: bullet[2] ?? '', where, listDepth: listIndents.length - 1 };
        return;
      }
      const line = raw.trim();
      if (!open || kindOf(markdownInline(line)) !== 'plain') {
        flush();
        if (!/^\s/.test(raw)) listIndents.length = 0;
        open = { text: line, where, listDepth: null };
        return;
      }
      open.text = `${open.text} ${line}`;
    });
  flush();
  return blocks;
}

function excerptOf(text: string): string {
  return text.length > 40 ? `${text.slice(0, 40)}…` : text;
}

const ENTITIES: Record<string, string> = { amp: '&', lt: '<', gt: '>', quot: '"', apos: "'", nbsp: ' ' };

function decodeEntities(text: string): string {
  return text.replace(/&(#x[0-9a-f]+|#\d+|[a-z]+);/gi, (whole, name: string) => {
    if (name.startsWith('#x') || name.startsWith('#X')) return String.fromCodePoint(parseInt(name.slice(2), 16));
    if (name.startsWith('#')) return String.fromCodePoint(Number(name.slice(1)));
    return ENTITIES[name.toLowerCase()] ?? whole;
  });
}

/**
 * The simple, well-formed HTML that mammoth writes for a DOCX file: `p`, `h1`–`h6`, nested `ul`/`ol`/`li`,
 * inline formatting (dropped), `br` (a block break), tables (each cell paragraph a block). Footnote and
 * endnote references and the notes themselves are left out; `notes` counts the notes skipped.
 */
export function htmlBlocks(html: string): { blocks: Block[]; notes: number } {
  const blocks: Block[] = [];
  let text = '';
  let heading: number | null = null;
  let listDepth = -1;
  let inItem = false;
  let skipDepth = 0;
  let notes = 0;
  let count = 0;
  const flush = (): void => {
    const collapsed = collapse(normalizeSource(text));
    if (collapsed) {
      count++;
      blocks.push({ text: collapsed, headingLevel: heading, listDepth: inItem && listDepth >= 0 ? listDepth : null, where: `paragraph ${count}` });
    }
    text = '';
  };
  for (const token of html.match(/<[^>]*>|[^<]+/g) ?? []) {
    const tag = /^<(\/?)([a-z0-9]+)([^>]*)>$/i.exec(token);
    if (!tag) {
      if (skipDepth === 0) text += decodeEntities(token);
      continue;
    }
    const [, closing, rawName = '', attributes = ''] = tag;
    const name = rawName.toLowerCase();
    if (skipDepth > 0) {
      // Inside a skipped element: track nesting of the same kind of element only.
      if (name === 'a' || name === 'li') skipDepth += closing ? -1 : /\/\s*>$/.test(token) ? 0 : 1;
      continue;
    }
    if (!closing && /\bhref="#(?:footnote|endnote)-/.test(attributes)) {
      skipDepth = 1;
      continue;
    }
    if (!closing && name === 'li' && /\bid="(?:footnote|endnote)-/.test(attributes)) {
      notes++;
      skipDepth = 1;
      continue;
    }
    if (name === 'br') {
      flush();
    } else if (name === 'p' || /^h[1-6]$/.test(name)) {
      flush();
      heading = !closing && name.startsWith('h') ? Number(name.slice(1)) : null;
    } else if (name === 'ul' || name === 'ol') {
      flush();
      listDepth += closing ? -1 : 1;
    } else if (name === 'li') {
      flush();
      inItem = !closing || listDepth > 0;
    } else if (name === 'td' || name === 'th' || name === 'tr') {
      flush();
    }
  }
  flush();
  return { blocks, notes };
}
