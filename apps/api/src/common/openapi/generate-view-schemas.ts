import { createGenerator } from 'ts-json-schema-generator';

/** Where the generated schemas are kept, from the workspace root. */
export const VIEW_SCHEMAS_FILE = 'apps/api/src/common/openapi/view-schemas.generated.ts';

type Json = null | boolean | number | string | Json[] | { [key: string]: Json };

function rewriteRefs(value: Json): Json {
  if (Array.isArray(value)) return value.map(rewriteRefs);
  if (value === null || typeof value !== 'object') return value;
  const out: { [key: string]: Json } = {};
  for (const [key, inner] of Object.entries(value)) {
    out[key] = key === '$ref' && typeof inner === 'string' ? inner.replace('#/definitions/', '#/components/schemas/') : rewriteRefs(inner);
  }
  return out;
}

/**
 * Generates the JSON Schema of every view in `ServerViews` (the views of libs/domain and of the engine libraries) from the TypeScript types themselves, with
 * their doc comments as descriptions, as OpenAPI 3.1 component schemas. It runs the TypeScript compiler, so it
 * runs when the file is regenerated (`npm run openapi:views`) and in the spec that checks the file is current,
 * never in the server.
 */
export function generateViewSchemas(): Record<string, Json> {
  const generator = createGenerator({
    path: 'apps/api/src/common/openapi/server-views.ts',
    tsconfig: 'apps/api/tsconfig.json',
    type: 'ServerViews',
    expose: 'export',
    topRef: true,
    jsDoc: 'extended',
    skipTypeCheck: true,
    additionalProperties: true,
    sortProps: true,
  });
  const definitions = (generator.createSchema('ServerViews').definitions ?? {}) as Record<string, Json>;
  const schemas: Record<string, Json> = {};
  for (const name of Object.keys(definitions).sort()) {
    if (name === 'ServerViews' || name === 'ApiViews') continue;
    if (!/^[A-Za-z0-9._-]+$/.test(name)) throw new Error(`The view type ${name} has no name an OpenAPI schema can have: give it an exported name.`);
    schemas[name] = rewriteRefs(definitions[name] ?? null);
  }
  return schemas;
}

/** The source of the generated file. */
export function renderViewSchemas(schemas: Record<string, Json>): string {
  return [
    '// Generated from the view types of the libraries (ServerViews) by generate-view-schemas.ts: do not edit.',
    '// Regenerate with `npm run openapi:views`; view-schemas.spec.ts fails while this file is stale.',
    "import type { JsonSchema } from './json-schema';",
    '',
    `export const VIEW_SCHEMAS: Readonly<Record<string, JsonSchema>> = ${JSON.stringify(schemas, null, 2)};`,
    '',
  ].join('\n');
}
