/**
 * Launches Hocuspocus (`@hocuspocus/server` 3) as the benchmark's peer: `PORT`, `HOST`, and optionally
 * `BENCH_STORE_DIR`.
 *
 * Without `BENCH_STORE_DIR` it runs with no extensions: documents live in memory only, as in the
 * fan-out and many-rooms workloads. With it, documents are stored the way `@hocuspocus/extension-database`
 * stores them — the whole document state written by `onStoreDocument` (debounced by Hocuspocus, and run at
 * once when the last client leaves) and applied back by `onLoadDocument` — here into one file per document,
 * so the cold-load workload has something to load after a restart.
 */
import { existsSync, mkdirSync, readFileSync, renameSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { type Configuration, Server } from '@hocuspocus/server';
import * as Y from 'yjs';

/** Hooks that keep each document as one file holding its full state. */
function fileStore(dir: string): Partial<Configuration> {
  mkdirSync(dir, { recursive: true });
  const fileOf = (documentName: string): string => join(dir, `${encodeURIComponent(documentName)}.ydoc`);
  return {
    async onLoadDocument({ document, documentName }) {
      const file = fileOf(documentName);
      if (existsSync(file)) Y.applyUpdate(document, readFileSync(file));
    },
    async onStoreDocument({ document, documentName }) {
      const file = fileOf(documentName);
      writeFileSync(`${file}.tmp`, Y.encodeStateAsUpdate(document));
      renameSync(`${file}.tmp`, file);
    },
  };
}

const port = Number(process.env.PORT ?? '1234');
const address = process.env.HOST ?? '127.0.0.1';
const storeDir = process.env.BENCH_STORE_DIR;

const server = new Server({ port, address, quiet: true, ...(storeDir ? fileStore(storeDir) : {}) });
server
  .listen()
  .then(() => process.stdout.write(`Hocuspocus listening on ${address}:${port}\n`))
  .catch((error: unknown) => {
    process.stderr.write(`Hocuspocus failed to start: ${String(error)}\n`);
    process.exit(1);
  });
