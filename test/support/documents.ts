import { execFile, spawnSync } from 'node:child_process';
import { copyFileSync, existsSync, mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { inflateRawSync } from 'node:zlib';

/**
 * The document tools of the machine that the export checks use: libxml2's `xmllint`, LibreOffice and poppler's
 * `pdftotext`, from Debian's libxml2-utils, libreoffice-writer-nogui and poppler-utils (`.ci/run` installs them).
 * A suite whose tool is missing says so in its name and skips that check; libs/export validates the same
 * exports with xmllint compiled to WebAssembly on every run.
 */
const ROOT = join(__dirname, '../..');
export const AKN_SCHEMA = join(ROOT, 'libs/export/schema/akomantoso30.xsd');
export const ATOM_SCHEMA = join(__dirname, 'schemas/atom.rng');

function installed(command: string): boolean {
  return spawnSync('sh', ['-c', `command -v ${command}`], { encoding: 'utf8' }).status === 0;
}

export const tools = {
  xmllint: installed('xmllint'),
  libreoffice: installed('soffice') && installed('pdftotext'),
};

/** Why a check is skipped: the Debian package that would run it. */
export const missing = (tool: keyof typeof tools): string | null =>
  tools[tool] ? null : `${tool} is not installed (apt-get install ${tool === 'xmllint' ? 'libxml2-utils' : 'libreoffice-writer-nogui poppler-utils'})`;

async function withScratch<T>(use: (dir: string) => Promise<T>): Promise<T> {
  const dir = mkdtempSync(join(tmpdir(), 'concord-documents-'));
  try {
    return await use(dir);
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}

/**
 * Runs a tool without blocking the test's event loop: a synchronous run that outlasts the server's keep-alive
 * timeout leaves the HTTP client reusing a socket the server has closed ("other side closed").
 */
function run(command: string, args: readonly string[], timeout = 120_000): Promise<{ status: number; stdout: string; stderr: string }> {
  return new Promise((resolve, reject) => {
    execFile(command, args, { encoding: 'utf8', timeout, maxBuffer: 64 * 1024 * 1024 }, (error, stdout, stderr) => {
      if (error && typeof error.code !== 'number') return reject(error);
      resolve({ status: error ? Number(error.code) : 0, stdout, stderr });
    });
  });
}

/**
 * Validates a document with `xmllint --noout` and the given schema option (`--schema` for XSD, `--relaxng`);
 * returns xmllint's messages, none when the document is valid.
 */
export function xmllintErrors(xml: string, option: '--schema' | '--relaxng', schema: string): Promise<readonly string[]> {
  return withScratch(async (dir) => {
    const file = join(dir, 'document.xml');
    writeFileSync(file, xml);
    const result = await run('xmllint', ['--noout', option, schema, file]);
    return result.status === 0 ? [] : result.stderr.split('\n').filter((line) => line.trim() !== '' && !line.endsWith('fails to validate'));
  });
}

const ARTIFACTS = join(ROOT, 'test/artifacts/exports');

/**
 * Renders a DOCX file to PDF with LibreOffice (headless, a profile of its own) and returns the PDF's pages as
 * text, laid out as pdftotext reads them. The PDF is kept as test/artifacts/exports/<name>.pdf to look at.
 */
export function renderDocx(docx: Uint8Array, name: string): Promise<{ readonly pdfBytes: number; readonly pages: readonly string[] }> {
  return withScratch(async (dir) => {
    const input = join(dir, 'document.docx');
    writeFileSync(input, docx);
    const convert = await run('soffice', [`-env:UserInstallation=file://${join(dir, 'profile')}`, '--headless', '--norestore', '--convert-to', 'pdf', '--outdir', dir, input]);
    if (convert.status !== 0) throw new Error(`LibreOffice could not convert the DOCX: ${convert.stderr || convert.stdout}`);
    const pdf = join(dir, 'document.pdf');
    const pdfBytes = readFileSync(pdf).length;
    mkdirSync(ARTIFACTS, { recursive: true });
    copyFileSync(pdf, join(ARTIFACTS, `${name}.pdf`));
    const text = await run('pdftotext', ['-layout', '-enc', 'UTF-8', pdf, '-']);
    if (text.status !== 0) throw new Error(`pdftotext could not read the PDF: ${text.stderr}`);
    return { pdfBytes, pages: text.stdout.split('\f').filter((page) => page.trim() !== '') };
  });
}

/**
 * Converts a document with LibreOffice (headless, a profile of its own): `name` is the input's file name (its
 * extension says what it is, e.g. `changes.fodt`), `filter` the output, e.g. `docx:"MS Word 2007 XML"`. Returns
 * the converted file's bytes.
 */
export function convertWithLibreOffice(input: Uint8Array | string, name: string, filter: string): Promise<Buffer> {
  return withScratch(async (dir) => {
    const source = join(dir, name);
    writeFileSync(source, input);
    const convert = await run('soffice', [`-env:UserInstallation=file://${join(dir, 'profile')}`, '--headless', '--norestore', '--convert-to', filter, '--outdir', join(dir, 'out'), source]);
    const extension = filter.split(':')[0] ?? '';
    const output = join(dir, 'out', `${name.replace(/\.[^.]+$/, '')}.${extension}`);
    if (convert.status !== 0 || !existsSync(output)) throw new Error(`LibreOffice could not convert ${name}: ${convert.stderr || convert.stdout}`);
    return readFileSync(output);
  });
}

/** The entries of a ZIP archive (a DOCX) by name, as text: stored or deflated entries, as Word and LibreOffice write them. */
export function unzipEntries(bytes: Uint8Array): Map<string, string> {
  const data = Buffer.from(bytes.buffer, bytes.byteOffset, bytes.byteLength);
  let end = data.length - 22;
  while (end >= 0 && data.readUInt32LE(end) !== 0x06054b50) end--;
  if (end < 0) throw new Error('not a ZIP archive');
  const entries = new Map<string, string>();
  let at = data.readUInt32LE(end + 16);
  for (let i = data.readUInt16LE(end + 10); i > 0; i--) {
    const method = data.readUInt16LE(at + 10);
    const size = data.readUInt32LE(at + 20);
    const nameLength = data.readUInt16LE(at + 28);
    const skip = nameLength + data.readUInt16LE(at + 30) + data.readUInt16LE(at + 32);
    const name = data.toString('utf8', at + 46, at + 46 + nameLength);
    const local = data.readUInt32LE(at + 42);
    const start = local + 30 + data.readUInt16LE(local + 26) + data.readUInt16LE(local + 28);
    const raw = data.subarray(start, start + size);
    entries.set(name, (method === 8 ? inflateRawSync(raw) : raw).toString('utf8'));
    at += 46 + skip;
  }
  return entries;
}
