import { constants, crc32, deflateRawSync } from 'node:zlib';

/**
 * Data that repeats: `head`, then `body` `times` over, then `tail`. It is deflated piece by piece (each piece
 * flushed to a byte boundary, so the pieces join into one valid stream) and `body` only once, which makes
 * archives that inflate to hundreds of MiB in milliseconds. Only for deflated entries.
 */
export interface RepeatedData {
  readonly head: string;
  readonly body: string | Uint8Array;
  readonly times: number;
  readonly tail: string;
}

/** One entry of a hand-made ZIP archive, with the knobs a hostile archive turns. */
export interface ZipEntrySpec {
  readonly name: string;
  readonly data: Uint8Array | string | RepeatedData;
  /** 8 (deflate, the default) or 0 (stored). */
  readonly method?: 0 | 8;
  /** The uncompressed size written in the headers, when it should lie about the real one. */
  readonly declaredSize?: number;
  /** General purpose flags; bit 0 marks the entry encrypted. UTF-8 names (bit 11) are always set. */
  readonly flags?: number;
}

/**
 * Writes a ZIP archive byte by byte, as a test needs it to be (sizes that lie, flags no writer would set), which
 * no ZIP library will do. Each entry gets a local header, its data and a central directory record.
 */
export function writeZip(entries: readonly ZipEntrySpec[]): Buffer {
  const locals: Buffer[] = [];
  const centrals: Buffer[] = [];
  let offset = 0;
  for (const entry of entries) {
    const method = entry.method ?? 8;
    const { body, crc, length } = encode(entry.data, method);
    const size = entry.declaredSize ?? length;
    const flags = (entry.flags ?? 0) | 0x0800;
    const name = Buffer.from(entry.name, 'utf8');
    const local = Buffer.alloc(30);
    local.writeUInt32LE(0x04034b50, 0);
    local.writeUInt16LE(20, 4);
    local.writeUInt16LE(flags, 6);
    local.writeUInt16LE(method, 8);
    local.writeUInt32LE(crc, 14);
    local.writeUInt32LE(body.length, 18);
    local.writeUInt32LE(size, 22);
    local.writeUInt16LE(name.length, 26);
    const central = Buffer.alloc(46);
    central.writeUInt32LE(0x02014b50, 0);
    central.writeUInt16LE(20, 4);
    central.writeUInt16LE(20, 6);
    central.writeUInt16LE(flags, 8);
    central.writeUInt16LE(method, 10);
    central.writeUInt32LE(crc, 16);
    central.writeUInt32LE(body.length, 20);
    central.writeUInt32LE(size, 24);
    central.writeUInt16LE(name.length, 28);
    central.writeUInt32LE(offset, 42);
    locals.push(local, name, body);
    centrals.push(central, name);
    offset += local.length + name.length + body.length;
  }
  const directory = Buffer.concat(centrals);
  const end = Buffer.alloc(22);
  end.writeUInt32LE(0x06054b50, 0);
  end.writeUInt16LE(entries.length, 8);
  end.writeUInt16LE(entries.length, 10);
  end.writeUInt32LE(directory.length, 12);
  end.writeUInt32LE(offset, 16);
  return Buffer.concat([...locals, directory, end]);
}

const bytesOf = (data: string | Uint8Array): Buffer => (typeof data === 'string' ? Buffer.from(data, 'utf8') : Buffer.from(data));

/** An entry's data as written (deflated or stored), with the CRC-32 and length of the data it stands for. */
function encode(data: ZipEntrySpec['data'], method: 0 | 8): { body: Buffer; crc: number; length: number } {
  if (typeof data === 'string' || data instanceof Uint8Array) {
    const raw = bytesOf(data);
    return { body: method === 8 ? deflateRawSync(raw, { level: 9 }) : raw, crc: crc32(raw), length: raw.length };
  }
  if (method !== 8) throw new Error('repeated data is always deflated');
  const flushed = (piece: Buffer) => deflateRawSync(piece, { level: 9, finishFlush: constants.Z_FULL_FLUSH });
  const [head, body, tail] = [bytesOf(data.head), bytesOf(data.body), bytesOf(data.tail)];
  const bodyDeflated = flushed(body);
  let crc = crc32(head);
  for (let i = 0; i < data.times; i++) crc = crc32(body, crc);
  crc = crc32(tail, crc);
  const pieces = [flushed(head), ...Array.from({ length: data.times }, () => bodyDeflated), deflateRawSync(tail, { level: 9 })];
  return { body: Buffer.concat(pieces), crc, length: head.length + body.length * data.times + tail.length };
}

const W = 'http://schemas.openxmlformats.org/wordprocessingml/2006/main';

/** What a `word/document.xml` has before and after its body. */
export const DOCUMENT_HEAD = `<?xml version="1.0" encoding="UTF-8" standalone="yes"?><w:document xmlns:w="${W}"><w:body>`;
export const DOCUMENT_TAIL = '</w:body></w:document>';

/** A `word/document.xml` whose body is the given WordprocessingML. */
export function documentXml(body: string): string {
  return `${DOCUMENT_HEAD}${body}${DOCUMENT_TAIL}`;
}

/** Paragraphs of plain text, one `w:p` each. */
export function paragraphsXml(lines: readonly string[]): string {
  return lines.map((line) => `<w:p><w:r><w:t xml:space="preserve">${line}</w:t></w:r></w:p>`).join('');
}

/** The parts around the main document that Word always writes; `document` replaces or drops word/document.xml. */
export function docxEntries(document: ZipEntrySpec['data'] | null): ZipEntrySpec[] {
  const entries: ZipEntrySpec[] = [
    {
      name: '[Content_Types].xml',
      data:
        '<?xml version="1.0" encoding="UTF-8"?><Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types">' +
        '<Default Extension="rels" ContentType="application/vnd.openxmlformats-package.relationships+xml"/><Default Extension="xml" ContentType="application/xml"/>' +
        '<Override PartName="/word/document.xml" ContentType="application/vnd.openxmlformats-officedocument.wordprocessingml.document.main+xml"/></Types>',
    },
    {
      name: '_rels/.rels',
      data:
        '<?xml version="1.0" encoding="UTF-8"?><Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships">' +
        '<Relationship Id="rId1" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/officeDocument" Target="word/document.xml"/></Relationships>',
    },
  ];
  return document === null ? entries : [...entries, { name: 'word/document.xml', data: document }];
}

/** A small, well-made treaty text as a DOCX. */
export function treatyDocx(): Buffer {
  return writeZip(docxEntries(documentXml(paragraphsXml(['Draft protocol', 'Article 1', 'This Protocol supplements the Convention.', 'Article 2', 'It enters into force at once.']))));
}
