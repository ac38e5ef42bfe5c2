import { ImportError, ImportErrorCode, importDocx } from '@concord/export';
import { randomBytes } from 'node:crypto';
import { describe, expect, it } from 'vitest';
import { DEFAULT_DOCX_LIMITS, type DocxLimits, readDocxSafely, storedZip } from './docx-guard';
import { DOCUMENT_HEAD, DOCUMENT_TAIL, docxEntries, documentXml, paragraphsXml, treatyDocx, writeZip, type ZipEntrySpec } from './testing/zip-writer';

const MiB = 1024 * 1024;
const small: DocxLimits = { ...DEFAULT_DOCX_LIMITS, maxInflatedBytes: 4 * MiB };

async function refusal(bytes: Buffer, limits: DocxLimits = small): Promise<ImportError> {
  const error: unknown = await readDocxSafely(bytes, limits).then(
    () => null,
    (e: unknown) => e,
  );
  if (!(error instanceof ImportError)) throw new Error(`expected an ImportError, got ${String(error)}`);
  return error;
}

const withDocument = (...extra: ZipEntrySpec[]): Buffer => writeZip([...docxEntries(documentXml(paragraphsXml(['Article 1', 'Text.']))), ...extra]);

/** Hex words that deflate about as well as prose: a part of them is a bomb by size, not by ratio. */
const noise = (bytes: number): string => randomBytes(Math.ceil(bytes / 2)).toString('hex').slice(0, bytes);

