import { isAgreedStatus } from '@concord/domain';
import * as Y from 'yjs';

/*
 * Agreed means agreed: a provision (article or paragraph) whose status is informally agreed or agreed ad
 * referendum is changed only after it is reopened. This finds the agreed provisions a Yjs transaction touched,
 * looking only at what it changed, created and deleted, so typing in an open paragraph costs a walk up its
 * ancestors. A provision counts as agreed if it was agreed before the transaction or is after it, so that no
 * update can reopen (or agree) a provision by itself: statuses change through the API, which records who and why.
 */

/** What the guard may let through. */
export interface AgreedGuardOptions {
  /**
   * Changes of the `status` attribute itself (and nothing else of the provision) are let through: the server's
   * own status change, which the API has recorded.
   */
  readonly statusChanges?: boolean;
  /** Provisions the change may touch whatever their status (a secretariat renumbering rewrites numbers only). */
  readonly exempt?: readonly string[];
}

const PROVISIONS = new Set(['article', 'paragraph']);

interface Shared {
  readonly _item: Y.Item | null;
  readonly _map: Map<string, Y.Item>;
}

type StateVector = Map<number, number>;

const isNewItem = (item: Y.Item, before: StateVector): boolean => item.id.clock >= (before.get(item.id.client) ?? 0);

/** The value of an element's attribute before the transaction (`before` its state vector), or undefined. */
function attributeBefore(type: Shared, key: string, before: StateVector): unknown {
  let item: Y.Item | null = type._map.get(key) ?? null;
  // The map keeps earlier values to the left of the current one; garbage collection is off while checking.
  while (item && isNewItem(item, before)) item = item.left;
  if (!item) return undefined;
  const content = item.content.getContent();
  return content[content.length - 1];
}

function attributeAfter(type: Shared, key: string): unknown {
  const item = type._map.get(key);
  if (!item || item.deleted) return undefined;
  const content = item.content.getContent();
  return content[content.length - 1];
}

/** The id of an agreed provision, or null when `type` is not an agreed article or paragraph. */
function agreedId(type: unknown, before: StateVector): string | null {
  if (!(type instanceof Y.XmlElement) || !PROVISIONS.has(type.nodeName)) return null;
  const shared = type as unknown as Shared;
  const created = shared._item !== null && isNewItem(shared._item, before);
  const agreed = isAgreedStatus(attributeAfter(shared, 'status')) || (!created && isAgreedStatus(attributeBefore(shared, 'status', before)));
  if (!agreed) return null;
  const id = attributeAfter(shared, 'id') ?? attributeBefore(shared, 'id', before);
  return typeof id === 'string' ? id : '';
}

/** Adds every agreed provision among `type` and its ancestors. */
function collectUp(type: unknown, before: StateVector, found: Set<string>): void {
  let current: unknown = type;
  while (current instanceof Y.AbstractType) {
    const id = agreedId(current, before);
    if (id !== null) found.add(id);
    const item = (current as unknown as Shared)._item;
    current = item ? item.parent : null;
  }
}

/** Adds every agreed provision inside an element (a deleted or inserted subtree). */
function collectDown(type: Y.XmlElement, before: StateVector, found: Set<string>): void {
  const id = agreedId(type, before);
  if (id !== null) found.add(id);
  // Deleted children are still linked; a deleted agreed paragraph inside the deleted article counts as well.
  let item = (type as unknown as { _start: Y.Item | null })._start;
  while (item) {
    if (item.content instanceof Y.ContentType && item.content.type instanceof Y.XmlElement) collectDown(item.content.type, before, found);
    item = item.right;
  }
}

/**
 * The ids of the agreed provisions the transactions touched: those whose content, attributes or descendants they
 * changed, created inside or deleted, and those they deleted or created whole. An empty list when none.
 */
export function touchedAgreedProvisions(transactions: readonly Y.Transaction[], options: AgreedGuardOptions = {}): string[] {
  if (transactions.length === 0) return [];
  const before = transactions[0].beforeState;
  const found = new Set<string>();
  for (const transaction of transactions) {
    for (const [type, keys] of transaction.changed) {
      // A status change alone is the API's to make; it still may not touch what else lies in the provision.
      const onlyStatus = options.statusChanges === true && keys.size > 0 && [...keys].every((key) => key === 'status');
      if (onlyStatus) continue;
      collectUp(type, before, found);
    }
    Y.iterateDeletedStructs(transaction, transaction.deleteSet, (struct) => {
      if (!(struct instanceof Y.Item)) return;
      if (options.statusChanges === true && struct.parentSub === 'status') return;
      collectUp(struct.parent, before, found);
      if (struct.content instanceof Y.ContentType && struct.content.type instanceof Y.XmlElement) collectDown(struct.content.type, before, found);
    });
    // Elements created whole: a new agreed provision (or one pasted in) is as much a status change as a set attribute.
    for (const [client, clock] of transaction.afterState) {
      const start = before.get(client) ?? 0;
      if (clock <= start) continue;
      const structs = transaction.doc.store.clients.get(client) ?? [];
      for (let index = start === 0 ? 0 : Y.findIndexSS(structs, start); index < structs.length; index++) {
        const struct = structs[index];
        if (struct instanceof Y.Item && struct.content instanceof Y.ContentType && struct.content.type instanceof Y.XmlElement) {
          const id = agreedId(struct.content.type, before);
          if (id !== null) found.add(id);
        }
      }
    }
  }
  for (const id of options.exempt ?? []) found.delete(id);
  return [...found].sort();
}
