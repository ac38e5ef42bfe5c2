import { builders } from '@concord/schema';
import { describe, expect, it } from 'vitest';
import { revisionToDocx } from './revision-docx';
import { revisionInput } from './testing/fixtures';
import { xmlSyntaxErrors } from './testing/xmllint';
import { unzipText } from './testing/zip';

const ENTITIES: Readonly<Record<string, string>> = { '&quot;': '"', '&apos;': "'", '&lt;': '<', '&gt;': '>', '&amp;': '&' };

/** The text of a Word part, tags removed and entities read, so that runs split by formatting read as one string. */
function text(xml: string): string {
  return xml
    .replace(/<w:tab\/>/g, '\t')
    .replace(/<[^>]+>/g, '')
    .replace(/&(?:quot|apos|lt|gt|amp);/g, (entity) => ENTITIES[entity] ?? entity);
}

async function parts(language: 'en' | 'ar'): Promise<{ bytes: Uint8Array; document: string; footnotes: string; files: ReadonlyMap<string, string> }> {
  const bytes = await revisionToDocx(revisionInput(language));
  const files = unzipText(bytes);
  return { bytes, document: files.get('word/document.xml') ?? '', footnotes: files.get('word/footnotes.xml') ?? '', files };
}

describe(revisionToDocx.name, () => {
  it('writes a cross-reference as the words of its provision\'s current number', async () => {
    const { article, doc, p, xref } = builders;
    const document = doc(article({ id: 'a1', number: '1' }, p({ id: 'a1p1' }, 'One.')), article({ id: 'n', number: '1.1' }, p({ id: 'np' }, 'Bis.')), article({ id: 'a2', number: '2' }, p({ id: 'a2p' }, 'See ', xref('n', 'article 1'), '.')));
    const files = unzipText(await revisionToDocx({ ...revisionInput('en'), doc: document }));
    expect(text(files.get('word/document.xml') ?? '')).toContain('See article 1 bis.');
  });

  it('makes a footnote of the text a real Word footnote where it stands, its brackets printed', async () => {
    const { doc, article, p, footnote, bracket } = builders;
    const noted = doc(article({ id: 'a1' }, p({ id: 'p1' }, 'States shall act', footnote({ id: 'n1' }, 'See ', bracket({ id: 'b9' }, 'annex I'), '.'), ' promptly.')));
    const files = unzipText(await revisionToDocx({ ...revisionInput('en'), doc: noted }));
    const document = files.get('word/document.xml') ?? '';
    expect(document).toMatch(/States shall act<\/w:t><\/w:r><w:r>(<w:rPr>.*?<\/w:rPr>)?<w:footnoteReference w:id="1"\/>/);
    expect(text(files.get('word/footnotes.xml') ?? '')).toContain('See [annex I].');
    expect(text(document)).toContain('States shall act promptly.');
  });

  it('writes a ZIP archive whose Word parts are well-formed XML', async () => {
    const { bytes, files } = await parts('en');
    expect([...bytes.subarray(0, 4)]).toEqual([0x50, 0x4b, 0x03, 0x04]);
    expect([...files.keys()]).toEqual(expect.arrayContaining(['word/document.xml', 'word/footnotes.xml', '[Content_Types].xml']));
    for (const name of ['word/document.xml', 'word/footnotes.xml', 'word/styles.xml']) {
      expect(await xmlSyntaxErrors(files.get(name) ?? '', name.replace('/', '-'))).toEqual([]);
    }
  });

  it('lays out the UN masthead in English: symbol, distribution, date and "Original: English"', async () => {
    const { document, files } = await parts('en');
    const body = text(document);
    expect(body).toContain('A/AC.291/22/Rev.1');
    expect(body).toContain('Distr.: General');
    expect(body).toContain('8 May 2024');
    expect(body).toContain('Original: English');
    expect(body).toContain('Ad Hoc Committee to Elaborate');
    expect(body).toContain('Draft United Nations convention against cybercrime');
    expect([...files.entries()].some(([name, xml]) => name.startsWith('word/header') && xml.includes('A/AC.291/22/Rev.1'))).toBe(true);
  });

  it('numbers articles and subparagraphs, prints brackets and labels options', async () => {
    const body = text((await parts('en')).document);
    expect(body).toContain('Chapter I');
    expect(body).toContain('Article 3');
    expect(body).toContain('(a)\t"Computer system" means any device;');
    expect(body).toContain('The purposes of this Convention are to [promote [and strengthen]] cooperation.');
    expect(body).toContain('Option 1');
    expect(body).toContain('Option 2');
    expect(body).toContain('(agreed ad referendum)');
  });

  it('puts provenance in real Word footnotes, one per reference', async () => {
    const { document, footnotes } = await parts('en');
    expect(document.match(/<w:footnoteReference w:id="\d+"\/>/g)).toHaveLength(5);
    expect(text(footnotes)).toContain('Proposed by Egypt, co-sponsored by Brazil; supported by European Union and its member States (Austria and Belgium)');
    expect(text(footnotes)).toContain('Proposed by Russian Federation');
  });

  it('writes an Arabic version right to left with its masthead in Arabic', async () => {
    const { document, footnotes } = await parts('ar');
    const body = text(document);
    expect(body).toContain('A/AC.291/22/Rev.1');
    expect(body).toContain('التوزيع: عام');
    expect(body).toContain('الأصل: بالإنكليزية');
    expect(body).toContain('المادة ١');
    expect(body).toContain('الخيار ١');
    expect(document).toContain('<w:bidi/>');
    expect(document).toMatch(/<w:rtl\/><\/w:rPr><w:t xml:space="preserve">الأصل: بالإنكليزية/);
    // The symbol stays left to right, so that Word does not reorder it around its slashes.
    expect(document).not.toMatch(/<w:rtl\/><\/w:rPr><w:t xml:space="preserve">A\/AC/);
    expect(text(footnotes)).toContain('مقترح من مصر');
    expect(footnotes).toContain('<w:bidi/>');
  });
});
