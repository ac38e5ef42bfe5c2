import { inflateRawSync } from 'node:zlib';

/**
 * The files of a ZIP archive (such as a DOCX document) by name, as text. Reads the central directory, then
 * each entry's local header; entries are stored (method 0) or deflated (method 8), as Word and docx write them.
 */
export function unzipText(bytes: Uint8Array): ReadonlyMap<string, string> {
  const data = Buffer.from(bytes.buffer, bytes.byteOffset, bytes.byteLength);
  // The end of central directory record is the last 22 bytes, unless the archive has a comment.
  let end = data.length - 22;
  while (end >= 0 && data.readUInt32LE(end) !== 0x06054b50) end--;
  if (end < 0) throw new Error('Not a ZIP archive: no end of central directory record');
  const count = data.readUInt16LE(end + 10);
  let entry = data.readUInt32LE(end + 16);
  const files = new Map<string, string>();
  for (let i = 0; i < count; i++) {
    if (data.readUInt32LE(entry) !== 0x02014b50) throw new Error(`Bad central directory entry at ${entry}`);
    const method = data.readUInt16LE(entry + 10);
    const compressedSize = data.readUInt32LE(entry + 20);
    const nameLength = data.readUInt16LE(entry + 28);
    const extraLength = data.readUInt16LE(entry + 30);
    const commentLength = data.readUInt16LE(entry + 32);
    const local = data.readUInt32LE(entry + 42);
    const name = data.toString('utf8', entry + 46, entry + 46 + nameLength);
    if (data.readUInt32LE(local) !== 0x04034b50) throw new Error(`Bad local header for ${name}`);
    const start = local + 30 + data.readUInt16LE(local + 26) + data.readUInt16LE(local + 28);
    const raw = data.subarray(start, start + compressedSize);
    if (method !== 0 && method !== 8) throw new Error(`Unsupported compression method ${method} for ${name}`);
    files.set(name, (method === 8 ? inflateRawSync(raw) : raw).toString('utf8'));
    entry += 46 + nameLength + extraLength + commentLength;
  }
  return files;
}
