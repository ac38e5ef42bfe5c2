import type { AnchorPlacement } from './anchors';
import type { ThreadView } from './comments-api';

/** The threads of a target as the sidebar lists them. */
export interface ThreadGroups {
  /** Unresolved threads whose text is still there, in the order of the text (threads without a range last). */
  readonly open: readonly ThreadView[];
  /** Resolved threads whose text is still there, in the order of the text. */
  readonly resolved: readonly ThreadView[];
  /** Threads whose text was deleted, oldest first: shown with their quote only. */
  readonly orphaned: readonly ThreadView[];
  /** Where each placed thread's range lies in the editor's document, and the text it covers now. */
  readonly ranges: ReadonlyMap<string, { readonly from: number; readonly to: number; readonly text: string }>;
}

/**
 * Sorts threads into open, resolved and orphaned, each in the order of the text. `place` says where a thread's
 * anchor lies in the page's copy of the document (`null` when the page has no editor); when it cannot tell, the
 * server's `orphaned` flag decides.
 */
export function groupThreads(
  threads: readonly ThreadView[],
  place: ((thread: ThreadView) => AnchorPlacement) | null,
): ThreadGroups {
  const ranges = new Map<string, { from: number; to: number; text: string }>();
  const orphaned: ThreadView[] = [];
  const placed: { thread: ThreadView; at: number }[] = [];
  for (const thread of threads) {
    const placement: AnchorPlacement = thread.anchor === null || place === null ? { kind: 'unknown' } : place(thread);
    if (placement.kind === 'orphaned' || (placement.kind === 'unknown' && thread.orphaned)) {
      orphaned.push(thread);
      continue;
    }
    if (placement.kind === 'placed') ranges.set(thread.id, { from: placement.from, to: placement.to, text: placement.text });
    placed.push({ thread, at: placement.kind === 'placed' ? placement.from : Number.POSITIVE_INFINITY });
  }
  // Two unplaced threads give NaN (infinity minus infinity), which is falsy like a tie: the older comes first.
  const byText = (a: { thread: ThreadView; at: number }, b: { thread: ThreadView; at: number }) =>
    a.at - b.at || a.thread.comment.createdAt.localeCompare(b.thread.comment.createdAt);
  const ordered = placed.sort(byText).map((entry) => entry.thread);
  const oldestFirst = (a: ThreadView, b: ThreadView) => a.comment.createdAt.localeCompare(b.comment.createdAt);
  return {
    open: ordered.filter((thread) => !thread.resolved),
    resolved: ordered.filter((thread) => thread.resolved),
    orphaned: orphaned.sort(oldestFirst),
    ranges,
  };
}
