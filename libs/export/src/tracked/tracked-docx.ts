import type { BlockComparison, Comparison, DiffPart } from '@concord/compare';
import type { Language } from '@concord/domain';
import type { ProvenanceAttrs } from '@concord/schema';
import {
  Bookmark,
  CommentRangeEnd,
  CommentRangeStart,
  CommentReference,
  DeletedTextRun,
  Document,
  Header,
  InsertedTextRun,
  Packer,
  Paragraph,
  Tab,
  TextRun,
  type ICommentOptions,
  type ParagraphChild,
} from 'docx';
import { DocxText } from '../revision/docx-text';
import { mastheadLines, REVISION_PHRASES, type Distribution } from '../revision/locale';
import type { CommitteeInfo } from '../revision/revision-input';
import { encodeRoundTrip, ROUND_TRIP_BOOKMARK, type RoundTripRecord } from './round-trip';

/** A comment thread of the text, written as a Word comment on the block it is anchored in. */
export interface TrackedComment {
  /** The key of the compared block the thread is anchored in (`BlockComparison.key`). */
  readonly blockKey: string;
  readonly author: string;
  /** ISO 8601. */
  readonly date: string;
  readonly text: string;
  /** Replies, oldest first. */
  readonly replies?: readonly { readonly author: string; readonly date: string; readonly text: string }[];
}

/** A comparison to write as a Word document whose differences are tracked changes. */
export interface TrackedDocxInput {
  /** The symbol or name printed at the top right (a revision symbol, "Proposal by Egypt", …). */
  readonly symbol: string;
  /** `YYYY-MM-DD`, printed in the masthead. */
  readonly date: string;
  readonly distribution: Distribution;
  readonly originalLanguage: Language;
  readonly committee: CommitteeInfo;
  readonly title: string;
  readonly comparison: Comparison;
  /**
   * Who made a tracked change and when: given the provenance of inserted text (or `null` for deleted text and
   * text without provenance), the author Word shows ("Egypt", "Secretariat", "A/AC.291/22/Rev.1").
   */
  readonly author: (provenance: ProvenanceAttrs | null) => string;
  /** ISO 8601 date of the changes (the newer side's date). */
  readonly changeDate: string;
  readonly comments?: readonly TrackedComment[];
  /** Hidden stable ids and the downloaded text, so that the file can be uploaded again (a drafting space). */
  readonly roundTrip?: Omit<RoundTripRecord, 'blocks'>;
  /** The instrument the text belongs to, recorded in the file so that an upload can tell another instrument's file. */
  readonly instrumentId?: string;
}

class TrackedDocx {
  private readonly text: DocxText;
  private changeId = 1;
  private bookmarkIndex = 0;
  private readonly comments: ICommentOptions[] = [];
  private readonly commentsByBlock: ReadonlyMap<string, readonly TrackedComment[]>;
  private readonly recorded: Array<{ k: string; t: string }> = [];

  constructor(private readonly input: TrackedDocxInput) {
    this.text = new DocxText(input.comparison.language);
    const byBlock = new Map<string, TrackedComment[]>();
    for (const comment of input.comments ?? []) byBlock.set(comment.blockKey, [...(byBlock.get(comment.blockKey) ?? []), comment]);
    this.commentsByBlock = byBlock;
  }

  private get language(): Language {
    return this.input.comparison.language;
  }

  /** A tracked insertion or deletion, or plain text. */
  private run(kind: DiffPart['kind'], text: string, author: string, style: { bold?: boolean } = {}): ParagraphChild {
    if (kind === 'equal') return this.text.run(text, style);
    const rtl = this.text.rtl || undefined;
    const common = { id: this.changeId++, author, date: this.input.changeDate, text, bold: style.bold, rightToLeft: rtl };
    return kind === 'insert' ? new InsertedTextRun(common) : new DeletedTextRun(common);
  }

  /** The runs of a compared block: inserted text split by provenance, so that each part names its author. */
  private parts(parts: readonly DiffPart[], style: { bold?: boolean } = {}): ParagraphChild[] {
    const { author } = this.input;
    return parts.flatMap((part): ParagraphChild[] => {
      if (part.kind !== 'insert' || part.provenance.length === 0) return [this.run(part.kind, part.text, author(null), style)];
      const runs: ParagraphChild[] = [];
      let at = 0;
      for (const span of part.provenance) {
        if (span.from > at) runs.push(this.run('insert', part.text.slice(at, span.from), author(null), style));
        runs.push(this.run('insert', part.text.slice(span.from, span.to), author(span.provenance), style));
        at = span.to;
      }
      if (at < part.text.length) runs.push(this.run('insert', part.text.slice(at), author(null), style));
      return runs;
    });
  }

  /** The number of a block: renumbered ones show the old number deleted and the new one inserted. */
  private label(block: BlockComparison, style: { bold?: boolean } = {}): ParagraphChild[] {
    const { oldNumber, newNumber } = block;
    const author = this.input.author(null);
    if (oldNumber === newNumber) return oldNumber ? [this.text.run(oldNumber, style)] : [];
    if (newNumber === null) return oldNumber ? [this.run('delete', oldNumber, author, style)] : [];
    if (oldNumber === null) return newNumber ? [this.run('insert', newNumber, author, style)] : [];
    return [...(oldNumber ? [this.run('delete', oldNumber, author, style)] : []), ...(newNumber ? [this.run('insert', newNumber, author, style)] : [])];
  }

