import { compare, outline } from '@concord/compare';
import { builders } from '@concord/schema';
import { describe, expect, it } from 'vitest';
import { readWordDocument } from '../import/docx-tracked';
import { unzipText } from '../revision/testing/zip';
import { comparisonToDocx, type TrackedDocxInput } from './tracked-docx';
import { planWordUpload, threeWay, WordMismatchError } from './word-merge';

const { article, doc, footnote, heading, p } = builders;

const older = doc(
  article({ id: 'a3' }, heading('Jurisdiction'), p({ id: 'a3p1' }, 'Each State Party shall adopt such measures as may be necessary.'), p({ id: 'a3p2' }, 'This article applies to offences.')),
  article({ id: 'a4' }, heading('Cooperation'), p({ id: 'a4p1' }, 'States Parties shall cooperate closely.')),
);
const newer = doc(
  article({ id: 'a3' }, heading('Jurisdiction'), p({ id: 'a3p1' }, 'Each State Party shall adopt such legislative measures as may be appropriate.'), p({ id: 'a3p2' }, 'This article applies to offences.')),
  article({ id: 'a4' }, heading('Cooperation'), p({ id: 'a4p1' }, 'States Parties shall cooperate closely.')),
);

function input(overrides: Partial<TrackedDocxInput> = {}): TrackedDocxInput {
  return {
    symbol: 'A/AC.291/22/Rev.1',
    date: '2024-05-08',
    distribution: 'General',
    originalLanguage: 'en',
    committee: { name: 'Ad Hoc Committee', symbolPrefix: 'A/AC.291' },
    title: 'Draft convention',
    comparison: compare(older, newer, { language: 'en' }),
    author: () => 'Egypt',
    changeDate: '2024-05-08T00:00:00Z',
    instrumentId: 'instrument-1',
    ...overrides,
  };
}

async function read(bytes: Uint8Array) {
  const files = unzipText(bytes);
  return readWordDocument({ document: files.get('word/document.xml') ?? '', customProperties: files.get('docProps/custom.xml') });
}

describe(comparisonToDocx.name, () => {
  it('writes the differences as tracked changes by their author, read back in place', async () => {
    const word = await read(await comparisonToDocx(input()));
    const changed = word.paragraphs.find((paragraph) => paragraph.segments.some((s) => s.kind !== 'equal'));
    expect(word.tracked).toBe(true);
    expect(changed?.segments.map((s) => [s.kind, s.text])).toEqual([
      ['equal', '1.\tEach State Party shall adopt such '],
      ['insert', 'legislative '],
      ['equal', 'measures as may be '],
      ['delete', 'necessary'],
      ['insert', 'appropriate'],
      ['equal', '.'],
    ]);
    expect(changed?.segments.find((s) => s.kind === 'insert')?.author).toBe('Egypt');
  });

  it('writes a reworded footnote after its text, numbered, as tracked changes', async () => {
    const noted = (words: string) => doc(article({ id: 'a4' }, heading('Cooperation'), p({ id: 'a4p1' }, 'States Parties shall cooperate', footnote({ id: 'n1' }, words), ' closely.')));
    const word = await read(await comparisonToDocx(input({ comparison: compare(noted('See annex I.'), noted('See annex II.'), { language: 'en' }) })));
    const note = word.paragraphs.find((paragraph) => paragraph.segments.some((s) => s.kind !== 'equal'));
    expect(note?.segments.map((s) => [s.kind, s.text])).toEqual([
      ['equal', '(1)\tSee annex '],
      ['delete', 'I'],
      ['insert', 'II'],
      ['equal', '.'],
    ]);
    expect(word.paragraphs.some((paragraph) => paragraph.segments.map((s) => s.text).join('') === 'States Parties shall cooperate closely.')).toBe(true);
  });

  it('writes comment threads as Word comments with their replies', async () => {
    const bytes = await comparisonToDocx(input({ comments: [{ blockKey: 'a3p1#0', author: 'Egypt', date: '2024-05-08T00:00:00Z', text: 'Why "appropriate"?', replies: [{ author: 'Secretariat', date: '2024-05-09T00:00:00Z', text: 'As in article 5.' }] }] }));
    const comments = unzipText(bytes).get('word/comments.xml') ?? '';
    expect(comments).toContain('Why &quot;appropriate&quot;?');
    expect(comments).toContain('As in article 5.');
    expect(unzipText(bytes).get('word/document.xml')).toContain('w:commentRangeStart');
  });
});

describe(planWordUpload.name, () => {
  const context = { spaceId: 'space-1', instrumentId: 'instrument-1', blocks: outline(older, 'en').blocks, language: 'en' as const };

  it('places tracked changes of a comparison by number within their article', async () => {
    const plan = planWordUpload(await read(await comparisonToDocx(input({ instrumentId: undefined }))), context);
    expect(plan.intents.map((i) => [i.key, i.before, i.after, i.placedBy])).toEqual([
      ['a3p1#0', 'Each State Party shall adopt such measures as may be necessary.', 'Each State Party shall adopt such legislative measures as may be appropriate.', 'number'],
    ]);
    expect(plan.unplaced).toEqual([]);
  });

  it('applies only what changed since a round-trip download', async () => {
    const same = compare(newer, newer, { language: 'en' });
    const word = await read(await comparisonToDocx(input({ comparison: same, roundTrip: { space: 'space-1' } })));
    const plan = planWordUpload(word, { ...context, blocks: outline(newer, 'en').blocks });
    expect(plan.roundTrip).toBe(true);
    expect(plan.intents).toEqual([]);
    expect(plan.matched).toBeGreaterThan(3);
  });

  it('refuses a file of another instrument or space, and one that matches nothing', async () => {
    const word = await read(await comparisonToDocx(input()));
    expect(() => planWordUpload(word, { ...context, instrumentId: 'other' })).toThrow(WordMismatchError);
    const round = await read(await comparisonToDocx(input({ roundTrip: { space: 'space-9' } })));
    expect(() => planWordUpload(round, context)).toThrow(/another drafting space/);
    const foreign = await read(await comparisonToDocx(input({ instrumentId: undefined, comparison: compare(doc(article({ id: 'x' }, heading('Other'), p({ id: 'xp' }, 'Nothing alike here at all.'))), doc(article({ id: 'x' }, heading('Other'), p({ id: 'xp' }, 'Nothing alike there at all.'))), { language: 'en' }) })));
    expect(() => planWordUpload(foreign, context)).toThrow(/No paragraph/);
  });
});

describe(threeWay.name, () => {
  it.each([
    ['applies Word’s change where the live text is the same', 'a b c d', 'a x c d', 'a b c d', ['a x c d'], 0],
    ['keeps a member’s edit elsewhere', 'a b c d', 'a x c d', 'a b c z', ['a x c z'], 0],
    ['reports a conflict where both changed the same words', 'a b c d', 'a x c d', 'a y c d', ['a y c d'], 1],
    ['takes the same change made twice once', 'a b c d', 'a x c d', 'a x c d', ['a x c d'], 0],
  ])('%s', (_name, before, word, live, expected, conflicts) => {
    const result = threeWay(before, word, live, 'en');
    let text = live;
    for (const edit of [...result.edits].reverse()) text = text.slice(0, edit.from) + edit.insert + text.slice(edit.to);
    expect([text]).toEqual(expected);
    expect(result.conflicts).toHaveLength(conflicts);
  });
});
