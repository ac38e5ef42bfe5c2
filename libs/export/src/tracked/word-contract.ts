import type { WordUnplaced } from './word-merge';

/*
 * The Word bridge's answers as the API sends them and the web app reads them: one definition for both sides.
 */

/** A change of one block the upload makes, as the preview shows it and the application reports it. */
export interface WordChangeView {
  readonly key: string;
  readonly article: string;
  readonly label: string;
  readonly before: string;
  readonly after: string;
  /** How the paragraph was placed on the block: by its hidden id, its number or its text. */
  readonly placedBy: 'id' | 'number' | 'text';
  readonly authors: readonly string[];
  /** Word's edits that go in (or went in) on top of the live text. */
  readonly edits: number;
  /** Where members changed the same words since: Word's version, theirs, and the text both started from. */
  readonly conflicts: readonly { readonly before: string; readonly word: string; readonly live: string }[];
}

/** What Concord understood of an uploaded Word file. */
export interface WordPreviewView {
  /** SHA-256 of the file, to send back when applying so that what is applied is what was previewed. */
  readonly digest: string;
  readonly roundTrip: boolean;
  readonly tracked: boolean;
  readonly paragraphs: number;
  readonly matched: number;
  readonly changes: readonly WordChangeView[];
  readonly unplaced: readonly WordUnplaced[];
}

/** What applying a Word file did. */
export interface WordAppliedView extends WordPreviewView {
  readonly applied: number;
}
