import { describe, expect, it } from 'vitest';
import { xmlSyntaxErrors } from '../revision/testing/xmllint';
import { unzipText } from '../revision/testing/zip';
import { compilationToDocx } from './compilation-docx';
import { compilationInput } from './testing/fixtures';

async function documentXml(language: 'en' | 'ar'): Promise<{ bytes: Uint8Array; xml: string }> {
  const bytes = await compilationToDocx(compilationInput(language));
  return { bytes, xml: unzipText(bytes).get('word/document.xml') ?? '' };
}

describe(compilationToDocx.name, () => {
  it('writes a ZIP archive whose document is well-formed XML', async () => {
    const { bytes, xml } = await documentXml('en');
    expect([...bytes.subarray(0, 4)]).toEqual([0x50, 0x4b, 0x03, 0x04]);
    expect(await xmlSyntaxErrors(xml, 'document.xml')).toEqual([]);
  });

  it('lists proposals with sponsors, the late mark and "in no order of priority"', async () => {
    const { xml } = await documentXml('en');
    expect(xml).toContain('The proposals are listed in no order of priority.');
    expect(xml).toContain('Proposed by Egypt, co-sponsored by Brazil and China; supported by European Union and its member States');
    expect(xml).toContain('Russian Federation');
    expect(xml.split('Submitted after the deadline')).toHaveLength(2);
    expect(xml).toContain('Aligns with &lt;script&gt;');
  });

  it('underlines insertions and strikes deletions', async () => {
    const { xml } = await documentXml('en');
    expect(xml).toMatch(/<w:u w:val="single"\/>(?:<[^>]+>)*<\/w:rPr><w:t xml:space="preserve">such legislative <\/w:t>/);
    expect(xml).toMatch(/<w:strike\/>(?:<[^>]+>)*<\/w:rPr><w:t xml:space="preserve">shall<\/w:t>/);
    expect(xml).toContain('[U+202E]');
    expect(xml).not.toContain('\u202E');
  });

  it('writes the Arabic compilation right to left', async () => {
    const { xml } = await documentXml('ar');
    expect(xml).toContain('<w:bidi/>');
    expect(xml).toContain('المقترحات مدرجة دون ترتيب حسب الأولوية.');
    expect(xml).toContain('مقترح من مصر');
    expect(xml).toContain('قُدِّم بعد انقضاء الموعد النهائي');
  });
});
