import { consolidatedDocument } from '@concord/domain';
import fc from 'fast-check';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { BACKENDS } from '../support/databases';
import { changedTables, dbFingerprint } from '../support/db-fingerprint';
import { client, login, startServer, type TestServer } from '../support/server';

/**
 * Suite (c): every operation of the OpenAPI document, sent malformed bodies, content types, nesting, path and
 * query parameters by every kind of caller. Each answer must be a JSON `{ error: { code, message } }` with a 4xx
 * status, never a 5xx, and the database must be exactly as before. FUZZ_RUNS sets the random cases per operation
 * (`npm run fuzz` raises it); the counts are printed at the end.
 */
const RUNS = Math.max(1, Number(process.env.FUZZ_RUNS ?? 6));
const SEED = process.env.FUZZ_SEED ? Number(process.env.FUZZ_SEED) : undefined;

type Json = Record<string, unknown>;
type Role = 'secretariat' | 'head' | 'observer' | 'anonymous';

interface Schema {
  readonly type?: string;
  readonly enum?: readonly unknown[];
  readonly properties?: Record<string, Schema>;
  readonly required?: readonly string[];
  readonly items?: Schema;
  readonly $ref?: string;
  readonly allOf?: readonly Schema[];
  readonly example?: unknown;
  readonly maxLength?: number;
}

interface Parameter {
  readonly name: string;
  readonly in: 'path' | 'query';
  readonly schema?: Schema;
}

interface Operation {
  readonly method: string;
  readonly path: string;
  readonly parameters: readonly Parameter[];
  readonly body: Schema | null;
}

/** One malformed request, as generated. */
interface Case {
  readonly kind: 'body' | 'content-type' | 'nesting' | 'path' | 'query';
  readonly role: Role;
  readonly label: string;
  readonly path: string;
  readonly headers: Record<string, string>;
  readonly body?: string | URLSearchParams | FormData;
}

const MALFORMED_SEGMENTS = [
  'not-a-uuid',
  '%ZZ',
  '%',
  '%00',
  '%C0%AF',
  'a'.repeat(4000),
  'ünïcødé-文字-عربي',
  '-1',
  '0',
  '1e309',
  '00000000-0000-0000-0000-00000000000g',
  "' OR 1=1 --",
  '..%2F..%2Fetc%2Fpasswd',
  'consolidated:%ZZ:en',
  'space:',
  'null',
  '__proto__',
  '💥'.repeat(50),
];

const MALFORMED_QUERY_VALUES = ['zz', '%ZZ', '-1', '-99999999999', '1.5', 'NaN', 'Infinity', '1e309', 'a'.repeat(5000), 'ünï文字', '', '[]', '{}', '__proto__', '💥'];

const UNKNOWN_KEYS = ['unexpected', '__proto__', 'constructor', 'prototype', 'isAdmin', 'id'];

const WRONG_VALUES: Record<string, readonly unknown[]> = {
  string: [42, -1, true, [], {}, ['x'], { a: 1 }, 1e308],
  number: ['abc', '1', true, [], {}, -1e308, 'NaN'],
  integer: ['abc', '1', 1.5, true, [], {}],
  boolean: ['true', 1, 0, [], {}, 'yes'],
  array: ['x', 42, {}, true, [[[]]], [{ a: 1 }], [42]],
  object: ['x', 42, [], true, [{}]],
};

function resolve(schema: Schema, components: Record<string, Schema>): Schema {
  if (schema.$ref) return resolve(components[schema.$ref.split('/').pop() ?? ''], components);
  if (schema.allOf?.length === 1) return resolve(schema.allOf[0], components);
  return schema;
}

function kindOf(schema: Schema): string {
  if (schema.type) return schema.type;
  return schema.properties ? 'object' : 'string';
}

/** A plausible value for a schema, to build a body that is valid but for the one mutation applied to it. */
function plausible(schema: Schema, components: Record<string, Schema>): unknown {
  const s = resolve(schema, components);
  if (s.enum?.length) return s.enum[0];
  if (s.example !== undefined) return s.example;
  switch (kindOf(s)) {
    case 'number':
    case 'integer':
      return 1;
    case 'boolean':
      return true;
    case 'array':
      return [];
    case 'object':
      return Object.fromEntries(Object.entries(s.properties ?? {}).map(([key, value]) => [key, plausible(value, components)]));
    default:
      return 'x';
  }
}

function withoutPrototype(value: Json): Json {
  return Object.assign(Object.create(null) as Json, value);
}

