import { Plugin, type Transaction } from 'prosemirror-state';
import { ySyncPluginKey } from 'y-prosemirror';

/** Whether a transaction came from the shared document (a co-editor, or the first render) rather than this editor. */
export function fromYjs(tr: Transaction): boolean {
  const meta: unknown = tr.getMeta(ySyncPluginKey);
  return typeof meta === 'object' && meta !== null && 'isChangeOrigin' in meta && meta.isChangeOrigin === true;
}

/** Stops an event that would change the text, and tells ProseMirror it was handled. */
function refuse(_view: unknown, event: Event): boolean {
  event.preventDefault();
  return true;
}

/**
 * A text the reader may not change but may move through and select from the keyboard, as in a read-only field:
 * the editor stays content-editable (so the caret, arrows and Shift+arrows work, and Ctrl+Alt+M can comment on
 * what was selected) while every change of the text that did not come from the shared document is refused, and
 * typing, pasting, cutting and dropping are stopped before they reach the page.
 */
export function readOnlyText(): Plugin {
  return new Plugin({
    filterTransaction: (tr) => !tr.docChanged || fromYjs(tr),
    props: {
      handleDOMEvents: { beforeinput: refuse, paste: refuse, cut: refuse, drop: refuse, dragstart: refuse },
    },
  });
}
