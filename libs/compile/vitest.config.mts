import { defineProject } from 'vitest/config';

export default defineProject({
  test: { name: 'compile', include: ['src/**/*.spec.ts'], environment: 'node' },
});
