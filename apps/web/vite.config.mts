import { fileURLToPath } from 'node:url';
import react from '@vitejs/plugin-react';
import { defineConfig } from 'vite';

const projectRoot = fileURLToPath(new URL('.', import.meta.url));
const workspaceRoot = fileURLToPath(new URL('../..', import.meta.url));

/** The shared libraries are consumed from source, as in `tsconfig.base.json`. */
export const workspaceAliases = {
  '@concord/domain': `${workspaceRoot}libs/domain/src/index.ts`,
  '@concord/schema': `${workspaceRoot}libs/schema/src/index.ts`,
};

/** The API (apps/api) serves `dist/apps/web` at `/`; in development Vite proxies the API to it instead. */
export default defineConfig({
  root: projectRoot,
  plugins: [react()],
  resolve: { alias: workspaceAliases },
  build: {
    outDir: `${workspaceRoot}dist/apps/web`,
    emptyOutDir: true,
    sourcemap: true,
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
