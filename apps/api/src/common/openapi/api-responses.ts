import type { ItemList } from '@concord/domain';
import { applyDecorators, HttpStatus } from '@nestjs/common';
import { ApiResponse, type OpenAPIObject, type OperationObject, type ReferenceObject, type SchemaObject } from '@nestjs/swagger';
import { ERROR_STATUS } from '../app.exception';
import type { ServerViewName as ApiViewName, ServerViews as ApiViews } from './server-views';
import { VIEW_SCHEMAS } from './view-schemas.generated';

/*
 * Response declarations for the OpenAPI description. Success schemas are references to the view types of
 * libs/domain (generated into view-schemas.generated.ts); the decorators are typed so that a handler declared to
 * answer a view must return that view's type, and the description cannot say something the server does not do.
 */

type Answer<T> = T | Promise<T>;
type Handler<T> = (...args: never[]) => Answer<T>;
type TypedMethodDecorator<T> = <F extends Handler<T>>(target: object, key: string | symbol, descriptor: TypedPropertyDescriptor<F>) => void;

const ref = (name: ApiViewName): ReferenceObject => ({ $ref: `#/components/schemas/${name}` });

const DESCRIPTIONS: Partial<Record<number, string>> = {
  200: 'OK',
  201: 'Created',
  204: 'No content',
  400: 'The request is malformed or fails validation',
  401: 'Not signed in, or the session expired',
  403: 'The caller sees the record but may not do this',
  404: 'No such record, or one the caller may not see',
  409: 'The record is not in a state that allows this',
  410: 'Gone: the link expired or was used',
  413: 'The body is too large',
  415: 'The body is not of a type this operation takes',
  422: 'The request is well formed but cannot be carried out',
  429: 'Too many attempts: wait and try again',
  500: 'The server failed',
  503: 'The server is starting, stopping or cannot reach its database',
};

function jsonResponse(status: number, schema: SchemaObject | ReferenceObject): MethodDecorator & ClassDecorator {
  return ApiResponse({ status, description: DESCRIPTIONS[status] ?? String(status), content: { 'application/json': { schema } } });
}

/** The handler answers the view `name` (with `status`, 200 unless said). */
export function ApiView<N extends ApiViewName>(name: N, status: HttpStatus = HttpStatus.OK): TypedMethodDecorator<ApiViews[N]> {
  return (target, key, descriptor) => jsonResponse(status, ref(name))(target, key, descriptor);
}

/** The handler answers `{ items: [...] }` of the view `name`. */
export function ApiList<N extends ApiViewName>(name: N, status: HttpStatus = HttpStatus.OK): TypedMethodDecorator<ItemList<ApiViews[N]>> {
  const schema: SchemaObject = { type: 'object', required: ['items'], properties: { items: { type: 'array', items: ref(name) } } };
  return (target, key, descriptor) => jsonResponse(status, schema)(target, key, descriptor);
}

/**
 * The handler writes the view `name` to the response object itself (for caching validators or a choice of
 * formats), so its return type cannot be checked: say so only where the service method it calls returns the view.
 */
export function ApiViewSent(name: ApiViewName, alternatives: Readonly<Record<string, SchemaObject>> = {}): MethodDecorator {
  const content: Record<string, { schema: SchemaObject | ReferenceObject }> = { 'application/json': { schema: ref(name) } };
  for (const [type, schema] of Object.entries(alternatives)) content[type] = { schema };
  return ApiResponse({ status: HttpStatus.OK, description: DESCRIPTIONS[200], content });
}

/** The handler answers 204 without a body. */
export function ApiNoContent(): TypedMethodDecorator<void> {
  return (target, key, descriptor) => ApiResponse({ status: HttpStatus.NO_CONTENT, description: DESCRIPTIONS[204] })(target, key, descriptor);
}

/** A file or a text answer: its media types, each a string (binary for files). */
export function ApiFile(...mediaTypes: readonly string[]): MethodDecorator {
  const content: Record<string, { schema: SchemaObject }> = {};
  for (const type of mediaTypes) {
    content[type] = { schema: type.startsWith('text/') || type.endsWith('+xml') ? { type: 'string' } : { type: 'string', format: 'binary' } };
  }
  return ApiResponse({ status: HttpStatus.OK, description: DESCRIPTIONS[200], content });
}

/** The error statuses the handler (or every handler of the class) can answer beyond those every operation can. */
export function ApiErrors(...statuses: readonly HttpStatus[]): MethodDecorator & ClassDecorator {
  return applyDecorators(...statuses.map((status) => jsonResponse(status, ref('ErrorView'))));
}

/** Statuses any operation can answer: a malformed request (400, such as a bad escape), a failure, not ready. */
const ALWAYS: readonly HttpStatus[] = [HttpStatus.BAD_REQUEST, HttpStatus.INTERNAL_SERVER_ERROR, HttpStatus.SERVICE_UNAVAILABLE];

const METHODS = ['get', 'put', 'post', 'delete', 'patch'] as const;

/**
 * Completes the generated description: the view schemas, the error shape with its codes, and the errors every
 * operation can answer. Called on the document Nest builds from the controllers.
 */
export function completeDocument(document: OpenAPIObject): OpenAPIObject {
  // Nest types schemas as OpenAPI 3.0; the generated ones are JSON Schema 2020-12 (`const`, type lists), which
  // OpenAPI 3.1 takes as they are.
  const views = VIEW_SCHEMAS as unknown as Readonly<Record<string, SchemaObject>>;
  const schemas: Record<string, SchemaObject | ReferenceObject> = { ...document.components?.schemas, ...views };
  schemas['ErrorView'] = errorSchema(views);
  for (const item of Object.values(document.paths)) {
    for (const method of METHODS) {
      const operation: OperationObject | undefined = item[method];
      if (!operation) continue;
      for (const status of ALWAYS) {
        operation.responses[String(status)] ??= { description: DESCRIPTIONS[status] ?? String(status), content: { 'application/json': { schema: ref('ErrorView') } } };
      }
    }
  }
  return { ...document, components: { ...document.components, schemas } };
}

/** The generated error view, with its code narrowed to the codes of the one code → status table. */
function errorSchema(views: Readonly<Record<string, SchemaObject>>): SchemaObject {
  const view = views['ErrorView'];
  const error = view?.properties?.['error'] as SchemaObject | undefined;
  if (!view || !error?.properties) throw new Error('ErrorView is missing from the generated view schemas.');
  return {
    ...view,
    properties: { error: { ...error, properties: { ...error.properties, code: { type: 'string', enum: Object.keys(ERROR_STATUS).sort() } } } },
  };
}

const XLSX = 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet';

/** The comments matrix: JSON rows, or the same as CSV or XLSX (`format`). */
export function ApiMatrix(): MethodDecorator {
  const rows: SchemaObject = { type: 'object', required: ['items'], properties: { items: { type: 'array', items: ref('CommentsMatrixEntry') } } };
  return ApiResponse({
    status: HttpStatus.OK,
    description: DESCRIPTIONS[200],
    content: { 'application/json': { schema: rows }, 'text/csv': { schema: { type: 'string' } }, [XLSX]: { schema: { type: 'string', format: 'binary' } } },
  });
}
