import { defineConfig } from 'vitest/config';

/** Every project's tests run from the workspace root, so `vitest run --project <name>` works from Nx and by hand. */
export default defineConfig({
  test: {
    projects: ['libs/*/vitest.config.mts', 'apps/*/vitest.config.mts', 'test/vitest.config.mts'],
  },
});
