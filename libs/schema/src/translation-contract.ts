import type { TextEditView } from '@concord/domain';
import type { NumberLabel } from './numbering';
import type { TextSegment } from './translation';

/*
 * The stale-translation queue as the API sends it and the web app reads it: one definition for both sides.
 */

/** A node of a translation that does not render the original's current words. */
export interface StaleNodeView {
  readonly nodeId: string;
  /** `missing`: not in the translation; `unconfirmed`: never confirmed; `changed`: the original changed since. */
  readonly reason: 'missing' | 'unconfirmed' | 'changed';
  readonly original: string;
  readonly translation: string | null;
  /** The node's type (`article`, `paragraph`, `recital`, …). */
  readonly nodeType: string;
  /** Where the node is: the numbers of the nodes around it and its own, outermost first, in the original. */
  readonly place: readonly NumberLabel[];
  /** The original's own words when the translation was last made or confirmed; `null` if never. */
  readonly translatedFrom: string | null;
  /** The word changes from `translatedFrom` to `original`, as offsets in both (empty when either is unknown). */
  readonly changes: readonly TextEditView[];
  /** The runs of the original's own words that a translation renders one by one, keeping their marks. */
  readonly segments: readonly TextSegment[];
  /** The translation's current words per run, when it still has the original's runs; else `null`. */
  readonly translatedSegments: readonly string[] | null;
}
