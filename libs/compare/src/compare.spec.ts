import type { Language } from '@concord/domain';
import { builders, docFromJSON, docToJSON } from '@concord/schema';
import type { Node } from 'prosemirror-model';
import { describe, expect, it } from 'vitest';
import { compare } from './compare';
import type { BlockComparison, Comparison, ConcordanceRow, ProvisionKind } from './comparison';

const { article, bracket, chapter, doc, footnote, heading, option, options, p, preamble, provenance, recital, sub, title } = builders;

/** An article `id` with one paragraph `${id}p` reading `text`. */
function art(id: string, text = `Text of ${id}.`): Node {
  return article({ id }, p({ id: `${id}p` }, text));
}

/** A document of one-paragraph articles. */
function articles(...ids: string[]): Node {
  return doc(...ids.map((id) => art(id)));
}

const FLAGS = ['added', 'deleted', 'moved', 'renumbered', 'textChanged', 'statusChanged', 'unchanged'] as const;

/** A concordance row on one line: `a2: Article 2 → Article 3 renumbered`. */
function line(row: ConcordanceRow): string {
  const number = (label: string | null, parent: string | null): string => (label === null ? '—' : [parent, label].filter(Boolean).join(' '));
  const flags = FLAGS.filter((flag) => row[flag]).join(' ');
  return `${row.id}: ${number(row.oldNumber, row.oldParentNumber)} → ${number(row.newNumber, row.newParentNumber)} ${flags}`;
}

function concordance(older: Node, newer: Node, kind: ProvisionKind = 'article', language: Language = 'en'): string[] {
  return compare(older, newer, { language })
    .concordance.filter((row) => row.kind === kind)
    .map(line);
}

/** A block's words in wdiff notation: `[-deleted-]{+inserted+}`. */
function words(block: BlockComparison | undefined): string {
  return (block?.parts ?? []).map((part) => (part.kind === 'insert' ? `{+${part.text}+}` : part.kind === 'delete' ? `[-${part.text}-]` : part.text)).join('');
}

function blockOf(comparison: Comparison, key: string): BlockComparison | undefined {
  return comparison.blocks.find((block) => block.key === key);
}

/** The word diff of one paragraph whose text changes from `older` to `newer`. */
function diffOf(older: string, newer: string, language: Language = 'en'): string {
  const comparison = compare(doc(article({ id: 'a' }, p({ id: 'x' }, older))), doc(article({ id: 'a' }, p({ id: 'x' }, newer))), { language });
  return words(blockOf(comparison, 'x#0'));
}

