import type { FollowedRemarkView } from '@concord/domain';
import type { Node } from 'prosemirror-model';

/** Where each provision of a text lies: the article (or, outside articles, the chapter) that holds it. */
export function containingEntries(doc: Node): ReadonlyMap<string, string> {
  const within = new Map<string, string>();
  const walk = (node: Node, holder: string | null) => {
    const id = typeof node.attrs.id === 'string' && node.attrs.id !== '' ? node.attrs.id : null;
    const kind = node.type.name;
    const next = id !== null && (kind === 'article' || (kind === 'chapter' && holder === null)) ? id : holder;
    if (id !== null && next !== null) within.set(id, next);
    // A chapter's articles are entries of their own; text of a chapter outside its articles counts for the chapter.
    node.forEach((child) => walk(child, child.type.name === 'article' ? null : next));
  };
  walk(doc, null);
  return within;
}

/** How many published written remarks concern each navigator entry (article, or chapter), deleted provisions aside. */
export function remarkCounts(doc: Node, remarks: readonly FollowedRemarkView[]): ReadonlyMap<string, number> {
  const within = containingEntries(doc);
  const counts = new Map<string, number>();
  for (const r of remarks) {
    const entry = r.deleted || r.remark.provisionId === null ? undefined : within.get(r.remark.provisionId);
    if (entry !== undefined) counts.set(entry, (counts.get(entry) ?? 0) + 1);
  }
  return counts;
}
