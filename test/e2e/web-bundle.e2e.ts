import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { brotliCompressSync } from 'node:zlib';
import { describe, expect, it } from 'vitest';

/**
 * The bundle budget: what the built web app (`nx run web:build`) makes a reader of the reading room download,
 * read from Vite's manifest (which chunks each page imports) and the chunks' source maps (which modules each
 * holds). A page's first load is the entry's chunks plus the page's own, followed through their static imports;
 * dynamic imports load only when used.
 */
const WEB = join(__dirname, '../../dist/apps/web');
const MANIFEST = join(WEB, '.vite/manifest.json');

/** The budget, in bytes as sent (brotli): about a tenth above what the build needed when it was set. */
const BUDGET = {
  /**
   * The app's entry with its static imports: what the sign-in form and every page load first. Raised from 190 KiB
   * when the six string tables, which the entry holds whole, took the secretariat's structure tools' words.
   */
  entry: 195 * 1024,
  /** The reading room's revision page, entry included: what an observer downloads to read a revision. */
  revisionPage: 210 * 1024,
};

/** The live editor: ProseMirror's view and editing, Yjs and its protocols, and the app's collaboration code. */
const EDITOR_MODULES = [
  /node_modules\/(yjs|y-prosemirror|y-websocket|y-protocols|lib0|prosemirror-view|prosemirror-state|prosemirror-commands|prosemirror-keymap|prosemirror-history)\//,
  // The app's collaboration code, but not the document outline (pure, over prosemirror-model) that pages share.
  /apps\/web\/src\/collab\/(?!outline\.ts$)/,
];

/** The reading room's pages, as they are keyed in the manifest. */
const READING_ROOM_PAGES = ['src/reading-room/reading-room-page.tsx', 'src/reading-room/revision-page.tsx', 'src/reading-room/compare-page.tsx'];

interface ManifestChunk {
  readonly file: string;
  readonly isEntry?: boolean;
  readonly imports?: readonly string[];
  readonly css?: readonly string[];
}
type Manifest = Record<string, ManifestChunk>;

const skip = existsSync(MANIFEST) ? null : 'skipped: the web app is not built with its manifest (nx run web:build)';

/** The chunks a page loads before it runs: itself and its static imports, transitively. */
function staticClosure(manifest: Manifest, keys: readonly string[]): Set<string> {
  const seen = new Set<string>();
  const visit = (key: string) => {
    if (seen.has(key)) return;
    seen.add(key);
    for (const next of manifest[key]?.imports ?? []) visit(next);
  };
  keys.forEach(visit);
  return seen;
}

/** The files (scripts and style sheets) of a set of chunks. */
function filesOf(manifest: Manifest, keys: Iterable<string>): string[] {
  return [...new Set([...keys].flatMap((k) => [manifest[k].file, ...(manifest[k].css ?? [])]))];
}

/** The modules a built script holds, from its source map. */
function modulesOf(file: string): string[] {
  const map = join(WEB, `${file}.map`);
  return existsSync(map) ? (JSON.parse(readFileSync(map, 'utf8')) as { sources: string[] }).sources : [];
}

/** What a file weighs as sent: its brotli form written at build time, or compressed here if it is too small for one. */
function sentBytes(file: string): number {
  const br = join(WEB, `${file}.br`);
  return existsSync(br) ? readFileSync(br).length : brotliCompressSync(readFileSync(join(WEB, file))).length;
}

const kib = (bytes: number) => `${(bytes / 1024).toFixed(1)} KiB`;

describe.skipIf(skip !== null)(`Web bundle budget${skip ? ` (${skip})` : ''}`, () => {
  const manifest = (skip === null ? JSON.parse(readFileSync(MANIFEST, 'utf8')) : {}) as Manifest;
  const entry = Object.keys(manifest).find((k) => manifest[k].isEntry) ?? 'index.html';

  it.each(READING_ROOM_PAGES)('loads no editor code for a reader of %s', (page) => {
    expect(manifest[page], `${page} is not a chunk of its own`).toBeDefined();
    const scripts = filesOf(manifest, staticClosure(manifest, [entry, page])).filter((f) => f.endsWith('.js'));
    const editor = scripts.flatMap((file) => modulesOf(file).filter((m) => EDITOR_MODULES.some((re) => re.test(m))).map((m) => `${file}: ${m}`));
    expect(editor).toEqual([]);
  });

  it('keeps the editor out of the entry, in chunks that load only with the pages that edit', () => {
    const editorFiles = Object.values(manifest)
      .map((c) => c.file)
      .filter((file) => file.endsWith('.js') && modulesOf(file).some((m) => /node_modules\/(yjs|prosemirror-view)\//.test(m)));
    expect(editorFiles.length).toBeGreaterThan(0);
    const first = filesOf(manifest, staticClosure(manifest, [entry]));
    expect(first.filter((f) => editorFiles.includes(f))).toEqual([]);
  });

  it('stays within the budget of bytes sent for the first load and for a revision in the reading room', () => {
    const weigh = (keys: readonly string[]) => filesOf(manifest, staticClosure(manifest, keys)).reduce((n, f) => n + sentBytes(f), 0);
    const entryBytes = weigh([entry]);
    const revisionBytes = weigh([entry, 'src/reading-room/revision-page.tsx']);
    expect(entryBytes, `entry ${kib(entryBytes)} over its budget ${kib(BUDGET.entry)}`).toBeLessThanOrEqual(BUDGET.entry);
    expect(revisionBytes, `revision page ${kib(revisionBytes)} over its budget ${kib(BUDGET.revisionPage)}`).toBeLessThanOrEqual(BUDGET.revisionPage);
  });
});
