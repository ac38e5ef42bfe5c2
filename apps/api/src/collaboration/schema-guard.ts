import { treatySchema } from '@concord/schema';
import { Fragment, type MarkType, type Node, type NodeType } from 'prosemirror-model';
import * as Y from 'yjs';

/*
 * Checks that a transaction left the treaty text of a document valid against the treaty schema, looking only at
 * what the transaction touched. A ProseMirror document is valid when every node is valid on its own (its type,
 * attributes, the types of its children, the marks of its text), so after a change only the nodes whose children
 * or attributes changed, and the nodes the change created, need looking at: typing in a paragraph checks that
 * paragraph's text, not the treaty. The conversion mirrors y-prosemirror's (`yXmlFragmentToProsemirrorJSON`),
 * which `docFromYFragment` reads with, so what passes here reads back there.
 */

/** y-prosemirror stores a mark that may overlap itself (a bracket) under `<mark>--<8-character hash>`. */
const HASHED_MARK = /(.*)(--[a-zA-Z0-9+/=]{8})$/;

/** What the checker reads of any shared type: where it sits, and its map entries (an element's attributes). */
interface SharedType {
  readonly _item: Y.Item | null;
  readonly _map: Map<string, Y.Item>;
}

const same = (a: object, b: object): boolean => a === b;

const own = (object: object, key: string): boolean => Object.prototype.hasOwnProperty.call(object, key);

function nodeTypeOf(name: string): NodeType | null {
  if (!own(treatySchema.nodes, name) || name === 'doc' || name === 'text') return null;
  return treatySchema.nodes[name as keyof typeof treatySchema.nodes];
}

function markTypeOf(name: string): MarkType | null {
  return own(treatySchema.marks, name) ? treatySchema.marks[name as keyof typeof treatySchema.marks] : null;
}

