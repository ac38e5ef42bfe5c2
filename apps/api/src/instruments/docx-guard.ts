import { ImportError, ImportErrorCode, WORD_XML_LIMITS, WordXmlCounter, type WordXmlLimits } from '@concord/export';
import type { Readable } from 'node:stream';
import { StringDecoder } from 'node:string_decoder';
import { crc32, createInflateRaw } from 'node:zlib';
import yauzl, { type Entry, type ZipFile } from 'yauzl';

/** What a DOCX may hold before and after it is inflated; every limit is checked before mammoth sees a byte. */
export interface DocxLimits {
  /** Entries in the archive's central directory. */
  readonly maxEntries: number;
  /** Declared uncompressed size of all entries together, and bytes actually inflated from the parts read. */
  readonly maxInflatedBytes: number;
  /** Uncompressed size over compressed size of one entry, for entries bigger than `ratioFloorBytes`. */
  readonly maxRatio: number;
  /** Entries smaller than this may have any ratio: a run of a few kilobytes of zeros is harmless. */
  readonly ratioFloorBytes: number;
  readonly xml: WordXmlLimits;
}

/**
 * A Word document has a few dozen entries (a few hundred with many images); XML compresses 5 to 20 times,
 * deflate at most about 1,030 times, so 200 is far above a real part and far below a bomb.
 */
export const DEFAULT_DOCX_LIMITS: DocxLimits = {
  maxEntries: 1000,
  maxInflatedBytes: 50 * 1024 * 1024,
  maxRatio: 200,
  ratioFloorBytes: 1024 * 1024,
  xml: WORD_XML_LIMITS,
};

/** The main document part; a DOCX without it is refused before anything is inflated. */
export const MAIN_DOCUMENT = 'word/document.xml';

/**
 * The parts mammoth reads: the content types, the package relationships, and the XML parts directly in `word/`
 * with their relationships; and the custom properties, which the Word bridge reads. Everything else (images, fonts, embedded objects, custom XML) is never inflated.
 */
const NEEDED = /^(\[Content_Types\]\.xml|_rels\/\.rels|word\/[^/]+\.xml|word\/_rels\/[^/]+\.xml\.rels|docProps\/custom\.xml)$/;

/** The custom document properties, where a round-trip download of a drafting space records what it held. */
export const CUSTOM_PROPERTIES = 'docProps/custom.xml';

/** File types that are archives themselves: a DOCX that holds one is refused, whatever the entry is called. */
const ARCHIVE_EXTENSIONS = /\.(zip|jar|docx|docm|dotx|xlsx|xlsm|pptx|pptm|odt|ods|odp|epub|gz|tgz|bz2|xz|7z|rar|tar|cab)$/i;

const ZIP_LOCAL_HEADER = 0x04034b50;

function refuse(code: ImportErrorCode, message: string): ImportError {
  return new ImportError(code, message);
}

function unsafe(message: string): ImportError {
  return refuse(ImportErrorCode.UnsafeArchive, `The document cannot be imported: ${message}`);
}

function tooLarge(message: string): ImportError {
  return refuse(ImportErrorCode.TooLarge, `The document is too large to import: ${message}`);
}

const mib = (bytes: number): string => `${(bytes / 1024 / 1024).toFixed(bytes < 1024 * 1024 ? 2 : 0)} MiB`;

/** Why an entry's name is unsafe to take at its word, or null. */
function unsafeName(name: string): string | null {
  if (name.length === 0 || name.length > 512) return 'an entry has an empty or overlong name';
  // Control characters (NUL among them) and backslashes make a name mean different things to different readers.
  if ([...name].some((c) => c.charCodeAt(0) < 0x20 || c === '\u007f' || c === '\\')) return `the entry ${JSON.stringify(name)} has control characters or backslashes in its name`;
  if (name.startsWith('/') || /^[a-z]:/i.test(name)) return `the entry "${name}" has an absolute path`;
  if (name.split('/').some((segment) => segment === '..' || segment === '.')) return `the entry "${name}" has a path that leaves the archive ("..")`;
  return null;
}

