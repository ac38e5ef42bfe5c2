import { builders } from '@concord/schema';
import { describe, expect, it } from 'vitest';
import { revisionModel, type InlineNode } from './revision-model';
import { revisionInput } from './testing/fixtures';

const { article, bracket, doc, p, provenance } = builders;

function shape(nodes: readonly InlineNode[]): string {
  return nodes
    .map((node) => {
      switch (node.kind) {
        case 'text':
          return node.text;
        case 'bracket':
          return `[${shape(node.children)}]`;
        case 'provenance':
          return `{${shape(node.children)}}`;
        case 'note-ref':
          return `^${node.note}`;
        case 'xref':
          return `<${node.text}>`;
      }
    })
    .join('');
}

function firstText(input: ReturnType<typeof revisionInput>): string {
  const [first] = revisionModel(input).body;
  const paragraph = first?.kind === 'article' ? first.children[0] : undefined;
  const lead = paragraph?.kind === 'paragraph' ? paragraph.children[0] : undefined;
  return lead?.kind === 'text' ? shape(lead.content) : '';
}

describe(revisionModel.name, () => {
  it('numbers notes in order of first reference, a note cited again keeping its number', () => {
    const model = revisionModel(revisionInput('en'));
    expect(model.notes.map((note) => [note.number, note.proposalIds, note.delegations])).toEqual([
      [1, ['prop-1'], ['EGY', 'BRA', 'EU']],
      [2, [], ['EU']],
      [3, ['prop-2'], ['RUS']],
    ]);
  });

  it('places the note reference after a run of text from the same proposal, outside a bracket that closes with it', () => {
    const input = revisionInput('en', {
      doc: doc(
        article(
          { id: 'a1' },
          p(
            { id: 'p1' },
            'A ',
            bracket({ id: 'b' }, provenance({ kind: 'proposal', ref: 'prop-2', delegations: ['RUS'] }, 'one ')),
            provenance({ kind: 'proposal', ref: 'prop-2', delegations: ['RUS'] }, 'two'),
            ' B',
          ),
        ),
      ),
    });
    expect(firstText(input)).toBe('A [{one }]{two}^1 B');
  });

  it('keeps a bracket one element across changes of provenance inside it', () => {
    const input = revisionInput('en', {
      doc: doc(
        article(
          { id: 'a1' },
          p({ id: 'p1' }, bracket({ id: 'b' }, provenance({ kind: 'proposal', ref: 'prop-1', delegations: ['EGY'] }, 'one'), ' two'), '.'),
        ),
      ),
    });
    expect(firstText(input)).toBe('[{one}^1 two].');
  });

  it('gives a note to an option with sponsors and no proposals, and none to the base option', () => {
    const model = revisionModel(revisionInput('en'));
    const article2 = model.body[0]?.kind === 'chapter' ? model.body[0].articles[1] : undefined;
    const paragraph = article2?.children[1];
    const group = paragraph?.kind === 'paragraph' ? paragraph.children[0] : undefined;
    expect(group?.kind === 'options' ? group.options.map((option) => option.note?.note ?? null) : null).toEqual([null, 2]);
  });
});