describe(readDocxSafely.name, () => {
  it('returns the parts mammoth reads of a well-made document, and leaves images and the rest uninflated', async () => {
    const parts = await readDocxSafely(withDocument({ name: 'word/media/image1.png', data: randomBytes(2048) }, { name: 'docProps/core.xml', data: '<x/>' }));
    expect([...parts.keys()].sort()).toEqual(['[Content_Types].xml', '_rels/.rels', 'word/document.xml']);
  });

  it('hands mammoth a stored archive it reads as the same document', async () => {
    const { doc } = await importDocx(storedZip(await readDocxSafely(treatyDocx())), { language: 'en' });
    expect(JSON.stringify(doc)).toContain('It enters into force at once.');
  });

  it.each([
    ['random bytes', randomBytes(4096)],
    ['an empty archive', writeZip([])],
    ['a truncated archive', treatyDocx().subarray(0, 200)],
  ])('refuses %s as not a DOCX', async (_, bytes) => {
    expect((await refusal(bytes)).code).toBe(ImportErrorCode.NotDocx);
  });

  it('refuses an archive without word/document.xml before inflating anything', async () => {
    const error = await refusal(writeZip(docxEntries(null)));
    expect(error).toMatchObject({ code: ImportErrorCode.NotDocx, message: expect.stringContaining('word/document.xml') });
  });

  it('refuses an archive of more entries than the limit from its end record alone', async () => {
    const entries = Array.from({ length: 1200 }, (_, i) => ({ name: `customXml/item${i}.xml`, data: '<a/>', method: 0 as const }));
    const error = await refusal(withDocument(...entries));
    expect(error).toMatchObject({ code: ImportErrorCode.TooLarge, message: expect.stringContaining('1203 entries') });
  });

  it('refuses an archive whose declared sizes add up to more than the limit, even spread over small entries', async () => {
    const entries = Array.from({ length: 5 }, (_, i) => ({ name: `word/media/image${i}.bin`, data: noise(MiB) }));
    expect((await refusal(withDocument(...entries))).code).toBe(ImportErrorCode.TooLarge);
  });

  it('refuses an honest bomb by its declared size', async () => {
    const error = await refusal(withDocument({ name: 'word/media/zeros.bin', data: Buffer.alloc(16 * MiB) }));
    expect(error).toMatchObject({ code: ImportErrorCode.TooLarge, message: expect.stringContaining('16 MiB') });
  });

  it('refuses an extreme compression ratio below the size limit', async () => {
    const error = await refusal(withDocument({ name: 'word/media/zeros.bin', data: Buffer.alloc(3 * MiB) }));
    expect(error).toMatchObject({ code: ImportErrorCode.TooLarge, message: expect.stringContaining('to 1') });
  });

  it('stops inflating a part that inflates to more than it declares', async () => {
    const liar = docxEntries(null).concat({ name: 'word/document.xml', data: documentXml(' '.repeat(8 * MiB)), declaredSize: 1000 });
    const error = await refusal(writeZip(liar));
    expect(error).toMatchObject({ code: ImportErrorCode.TooLarge, message: expect.stringContaining('more than the 1000 bytes it declares') });
  });

  it('refuses a part that inflates to less than it declares', async () => {
    const liar = docxEntries(null).concat({ name: 'word/document.xml', data: documentXml(paragraphsXml(['Article 1'])), declaredSize: 100_000 });
    expect((await refusal(writeZip(liar))).code).toBe(ImportErrorCode.NotDocx);
  });

  it('counts the paragraphs of a part that is within the size limit', async () => {
    const lines = Array.from({ length: DEFAULT_DOCX_LIMITS.xml.maxParagraphs + 1 }, (_, i) => `${i}${noise(6)}`);
    const error = await refusal(writeZip(docxEntries(documentXml(paragraphsXml(lines)))));
    expect(error).toMatchObject({ code: ImportErrorCode.TooLarge, message: expect.stringContaining('paragraphs') });
  });

  it('refuses a part of a million paragraphs by its count as it inflates, under a budget it fits in', async () => {
    const body = paragraphsXml(Array.from({ length: 1000 }, (_, i) => `Item ${i}`));
    const part = { name: 'word/document.xml', data: { head: DOCUMENT_HEAD, body, times: 1000, tail: DOCUMENT_TAIL } };
    const error = await refusal(writeZip([...docxEntries(null), part]), { ...DEFAULT_DOCX_LIMITS, maxInflatedBytes: 100 * MiB });
    expect(error).toMatchObject({ code: ImportErrorCode.TooLarge, message: expect.stringContaining('more than 25000 paragraphs') });
  });

  it('refuses nesting deeper than the limit', async () => {
    const depth = DEFAULT_DOCX_LIMITS.xml.maxDepth;
    const error = await refusal(writeZip(docxEntries(documentXml(`${'<w:sdt>'.repeat(depth)}<w:p/>${'</w:sdt>'.repeat(depth)}`))));
    expect(error).toMatchObject({ code: ImportErrorCode.TooLarge, message: expect.stringContaining('nested') });
  });

  it.each([
    ['an encrypted entry', { name: 'word/styles.xml', data: '<w:styles/>', flags: 1 }, 'encrypted'],
    ['a nested archive', { name: 'word/embeddings/sheet.xlsx', data: randomBytes(64) }, 'archive inside'],
    ['a nested archive under another name', { name: 'word/settings.xml', data: treatyDocx() }, 'archive inside'],
    ['a path leaving the archive', { name: '../../etc/cron.d/x', data: 'x' }, 'unsafe name'],
    ['an absolute path', { name: '/etc/passwd', data: 'x' }, 'unsafe name'],
    ['a duplicate part', { name: 'word/document.xml', data: documentXml('') }, 'twice'],
    ['a document type declaration', { name: 'word/styles.xml', data: '<!DOCTYPE x [<!ENTITY a "aaaa">]><w:styles/>' }, 'document type'],
    ['an unknown compression method', { name: 'word/styles.xml', data: 'x', method: 12 as 0 }, 'compression method'],
  ])('refuses %s', async (_, entry, words) => {
    const error = await refusal(withDocument(entry as ZipEntrySpec));
    expect(error.code).toBe(ImportErrorCode.UnsafeArchive);
    expect(error.message).toContain(words);
  });
});