/** Checks one central directory record, before anything is inflated. */
function checkEntry(entry: Entry, limits: DocxLimits): void {
  const name = entry.fileName;
  const bad = unsafeName(name);
  if (bad) throw unsafe(bad);
  if (entry.isEncrypted()) throw unsafe(`the entry "${name}" is encrypted`);
  if (entry.compressionMethod !== 0 && entry.compressionMethod !== 8) throw unsafe(`the entry "${name}" uses compression method ${entry.compressionMethod}, which Word never writes`);
  if (ARCHIVE_EXTENSIONS.test(name)) throw unsafe(`the entry "${name}" is an archive inside the document (embedded files are not imported)`);
  if (entry.uncompressedSize > limits.maxInflatedBytes) throw tooLarge(`the entry "${name}" inflates to ${mib(entry.uncompressedSize)}, more than the ${mib(limits.maxInflatedBytes)} allowed`);
  const ratio = entry.uncompressedSize / Math.max(entry.compressedSize, 1);
  if (entry.uncompressedSize > limits.ratioFloorBytes && ratio > limits.maxRatio) {
    throw tooLarge(`the entry "${name}" is compressed ${Math.round(ratio)} to 1, more than the ${limits.maxRatio} to 1 of any real document`);
  }
}

/** yauzl's own refusals of a central directory record, in the words of the checks above. */
function directoryError(error: unknown): ImportError {
  const reason = error instanceof Error ? error.message : String(error);
  if (/^(invalid relative path|absolute path|invalid characters in fileName)/.test(reason)) return unsafe(`an entry has an unsafe name (${reason})`);
  if (/encryption/.test(reason)) return unsafe(`an entry is encrypted (${reason})`);
  return refuse(ImportErrorCode.NotDocx, `Not a DOCX file: the archive could not be read (${reason})`);
}

function openZip(bytes: Buffer): Promise<ZipFile> {
  return new Promise((resolve, reject) => {
    // lazyEntries: records are read one at a time, when asked for, so a huge directory is refused early.
    yauzl.fromBuffer(bytes, { lazyEntries: true, decodeStrings: true, validateEntrySizes: true, strictFileNames: true }, (error, zip) => {
      if (error) reject(refuse(ImportErrorCode.NotDocx, `Not a DOCX file: the data is not a readable ZIP archive (${error.message})`));
      else resolve(zip);
    });
  });
}

/** Reads the whole central directory, checking each record; resolves with the entries of the parts mammoth needs. */
function readDirectory(zip: ZipFile, limits: DocxLimits): Promise<Entry[]> {
  if (zip.entryCount > limits.maxEntries) {
    return Promise.reject(tooLarge(`the archive has ${zip.entryCount} entries, more than the ${limits.maxEntries} allowed`));
  }
  return new Promise((resolve, reject) => {
    const seen = new Set<string>();
    const needed: Entry[] = [];
    let declared = 0;
    const fail = (error: unknown) => {
      zip.close();
      reject(error instanceof ImportError ? error : directoryError(error));
    };
    zip.on('entry', (entry: Entry) => {
      try {
        checkEntry(entry, limits);
        // Two entries of one name are read differently by different ZIP readers: what was checked may not be what is parsed.
        if (seen.has(entry.fileName.toLowerCase())) throw unsafe(`the entry "${entry.fileName}" appears twice`);
        seen.add(entry.fileName.toLowerCase());
        declared += entry.uncompressedSize;
        if (declared > limits.maxInflatedBytes) throw tooLarge(`its entries inflate to more than the ${mib(limits.maxInflatedBytes)} allowed`);
        if (NEEDED.test(entry.fileName)) needed.push(entry);
        zip.readEntry();
      } catch (error) {
        fail(error);
      }
    });
    zip.once('error', fail);
    zip.once('end', () => resolve(needed));
    zip.readEntry();
  });
}

