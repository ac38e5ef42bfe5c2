import { defineProject } from 'vitest/config';

export default defineProject({
  test: { name: 'compare', include: ['src/**/*.spec.ts'], environment: 'node' },
});
