import SwaggerParser from '@apidevtools/swagger-parser';
import { readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import openapiTS, { astToString } from 'openapi-typescript';
import ts from 'typescript';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { scratchSqlite } from '../support/databases';
import { login, startServer, type TestServer } from '../support/server';
import { runScenario } from './openapi/client-scenario';

type Json = Record<string, unknown>;

const METHODS = ['get', 'put', 'post', 'delete', 'patch'] as const;
const HERE = join(import.meta.dirname, 'openapi');
const GENERATED = join(HERE, 'api-schema.generated.ts');

/**
 * The operations of an OpenAPI document without a success response that has a schema: a 2xx with content whose
 * every media type has a schema, or a 204 (which has no body).
 */
export function operationsWithoutSuccessSchema(document: Json): string[] {
  const missing: string[] = [];
  for (const [path, item] of Object.entries(document['paths'] as Record<string, Json>)) {
    for (const method of METHODS) {
      const operation = item[method] as { responses?: Record<string, { content?: Record<string, { schema?: unknown }> }> } | undefined;
      if (!operation) continue;
      const successes = Object.entries(operation.responses ?? {}).filter(([status]) => /^2\d\d$/.test(status));
      const described = successes.some(([status, response]) => {
        if (status === '204') return true;
        const media = Object.values(response.content ?? {});
        return media.length > 0 && media.every((entry) => entry.schema !== undefined);
      });
      if (!described) missing.push(`${method.toUpperCase()} ${path}`);
    }
  }
  return missing;
}

/** The operations whose error responses do not all use the one error shape. */
function operationsWithOtherErrors(document: Json): string[] {
  const wrong: string[] = [];
  for (const [path, item] of Object.entries(document['paths'] as Record<string, Json>)) {
    for (const method of METHODS) {
      const operation = item[method] as { responses?: Record<string, { content?: Record<string, { schema?: { $ref?: string } }> }> } | undefined;
      if (!operation) continue;
      const errors = Object.entries(operation.responses ?? {}).filter(([status]) => /^[45]\d\d$/.test(status));
      const ok = errors.length > 0 && errors.every(([, response]) => response.content?.['application/json']?.schema?.$ref === '#/components/schemas/ErrorView');
      if (!ok) wrong.push(`${method.toUpperCase()} ${path}`);
    }
  }
  return wrong;
}

/** The operations (of those `applies` selects by path) that do not declare `status`. */
function operationsLacking(document: Json, status: string, applies: (path: string) => boolean): string[] {
  const lacking: string[] = [];
  for (const [path, item] of Object.entries(document['paths'] as Record<string, Json>)) {
    if (!applies(path)) continue;
    for (const method of METHODS) {
      const operation = item[method] as { responses?: Record<string, unknown> } | undefined;
      if (operation && !(status in (operation.responses ?? {}))) lacking.push(`${method.toUpperCase()} ${path}`);
    }
  }
  return lacking;
}

/** Type-checks the scenario against the generated types, as a client's build would. */
function typeErrors(): string[] {
  const program = ts.createProgram([join(HERE, 'client-scenario.ts')], {
    strict: true,
    noEmit: true,
    target: ts.ScriptTarget.ES2022,
    module: ts.ModuleKind.ESNext,
    moduleResolution: ts.ModuleResolutionKind.Bundler,
    lib: ['lib.es2023.d.ts', 'lib.dom.d.ts'],
    skipLibCheck: true,
    types: [],
  });
  return ts.getPreEmitDiagnostics(program).map((d) => ts.flattenDiagnosticMessageText(d.messageText, '\n'));
}

describe('The OpenAPI description', () => {
  let server: TestServer;
  let document: Json;

  beforeAll(async () => {
    // The negotiation played on the demo publishes the revisions the client scenario reads.
    server = await startServer(scratchSqlite(), { DEMO_NEGOTIATION: 'true' });
    document = (await (await fetch(`${server.url}/api/docs-json`)).json()) as Json;
  });
  afterAll(async () => server?.close());

  it('passes a third-party OpenAPI validator (@apidevtools/swagger-parser)', async () => {
    // validate() dereferences the copy it is given; the document is kept for the other tests.
    await expect(SwaggerParser.validate(structuredClone(document) as never)).resolves.toBeDefined();
    expect(document['openapi']).toBe('3.1.0');
  });

  it('runs the generated client against the server: sign in, list committees, read a revision', async () => {
    const result = await runScenario(server.url, 'egypt.head@concord.test', 'concord-demo-2026');
    expect(result.userEmail).toBe('egypt.head@concord.test');
    expect(result.committeeNames.length).toBeGreaterThan(0);
    expect(result.revisionSymbol).toMatch(/\//);
    expect(result.revisionText.length).toBeGreaterThan(100);
    expect(result.refused).toEqual({ status: 404, code: 'proposal-not-found' });
  });

  it('declares a success response schema for every operation, and the check finds one that lacks it', () => {
    const operations = Object.values(document['paths'] as Record<string, Json>).flatMap((item) => METHODS.filter((m) => item[m]));
    expect(operations.length).toBeGreaterThan(90);
    expect(operationsWithoutSuccessSchema(document)).toEqual([]);

    const doctored = structuredClone(document) as { paths: Record<string, Record<string, { responses: Record<string, unknown> }>> };
    delete doctored.paths['/api/committees']?.['get']?.responses['200'];
    expect(operationsWithoutSuccessSchema(doctored as unknown as Json)).toEqual(['GET /api/committees']);
  });

  it('declares its errors with the one error shape of the error filter, codes included', () => {
    expect(operationsWithOtherErrors(document)).toEqual([]);
    // An operation on a record answers 404 for one that does not exist or that the caller may not see.
    expect(operationsLacking(document, '404', (path) => path.includes('{'))).toEqual([]);
    const schemas = (document['components'] as { schemas: Record<string, Json> }).schemas;
    const error = (schemas['ErrorView']?.['properties'] as Record<string, { properties: Record<string, { enum?: string[] }> }>)['error'];
    expect(error?.properties['code']?.enum).toEqual(expect.arrayContaining(['proposal-not-found', 'validation-failed', 'not-ready']));
  });

  it.each([
    ['an anonymous caller', null],
    ['a head of delegation', 'egypt.head@concord.test'],
    ['the secretariat', 'secretariat@concord.test'],
  ])('declares every status %s gets from every operation on an unknown record', async (_who, email) => {
    const token = email ? await login(server, email) : null;
    const undeclared: string[] = [];
    for (const [path, item] of Object.entries(document['paths'] as Record<string, Json>)) {
      for (const method of METHODS) {
        const operation = item[method] as { responses?: Record<string, unknown> } | undefined;
        // Signing out would end the session the rest of the pass uses.
        if (!operation || path === '/api/auth/logout') continue;
        const url = server.url + path.replace(/\{[^}]+\}/g, '00000000-0000-4000-8000-000000000000');
        const headers: Record<string, string> = token ? { authorization: `Bearer ${token}` } : {};
        const abort = new AbortController();
        const response = await fetch(url, {
          method: method.toUpperCase(),
          signal: abort.signal,
          ...(method === 'get' || method === 'delete' ? { headers } : { headers: { ...headers, 'content-type': 'application/json' }, body: '{}' }),
        });
        // An event stream stays open: its status is all this needs.
        abort.abort();
        if (!(String(response.status) in (operation.responses ?? {}))) undeclared.push(`${method.toUpperCase()} ${path}: ${response.status}`);
      }
    }
    expect(undeclared).toEqual([]);
  });

  it('generates the client types the repository holds (openapi-typescript)', async () => {
    const generated = `// Generated from /api/docs-json by openapi-typescript in test/e2e/openapi.e2e.ts: do not edit.\n// Regenerate with UPDATE_API_CLIENT=1 npx vitest run --project e2e openapi.\n${astToString(await openapiTS(structuredClone(document) as never))}`;
    if (process.env['UPDATE_API_CLIENT'] === '1') writeFileSync(GENERATED, generated);
    expect(readFileSync(GENERATED, 'utf8') === generated, 'test/e2e/openapi/api-schema.generated.ts is stale: regenerate it').toBe(true);
  });

  it('type-checks a client scenario against the generated types', () => {
    expect(typeErrors()).toEqual([]);
  }, 60_000);
});