/** The stored bytes of one entry as they are in the archive, compressed; no more than its compressed size. */
function rawData(zip: ZipFile, entry: Entry): Promise<Buffer> {
  return new Promise((resolve, reject) => {
    zip.openReadStream(entry, { decompress: false }, (error, stream: Readable | undefined) => {
      if (error || !stream) {
        reject(refuse(ImportErrorCode.NotDocx, `Not a DOCX file: the entry "${entry.fileName}" could not be read (${error?.message ?? 'no data'})`));
        return;
      }
      const chunks: Buffer[] = [];
      stream.on('data', (chunk: Buffer) => chunks.push(chunk));
      stream.once('error', (cause: Error) => reject(refuse(ImportErrorCode.NotDocx, `Not a DOCX file: the entry "${entry.fileName}" could not be read (${cause.message})`)));
      stream.once('end', () => resolve(Buffer.concat(chunks)));
    });
  });
}

/** Whether data begins as a ZIP archive does (DOCX, XLSX and the rest are ZIP archives). */
const isArchive = (data: Buffer): boolean => data.length >= 4 && data.readUInt32LE(0) === ZIP_LOCAL_HEADER;

const nested = (entry: Entry): ImportError => unsafe(`the entry "${entry.fileName}" is an archive inside the document`);

/**
 * Inflates one entry, counting the bytes as they come out: past what it declares, or past the `remaining`
 * bytes of the limit, inflation is stopped. Each piece of text also goes to `onText` as it comes (the XML counter), which may throw to
 * stop inflation early: a part of a million paragraphs is refused after its first megabytes.
 */
function inflate(entry: Entry, raw: Buffer, remaining: number, onText: (text: string) => void): Promise<Buffer> {
  const budget = Math.min(remaining, entry.uncompressedSize);
  const overBudget = () =>
    tooLarge(
      entry.uncompressedSize <= remaining
        ? `the entry "${entry.fileName}" inflates to more than the ${entry.uncompressedSize} bytes it declares`
        : `the entry "${entry.fileName}" inflates to more than the ${mib(remaining)} left of the limit`,
    );
  if (entry.compressionMethod === 0) {
    if (raw.length > budget) return Promise.reject(overBudget());
    if (isArchive(raw)) return Promise.reject(nested(entry));
    try {
      onText(raw.toString('utf8'));
    } catch (error) {
      return Promise.reject(error instanceof Error ? error : new Error(String(error)));
    }
    return Promise.resolve(raw);
  }
  return new Promise((resolve, reject) => {
    const inflater = createInflateRaw({ chunkSize: 64 * 1024 });
    const decoder = new StringDecoder('utf8');
    const chunks: Buffer[] = [];
    let total = 0;
    let settled = false;
    const fail = (error: unknown) => {
      if (settled) return;
      settled = true;
      inflater.destroy();
      reject(error instanceof Error ? error : new Error(String(error)));
    };
    inflater.on('data', (chunk: Buffer) => {
      if (settled) return;
      total += chunk.length;
      if (total > budget) return fail(overBudget());
      if (chunks.length === 0 && isArchive(chunk)) return fail(nested(entry));
      chunks.push(chunk);
      try {
        onText(decoder.write(chunk));
      } catch (error) {
        fail(error);
      }
    });
    inflater.once('error', (cause: Error) => fail(refuse(ImportErrorCode.NotDocx, `Not a DOCX file: the entry "${entry.fileName}" could not be inflated (${cause.message})`)));
    inflater.once('end', () => {
      if (settled) return;
      try {
        onText(decoder.end());
      } catch (error) {
        return fail(error);
      }
      if (total !== entry.uncompressedSize) {
        return fail(refuse(ImportErrorCode.NotDocx, `Not a DOCX file: the entry "${entry.fileName}" inflates to ${total} bytes, not the ${entry.uncompressedSize} it declares`));
      }
      settled = true;
      resolve(Buffer.concat(chunks, total));
    });
    inflater.end(raw);
  });
}

/** Refuses an archive without the main document part. */
function requireMainDocument(needed: readonly Entry[]): void {
  if (!needed.some((entry) => entry.fileName === MAIN_DOCUMENT)) {
    throw refuse(ImportErrorCode.NotDocx, `Not a DOCX file: the archive has no ${MAIN_DOCUMENT}, the text of every Word document`);
  }
}

