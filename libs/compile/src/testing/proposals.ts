import { treatySchema } from '@concord/schema';
import { Fragment, type Node } from 'prosemirror-model';
import type { Proposal } from '../types';

/** How {@link revise} changes a document. */
export interface Revision {
  /**
   * New plain text for the recital or the lead text of the paragraph or subparagraph with this id, or for the
   * heading of the article `a1` under the key `a1#heading`.
   */
  readonly text?: Readonly<Record<string, string>>;
  /** Ids of nodes to leave out. */
  readonly drop?: readonly string[];
  /** Nodes to add after the node with this id. */
  readonly after?: Readonly<Record<string, readonly Node[]>>;
}

function inline(text: string): Fragment {
  return text ? Fragment.from(treatySchema.text(text)) : Fragment.empty;
}

/** A copy of `doc` revised as a delegation would in its drafting space, ids kept. */
export function revise(doc: Node, revision: Revision): Node {
  const visit = (node: Node): Node[] => {
    const id = typeof node.attrs['id'] === 'string' ? node.attrs['id'] : null;
    if (id && revision.drop?.includes(id)) return [];
    const added = (id && revision.after?.[id]) || [];
    const text = id ? revision.text?.[id] : undefined;
    if (node.isTextblock) return [text === undefined ? node : node.copy(inline(text)), ...added];
    const children: Node[] = [];
    const headingText = id ? revision.text?.[`${id}#heading`] : undefined;
    node.forEach((child, _offset, index) => {
      if (index === 0 && text !== undefined && child.type.name === 'text_block') children.push(child.copy(inline(text)));
      else if (headingText !== undefined && child.type.name === 'heading') children.push(child.copy(inline(headingText)));
      else children.push(...visit(child));
    });
    return [node.copy(Fragment.fromArray(children)), ...added];
  };
  return visit(doc)[0] as Node;
}

/** A proposal by `sponsor` made against `baseDoc` (revision `rev1` unless said otherwise). */
export function proposal(id: string, sponsor: string, baseDoc: Node, proposedDoc: Node, more: Partial<Proposal> = {}): Proposal {
  return {
    id,
    sponsor,
    coSponsors: [],
    supporters: [],
    baseRevisionId: 'rev1',
    baseDoc,
    proposedDoc,
    submittedAt: '2025-01-15T10:00:00.000Z',
    ...more,
  };
}
