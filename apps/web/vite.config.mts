import { constants } from 'node:zlib';
import { fileURLToPath } from 'node:url';
import react from '@vitejs/plugin-react';
import { defineConfig } from 'vite';
import { compression, defineAlgorithm } from 'vite-plugin-compression2';

const projectRoot = fileURLToPath(new URL('.', import.meta.url));
const workspaceRoot = fileURLToPath(new URL('../..', import.meta.url));

/**
 * The shared libraries are consumed from source, as in `tsconfig.base.json`. A subpath comes before its library:
 * Vite takes the first alias that is a prefix of the import.
 */
export const workspaceAliases = {
  '@concord/domain': `${workspaceRoot}libs/domain/src/index.ts`,
  // Comment anchors need Yjs, which must not reach the pages of readers through the schema's index.
  '@concord/schema/anchor': `${workspaceRoot}libs/schema/src/anchor.ts`,
  '@concord/schema': `${workspaceRoot}libs/schema/src/index.ts`,
};

/** The API (apps/api) serves `dist/apps/web` at `/`; in development Vite proxies the API to it instead. */
export default defineConfig({
  root: projectRoot,
  plugins: [
    react(),
    // Each file's brotli and gzip forms, written once at their highest levels, which would cost too much per request;
    // the server picks the one the browser accepts (apps/api/src/common/delivery.ts). Source maps are not sent to
    // readers and stay as they are.
    compression({
      algorithms: [
        defineAlgorithm('brotliCompress', { params: { [constants.BROTLI_PARAM_QUALITY]: constants.BROTLI_MAX_QUALITY } }),
        defineAlgorithm('gzip', { level: 9 }),
      ],
      exclude: [/\.map$/],
      threshold: 1024,
      skipIfLargerOrEqual: true,
    }),
  ],
  resolve: { alias: workspaceAliases },
  build: {
    outDir: `${workspaceRoot}dist/apps/web`,
    emptyOutDir: true,
    sourcemap: true,
    // .vite/manifest.json: which chunks each page loads, for the bundle budget (test/e2e/web-bundle.e2e.ts).
    manifest: true,
  },
  server: {
    port: 4200,
    proxy: {
      '/api': { target: 'http://localhost:3000', changeOrigin: false },
      '/collab': { target: 'http://localhost:3000', ws: true },
    },
  },
  preview: { port: 4300 },
});
