import type { Language, ProvisionStatus } from '@concord/domain';
import { inlineToText, numberDocument, type NumberLabel } from '@concord/schema';
import type { Node } from 'prosemirror-model';

/** A chapter or article of a document, for the article navigator. */
export interface OutlineEntry {
  readonly kind: 'chapter' | 'article';
  readonly id: string;
  /** Its number in the requested language: "Article 3", "Chapter II", "المادة ٣". */
  readonly label: string;
  /** The text of its heading, when it has one. */
  readonly heading: string | null;
  /** An article's negotiation status; `null` for chapters. */
  readonly status: ProvisionStatus | null;
  /** Position of the node in the document. */
  readonly pos: number;
}

function headingOf(node: Node): string | null {
  const first = node.firstChild;
  if (first?.type.name !== 'heading') return null;
  const text = inlineToText(first).trim();
  return text === '' ? null : text;
}

/**
 * Numbers a document in `language`; with a `base`, its chapters and articles that come from the base keep the
 * base's numbers. A drafting space holds only the articles it drafts on, and a delegation drafting on Article 4
 * expects to read "Article 4" there, not "Article 1".
 */
export function numberAgainstBase(doc: Node, language: Language, base: Node | null = null): ReadonlyMap<string, NumberLabel> {
  const own = numberDocument(doc, language);
  if (base === null) return own;
  const inBase = numberDocument(base, language);
  const labels = new Map(own);
  for (const [id, label] of own) {
    const fromBase = inBase.get(id);
    if ((label.kind === 'article' || label.kind === 'chapter') && fromBase?.kind === label.kind) labels.set(id, fromBase);
  }
  return labels;
}

/**
 * The chapters and articles of a treaty document in order, numbered in `language` (as in `base`, when given;
 * see {@link numberAgainstBase}). Nodes without an id (a moment after an editor created them) are left out,
 * since numbering is keyed by id.
 */
export function documentOutline(doc: Node, language: Language, base: Node | null = null): readonly OutlineEntry[] {
  const labels = numberAgainstBase(doc, language, base);
  const entries: OutlineEntry[] = [];
  const add = (node: Node, pos: number, kind: 'chapter' | 'article') => {
    const id: unknown = node.attrs['id'];
    if (typeof id !== 'string' || id === '') return;
    const status: unknown = node.attrs['status'];
    entries.push({
      kind,
      id,
      label: labels.get(id)?.label ?? '',
      heading: headingOf(node),
      status: kind === 'article' ? (status as ProvisionStatus) : null,
      pos,
    });
  };
  doc.forEach((child, offset) => {
    if (child.type.name === 'article') add(child, offset, 'article');
    if (child.type.name !== 'chapter') return;
    add(child, offset, 'chapter');
    child.forEach((grandchild, innerOffset) => {
      if (grandchild.type.name === 'article') add(grandchild, offset + 1 + innerOffset, 'article');
    });
  });
  return entries;
}
