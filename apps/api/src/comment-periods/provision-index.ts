import { isLanguage, type Language } from '@concord/domain';
import { docFromJSON, listProvisions } from '@concord/schema';
import type { Node } from 'prosemirror-model';

/** A provision one may comment on: its number as printed, its heading, and its place in the text. */
export interface IndexedProvision {
  readonly id: string;
  readonly label: string;
  readonly heading: string | null;
  readonly order: number;
}

/**
 * The articles and paragraphs of a text by stable id, numbered in `language`: "Article 5" for an article and
 * "Article 5 (2)" for its second paragraph ("Article 5" for a lone paragraph).
 */
export function provisionIndex(doc: Node, language: Language): ReadonlyMap<string, IndexedProvision> {
  const provisions = listProvisions(doc, language);
  const articles = new Map(provisions.filter((p) => p.kind === 'article').map((p) => [p.id, p]));
  const index = new Map<string, IndexedProvision>();
  provisions.forEach((p, order) => {
    if (p.kind === 'article') {
      index.set(p.id, { id: p.id, label: p.label, heading: p.heading, order });
      return;
    }
    const article = [...p.path].reverse().map((id) => articles.get(id)).find((a) => a !== undefined);
    const number = p.label.replace(/\.$/, '');
    const label = article ? (number ? `${article.label} (${number})` : article.label) : p.label;
    index.set(p.id, { id: p.id, label, heading: null, order });
  });
  return index;
}

/** The stored content of a revision, as far as comments need it. */
export interface StoredRevisionContent {
  readonly versions: Partial<Record<Language, { readonly doc: unknown }>>;
}

/** A revision's document in `language`, or in its original language when it has no such version. */
export function revisionDoc(content: string, language: string, original: string): { doc: Node; language: Language } | null {
  const parsed = JSON.parse(content) as StoredRevisionContent;
  const pick = isLanguage(language) && parsed.versions[language] ? language : original;
  if (!isLanguage(pick)) return null;
  const version = parsed.versions[pick];
  return version ? { doc: docFromJSON(version.doc), language: pick } : null;
}