/** Malformed JSON bodies for an operation's schema: each breaks the schema in exactly one place. */
function bodyMutations(schema: Schema, components: Record<string, Schema>): fc.Arbitrary<{ label: string; json: string }> {
  const s = resolve(schema, components);
  const base = plausible(s, components) as Json;
  const fields = Object.entries(s.properties ?? {});
  const required = s.required ?? [];
  const options: Array<fc.Arbitrary<{ label: string; json: string }>> = [
    fc.constantFrom(...UNKNOWN_KEYS).map((key) => ({ label: `unknown field ${key}`, json: JSON.stringify(withoutPrototype({ ...base, [key]: { nested: true } })) })),
    fc.constantFrom('[]', '[{}]', `[${JSON.stringify(base)}]`, '""', '"x"', '42', 'true', 'null', '{}').map((json) => ({ label: `top-level ${json.slice(0, 20)}`, json })),
  ];
  // Deleting a field is only wrong when the field is required, and {} only when something is.
  if (required.length > 0) {
    options.push(
      fc.constantFrom(...required).map((key) => {
        const copy = { ...base };
        delete copy[key];
        return { label: `missing ${key}`, json: JSON.stringify(copy) };
      }),
    );
  }
  if (fields.length > 0) {
    options.push(
      fc
        .constantFrom(...fields)
        .chain(([key, field]) => {
          const values = [...(WRONG_VALUES[kindOf(resolve(field, components))] ?? WRONG_VALUES.string), ...(required.includes(key) ? [null] : [])];
          return fc.constantFrom(...values).map((value) => ({ label: `${key} = ${JSON.stringify(value)?.slice(0, 30)}`, json: JSON.stringify({ ...base, [key]: value }) }));
        }),
    );
  }
  const strings = fields.filter(([, field]) => kindOf(resolve(field, components)) === 'string');
  if (strings.length > 0) {
    options.push(
      fc
        .constantFrom(...strings)
        .chain(([key, field]) => {
          const f = resolve(field, components);
          // A string too long for its field (or, with no bound, for any reasonable request), or not one of an enum.
          const tooLong = (f.maxLength ?? 20_000) + 1;
          return fc.constantFrom('a'.repeat(tooLong), f.enum ? 'not-in-the-enum' : 'a'.repeat(2_000_000)).map((value) => ({ label: `${key} of ${value.length} characters`, json: JSON.stringify({ ...base, [key]: value }) }));
        }),
    );
  }
  return fc.oneof(...options);
}

const INVALID_JSON = ['{', '{"a":', "{'a':1}", '{"a":1,}', '{"a":undefined}', 'NaN', '\u0000', '{"a":"\ud800"', '\ufeff{}x', '{"a":1}{"b":2}', '[', 'tru'];

function nested(depth: number, open: string, close: string): string {
  return `{"a":${open.repeat(depth)}${close.repeat(depth)}}`;
}

function nestingCases(): fc.Arbitrary<{ label: string; json: string }> {
  return fc.oneof(
    fc.integer({ min: 33, max: 100_000 }).chain((depth) => fc.constantFrom(['[', ']'], ['{"a":', '}']).map(([open, close]) => ({ label: `nested ${depth} deep`, json: nested(depth, open, close) }))),
    fc.integer({ min: 10_001, max: 60_000 }).map((n) => ({ label: `array of ${n}`, json: `{"a":[${'0,'.repeat(n - 1)}0]}` })),
    fc.integer({ min: 1_001, max: 5_000 }).map((n) => ({ label: `${n} keys`, json: `{${Array.from({ length: n }, (_, i) => `"k${i}":0`).join(',')}}` })),
  );
}

