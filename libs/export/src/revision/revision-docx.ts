import { Document, FootnoteReferenceRun, Header, Packer, Tab, TextRun, type Paragraph, type ParagraphChild } from 'docx';
import type { ProvisionStatus } from '@concord/domain';
import { DocxText, type RunStyle } from './docx-text';
import { mastheadLines, REVISION_PHRASES } from './locale';
import type { RevisionExportInput } from './revision-input';
import {
  revisionModel,
  type ArticleModel,
  type BlockModel,
  type ChapterModel,
  type InlineNode,
  type OptionGroupModel,
  type ProvisionModel,
  type RevisionModel,
} from './revision-model';

class RevisionDocx {
  private readonly text: DocxText;

  constructor(
    private readonly input: RevisionExportInput,
    private readonly model: RevisionModel,
  ) {
    this.text = new DocxText(input.language);
  }

  /** Runs of inline content: brackets printed as "[ ]", a Word footnote of its own at each note reference. */
  runs(nodes: readonly InlineNode[], style: RunStyle = {}): ParagraphChild[] {
    return nodes.flatMap((node): ParagraphChild[] => {
      switch (node.kind) {
        case 'text':
          return [this.text.run(node.text, style)];
        case 'bracket':
          return [this.text.run('[', style), ...this.runs(node.children, style), this.text.run(']', style)];
        case 'provenance':
          return this.runs(node.children, style);
        case 'note-ref':
          return [this.footnote(node.note)];
        case 'xref':
          // The reference's words with the provision's current number; Word has no link to a provision to follow.
          return [this.text.run(node.text, style)];
      }
    });
  }

  // Word numbers footnotes by their references, so a note cited twice becomes two footnotes with the same text.
  private footnote(number: number): FootnoteReferenceRun {
    const text = this.model.notes[number - 1]?.text ?? '';
    return new FootnoteReferenceRun({ children: [this.text.note(text)] });
  }

  private status(status: ProvisionStatus | null): string | null {
    return status && status !== 'open' ? REVISION_PHRASES[this.input.language].status[status] : null;
  }

  masthead(): Paragraph[] {
    const { input, text } = this;
    const lines = mastheadLines(input.distribution, input.date, input.language, input.originalLanguage);
    const right = (line: string, style: RunStyle = {}): Paragraph => text.paragraph([text.run(line, style)], { align: 'end', after: 0 });
    return [
      right(input.symbol, { bold: true, size: 32 }),
      right(lines.distribution),
      right(lines.date),
      ...(lines.languageLine === null ? [] : [right(lines.languageLine)]),
      right(lines.original),
      text.paragraph([text.run(input.committee.name, { bold: true })], { before: 480, after: 240 }),
      text.paragraph(this.runs(this.model.title, { bold: true, size: 28 }), { after: 360 }),
    ];
  }

  private heading(label: string, heading: readonly InlineNode[] | null, status: string | null): Paragraph[] {
    const { text } = this;
    return [
      text.paragraph([text.run(label, { bold: true })], { align: 'center', before: 240, after: 0, keepNext: true }),
      ...(heading && heading.length > 0 ? [text.paragraph(this.runs(heading, { bold: true }), { align: 'center', after: 0, keepNext: true })] : []),
      ...(status ? [text.paragraph([text.run(status, { italics: true })], { align: 'center', after: 0, keepNext: true })] : []),
      text.paragraph([], { after: 0, keepNext: true }),
    ];
  }

  chapter(chapter: ChapterModel): Paragraph[] {
    return [...this.heading(chapter.label, chapter.heading, null), ...chapter.articles.flatMap((article) => this.article(article))];
  }

  article(article: ArticleModel): Paragraph[] {
    return [...this.heading(article.label, article.heading, this.status(article.status)), ...article.children.flatMap((child) => this.block(child, 0))];
  }

  /** Where a provision's number stands: paragraphs at the margin, subparagraphs one level in per depth. */
  private static level(block: ProvisionModel): number {
    return block.kind === 'paragraph' ? 0 : block.depth;
  }

  private provision(block: ProvisionModel): Paragraph[] {
    const { text } = this;
    const level = RevisionDocx.level(block);
    const [lead, ...rest] = block.children;
    const label: ParagraphChild[] = block.label ? [text.run(block.label), new TextRun({ children: [new Tab()] })] : [];
    const status = this.status(block.status);
    const statusRuns = status ? [text.run(` ${status}`, { italics: true })] : [];
    const hanging = block.label !== '';
    if (lead?.kind === 'text') {
      return [
        text.paragraph([...label, ...this.runs(lead.content), ...statusRuns], { level, hanging }),
        ...rest.flatMap((child) => this.block(child, level + 1)),
      ];
    }
    const own = label.length > 0 || statusRuns.length > 0 ? [text.paragraph([...label, ...statusRuns], { level, hanging, keepNext: true })] : [];
    return [...own, ...block.children.flatMap((child) => this.block(child, hanging ? level + 1 : level))];
  }

  /** Each option: its label in bold italics with its footnote, then what it holds. */
  private options(group: OptionGroupModel, level: number): Paragraph[] {
    const { text } = this;
    return group.options.flatMap((option) => [
      text.paragraph([text.run(option.label, { bold: true, italics: true }), ...(option.note ? this.runs([option.note]) : [])], { level, keepNext: true }),
      ...option.children.flatMap((child) => this.block(child, level)),
    ]);
  }

  private block(block: BlockModel, level: number): Paragraph[] {
    switch (block.kind) {
      case 'text':
        return [this.text.paragraph(this.runs(block.content), { level })];
      case 'paragraph':
      case 'subparagraph':
        return this.provision(block);
      case 'options':
        return this.options(block, level);
    }
  }

  document(): Document {
    const { input, model, text } = this;
    const preamble = model.preamble.map((recital) => text.paragraph(this.runs(recital.content), { level: 0 }));
    const body = model.body.flatMap((node) => (node.kind === 'chapter' ? this.chapter(node) : this.article(node)));
    return new Document({
      title: input.title,
      subject: input.symbol,
      creator: REVISION_PHRASES[input.language].secretariat,
      styles: text.styles(),
      sections: [
        {
          properties: { titlePage: true },
          headers: {
            // The first page carries the full masthead; the others repeat the symbol at the top, as UN documents do.
            first: new Header({ children: [] }),
            default: new Header({ children: [text.paragraph([text.run(input.symbol, { bold: true })], { align: 'end' })] }),
          },
          children: [...this.masthead(), ...preamble, ...body],
        },
      ],
    });
  }
}

/**
 * A revision in one language as a Word document laid out as a UN document: the masthead (symbol, distribution,
 * date, the language line of a translation and "Original: …" in the document's language, aligned to the end of
 * the line), the committee, the title, the preamble, chapters and articles numbered in the language with their
 * headings and statuses, numbered paragraphs and subparagraphs with hanging indents, unagreed text in [square
 * brackets], options labelled "Option 1", "Option 2" with their sponsors in footnotes, and the provenance of text
 * from proposals as real Word footnotes. Arabic documents are right to left. Later pages repeat the symbol in
 * their header.
 */
export async function revisionToDocx(input: RevisionExportInput): Promise<Uint8Array> {
  const document = new RevisionDocx(input, revisionModel(input)).document();
  return Packer.pack(document, 'uint8array');
}
