import { isAgreedStatus } from '@concord/domain';
import type { Node } from 'prosemirror-model';
import { Plugin, type Transaction } from 'prosemirror-state';
import { ySyncPluginKey } from 'y-prosemirror';

const PROVISIONS = new Set(['article', 'paragraph']);

const agreed = (node: Node): boolean => PROVISIONS.has(node.type.name) && isAgreedStatus(node.attrs['status']);

/** Whether a range of a document lies in, or covers, an agreed article or paragraph. */
export function touchesAgreed(doc: Node, from: number, to: number): boolean {
  for (const pos of [from, to]) {
    const $pos = doc.resolve(Math.min(Math.max(pos, 0), doc.content.size));
    for (let depth = $pos.depth; depth > 0; depth--) if (agreed($pos.node(depth))) return true;
  }
  let found = false;
  if (to > from) {
    doc.nodesBetween(from, to, (node) => {
      if (agreed(node)) found = true;
      return !found;
    });
  }
  return found;
}

function isLocal(tr: Transaction): boolean {
  const meta = tr.getMeta(ySyncPluginKey) as { isChangeOrigin?: boolean } | undefined;
  return meta?.isChangeOrigin !== true;
}

/**
 * Agreed means agreed, in the editor too: a local change inside (or over) an agreed provision is not made, so the
 * page never sends what the collaboration server would refuse (close code 4423). Changes from others apply.
 * `onRefused` hears of each change not made, so that the page can say why the keys did nothing.
 */
export function agreedLock(onRefused: () => void = () => undefined): Plugin {
  return new Plugin({
    filterTransaction(tr) {
      if (!tr.docChanged || !isLocal(tr)) return true;
      const allowed = tr.steps.every((step, index) => {
        const before = tr.docs[index];
        let touched = false;
        step.getMap().forEach((oldStart, oldEnd) => {
          if (!touched && touchesAgreed(before, oldStart, oldEnd)) touched = true;
        });
        return !touched;
      });
      if (!allowed) onRefused();
      return allowed;
    },
  });
}