for (const backend of BACKENDS) {
  const title = backend.skip ? `API fuzzing from the OpenAPI document on ${backend.name} (${backend.skip})` : `API fuzzing from the OpenAPI document on ${backend.name}`;
  describe.skipIf(backend.skip !== null)(title, () => {
    let server: TestServer;
    let operations: Operation[] = [];
    let components: Record<string, Schema> = {};
    const tokens: Partial<Record<Role, string>> = {};
    const valid: Record<string, string> = {};
    const tally = new Map<string, { tried: number; held: number }>();
    const failures: string[] = [];

    beforeAll(async () => {
      server = await startServer(await backend.create(), { LOGIN_ATTEMPTS_PER_MINUTE: '1000', COMMENTS_PER_MINUTE: '10000' });
      const doc = (await client(server).get('/api/docs-json')).body as unknown as { paths: Record<string, Record<string, { parameters?: Parameter[]; requestBody?: { content: Record<string, { schema: Schema }> } }>>; components: { schemas: Record<string, Schema> } };
      components = doc.components.schemas;
      operations = Object.entries(doc.paths).flatMap(([path, methods]) =>
        Object.entries(methods).map(([method, op]) => ({
          method: method.toUpperCase(),
          path,
          parameters: (op.parameters ?? []).filter((p) => p.in === 'path' || p.in === 'query'),
          body: op.requestBody?.content['application/json']?.schema ?? null,
        })),
      );
      tokens.secretariat = await login(server, 'secretariat@concord.test');
      tokens.head = await login(server, 'egypt.head@concord.test');
      tokens.observer = await login(server, 'observer@concord.test');
      const as = client(server, tokens.secretariat);
      valid.committee = String(((await as.get('/api/committees')).body.items as Json[])[0].id);
      valid.instrument = String(((await as.get(`/api/committees/${valid.committee}/instruments`)).body.items as Json[])[0].id);
      valid.delegation = String(((await as.get(`/api/committees/${valid.committee}/delegations`)).body.items as Json[])[0].id);
      valid.session = String(((await as.get(`/api/committees/${valid.committee}/sessions`)).body.items as Json[])[0]?.id ?? '00000000-0000-4000-8000-000000000000');
      const space = await client(server, tokens.head).post(`/api/instruments/${valid.instrument}/drafting-spaces`, { title: 'Fuzzed space', language: 'en' });
      valid.space = String(space.body.id);
      const text = await as.get(`/api/instruments/${valid.instrument}/text?lang=en`);
      valid.provision = /"id":"([^"]+)"/.exec(JSON.stringify(text.body))?.[1] ?? 'p1';
    });

    afterAll(async () => {
      const lines = [...tally.entries()].sort().map(([kind, { tried, held }]) => `  ${kind.padEnd(13)} tried ${String(tried).padStart(6)}  held ${String(held).padStart(6)}`);
      const total = [...tally.values()].reduce((sum, t) => ({ tried: sum.tried + t.tried, held: sum.held + t.held }), { tried: 0, held: 0 });
      process.stdout.write(`\nAPI fuzz on ${backend.name} (FUZZ_RUNS=${RUNS}, ${operations.length} operations):\n${lines.join('\n')}\n  ${'total'.padEnd(13)} tried ${String(total.tried).padStart(6)}  held ${String(total.held).padStart(6)}\n${failures.length ? `failures:\n  ${failures.slice(0, 20).join('\n  ')}\n` : ''}`);
      await server?.close();
    });

    /** A valid value for a path parameter of an operation, so that only the mutated one is wrong. */
    const validParam = (op: Operation, name: string): string => {
      const first = op.path.split('/')[2];
      if (name === 'committeeId') return valid.committee;
      if (name === 'instrumentId') return valid.instrument;
      if (name === 'delegationId') return valid.delegation;
      if (name === 'provisionId') return valid.provision;
      if (name === 'document') return consolidatedDocument(valid.instrument, 'en');
      const byResource: Record<string, string> = { committees: valid.committee, sessions: valid.session, delegations: valid.delegation, instruments: valid.instrument, 'drafting-spaces': valid.space };
      return byResource[first] ?? '00000000-0000-4000-8000-000000000000';
    };

    const pathWith = (op: Operation, override: Record<string, string> = {}): string =>
      op.path.replace(/\{(\w+)\}/g, (_m, name: string) => override[name] ?? encodeURIComponent(validParam(op, name)));

    const headersFor = (role: Role, extra: Record<string, string> = {}): Record<string, string> => ({
      ...(role === 'anonymous' ? {} : { authorization: `Bearer ${tokens[role]}` }),
      ...extra,
    });

    /** The generator of malformed requests for one operation. */
    const casesFor = (op: Operation): fc.Arbitrary<Case> => {
      const role = fc.constantFrom<Role>('secretariat', 'head', 'observer', 'anonymous');
      const json = { 'content-type': 'application/json' };
      const kinds: Array<fc.Arbitrary<Case>> = [];
      const basePath = pathWith(op);
      const validBody = op.body ? JSON.stringify(plausible(op.body, components)) : undefined;
      const hasBody = op.method !== 'GET';
      if (hasBody) {
        kinds.push(
          fc.tuple(role, fc.constantFrom(...INVALID_JSON)).map(([r, text]) => ({ kind: 'body', role: r, label: `invalid JSON ${JSON.stringify(text).slice(0, 20)}`, path: basePath, headers: headersFor(r, json), body: text })),
          fc.tuple(role, nestingCases()).map(([r, { label, json: text }]) => ({ kind: 'nesting', role: r, label, path: basePath, headers: headersFor(r, json), body: text })),
          fc
            .tuple(
              role,
              fc.constantFrom<[string, () => string | URLSearchParams | FormData, Record<string, string>]>(
                ['text/plain', () => validBody ?? '{}', { 'content-type': 'text/plain' }],
                ['form', () => new URLSearchParams({ a: 'b' }), {}],
                ['multipart', () => new FormData(), {}],
                ['no content type', () => validBody ?? '{}', {}],
                ['xml', () => '<a/>', { 'content-type': 'application/xml' }],
                ['json in latin1', () => validBody ?? '{}', { 'content-type': 'application/json; charset=latin1' }],
                ['too large', () => `{"a":"${'x'.repeat(2_000_000)}"}`, json],
              ),
            )
            .map(([r, [label, body, headers]]) => ({ kind: 'content-type', role: r, label, path: basePath, headers: headersFor(r, headers), body: body() })),
        );
        if (op.body) {
          kinds.push(fc.tuple(role, bodyMutations(op.body, components)).map(([r, { label, json: text }]) => ({ kind: 'body', role: r, label, path: basePath, headers: headersFor(r, json), body: text })));
        }
      }
      const pathParams = op.parameters.filter((p) => p.in === 'path');
      if (pathParams.length > 0) {
        kinds.push(
          fc.tuple(role, fc.constantFrom(...pathParams), fc.constantFrom(...MALFORMED_SEGMENTS)).map(([r, param, segment]) => ({
            kind: 'path',
            role: r,
            label: `${param.name} = ${segment.slice(0, 30)}`,
            path: pathWith(op, { [param.name]: segment }),
            headers: headersFor(r, validBody ? json : {}),
            body: validBody,
          })),
        );
      }
      const queryParams = op.parameters.filter((p) => p.in === 'query');
      if (queryParams.length > 0) {
        kinds.push(
          fc.tuple(role, fc.constantFrom(...queryParams), fc.constantFrom(...MALFORMED_QUERY_VALUES), fc.boolean()).map(([r, param, value, twice]) => {
            // Raw, not encoded: '%ZZ' must reach the server as it is.
            const query = twice ? `${param.name}=${value}&${param.name}=en` : `${param.name}=${value}`;
            return { kind: 'query', role: r, label: `${param.name} = ${value.slice(0, 30)}${twice ? ' (twice)' : ''}`, path: `${basePath}?${query}`, headers: headersFor(r, validBody ? json : {}), body: validBody };
          }),
        );
      }
      return fc.oneof(...kinds);
    };

    it('has operations to fuzz', () => {
      expect(operations.length).toBeGreaterThan(50);
    });

    it('answers every malformed request to every operation with a JSON 4xx and writes nothing', async () => {
      for (const op of operations) {
        // Only what the query string can get wrong is tried on operations with nothing else to get wrong.
        if (op.method === 'GET' && op.parameters.length === 0) continue;
        await fc.assert(
          fc.asyncProperty(casesFor(op), async (c) => {
            const key = c.kind;
            const count = tally.get(key) ?? { tried: 0, held: 0 };
            count.tried += 1;
            tally.set(key, count);
            const before = await dbFingerprint(server.db);
            const response = await fetch(`${server.url}${c.path}`, { method: op.method, headers: c.headers, body: op.method === 'GET' ? undefined : c.body });
            const text = await response.text();
            const where = `${op.method} ${op.path} [${c.kind}: ${c.label}, as ${c.role}]`;
            let parsed: unknown = null;
            try {
              parsed = JSON.parse(text);
            } catch {
              // Not JSON: reported below.
            }
            const error = (parsed as { error?: { code?: unknown; message?: unknown } } | null)?.error;
            const problems: string[] = [];
            if (response.status < 400 || response.status >= 500) problems.push(`status ${response.status}`);
            if (typeof error?.code !== 'string' || typeof error.message !== 'string') problems.push(`body ${text.slice(0, 200)}`);
            const changed = changedTables(before, await dbFingerprint(server.db));
            if (changed.length > 0) problems.push(`wrote to ${changed.join(', ')}`);
            // Recorded rather than thrown, so that one run reports every operation that fails, not just the first.
            if (problems.length > 0) failures.push(`${where}: ${problems.join('; ')}`);
            else count.held += 1;
          }),
          { numRuns: RUNS, seed: SEED },
        );
      }
      expect(failures).toEqual([]);
    }, 60 * 60_000);
  });
}
