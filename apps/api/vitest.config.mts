import swc from 'unplugin-swc';
import { defineProject } from 'vitest/config';

// NestJS and TypeORM read decorator metadata, which esbuild does not emit; SWC does.
export default defineProject({
  plugins: [swc.vite({ swcrc: false, jsc: { target: 'es2022', transform: { legacyDecorator: true, decoratorMetadata: true } } })],
  test: { name: 'api', include: ['src/**/*.spec.ts'], environment: 'node' },
});
