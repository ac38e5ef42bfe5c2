import type { Node } from 'prosemirror-model';
import { SchemaError, SchemaErrorCode } from './schema-error';
import { canonicalizeBrackets } from './brackets';
import { findIdConflicts } from './ids';
import { treatySchema } from './schema';

/** The JSON form of a mark, as `Mark.toJSON` writes it. */
export interface MarkJSON {
  readonly type: string;
  readonly attrs?: Readonly<Record<string, unknown>>;
}

/** The JSON form of a node, as `Node.toJSON` writes it. */
export interface NodeJSON {
  readonly type: string;
  readonly attrs?: Readonly<Record<string, unknown>>;
  readonly content?: readonly NodeJSON[];
  readonly marks?: readonly MarkJSON[];
  readonly text?: string;
}

/** The JSON form of a whole treaty document (a `doc` node). */
export interface DocJSON extends NodeJSON {
  readonly type: 'doc';
}

/** Options of {@link docFromJSON}. */
export interface DocFromJSONOptions {
  /**
   * Whether every structural node must carry an id, unique in the document (default `true`). Turn it off only
   * to read text written by an editor that has not assigned ids yet, then repair it with `assignMissingIds`.
   */
  readonly requireIds?: boolean;
}

function describe(value: unknown): string {
  if (value === null) return 'null';
  if (Array.isArray(value)) return 'an array';
  return typeof value === 'object' ? 'an object without a string "type"' : `a ${typeof value}`;
}

/**
 * Names the first attribute that the schema does not know, which `nodeFromJSON` would silently drop.
 * Unknown node and mark types are left for `nodeFromJSON` to report.
 */
function findUnknownAttribute(json: unknown): string | null {
  if (!isRecord(json)) return null;
  const nodeType = typeof json['type'] === 'string' ? treatySchema.nodes[json['type']] : undefined;
  const attrs = json['attrs'];
  if (nodeType && isRecord(attrs)) {
    const unknown = Object.keys(attrs).find((name) => !(name in (nodeType.spec.attrs ?? {})));
    if (unknown) return `Unsupported attribute ${unknown} on ${nodeType.name}`;
  }
  for (const mark of Array.isArray(json['marks']) ? (json['marks'] as unknown[]) : []) {
    const markType = isRecord(mark) && typeof mark['type'] === 'string' ? treatySchema.marks[mark['type']] : undefined;
    const markAttrs = isRecord(mark) ? mark['attrs'] : undefined;
    if (!markType || !isRecord(markAttrs)) continue;
    const unknown = Object.keys(markAttrs).find((name) => !(name in (markType.spec.attrs ?? {})));
    if (unknown) return `Unsupported attribute ${unknown} on mark ${markType.name}`;
  }
  for (const child of Array.isArray(json['content']) ? (json['content'] as unknown[]) : []) {
    const found = findUnknownAttribute(child);
    if (found) return found;
  }
  return null;
}

function isRecord(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

/**
 * Reads a treaty document from its JSON form, checking it against {@link treatySchema}: node and mark types,
 * attributes, content expressions and (unless `requireIds` is off) the presence and uniqueness of ids.
 * Nested brackets come back in canonical order (see `canonicalizeBrackets`).
 *
 * @throws SchemaError naming what is wrong.
 */
export function docFromJSON(json: unknown, options: DocFromJSONOptions = {}): Node {
  if (!isRecord(json) || typeof json['type'] !== 'string') {
    throw new SchemaError(SchemaErrorCode.InvalidJson, `Expected a treaty document as JSON ({ "type": "doc", ... }), got ${describe(json)}`);
  }
  if (json['type'] !== 'doc') {
    throw new SchemaError(SchemaErrorCode.InvalidDocument, `Expected the top node of a treaty document to be "doc", got "${json['type']}"`);
  }
  const unknownAttribute = findUnknownAttribute(json);
  if (unknownAttribute) {
    throw new SchemaError(SchemaErrorCode.InvalidDocument, `Invalid treaty document: ${unknownAttribute}`);
  }
  let doc: Node;
  try {
    const parsed = treatySchema.nodeFromJSON(json);
    parsed.check();
    doc = canonicalizeBrackets(parsed);
  } catch (error) {
    const reason = error instanceof Error ? error.message : String(error);
    throw new SchemaError(SchemaErrorCode.InvalidDocument, `Invalid treaty document: ${reason}`);
  }
  if (options.requireIds ?? true) {
    const conflict = findIdConflicts(doc)[0];
    if (conflict) {
      const what = `${conflict.node.type.name} at position ${conflict.pos}`;
      if (conflict.reason === 'missing') {
        throw new SchemaError(SchemaErrorCode.MissingId, `Invalid treaty document: ${what} has no id`);
      }
      throw new SchemaError(
        SchemaErrorCode.DuplicateId,
        `Invalid treaty document: ${what} repeats the id "${String(conflict.node.attrs['id'])}" of an earlier node`,
      );
    }
  }
  return doc;
}

/**
 * Reads a treaty document stored as a JSON string (a proposal's base and proposed text, an instrument's base
 * text), checked as {@link docFromJSON} checks it; {@link docToJSONText} writes it.
 *
 * @throws SchemaError when the string is not JSON or not a valid treaty document.
 */
export function docFromJSONText(text: string, options: DocFromJSONOptions = {}): Node {
  let json: unknown;
  try {
    json = JSON.parse(text) as unknown;
  } catch (error) {
    const reason = error instanceof Error ? error.message : String(error);
    throw new SchemaError(SchemaErrorCode.InvalidJson, `Expected a treaty document as a JSON string: ${reason}`);
  }
  return docFromJSON(json, options);
}

/** A treaty document as a JSON string, for storage; {@link docFromJSONText} reads it back. */
export function docToJSONText(doc: Node): string {
  return JSON.stringify(doc.toJSON());
}

/** The JSON form of a treaty document, for storage and transport; {@link docFromJSON} reads it back. */
export function docToJSON(doc: Node): DocJSON {
  return doc.toJSON() as DocJSON;
}
