import type { LiveEdit } from '@concord/export';
import * as Y from 'yjs';

/** Where each character of a block's text (as `readInline` writes it) lives in Yjs: a text and an index, or a printed bracket. */
type Place = { readonly text: Y.XmlText; readonly index: number } | null;

/** A block of the live document as the Word bridge edits it: its text with brackets printed, and where its characters are. */
export interface LiveBlock {
  readonly element: Y.XmlElement;
  readonly text: string;
  readonly places: readonly Place[];
}

function elementWithId(parent: Y.XmlFragment | Y.XmlElement, id: string): Y.XmlElement | null {
  for (const child of parent.toArray()) {
    if (!(child instanceof Y.XmlElement)) continue;
    if (child.getAttribute('id') === id) return child;
    const found = elementWithId(child, id);
    if (found) return found;
  }
  return null;
}

function childElements(element: Y.XmlElement | Y.XmlFragment, name: string): Y.XmlElement[] {
  return element.toArray().filter((child): child is Y.XmlElement => child instanceof Y.XmlElement && child.nodeName === name);
}

/**
 * The textblock a compared block's key names (`title`, a recital's id, `<id>#heading`, `<id>#<n>` for the n-th
 * text block of a paragraph, subparagraph or option), or `null` for a key of a node without a stable id.
 */
export function textblockOf(fragment: Y.XmlFragment, key: string): Y.XmlElement | null {
  if (key === 'title') return childElements(fragment, 'title')[0] ?? null;
  const hash = key.lastIndexOf('#');
  if (hash < 0) {
    const recital = elementWithId(fragment, key);
    return recital?.nodeName === 'recital' ? recital : null;
  }
  const owner = elementWithId(fragment, key.slice(0, hash));
  if (!owner) return null;
  const which = key.slice(hash + 1);
  if (which === 'heading') return childElements(owner, 'heading')[0] ?? null;
  const n = Number(which);
  return Number.isInteger(n) ? (childElements(owner, 'text_block')[n] ?? null) : null;
}

interface Run {
  readonly insert: unknown;
  readonly attributes?: Record<string, unknown>;
}

function bracketIds(attributes: Record<string, unknown> | undefined): string[] {
  if (!attributes) return [];
  return Object.entries(attributes)
    .filter(([key]) => key === 'bracket' || key.startsWith('bracket--'))
    .map(([, value]) => String((value as { id?: unknown } | null)?.id ?? ''));
}

/** The block's text with brackets printed exactly as `readInline` prints them, and the place of every character. */
export function liveBlock(element: Y.XmlElement): LiveBlock {
  let text = '';
  const places: Place[] = [];
  const open: string[] = [];
  const print = (c: string) => {
    text += c;
    places.push(null);
  };
  for (const child of element.toArray()) {
    if (!(child instanceof Y.XmlText)) continue;
    let index = 0;
    for (const run of child.toDelta() as Run[]) {
      if (typeof run.insert !== 'string') {
        index += 1;
        continue;
      }
      const ids = bracketIds(run.attributes);
      if (ids.length > 0 || open.length > 0) {
        let keep = 0;
        while (keep < open.length && ids.includes(open[keep] ?? '')) keep++;
        const reopened = open.slice(keep).filter((id) => ids.includes(id));
        for (let i = keep; i < open.length; i++) print(']');
        open.length = keep;
        for (const id of [...reopened, ...ids.filter((id) => !open.includes(id) && !reopened.includes(id))]) {
          open.push(id);
          print('[');
        }
      }
      for (let i = 0; i < run.insert.length; i++) {
        text += run.insert[i];
        places.push({ text: child, index: index + i });
      }
      index += run.insert.length;
    }
  }
  for (let i = 0; i < open.length; i++) print(']');
  return { element, text, places };
}

/**
 * Makes edits (in offsets of the block's printed text, in increasing order, not overlapping) on the block's Yjs
 * text. Returns the edits it could not make: those that add or remove a printed bracket, which brackets are not
 * (they are set and lifted in Concord).
 */
export function applyEdits(block: LiveBlock, edits: readonly LiveEdit[]): LiveEdit[] {
  const refused: LiveEdit[] = [];
  const doable = edits.filter((edit) => {
    const ok = block.places.slice(edit.from, edit.to).every((place) => place !== null) && !/[[\]]/.test(edit.insert);
    if (!ok) refused.push(edit);
    return ok;
  });
  // From the end, so that the places found before any change stay true for the edits still to make.
  for (const edit of [...doable].reverse()) {
    for (let at = edit.to - 1; at >= edit.from; at--) {
      const place = block.places[at];
      if (place) place.text.delete(place.index, 1);
    }
    // After the deletion: the place of the first deleted character is then where the insertion goes.
    if (edit.insert !== '') insertAt(block, edit.from, edit.insert);
  }
  return refused;
}

function insertAt(block: LiveBlock, at: number, insert: string): void {
  for (let i = at - 1; i >= 0; i--) {
    const place = block.places[i];
    if (place) return place.text.insert(place.index + 1, insert);
  }
  for (let i = at; i < block.places.length; i++) {
    const place = block.places[i];
    if (place) return place.text.insert(place.index, insert);
  }
  const existing = block.element.toArray().find((child): child is Y.XmlText => child instanceof Y.XmlText);
  if (existing) existing.insert(0, insert);
  else block.element.insert(0, [new Y.XmlText(insert)]);
}
