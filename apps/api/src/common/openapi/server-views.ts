import type { Comparison } from '@concord/compare';
import type { ApiViews } from '@concord/domain';
import type { WordAppliedView, WordPreviewView } from '@concord/export';
import type { StaleNodeView } from '@concord/schema';

/**
 * Every view the API answers with, by its schema's name: the views of libs/domain (`ApiViews`) and those built
 * from the engine libraries' types (a comparison, the stale-translation queue, the Word bridge), which libs/domain
 * cannot import. The view schemas are generated from this map.
 */
export interface ServerViews extends ApiViews {
  readonly Comparison: Comparison;
  readonly StaleNodeView: StaleNodeView;
  readonly WordAppliedView: WordAppliedView;
  readonly WordPreviewView: WordPreviewView;
}

/** The name of a view in {@link ServerViews}. */
export type ServerViewName = keyof ServerViews;
