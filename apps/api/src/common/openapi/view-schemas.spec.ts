import { readFileSync, writeFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { generateViewSchemas, renderViewSchemas, VIEW_SCHEMAS_FILE } from './generate-view-schemas';

describe('view schemas', () => {
  it('are current: the committed file is what the view types of libs/domain generate', () => {
    const expected = renderViewSchemas(generateViewSchemas());
    if (process.env['UPDATE_VIEW_SCHEMAS'] === '1') writeFileSync(VIEW_SCHEMAS_FILE, expected);
    const actual = readFileSync(VIEW_SCHEMAS_FILE, 'utf8');
    expect(actual === expected, `${VIEW_SCHEMAS_FILE} is stale: run npm run openapi:views`).toBe(true);
  }, 60_000);
});