/**
 * The first half of {@link readDocxSafely}, which inflates nothing: the central directory's checks alone. Cheap
 * enough for the main thread (a few hundred records at most, read one at a time), so that an archive refused by
 * its directory is answered before a worker is even started.
 *
 * @throws ImportError as {@link readDocxSafely} does.
 */
export async function checkDocxDirectory(bytes: Buffer, limits: DocxLimits = DEFAULT_DOCX_LIMITS): Promise<void> {
  const zip = await openZip(bytes);
  try {
    requireMainDocument(await readDirectory(zip, limits));
  } finally {
    zip.close();
  }
}

/**
 * Opens an uploaded DOCX the careful way. First the central directory: too many entries, a declared total over
 * the limit, an extreme compression ratio, an encrypted entry, a nested archive, an unsafe or duplicate name, or
 * no `word/document.xml`, and the upload is refused with nothing inflated. Then only the parts mammoth reads are
 * inflated, each stopped at the budget left (declared sizes can lie), and their XML is counted against
 * `limits.xml` as it inflates, before anything parses it.
 *
 * @returns the parts mammoth reads, by name, inflated and checked.
 * @throws ImportError: `too-large` for sizes and counts, `unsafe-archive` for the archive's make, `not-docx`.
 */
export async function readDocxSafely(bytes: Buffer, limits: DocxLimits = DEFAULT_DOCX_LIMITS): Promise<ReadonlyMap<string, Buffer>> {
  const zip = await openZip(bytes);
  try {
    const needed = await readDirectory(zip, limits);
    requireMainDocument(needed);
    const parts = new Map<string, Buffer>();
    let budget = limits.maxInflatedBytes;
    const counter = new WordXmlCounter(limits.xml);
    for (const entry of needed) {
      const counting = counter.part(entry.fileName);
      const data = await inflate(entry, await rawData(zip, entry), budget, (text) => counting.write(text));
      counting.end();
      budget -= data.length;
      parts.set(entry.fileName, data);
    }
    return parts;
  } finally {
    zip.close();
  }
}

/**
 * Writes parts into a ZIP archive of stored (uncompressed) entries: what mammoth is given to read, so that it
 * reads exactly the parts that were checked, and no ZIP reader's quirks lie between the check and the parse.
 */
export function storedZip(parts: ReadonlyMap<string, Buffer>): Buffer {
  const locals: Buffer[] = [];
  const centrals: Buffer[] = [];
  let offset = 0;
  for (const [name, data] of parts) {
    const fileName = Buffer.from(name, 'utf8');
    const crc = crc32(data);
    const local = Buffer.alloc(30);
    local.writeUInt32LE(ZIP_LOCAL_HEADER, 0);
    local.writeUInt16LE(20, 4); // version needed: 2.0
    local.writeUInt16LE(0x0800, 6); // the name is UTF-8
    local.writeUInt32LE(crc, 14);
    local.writeUInt32LE(data.length, 18);
    local.writeUInt32LE(data.length, 22);
    local.writeUInt16LE(fileName.length, 26);
    const central = Buffer.alloc(46);
    central.writeUInt32LE(0x02014b50, 0);
    central.writeUInt16LE(20, 4);
    central.writeUInt16LE(20, 6);
    central.writeUInt16LE(0x0800, 8);
    central.writeUInt32LE(crc, 16);
    central.writeUInt32LE(data.length, 20);
    central.writeUInt32LE(data.length, 24);
    central.writeUInt16LE(fileName.length, 28);
    central.writeUInt32LE(offset, 42);
    locals.push(local, fileName, data);
    centrals.push(central, fileName);
    offset += local.length + fileName.length + data.length;
  }
  const directory = Buffer.concat(centrals);
  const end = Buffer.alloc(22);
  end.writeUInt32LE(0x06054b50, 0);
  end.writeUInt16LE(parts.size, 8);
  end.writeUInt16LE(parts.size, 10);
  end.writeUInt32LE(directory.length, 12);
  end.writeUInt32LE(offset, 16);
  return Buffer.concat([...locals, directory, end]);
}
