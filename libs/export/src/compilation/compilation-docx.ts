import { Document, Packer, type Paragraph, type ParagraphChild } from 'docx';
import { DocxText, type RunStyle } from '../revision/docx-text';
import type { CompilationInput } from './compilation-input';
import { compilationView, visiblePieces, type ChangeView, type CompilationView, type ProposalView, type ProvisionView } from './compilation-model';

class CompilationDocx {
  private readonly text: DocxText;
  private readonly captions: CompilationView['captions'];

  constructor(
    private readonly input: CompilationInput,
    private readonly view: CompilationView,
  ) {
    this.text = new DocxText(input.language);
    this.captions = view.captions;
  }

  /** Runs of text, suspicious characters shown highlighted as "[U+202E]" rather than printed. */
  private runs(text: string, style: RunStyle = {}): ParagraphChild[] {
    return visiblePieces(text).map((piece) =>
      'text' in piece ? this.text.run(piece.text, style) : this.text.run(`[${piece.codePoint}]`, { ...style, highlight: true }),
    );
  }

  /** Paragraphs of verbatim text, one per line; blank lines give way to the spacing between paragraphs. */
  private verbatim(text: string, level: number, style: RunStyle = {}): Paragraph[] {
    return text
      .split('\n')
      .filter((line) => line.trim() !== '')
      .map((line) => this.text.paragraph(this.runs(line, style), { level, after: 60 }));
  }

  private caption(words: string, level: number): Paragraph {
    return this.text.paragraph([this.text.run(words, { italics: true })], { level, before: 120, after: 60, keepNext: true });
  }

  private change(view: ChangeView, level: number): Paragraph[] {
    const { text, captions } = this;
    switch (view.kind) {
      case 'text':
        return [
          text.paragraph(
            view.segments.flatMap((segment) =>
              this.runs(segment.text, segment.kind === 'inserted' ? { underline: true, bold: true } : segment.kind === 'deleted' ? { strike: true } : {}),
            ),
            { level, after: 60 },
          ),
        ];
      case 'insert':
        return view.text.split('\n').map((line, index) =>
          text.paragraph([...(index === 0 ? [text.run(`${captions.added} `, { bold: true })] : []), ...this.runs(line, { underline: true, bold: true })], { level, after: 60 }),
        );
      case 'delete':
        return view.text.split('\n').map((line, index) =>
          text.paragraph([...(index === 0 ? [text.run(`${captions.deleted} `, { bold: true })] : []), ...this.runs(line, { strike: true })], { level, after: 60 }),
        );
    }
  }

  private proposal(view: ProposalView): Paragraph[] {
    const { text, captions } = this;
    return [
      text.paragraph([text.run(`${view.label} `, { bold: true }), ...this.runs(view.sponsor, { bold: true })], { before: 240, after: 60, keepNext: true }),
      text.paragraph(this.runs(view.attribution), { level: 1, after: 60 }),
      ...(view.late ? [text.paragraph([text.run(captions.late, { bold: true, italics: true })], { level: 1, after: 60 })] : []),
      text.paragraph([text.run(captions.submitted(view.submitted))], { level: 1, after: 60 }),
      ...(view.suspicious.length > 0
        ? [text.paragraph([text.run(`${captions.suspicious} ${view.suspicious.join('; ')}`, { bold: true, highlight: true })], { level: 1, after: 60 })]
        : []),
      this.caption(captions.proposedText, 1),
      ...this.verbatim(view.proposedText, 1),
      ...(view.changes.length > 0 ? [this.caption(captions.changes, 1), ...view.changes.flatMap((item) => this.change(item, 1))] : []),
      ...(view.justification !== '' ? [this.caption(captions.justification, 1), ...this.verbatim(view.justification, 1)] : []),
    ];
  }

  private provision(view: ProvisionView): Paragraph[] {
    const { text, captions } = this;
    return [
      text.paragraph([text.run(view.label, { bold: true })], { align: 'center', before: 360, after: 0, keepNext: true }),
      ...(view.heading !== '' ? [text.paragraph([text.run(view.heading, { bold: true })], { align: 'center', after: 120, keepNext: true })] : []),
      this.caption(captions.baseText, 0),
      ...this.verbatim(view.baseText, 0),
      ...(view.proposals.length > 0
        ? view.proposals.flatMap((item) => this.proposal(item))
        : [text.paragraph([text.run(captions.noProposals, { italics: true })])]),
    ];
  }

  document(): Document {
    const { input, view, text, captions } = this;
    return new Document({
      title: `${captions.title} – ${input.instrumentTitle}`,
      styles: text.styles(),
      sections: [
        {
          children: [
            text.paragraph([text.run(input.committee.name, { bold: true })], { after: 0 }),
            ...(view.session !== null ? [text.paragraph([text.run(view.session)], { after: 0 })] : []),
            text.paragraph([text.run(captions.title, { bold: true, size: 28 })], { before: 360, after: 60 }),
            text.paragraph([text.run(input.instrumentTitle, { italics: true })], { after: 240 }),
            text.paragraph([text.run(captions.noPriority, { bold: true })], { after: 240 }),
            ...view.provisions.flatMap((item) => this.provision(item)),
          ],
        },
      ],
    });
  }
}

/**
 * A compilation of proposals as a Word document, with the content of {@link compilationToHtml}: "in no order of
 * priority" near the top, then per provision its base text and each proposal, labelled (a), (b), … with its
 * sponsor, attribution, a late mark, its text verbatim, its changes (insertions underlined and bold, deletions
 * struck through) and its justification. Suspicious characters are shown highlighted by code point. Arabic
 * documents are right to left.
 */
export async function compilationToDocx(input: CompilationInput): Promise<Uint8Array> {
  return Packer.pack(new CompilationDocx(input, compilationView(input)).document(), 'uint8array');
}
