import type { Plugin } from 'prosemirror-state';
import { useMemo, type ReactNode } from 'react';
import { documentTiers } from './comment-permissions';
import { CommentsPanel } from './comments-panel';
import type { CommentTarget } from './comments-api';
import { EditorBridge } from './editor-bridge';

/** What a page gives its `CollaborativeEditor` to have comments beside the text. */
export interface DocumentComments {
  /** The link to the editor, which other panels may follow too (its text, its selection). */
  readonly bridge: EditorBridge;
  readonly plugins: readonly Plugin[];
  /** The comment sidebar, for the editor's margin. */
  readonly panel: ReactNode;
}

/** Comments on a live document (`consolidated:<instrument>:<language>` or `space:<id>`), anchored to its text. */
export function useDocumentComments(document: string): DocumentComments {
  // One bridge per document: a new document is a new editor with new ranges.
  const bridge = useMemo(() => new EditorBridge(), [document]);
  const plugins = useMemo(() => [bridge.plugin], [bridge]);
  const target = useMemo<CommentTarget>(() => ({ kind: 'document', id: document }), [document]);
  const tiers = useMemo(() => documentTiers(document), [document]);
  return { bridge, plugins, panel: <CommentsPanel target={target} tiers={tiers} bridge={bridge} /> };
}