function isRecord(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

/** The live (not deleted) map entries of a type: an XML element's attributes. */
function liveAttributes(type: SharedType): Map<string, unknown> {
  const attributes = new Map<string, unknown>();
  for (const [key, item] of type._map) {
    if (item.deleted) continue;
    const content = item.content.getContent();
    attributes.set(key, content[content.length - 1]);
  }
  return attributes;
}

/** Thrown inside the checker with what is wrong; never leaves this module. */
class Violation extends Error {}

function fail(message: string): never {
  throw new Violation(message);
}

/** The text nodes an XmlText stands for, each checked on its own (its marks and their attributes). */
function textNodes(text: Y.XmlText): Node[] {
  if (liveAttributes(text).size > 0) fail('attributes on text');
  const nodes: Node[] = [];
  for (const op of text.toDelta() as Array<{ insert: unknown; attributes?: Record<string, unknown> }>) {
    if (typeof op.insert !== 'string' || op.insert.length === 0) fail('an embedded object in text');
    const marks = Object.entries(op.attributes ?? {}).map(([key, attrs]) => {
      const type = markTypeOf(HASHED_MARK.exec(key)?.[1] ?? key);
      if (!type) fail(`unknown mark ${key.slice(0, 40)}`);
      if (!isRecord(attrs)) fail(`mark ${type.name} without attributes`);
      const unknown = Object.keys(attrs).find((name) => !own(type.spec.attrs ?? {}, name));
      if (unknown !== undefined) fail(`unknown attribute ${unknown.slice(0, 40)} on mark ${type.name}`);
      return type.create(attrs);
    });
    const node = treatySchema.text(op.insert, marks);
    node.check();
    nodes.push(node);
  }
  return nodes;
}

/** Whether a type was created by the transactions being checked (so it was never checked before). */
type IsNew = (type: SharedType) => boolean;

/**
 * Checks one element (or the fragment, as `doc`): its type and attributes, the types of its children and its
 * text; then, recursively, each child element the transaction created. Children that existed before were valid
 * and, unless the transaction changed them too (then they are checked as changed types), still are.
 */
function checkElement(type: Y.XmlElement | Y.XmlFragment, nodeType: NodeType, isNew: IsNew): void {
  const attrs: Record<string, unknown> = {};
  for (const [key, value] of liveAttributes(type)) {
    if (type instanceof Y.XmlElement ? !own(nodeType.spec.attrs ?? {}, key) : true) fail(`unknown attribute ${key.slice(0, 40)} on ${nodeType.name}`);
    attrs[key] = value;
  }
  if (type instanceof Y.XmlElement && Object.keys(attrs).length > 0) {
    // A stand-in with the same attributes and filler content checks the attribute values (defaults are valid).
    const standIn = nodeType.createAndFill(attrs);
    if (!standIn) fail(`no valid ${nodeType.name}`);
    standIn.check();
  }
  const children: Node[] = [];
  const created: Array<[Y.XmlElement, NodeType]> = [];
  for (const child of type.toArray() as unknown[]) {
    if (child instanceof Y.XmlText) {
      children.push(...textNodes(child));
    } else if (child instanceof Y.XmlElement) {
      const childType = nodeTypeOf(child.nodeName);
      if (!childType) fail(`unknown element ${String(child.nodeName).slice(0, 40)}`);
      // Only its type matters for this node's content expression.
      children.push(childType.create());
      if (isNew(child)) created.push([child, childType]);
    } else {
      fail(`content that is neither an element nor text in ${nodeType.name}`);
    }
  }
  if (!nodeType.validContent(Fragment.fromArray(children))) fail(`invalid content for ${nodeType.name}`);
  for (const [child, childType] of created) checkElement(child, childType, isNew);
}

/** Whether a type is part of the fragment's live tree (neither it nor an ancestor deleted). */
function liveIn(type: SharedType, fragment: Y.XmlFragment): boolean {
  let current: SharedType = type;
  while (!same(current, fragment)) {
    const item = current._item;
    if (!item || item.deleted || !(item.parent instanceof Y.AbstractType)) return false;
    current = item.parent;
  }
  return true;
}

function checkChanged(type: SharedType, fragment: Y.XmlFragment, isNew: IsNew): void {
  if (same(type, fragment)) {
    checkElement(fragment, treatySchema.topNodeType, isNew);
    return;
  }
  if (type instanceof Y.XmlText) {
    const parent = type._item?.parent;
    if (parent && same(parent, fragment)) checkElement(fragment, treatySchema.topNodeType, isNew);
    else if (parent instanceof Y.XmlElement) checkChanged(parent, fragment, isNew);
    else fail('text outside an element');
    return;
  }
  if (type instanceof Y.XmlElement) {
    const nodeType = nodeTypeOf(type.nodeName);
    if (!nodeType) fail(`unknown element ${String(type.nodeName).slice(0, 40)}`);
    checkElement(type, nodeType, isNew);
    return;
  }
  fail('a shared type the treaty schema does not know');
}

/**
 * What is wrong with the treaty text (the fragment) after the given transactions, looking only at the types
 * they changed and created; null when it is valid. Assumes it was valid before them.
 */
export function findSchemaViolation(fragment: Y.XmlFragment, transactions: readonly Y.Transaction[]): string | null {
  if (transactions.length === 0) return null;
  const before = transactions[0].beforeState;
  const isNew: IsNew = (type) => {
    const id = type._item?.id;
    return id !== undefined && id.clock >= (before.get(id.client) ?? 0);
  };
  try {
    for (const transaction of transactions) {
      for (const type of transaction.changed.keys()) {
        if (same(type, fragment) && [...(transaction.changed.get(type) ?? [])].some((key) => key !== null)) {
          fail('attributes on the document');
        }
        if (liveIn(type, fragment)) checkChanged(type, fragment, isNew);
      }
    }
    return null;
  } catch (error) {
    if (error instanceof Violation) return error.message;
    // ProseMirror's own checks throw RangeError (an invalid attribute value, overlapping marks of one kind).
    return error instanceof Error ? error.message.slice(0, 200) : 'invalid content';
  }
}
