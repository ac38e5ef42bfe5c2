import { defineProject } from 'vitest/config';
import { workspaceAliases } from './vite.config.mts';

export default defineProject({
  resolve: { alias: workspaceAliases },
  test: { name: 'web', include: ['src/**/*.spec.ts', 'src/**/*.spec.tsx'], environment: 'node', setupFiles: ['src/test-setup.ts'] },
});
