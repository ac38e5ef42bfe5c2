import { defineConfig } from 'vitest/config';

/** Every project's tests run from the workspace root, so `vitest run --project <name>` works from Nx and by hand. */
export default defineConfig({
  test: {
    projects: ['libs/*/vitest.config.ts', 'apps/*/vitest.config.ts', 'test/vitest.config.ts'],
  },
});
