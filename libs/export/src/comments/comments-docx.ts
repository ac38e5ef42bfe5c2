import { isRightToLeft } from '@concord/domain';
import { Document, Packer, type Paragraph } from 'docx';
import { DocxText } from '../revision/docx-text';
import { formatDate, REVISION_PHRASES } from '../revision/locale';
import { COMMENTS_CAPTIONS } from './comments-captions';
import type { CommentProvisionInput, CommentRemarkInput, CommentsCompilationInput } from './comments-input';

class CommentsDocx {
  private readonly text: DocxText;
  private readonly captions;

  constructor(private readonly input: CommentsCompilationInput) {
    this.text = new DocxText(input.language);
    this.captions = COMMENTS_CAPTIONS[input.language];
  }

  /** Verbatim lines of a comment, laid out in the direction of the language it was written in. */
  private verbatim(words: string, remark: CommentRemarkInput, level: number): Paragraph[] {
    const own = new DocxText(remark.language);
    const sameDirection = isRightToLeft(remark.language) === isRightToLeft(this.input.language);
    const writer = sameDirection ? this.text : own;
    return words
      .split('\n')
      .filter((line) => line.trim() !== '')
      .map((line) => writer.paragraph([own.run(line)], { level, after: 60 }));
  }

  private remark(view: CommentRemarkInput): Paragraph[] {
    const { text, captions, input } = this;
    const disposition = view.disposition;
    return [
      text.paragraph([text.run(`${view.number} `, { bold: true }), text.run(view.commenter, { bold: true })], { before: 200, after: 60, keepNext: true }),
      ...(view.late ? [text.paragraph([text.run(captions.late, { bold: true, italics: true })], { level: 1, after: 60 })] : []),
      text.paragraph([text.run(captions.submittedIn(captions.languages[view.language], formatDate(view.submitted, input.language)), { italics: true })], { level: 1, after: 60 }),
      ...this.verbatim(view.body, view, 1),
      ...(view.proposedWording !== null
        ? [text.paragraph([text.run(captions.proposedWording, { italics: true })], { level: 1, after: 60, keepNext: true }), ...this.verbatim(view.proposedWording, view, 1)]
        : []),
      ...(disposition
        ? [
            text.paragraph(
              [
                text.run(`${captions.disposition}: `, { bold: true }),
                text.run(captions.dispositions[disposition.disposition]),
                ...(disposition.response !== '' ? [text.run(` — ${captions.response}: ${disposition.response}`)] : []),
                ...(disposition.addressedIn !== '' ? [text.run(` — ${captions.addressedIn}: ${disposition.addressedIn}`)] : []),
              ],
              { level: 1, after: 60 },
            ),
          ]
        : []),
    ];
  }

  private provision(view: CommentProvisionInput): Paragraph[] {
    const { text, captions } = this;
    return [
      text.paragraph([text.run(view.id === null ? captions.general : view.label, { bold: true })], { align: 'center', before: 360, after: 0, keepNext: true }),
      ...(view.heading ? [text.paragraph([text.run(view.heading, { bold: true })], { align: 'center', after: 120, keepNext: true })] : []),
      ...view.remarks.flatMap((item) => this.remark(item)),
    ];
  }

  document(): Document {
    const { input, text, captions } = this;
    const right = (line: string, bold = false, size?: number): Paragraph => text.paragraph([text.run(line, { bold, size })], { align: 'end', after: 0 });
    return new Document({
      title: `${captions.title} – ${input.textSymbol}`,
      styles: text.styles(),
      sections: [
        {
          children: [
            right(input.textSymbol, true, 32),
            right(REVISION_PHRASES[input.language].distribution[input.distribution]),
            right(formatDate(input.date, input.language)),
            text.paragraph([text.run(input.committee.name, { bold: true })], { before: 480, after: 240 }),
            text.paragraph([text.run(captions.title, { bold: true, size: 28 })], { after: 60 }),
            text.paragraph([text.run(captions.on(input.textSymbol))], { after: 60 }),
            text.paragraph([text.run(`${input.instrumentTitle} — ${input.periodTitle}`, { italics: true })], { after: 60 }),
            text.paragraph([text.run(captions.deadline(formatDate(input.deadline, input.language)))], { after: 240 }),
            text.paragraph([text.run(captions.noPriority, { bold: true })], { after: 240 }),
            ...(input.provisions.length === 0 ? [text.paragraph([text.run(captions.none, { italics: true })])] : input.provisions.flatMap((item) => this.provision(item))),
          ],
        },
      ],
    });
  }
}

/** The compilation of comments of {@link commentsCompilationToHtml} as a Word document; Arabic right to left. */
export async function commentsCompilationToDocx(input: CommentsCompilationInput): Promise<Uint8Array> {
  return Packer.pack(new CommentsDocx(input).document(), 'uint8array');
}