describe(compare.name, () => {
  describe('footnotes', () => {
    const noted = (note: string | null): Node => doc(article({ id: 'a' }, p({ id: 'x' }, 'States shall act', ...(note === null ? [] : [footnote({ id: 'n1' }, note)]), '.')));

    it('compares a reworded footnote as a block of its own after its text', () => {
      const comparison = compare(noted('See annex I.'), noted('See annex II.'), { language: 'en' });
      expect(words(blockOf(comparison, 'x#0'))).toBe('States shall act.');
      expect(blockOf(comparison, 'x#0')?.change).toBe('unchanged');
      expect(blockOf(comparison, 'n1')).toMatchObject({ role: 'footnote', change: 'changed', newNumber: '(1)' });
      expect(words(blockOf(comparison, 'n1'))).toBe('See annex [-I-]{+II+}.');
    });

    it.each([
      ['added', null, 'See annex.'],
      ['deleted', 'See annex.', null],
    ])('reports a footnote %s', (change, older, newer) => {
      expect(blockOf(compare(noted(older), noted(newer), { language: 'en' }), 'n1')?.change).toBe(change);
    });
  });

  describe('concordance', () => {
    it('renumbers the articles after an inserted one without reporting them moved', () => {
      expect(concordance(articles('a1', 'a2', 'a3'), articles('a1', 'new', 'a2', 'a3'))).toEqual([
        'a1: Article 1 → Article 1 unchanged',
        'new: — → Article 2 added',
        'a2: Article 2 → Article 3 renumbered',
        'a3: Article 3 → Article 4 renumbered',
      ]);
    });

    it('reports a moved article as moved, not as deleted and added', () => {
      expect(concordance(articles('a1', 'a2', 'a3', 'a4', 'a5'), articles('a1', 'a4', 'a2', 'a3', 'a5'))).toEqual([
        'a1: Article 1 → Article 1 unchanged',
        'a4: Article 4 → Article 2 moved renumbered',
        'a2: Article 2 → Article 3 renumbered',
        'a3: Article 3 → Article 4 renumbered',
        'a5: Article 5 → Article 5 unchanged',
      ]);
    });

    it('reports an article moved to the end as the only one moved', () => {
      expect(concordance(articles('a1', 'a2', 'a3', 'a4'), articles('a2', 'a3', 'a4', 'a1')).filter((row) => row.includes('moved'))).toEqual([
        'a1: Article 1 → Article 4 moved renumbered',
      ]);
    });

    it('lists a deleted article where it stood and an added one where it stands', () => {
      expect(concordance(articles('a1', 'a2', 'a3'), articles('a1', 'a3', 'a4'))).toEqual([
        'a1: Article 1 → Article 1 unchanged',
        'a2: Article 2 → — deleted',
        'a3: Article 3 → Article 2 renumbered',
        'a4: — → Article 3 added',
      ]);
    });

    it('numbers in the language of the comparison, Arabic-Indic digits in Arabic', () => {
      expect(concordance(articles('a1', 'a2'), articles('new', 'a1', 'a2'), 'article', 'ar')).toEqual([
        'new: — → المادة ١ added',
        'a1: المادة ١ → المادة ٢ renumbered',
        'a2: المادة ٢ → المادة ٣ renumbered',
      ]);
    });

    it('numbers parts and sections in their own sequences, a section anew after each part', () => {
      const older = doc(chapter({ id: 'p1', kind: 'part' }, heading('One')), chapter({ id: 's1', kind: 'section' }, heading('A'), art('a1')), chapter({ id: 'p2', kind: 'part' }, heading('Two'), art('a2')));
      const newer = doc(
        chapter({ id: 'p1', kind: 'part' }, heading('One')),
        chapter({ id: 's1', kind: 'section' }, heading('A'), art('a1')),
        chapter({ id: 'p2', kind: 'part' }, heading('Two')),
        chapter({ id: 's2', kind: 'section' }, heading('B'), art('a2')),
      );
      expect(concordance(older, newer, 'chapter')).toEqual(['p1: Part I → Part I unchanged', 's1: Section 1 → Section 1 unchanged', 'p2: Part II → Part II unchanged', 's2: — → Section 1 added']);
    });

    it('renumbers chapters and keeps articles numbered through the document', () => {
      const older = doc(chapter({ id: 'c1' }, heading('One'), art('a1')), chapter({ id: 'c2' }, heading('Two'), art('a2')));
      const newer = doc(chapter({ id: 'c0' }, heading('Zero'), art('a0')), chapter({ id: 'c1' }, heading('One'), art('a1')), chapter({ id: 'c2' }, heading('Two'), art('a2')));
      expect(concordance(older, newer, 'chapter')).toEqual(['c0: — → Chapter I added', 'c1: Chapter I → Chapter II renumbered', 'c2: Chapter II → Chapter III renumbered']);
      expect(concordance(older, newer)).toEqual(['a0: — → Article 1 added', 'a1: Article 1 → Article 2 renumbered', 'a2: Article 2 → Article 3 renumbered']);
    });

    it('numbers paragraphs within their article and reports one that changes article as moved', () => {
      const older = doc(article({ id: 'a1' }, p({ id: 'x' }, 'X.'), p({ id: 'y' }, 'Y.')), article({ id: 'a2' }, p({ id: 'z' }, 'Z.')));
      const newer = doc(article({ id: 'a1' }, p({ id: 'x' }, 'X.')), article({ id: 'a2' }, p({ id: 'y' }, 'Y.'), p({ id: 'z' }, 'Z.')));
      expect(concordance(older, newer, 'paragraph')).toEqual([
        'x: Article 1 1. → Article 1 renumbered',
        'y: Article 1 2. → Article 2 1. moved renumbered',
        'z: Article 2 → Article 2 2. renumbered',
      ]);
    });

    it('reports a changed negotiation status', () => {
      const older = doc(article({ id: 'a1', status: 'open' }, p({ id: 'x' }, 'X.')));
      const newer = doc(article({ id: 'a1', status: 'agreed-ad-referendum' }, p({ id: 'x' }, 'X.')));
      expect(concordance(older, newer)).toEqual(['a1: Article 1 → Article 1 statusChanged']);
    });

    it('marks the text of a provision changed when any text inside it changed, and only then', () => {
      const older = doc(article({ id: 'a1' }, p({ id: 'x' }, 'Same.'), p({ id: 'y' }, 'Old.', sub({ id: 's' }, 'deep'))), art('a2'));
      const newer = doc(article({ id: 'a1' }, p({ id: 'x' }, 'Same.'), p({ id: 'y' }, 'Old.', sub({ id: 's' }, 'deeper'))), art('a2'));
      expect(compare(older, newer, { language: 'en' }).concordance.filter((row) => row.textChanged).map((row) => row.id)).toEqual(['a1', 'y']);
    });
  });

  describe('word diff', () => {
    it.each([
      ['an insertion', 'States shall cooperate.', 'States shall closely cooperate.', 'States shall {+closely +}cooperate.'],
      ['a deletion', 'States shall closely cooperate.', 'States shall cooperate.', 'States shall [-closely -]cooperate.'],
      ['a replaced word, whole', 'Each State Party shall adopt measures.', 'Each State Party may adopt measures.', 'Each State Party [-shall-]{+may+} adopt measures.'],
      ['brackets removed', 'Text [unagreed] here.', 'Text unagreed here.', 'Text [-[-]unagreed[-]-] here.'],
    ])('shows %s in English word by word', (_name, older, newer, expected) => {
      expect(diffOf(older, newer)).toBe(expected);
    });

    it.each([
      ['an inserted word', 'تتخذ كل دولة طرف التدابير اللازمة.', 'تتخذ كل دولة طرف التدابير التشريعية اللازمة.', 'تتخذ كل دولة طرف التدابير {+التشريعية +}اللازمة.'],
      ['a replaced word, never part of it', 'المادة الأولى تنطبق.', 'المادة الثانية تنطبق.', 'المادة [-الأولى-]{+الثانية+} تنطبق.'],
      ['words with harakat, kept whole', 'يجوزُ للدولة.', 'يجبُ على الدولة.', '[-يجوزُ-]{+يجبُ+} [-للدولة-]{+على الدولة+}.'],
    ])('shows %s in Arabic in logical order', (_name, older, newer, expected) => {
      expect(diffOf(older, newer, 'ar')).toBe(expected);
    });

    it('compares Chinese, written without spaces, character by character', () => {
      expect(diffOf('各缔约国应当采取必要措施。', '各缔约国应当采取必要的立法措施。', 'zh')).toBe('各缔约国应当采取必要{+的立法+}措施。');
    });

    it('compares text only where it differs and keeps identical text whole', () => {
      const older = doc(article({ id: 'a' }, p({ id: 'x' }, 'Same words.'), p({ id: 'y' }, 'Old words.')));
      const newer = doc(article({ id: 'a' }, p({ id: 'x' }, 'Same words.'), p({ id: 'y' }, 'New words.')));
      const comparison = compare(older, newer, { language: 'en' });
      expect(comparison.blocks.map((block) => `${block.key} ${block.change} ${words(block)}`)).toEqual([
        'a#heading unchanged ',
        'x#0 unchanged Same words.',
        'y#0 changed [-Old-]{+New+} words.',
      ]);
    });

    it('gives added and deleted blocks whole, the deleted one where it stood', () => {
      const older = doc(article({ id: 'a' }, p({ id: 'x' }, 'X.'), p({ id: 'y' }, 'Y.')));
      const newer = doc(article({ id: 'a' }, p({ id: 'x' }, 'X.'), p({ id: 'z' }, 'Z.')));
      expect(compare(older, newer, { language: 'en' }).blocks.map((block) => `${block.oldNumber ?? '—'}|${block.newNumber ?? '—'} ${words(block)}`)).toEqual([
        'Article 1|Article 1 ',
        '1.|1. X.',
        '2.|— [-Y.-]',
        '—|2. {+Z.+}',
      ]);
    });

    it('prints each block with the numbers before it, subparagraphs and options included', () => {
      const draft = doc(article({ id: 'a' }, p({ id: 'x' }, 'Intro:', sub({ id: 's' }, 'one;'), options({ id: 'g' }, option({ id: 'o1' }, sub({ id: 't' }, 'two')), option({ id: 'o2' }, sub({ id: 'u' }, 'deux')))), p({ id: 'y' }, 'Y.')));
      expect(compare(draft, draft, { language: 'en' }).blocks.map((block) => `${block.newNumber} ${words(block)}`)).toEqual([
        'Article 1 ',
        '1. Intro:',
        '(a) one;',
        'Option 1: (b) two',
        'Option 2: (b) deux',
        '2. Y.',
      ]);
    });

    it('compares the title, recitals and headings', () => {
      const older = doc(title('Convention against cybercrime'), preamble(recital({ id: 'r' }, 'Recalling resolutions,')), article({ id: 'a' }, heading('Scope'), p({ id: 'x' }, 'X.')));
      const newer = doc(title('Convention against cybercrime and fraud'), preamble(recital({ id: 'r' }, 'Recalling its resolutions,')), article({ id: 'a' }, heading('Scope of application'), p({ id: 'x' }, 'X.')));
      expect(compare(older, newer, { language: 'en' }).blocks.filter((block) => block.change === 'changed').map(words)).toEqual([
        'Convention against cybercrime{+ and fraud+}',
        'Recalling {+its +}resolutions,',
        'Scope{+ of application+}',
      ]);
    });
  });

  describe('provenance', () => {
    const brazil = { kind: 'proposal', ref: 'prop-7', delegations: ['BRA', 'ZAF'], label: 'Brazil, South Africa' } as const;

    it('attributes inserted words to the provenance marks of the newer text', () => {
      const older = doc(article({ id: 'a' }, p({ id: 'x' }, 'Each State Party shall act.')));
      const newer = doc(article({ id: 'a' }, p({ id: 'x' }, 'Each State Party shall ', provenance(brazil, 'promptly'), ' act.')));
      const inserted = blockOf(compare(older, newer, { language: 'en' }), 'x#0')?.parts.find((part) => part.kind === 'insert');
      expect(inserted).toEqual({ kind: 'insert', text: 'promptly ', provenance: [{ from: 0, to: 8, provenance: brazil }] });
    });

    it('attributes each part of an insertion that spans several origins', () => {
      const older = doc(article({ id: 'a' }, p({ id: 'x' }, 'States act.')));
      const newer = doc(
        article({ id: 'a' }, p({ id: 'x' }, 'States ', provenance(brazil, 'shall '), provenance({ kind: 'edit', ref: 'user-1' }, 'promptly '), 'act.')),
      );
      const inserted = blockOf(compare(older, newer, { language: 'en' }), 'x#0')?.parts.find((part) => part.kind === 'insert');
      expect(inserted?.provenance.map(({ from, to, provenance: { ref } }) => `${from}-${to} ${ref}`)).toEqual(['0-6 prop-7', '6-15 user-1']);
    });

    it('attributes the text of an added paragraph', () => {
      const older = doc(article({ id: 'a' }, p({ id: 'x' }, 'X.')));
      const newer = doc(article({ id: 'a' }, p({ id: 'x' }, 'X.'), p({ id: 'y' }, provenance(brazil, 'Proposed text.'))));
      expect(blockOf(compare(older, newer, { language: 'en' }), 'y#0')?.parts).toEqual([{ kind: 'insert', text: 'Proposed text.', provenance: [{ from: 0, to: 14, provenance: brazil }] }]);
    });

    it('counts offsets in the text as read, square brackets included', () => {
      const older = doc(article({ id: 'a' }, p({ id: 'x' }, 'A.')));
      const newer = doc(article({ id: 'a' }, p({ id: 'x' }, bracket({ id: 'b' }, 'new'), ' ', provenance(brazil, 'words'), ' A.')));
      const inserted = blockOf(compare(older, newer, { language: 'en' }), 'x#0')?.parts.find((part) => part.kind === 'insert');
      expect(inserted && inserted.provenance.map(({ from, to }) => inserted.text.slice(from, to))).toEqual(['words']);
    });
  });

  describe('identity and determinism', () => {
    const draft = (): Node =>
      doc(
        title('Convention'),
        preamble(recital({ id: 'r1' }, 'The States Parties,')),
        chapter(
          { id: 'c1' },
          heading('General'),
          article({ id: 'a1' }, heading('Purpose'), p({ id: 'a1p' }, 'To ', bracket({ id: 'b1' }, 'promote'), ' cooperation.')),
          article({ id: 'a2' }, p({ id: 'a2p1' }, 'First.'), p({ id: 'a2p2' }, options({ id: 'g' }, option({ id: 'o1' }, 'Shall.'), option({ id: 'o2' }, 'May.')))),
        ),
      );

    it('finds no change between a document and itself or its copy', () => {
      const original = draft();
      for (const other of [original, docFromJSON(docToJSON(original))]) {
        const comparison = compare(original, other, { language: 'fr' });
        expect({ identical: comparison.identical, rows: comparison.concordance.every((row) => row.unchanged), blocks: comparison.blocks.every((block) => block.change === 'unchanged') }).toEqual({
          identical: true,
          rows: true,
          blocks: true,
        });
      }
    });

    it('is not identical when only a subparagraph letter changes', () => {
      const older = doc(article({ id: 'a' }, p({ id: 'x' }, 'X:', sub({ id: 's' }, 'one'), sub({ id: 't' }, 'two'))));
      const newer = doc(article({ id: 'a' }, p({ id: 'x' }, 'X:', sub({ id: 't' }, 'two'), sub({ id: 's' }, 'one'))));
      expect(compare(older, newer, { language: 'en' }).identical).toBe(false);
    });

    const revised = (): Node =>
      doc(
        title('Revised convention'),
        chapter({ id: 'c1' }, heading('General'), art('a0'), article({ id: 'a2' }, p({ id: 'a2p1' }, 'First, amended.')), article({ id: 'a1' }, p({ id: 'a1p' }, 'To promote cooperation.'))),
      );

    it('gives the same comparison every time', () => {
      expect(compare(draft(), revised(), { language: 'ar' })).toEqual(compare(draft(), revised(), { language: 'ar' }));
    });

    it('reads right to left in Arabic and left to right otherwise', () => {
      expect([compare(draft(), draft(), { language: 'ar' }).direction, compare(draft(), draft(), { language: 'zh' }).direction]).toEqual(['rtl', 'ltr']);
    });
  });
});
