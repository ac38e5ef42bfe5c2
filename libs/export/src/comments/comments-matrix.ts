import type { Language } from '@concord/domain';
import { COMMENTS_CAPTIONS } from './comments-captions';
import type { CommentsMatrixRow } from './comments-input';

function cells(row: CommentsMatrixRow, language: Language): string[] {
  const yes = COMMENTS_CAPTIONS[language].yes;
  return [row.number, row.provision, row.commenter, row.language, row.late ? yes : '', row.comment, row.proposedWording, row.disposition, row.response, row.addressedIn, row.period];
}

/**
 * A cell of CSV (RFC 4180): quoted when it holds a comma, quote or line break. A cell a spreadsheet would take for
 * a formula (starting with =, +, -, @, tab or carriage return) is prefixed with an apostrophe, so that a comment
 * cannot run as a formula in the secretariat's spreadsheet.
 */
function csvCell(value: string): string {
  const safe = /^[=+\-@\t\r]/.test(value) ? `'${value}` : value;
  return /[",\r\n]/.test(safe) ? `"${safe.replace(/"/g, '""')}"` : safe;
}

/** A comments matrix as CSV, UTF-8 with a byte order mark (so that spreadsheets read Arabic and Chinese), CRLF lines. */
export function commentsMatrixToCsv(rows: readonly CommentsMatrixRow[], language: Language): string {
  const header = COMMENTS_CAPTIONS[language].columns;
  const lines = [header, ...rows.map((row) => cells(row, language))].map((line) => line.map(csvCell).join(','));
  return `\uFEFF${lines.join('\r\n')}\r\n`;
}

/** A comments matrix as an XLSX workbook of one sheet, written with exceljs: a header row, wrapped text, filters. */
export async function commentsMatrixToXlsx(rows: readonly CommentsMatrixRow[], language: Language): Promise<Uint8Array> {
  // Loaded on first use: exceljs alone takes about 30 MB of memory, which no other path needs (see office.ts).
  const { default: ExcelJS } = await import('exceljs');
  const workbook = new ExcelJS.Workbook();
  workbook.creator = 'Concord';
  const sheet = workbook.addWorksheet('Comments', { views: [{ state: 'frozen', ySplit: 1, rightToLeft: language === 'ar' }] });
  const widths = [8, 18, 24, 8, 8, 60, 40, 16, 40, 24, 24];
  sheet.columns = COMMENTS_CAPTIONS[language].columns.map((header, index) => ({ header, width: widths[index] ?? 20 }));
  // exceljs writes strings as strings (never formulas) when given plain values.
  for (const row of rows) sheet.addRow(cells(row, language));
  sheet.getRow(1).font = { bold: true };
  sheet.eachRow((row) => {
    row.alignment = { wrapText: true, vertical: 'top' };
  });
  sheet.autoFilter = { from: { row: 1, column: 1 }, to: { row: 1, column: widths.length } };
  return new Uint8Array(await workbook.xlsx.writeBuffer());
}