  /** The block's text wrapped in a hidden bookmark naming it (round trip) and the comments anchored in it. */
  private anchored(block: BlockComparison, children: ParagraphChild[]): ParagraphChild[] {
    let wrapped = children;
    const threads = this.commentsByBlock.get(block.key) ?? [];
    for (const thread of threads) {
      const id = this.comments.length;
      this.comments.push({ id, author: thread.author, date: new Date(thread.date), children: [this.text.paragraph([this.text.run(thread.text)])] });
      for (const reply of thread.replies ?? []) {
        this.comments.push({ id: this.comments.length, parentId: id, author: reply.author, date: new Date(reply.date), children: [this.text.paragraph([this.text.run(reply.text)])] });
      }
      wrapped = [new CommentRangeStart(id), ...wrapped, new CommentRangeEnd(id), new TextRun({ children: [new CommentReference(id)] })];
    }
    if (!this.input.roundTrip) return wrapped;
    const index = this.bookmarkIndex++;
    this.recorded.push({ k: block.key, t: block.parts.filter((part) => part.kind !== 'delete').map((part) => part.text).join('') });
    return [new Bookmark({ id: `${ROUND_TRIP_BOOKMARK}${index}`, children: wrapped })];
  }

  private block(block: BlockComparison): Paragraph[] {
    const { text } = this;
    switch (block.role) {
      case 'title':
        return [text.paragraph(this.anchored(block, this.parts(block.parts, { bold: true })), { after: 360 })];
      case 'heading': {
        const label = this.label(block, { bold: true });
        const heading = block.parts.length > 0 ? [text.paragraph(this.anchored(block, this.parts(block.parts, { bold: true })), { align: 'center', after: 0, keepNext: true })] : [];
        return [text.paragraph(label, { align: 'center', before: 240, after: 0, keepNext: true }), ...heading];
      }
      case 'recital':
        return [text.paragraph(this.anchored(block, this.parts(block.parts)))];
      case 'text': {
        const label = this.label(block);
        const hanging = label.length > 0;
        const lead: ParagraphChild[] = hanging ? [...label, new TextRun({ children: [new Tab()] })] : [];
        return [text.paragraph([...lead, ...this.anchored(block, this.parts(block.parts))], { level: Math.max(0, block.depth - 1), hanging })];
      }
      case 'footnote':
        // A footnote's words follow the text it stands in, after its number; the Word bridge does not read them
        // back (they are no block of a drafting space's), so they carry no round-trip bookmark.
        return [text.paragraph([...this.label(block), new TextRun({ children: [new Tab()] }), ...this.parts(block.parts)], { level: Math.max(0, block.depth - 1), hanging: true })];
    }
  }

  private masthead(): Paragraph[] {
    const { input, text } = this;
    const lines = mastheadLines(input.distribution, input.date, this.language, input.originalLanguage);
    const right = (line: string, bold = false): Paragraph => text.paragraph([text.run(line, { bold, size: bold ? 32 : undefined })], { align: 'end', after: 0 });
    return [
      right(input.symbol, true),
      right(lines.distribution),
      right(lines.date),
      ...(lines.languageLine === null ? [] : [right(lines.languageLine)]),
      right(lines.original),
      text.paragraph([text.run(input.committee.name, { bold: true })], { before: 480, after: 240 }),
      ...(input.comparison.blocks.some((block) => block.role === 'title') ? [] : [text.paragraph([text.run(input.title, { bold: true, size: 28 })], { after: 360 })]),
    ];
  }

  document(): Document {
    const { input, text } = this;
    const body = input.comparison.blocks.flatMap((block) => this.block(block));
    const properties = [
      ...(input.instrumentId ? [{ name: 'ConcordInstrument', value: input.instrumentId }] : []),
      ...(input.roundTrip ? encodeRoundTrip({ ...input.roundTrip, blocks: this.recorded }) : []),
    ];
    return new Document({
      title: input.title,
      subject: input.symbol,
      creator: REVISION_PHRASES[this.language].secretariat,
      styles: text.styles(),
      customProperties: properties,
      comments: { children: this.comments },
      features: { trackRevisions: true },
      sections: [
        {
          properties: { titlePage: true },
          headers: {
            first: new Header({ children: [] }),
            default: new Header({ children: [text.paragraph([text.run(input.symbol, { bold: true })], { align: 'end' })] }),
          },
          children: [...this.masthead(), ...body],
        },
      ],
    });
  }
}

/**
 * A comparison as a Word document laid out as a UN document (masthead, numbered provisions with hanging
 * indents, right to left in Arabic) in which every difference is a Word tracked change (`w:ins`, `w:del`)
 * authored by whoever the inserted text's provenance names, dated, ready to accept or reject; renumbered
 * provisions show the old number deleted and the new one inserted; comment threads anchored in a block become
 * Word comments on it, replies threaded. Tracking stays on, so edits made in Word are tracked too.
 *
 * With `roundTrip`, every block is wrapped in a hidden bookmark and the text downloaded is recorded in the
 * file's custom properties, so that an upload of the edited file can tell what changed in Word (round-trip.ts).
 */
export async function comparisonToDocx(input: TrackedDocxInput): Promise<Uint8Array> {
  return Packer.pack(new TrackedDocx(input).document(), 'uint8array');
}
