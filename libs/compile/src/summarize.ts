import type { Node } from 'prosemirror-model';
import { bracketsOf, provenanceOf, provenanceRefs } from './inline';

/** The negotiation load of one article of a consolidated text. */
export interface ArticleSummary {
  /** Distinct brackets in the article's text. */
  readonly brackets: number;
  readonly optionGroups: number;
  /** Distinct proposals the article's text or options come from. */
  readonly proposals: number;
}

function summarizeArticle(article: Node): ArticleSummary {
  const brackets = new Set<string>();
  const proposals = new Set<string>();
  let optionGroups = 0;
  article.descendants((node) => {
    if (node.type.name === 'option_group') optionGroups++;
    if (node.type.name === 'option') for (const id of node.attrs['proposalIds'] as readonly string[]) proposals.add(id);
    if (!node.isText) return true;
    for (const mark of bracketsOf(node)) brackets.add(String(mark.attrs['id']));
    const provenance = provenanceOf(node);
    if (provenance?.attrs['kind'] === 'proposal') for (const id of provenanceRefs(provenance)) proposals.add(id);
    return false;
  });
  return { brackets: brackets.size, optionGroups, proposals: proposals.size };
}

/** Per article id, in document order: its counts of brackets, option groups and proposals. */
export function summarize(doc: Node): ReadonlyMap<string, ArticleSummary> {
  const summaries = new Map<string, ArticleSummary>();
  doc.descendants((node) => {
    if (node.type.name !== 'article') return node.type.name === 'chapter';
    const id = node.attrs['id'];
    if (typeof id === 'string') summaries.set(id, summarizeArticle(node));
    return false;
  });
  return summaries;
}
