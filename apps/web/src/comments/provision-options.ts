import type { Language } from '@concord/domain';
import { docFromJSON, listProvisions } from '@concord/schema';

/** A provision to file a remark on, labelled as the server labels it: "Article 5", "Article 5 (2)". */
export interface ProvisionOption {
  readonly id: string;
  readonly label: string;
}

/** The articles and paragraphs of a published text, in order, for the remark form and the matrix filter. */
export function provisionOptions(doc: unknown, language: Language): readonly ProvisionOption[] {
  const provisions = listProvisions(docFromJSON(doc), language);
  const articles = new Map(provisions.filter((p) => p.kind === 'article').map((p) => [p.id, p]));
  return provisions.map((p) => {
    if (p.kind === 'article') return { id: p.id, label: p.heading ? `${p.label} ${p.heading}` : p.label };
    const article = [...p.path].reverse().map((id) => articles.get(id)).find((a) => a !== undefined);
    const number = p.label.replace(/\.$/, '');
    return { id: p.id, label: article ? (number ? `${article.label} (${number})` : article.label) : p.label };
  });
}
