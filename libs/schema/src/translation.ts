import type { Mark, Node } from 'prosemirror-model';
import { PROVENANCE_KINDS, type ProvenanceAttrs, type ProvenanceKind } from './schema';

/** Thrown when translated words do not fit the original's runs; `message` says why. */
export class TranslationError extends Error {
  override readonly name = 'TranslationError';
}

/**
 * One run of a node's own words that carries the same marks: what a translator renders as a whole, so that the
 * brackets and provenance around it survive in the translation.
 */
export interface TextSegment {
  /** Index of the own text block (heading, lead text) the run is in. */
  readonly block: number;
  readonly text: string;
  /** Ids of the brackets around the run, outermost first. */
  readonly brackets: readonly string[];
  /** The run's provenance, if it has one. */
  readonly provenance: ProvenanceAttrs | null;
  /** The id of the footnote the run is a word of, `null` for the text itself. */
  readonly footnote: string | null;
}

/** The text blocks directly inside a node (heading, lead text), not those of its sub-provisions; a recital is one. */
export function ownTextBlocks(node: Node): readonly Node[] {
  if (node.isTextblock) return [node];
  const blocks: Node[] = [];
  node.forEach((child) => {
    if (child.isTextblock) blocks.push(child);
  });
  return blocks;
}

/** A node's own words, its text blocks joined by line breaks: what a translation of the node renders. */
export function ownText(node: Node): string {
  return ownTextBlocks(node)
    .map((block) => block.textContent)
    .join('\n');
}

function isProvenanceKind(value: unknown): value is ProvenanceKind {
  return (PROVENANCE_KINDS as readonly unknown[]).includes(value);
}

function provenanceOf(mark: Mark): ProvenanceAttrs | null {
  if (mark.type.name !== 'provenance') return null;
  const { kind, ref, delegations, label } = mark.attrs;
  if (!isProvenanceKind(kind)) return null;
  return {
    kind,
    ref: typeof ref === 'string' ? ref : '',
    delegations: Array.isArray(delegations) ? delegations.filter((code): code is string => typeof code === 'string') : [],
    label: typeof label === 'string' ? label : '',
  };
}

function segmentOf(text: Node, block: number, footnote: string | null): TextSegment {
  return {
    block,
    text: text.text ?? '',
    brackets: text.marks.filter((m) => m.type.name === 'bracket').map((m) => String(m.attrs['id'])),
    provenance: text.marks.map(provenanceOf).find((p) => p !== null) ?? null,
    footnote,
  };
}

/**
 * The runs of a node's own words, in order (see {@link TextSegment}); a footnote's words are runs of their own
 * where the note stands, so a translator renders the note with the text around it.
 */
export function ownSegments(node: Node): readonly TextSegment[] {
  const segments: TextSegment[] = [];
  ownTextBlocks(node).forEach((block, index) => {
    block.forEach((child) => {
      if (child.isText) segments.push(segmentOf(child, index, null));
      else if (child.type.name === 'footnote') child.forEach((text) => text.isText && segments.push(segmentOf(text, index, String(child.attrs['id']))));
    });
  });
  return segments;
}

/**
 * The marks of a translated run: the original's brackets as they are, and its provenance turned into a
 * `translation` that keeps the ref, delegations and label of the words it renders (the translator's id where the
 * original words had no provenance).
 */
function translatedMarks(original: Node, translator: string): readonly Mark[] {
  const schema = original.type.schema;
  const provenanceType = schema.marks['provenance'];
  const marks = original.marks.filter((m) => m.type.name !== 'provenance');
  if (!provenanceType) return marks;
  const source = original.marks.map(provenanceOf).find((p) => p !== null) ?? null;
  const attrs: ProvenanceAttrs = {
    kind: 'translation',
    ref: source?.ref || translator,
    delegations: source?.delegations ?? [],
    label: source?.label ?? '',
  };
  return provenanceType.create(attrs).addToSet(marks);
}

/**
 * The node `translation` (a language version's node with the same id as `original`) with its own words replaced by
 * `texts`, one per run of the original's own words ({@link ownSegments}), each carrying the original run's brackets
 * and its provenance as a translation. Sub-provisions, options and attributes of the translation stay as they are.
 * An empty text drops its run, except a bracketed one: a bracket must keep words inside it.
 */
export function translateOwnText(original: Node, translation: Node, texts: readonly string[], translator: string): Node {
  const segments = ownSegments(original);
  if (texts.length !== segments.length) {
    throw new TranslationError(`Expected ${segments.length} translated runs, got ${texts.length}.`);
  }
  const schema = original.type.schema;
  let next = 0;
  const translateRuns = (parent: Node): Node[] => {
    const content: Node[] = [];
    parent.forEach((child) => {
      if (child.type.name === 'footnote') {
        // The note stays where it stood, with its id, its words translated run by run like the text's.
        content.push(child.type.create(child.attrs, translateRuns(child)));
        return;
      }
      if (!child.isText) return;
      const words = texts[next] ?? '';
      const segment = segments[next];
      next += 1;
      if (words === '') {
        if (segment && segment.brackets.length > 0) {
          throw new TranslationError(`Run ${next} is bracketed and needs a translation.`);
        }
        return;
      }
      content.push(schema.text(words, translatedMarks(child, translator)));
    });
    return content;
  };
  const blocks = ownTextBlocks(original).map((block) => block.type.create(block.attrs, translateRuns(block)));
  if (translation.isTextblock) {
    const [only] = blocks;
    return translation.type.create(translation.attrs, only?.content, translation.marks);
  }
  const own = ownTextBlocks(translation);
  if (own.length !== blocks.length || own.some((block, index) => block.type !== blocks[index]?.type)) {
    throw new TranslationError('The translation does not have the text blocks of the original.');
  }
  let replaced = 0;
  const children: Node[] = [];
  translation.forEach((child) => {
    children.push(child.isTextblock ? (blocks[replaced++] ?? child) : child);
  });
  return translation.type.create(translation.attrs, children, translation.marks);
}
