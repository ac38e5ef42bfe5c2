import { builders, docFromJSON, docToText } from '@concord/schema';
import { AlignmentType, Document, FootnoteReferenceRun, HeadingLevel, LevelFormat, Packer, Paragraph, TextRun } from 'docx';
import { describe, expect, it } from 'vitest';
import { CONVENTION_SHAPE } from './conventions';
import { ImportError, ImportErrorCode } from './import-error';
import { importDocx } from './import-docx';
import { importText } from './import-text';
import { outline, shape } from './test-outline';

const { article, bracket, chapter, doc, heading, p, preamble, sub, title } = builders;

async function docx(document: Document): Promise<Uint8Array> {
  return new Uint8Array(await Packer.toArrayBuffer(document));
}

/** A Word document with one plain paragraph per non-empty line of `text`. */
function linesDocument(text: string): Document {
  const paragraphs = text
    .split('\n')
    .filter((line) => line.trim() !== '')
    .map((line) => new Paragraph({ children: [new TextRun(line.trim())] }));
  return new Document({ sections: [{ children: paragraphs }] });
}

const draft = doc(
  title('Draft convention against cybercrime'),
  preamble('The States Parties to this Convention,', 'Have agreed as follows:'),
  chapter(
    heading('General provisions'),
    article(heading('Statement of purpose'), p('The purposes are:', sub('to ', bracket('promote'), ' cooperation;'), sub('to assist:', sub('first;'), sub('second.')))),
    article(heading('Use of terms'), p('One.'), p('Two [', bracket('nested ', bracket('deeper')), '].')),
  ),
  chapter(heading('Criminalization'), article(heading('Illegal access'), p('Each State Party shall act.'))),
);

describe(importDocx.name, () => {
  it('round-trips a draft written to DOCX, one Word paragraph per line', async () => {
    const bytes = await docx(linesDocument(docToText(draft, 'en')));
    const { doc: imported, warnings } = await importDocx(bytes, { language: 'en' });
    expect(warnings).toEqual([]);
    expect(outline(imported)).toEqual(outline(draft.toJSON() as never));
    expect(shape(imported)).toEqual(CONVENTION_SHAPE);
  });

  it.each(['ar', 'zh', 'fr', 'ru', 'es'] as const)('round-trips a draft numbered in %s', async (language) => {
    const bytes = await docx(linesDocument(docToText(draft, language)));
    const { doc: imported } = await importDocx(bytes, { language });
    expect(outline(imported)).toEqual(outline(draft.toJSON() as never));
  });

  it('reads heading styles, Word numbered lists and leaves footnotes out', async () => {
    const document = new Document({
      numbering: {
        config: [
          {
            reference: 'letters',
            levels: [
              { level: 0, format: LevelFormat.LOWER_LETTER, text: '(%1)', alignment: AlignmentType.START },
              { level: 1, format: LevelFormat.LOWER_ROMAN, text: '(%2)', alignment: AlignmentType.START },
            ],
          },
        ],
      },
      footnotes: { 1: { children: [new Paragraph('Proposed by Brazil [and others].')] } },
      sections: [
        {
          children: [
            new Paragraph({ text: 'Convention on cooperation', heading: HeadingLevel.HEADING_1 }),
            new Paragraph('The States Parties,'),
            new Paragraph({ text: 'Article 1', heading: HeadingLevel.HEADING_2 }),
            new Paragraph({ text: 'Scope', heading: HeadingLevel.HEADING_3 }),
            new Paragraph({ children: [new TextRun('This Convention applies to:'), new FootnoteReferenceRun(1)] }),
            new Paragraph({ text: 'data;', numbering: { reference: 'letters', level: 0 } }),
            new Paragraph({ text: 'systems:', numbering: { reference: 'letters', level: 0 } }),
            new Paragraph({ text: 'public;', numbering: { reference: 'letters', level: 1 } }),
            new Paragraph({ text: 'private.', numbering: { reference: 'letters', level: 1 } }),
            new Paragraph({ children: [new TextRun({ text: 'Article 2', bold: true })] }),
            new Paragraph({ children: [new TextRun('States shall [act '), new TextRun({ text: 'promptly', italics: true }), new TextRun('].')] }),
          ],
        },
      ],
    });
    const { doc: imported, warnings } = await importDocx(await docx(document), { language: 'en' });
    expect(outline(imported)).toEqual([
      'title Convention on cooperation',
      'recital The States Parties,',
      'article Scope',
      '  paragraph This Convention applies to:',
      '    subparagraph data;',
      '    subparagraph systems:',
      '      subparagraph public;',
      '      subparagraph private.',
      'article',
      '  paragraph States shall [act promptly].',
    ]);
    expect(warnings).toEqual(['1 footnote not imported: footnotes are not part of the treaty text']);
  });

  it('gives the same document as importText for the same text', async () => {
    const text = docToText(draft, 'fr');
    const fromDocx = await importDocx(await docx(linesDocument(text)), { language: 'fr' });
    const fromText = importText(text, { language: 'fr', format: 'text' });
    expect(outline(fromDocx.doc)).toEqual(outline(fromText.doc));
    expect(() => docFromJSON(fromDocx.doc)).not.toThrow();
  });

  describe('errors', () => {
    it.each<[string, () => Promise<Uint8Array>, ImportErrorCode, RegExp]>([
      ['an empty file', async () => new Uint8Array(), ImportErrorCode.EmptySource, /^The file is empty/],
      ['plain text', async () => new TextEncoder().encode('Article 1\nText.'), ImportErrorCode.NotDocx, /^Not a DOCX file: a Word document is a ZIP archive/],
      ['random bytes', async () => Uint8Array.from({ length: 512 }, (_, i) => (i * 7919) % 256), ImportErrorCode.NotDocx, /^Not a DOCX file/],
      ['a truncated DOCX', async () => (await docx(linesDocument('Article 1\nText.'))).slice(0, 200), ImportErrorCode.NotDocx, /^Not a DOCX file: the archive could not be read as a Word document/],
      ['a document without text', async () => docx(new Document({ sections: [{ children: [new Paragraph('')] }] })), ImportErrorCode.EmptySource, /^The document is empty/],
      ['a document without articles', async () => docx(linesDocument('Convention\nSome text.')), ImportErrorCode.NoArticle, /^No article found: expected a line such as "Article 1"$/],
    ])('rejects %s with an ImportError', async (_, bytes, code, message) => {
      const attempt = importDocx(await bytes(), { language: 'en' });
      await expect(attempt).rejects.toThrow(ImportError);
      await expect(importDocx(await bytes(), { language: 'en' })).rejects.toThrow(message);
      await expect(importDocx(await bytes(), { language: 'en' })).rejects.toMatchObject({ code });
    });
  });
});
