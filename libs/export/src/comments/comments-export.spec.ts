import ExcelJS from 'exceljs';
import { describe, expect, it } from 'vitest';
import { commentsCompilationToHtml } from './comments-html';
import type { CommentsCompilationInput, CommentsMatrixRow } from './comments-input';
import { commentsMatrixToCsv, commentsMatrixToXlsx } from './comments-matrix';

const input = (language: CommentsCompilationInput['language']): CommentsCompilationInput => ({
  language,
  committee: { name: 'Ad Hoc Committee', symbolPrefix: 'A/AC.291' },
  textSymbol: 'A/AC.291/22',
  instrumentTitle: 'Draft convention',
  periodTitle: 'First reading',
  date: '2027-01-10',
  distribution: 'General',
  deadline: '2027-02-01',
  provisions: [
    { id: null, label: '', heading: null, remarks: [{ number: '1.2', commenter: 'Egypt', language: 'ar', late: false, submitted: '2027-01-20', body: 'تعليق عام', proposedWording: null, disposition: null }] },
    {
      id: 'p-1',
      label: 'Article 3 (2)',
      heading: null,
      remarks: [
        { number: '1.1', commenter: 'Egypt', language: 'en', late: true, submitted: '2027-02-02', body: '<script>alert(1)</script> delete "herein"', proposedWording: 'New words', disposition: { disposition: 'noted', response: 'Thanks', addressedIn: '' } },
      ],
    },
  ],
});

const row = (comment: string): CommentsMatrixRow => ({ number: '1.1', provision: 'Article 3 (2)', commenter: 'Egypt', language: 'en', late: true, comment, proposedWording: '', disposition: 'Noted', response: '', addressedIn: '', period: 'First reading' });

describe(commentsCompilationToHtml.name, () => {
  it('prints every remark verbatim and escaped, general comments first, late ones marked', () => {
    const html = commentsCompilationToHtml(input('en'));
    expect(html).not.toContain('<script>alert');
    expect(html).toContain('&lt;script&gt;alert(1)&lt;/script&gt;');
    expect(html.indexOf('General comments')).toBeLessThan(html.indexOf('Article 3 (2)'));
    expect(html).toContain('Received after the deadline');
    expect(html).toContain('in no order of priority');
    expect(html).toContain('<p class="verbatim body" lang="ar" dir="auto">تعليق عام</p>');
  });

  it('lays out an Arabic compilation right to left with Arabic captions', () => {
    const html = commentsCompilationToHtml(input('ar'));
    expect(html).toContain('<html lang="ar" dir="rtl">');
    expect(html).toContain('تجميع التعليقات الواردة');
    expect(html).toContain('أُحيط به علماً');
  });
});

describe(commentsMatrixToCsv.name, () => {
  it('quotes what needs quoting and defuses cells a spreadsheet would run as formulas', () => {
    const csv = commentsMatrixToCsv([row('=HYPERLINK("http://evil","x")'), row('plain, with comma')], 'en');
    const lines = csv.slice(1).split('\r\n');
    expect(lines[0]).toBe('No.,Provision,Commenter,Language,Late,Comment,Proposed wording,Disposition,Response,Addressed in,Comment period');
    expect(lines[1]).toContain(`"'=HYPERLINK(""http://evil"",""x"")"`);
    expect(lines[2]).toContain('"plain, with comma"');
  });
});

describe(commentsMatrixToXlsx.name, () => {
  it('writes a workbook that exceljs reads back, formulas as plain text', async () => {
    const workbook = new ExcelJS.Workbook();
    const bytes = new Uint8Array(await commentsMatrixToXlsx([row('=1+1')], 'fr'));
    await workbook.xlsx.load(bytes.buffer);
    const sheet = workbook.worksheets[0];
    expect(sheet?.getRow(1).getCell(1).value).toBe('No');
    expect(sheet?.getRow(2).getCell(6).value).toBe('=1+1');
    expect(sheet?.getRow(2).getCell(5).value).toBe('oui');
  });
});
