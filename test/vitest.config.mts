import swc from 'unplugin-swc';
import { defineProject } from 'vitest/config';

// The suites load the server's modules, whose decorators need SWC's metadata.
export default defineProject({
  plugins: [swc.vite({ swcrc: false, jsc: { target: 'es2022', transform: { legacyDecorator: true, decoratorMetadata: true } } })],
  test: {
    name: 'e2e',
    include: ['e2e/**/*.e2e.ts'],
    environment: 'node',
    testTimeout: 60_000,
    hookTimeout: 120_000,
    // Suites share the machine's PostgreSQL and Chromium; one file at a time keeps them predictable on 2 cores.
    fileParallelism: false,
  },
});
