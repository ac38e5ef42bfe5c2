import { describe, expect, it } from 'vitest';
import type { DeskArticle, DeskProposal, RevisionSummary, TextEditView } from './desk-api';
import {
  calendarDate,
  editSegments,
  nextSymbol,
  nodeTexts,
  pendingDecisions,
  revealHidden,
  selectedArticle,
  staleCounts,
  withDecision,
} from './desk-model';

const edit = (from: number, to: number, deleted: string, inserted: string): TextEditView => ({ from, to, deleted, inserted });

/** Segments written compactly: `=kept`, `-deleted`, `+inserted`. */
const compact = (before: string, after: string, edits: readonly TextEditView[]) =>
  editSegments(before, after, edits).map((s) => `${s.kind === 'same' ? '=' : s.kind === 'deleted' ? '-' : '+'}${s.text}`);

function proposal(id: string, overrides: Partial<DeskProposal> = {}): DeskProposal {
  return {
    id,
    title: id,
    sponsor: 'EGY',
    coSponsors: [],
    supporters: [],
    status: 'submitted',
    late: false,
    submittedAt: '2026-01-01T00:00:00.000Z',
    justification: '',
    changes: [],
    textWarnings: [],
    decision: null,
    compiled: false,
    provisionDecision: null,
    ...overrides,
  };
}

function article(id: string, proposals: readonly DeskProposal[]): DeskArticle {
  return {
    id,
    number: id,
    heading: '',
    status: 'open',
    text: '',
    counts: { brackets: 0, optionGroups: 0, proposals: proposals.length },
    proposals,
  };
}

const revision = (symbol: string, publishedAt: string): RevisionSummary => ({
  id: symbol,
  instrumentId: 'i',
  symbol,
  date: publishedAt.slice(0, 10),
  tier: 'public',
  originalLanguage: 'en',
  languages: ['en'],
  titles: { en: 'Convention' },
  contentHash: 'h',
  publishedAt,
  verification: { status: 'verified', reason: null },
});

describe(editSegments.name, () => {
  it.each([
    ['an insertion', 'a b c', 'a b x c', [edit(4, 4, '', 'x ')], ['=a b ', '+x ', '=c']],
    ['a deletion', 'a b c', 'a c', [edit(2, 4, 'b ', '')], ['=a ', '-b ', '=c']],
    ['a replacement', 'sovereign equality of States', 'sovereign rights of States', [edit(10, 18, 'equality', 'rights')], ['=sovereign ', '-equality', '+rights', '= of States']],
    ['two edits given out of order', 'one two three', 'uno two tres', [edit(8, 13, 'three', 'tres'), edit(0, 3, 'one', 'uno')], ['-one', '+uno', '= two ', '-three', '+tres']],
    ['no edit', 'same', 'same', [], ['=same']],
  ])('shows %s in place', (_name, before, after, edits, expected) => {
    expect(compact(before, after, edits)).toEqual(expected);
  });

  it('shows the whole text replaced when an edit names other words than the text holds', () => {
    expect(compact('a b c', 'a z c', [edit(2, 3, 'q', 'z')])).toEqual(['-a b c', '+a z c']);
  });

  it('shows the whole text replaced when edits overlap or fall outside the text', () => {
    expect(compact('abc', 'x', [edit(0, 2, 'ab', ''), edit(1, 3, 'bc', '')])).toEqual(['-abc', '+x']);
    expect(compact('abc', 'x', [edit(2, 9, 'c', '')])).toEqual(['-abc', '+x']);
  });
});

describe(nodeTexts.name, () => {
  it('gives one string per block that holds text, in order', () => {
    const json = {
      type: 'paragraph',
      attrs: { id: 'p9' },
      content: [
        { type: 'text_block', content: [{ type: 'text', text: 'New ' }, { type: 'text', text: 'paragraph', marks: [{ type: 'bracket' }] }] },
        { type: 'subparagraph', content: [{ type: 'text_block', content: [{ type: 'text', text: 'Its subparagraph' }] }] },
      ],
    };
    expect(nodeTexts(json)).toEqual(['New paragraph', 'Its subparagraph']);
  });

  it('gives nothing for a value that is not a node', () => {
    expect(nodeTexts(null)).toEqual([]);
    expect(nodeTexts('text')).toEqual([]);
  });
});

describe(revealHidden.name, () => {
  it('sets bidirectional controls and invisible characters apart from the words', () => {
    expect(revealHidden('pay\u202Eyap\u200B!')).toEqual([
      { kind: 'text', text: 'pay' },
      { kind: 'hidden', text: '\u202E', codePoint: 'U+202E', name: 'RIGHT-TO-LEFT OVERRIDE' },
      { kind: 'text', text: 'yap' },
      { kind: 'hidden', text: '\u200B', codePoint: 'U+200B', name: 'ZERO WIDTH SPACE' },
      { kind: 'text', text: '!' },
    ]);
  });

  it('keeps ordinary text, Arabic with its direction marks included, as one piece', () => {
    expect(revealHidden('الدول الأطراف\u200F')).toEqual([{ kind: 'text', text: 'الدول الأطراف\u200F' }]);
  });

  it('takes a tag character (two code units) whole', () => {
    expect(revealHidden('a\u{E0041}b').map((piece) => piece.text)).toEqual(['a', '\u{E0041}', 'b']);
  });
});

describe(pendingDecisions.name, () => {
  it('counts each decided, uncompiled, submitted proposal once, though two articles list it', () => {
    const shared = proposal('p1', { decision: 'incorporate' });
    const articles = [
      article('a1', [shared, proposal('p2')]),
      article('a2', [shared, proposal('p3', { decision: 'not-retain', compiled: true, status: 'not-retained' })]),
    ];
    expect(pendingDecisions(articles).map((p) => p.id)).toEqual(['p1']);
  });
});

describe(withDecision.name, () => {
  it('changes the decision under every article that lists the proposal', () => {
    const articles = withDecision([article('a1', [proposal('p1')]), article('a2', [proposal('p1'), proposal('p2')])], 'p1', 'present-as-option');
    expect(articles.flatMap((a) => a.proposals.map((p) => `${p.id}:${p.decision ?? '-'}`))).toEqual([
      'p1:present-as-option',
      'p1:present-as-option',
      'p2:-',
    ]);
  });
});

describe(selectedArticle.name, () => {
  const articles = [article('a1', []), article('a2', [proposal('p1')])];

  it.each([
    ['the requested article', 'a1', 'a1'],
    ['the first article with proposals when none is requested', null, 'a2'],
    ['the first article with proposals when the requested one is unknown', 'zz', 'a2'],
  ])('picks %s', (_name, requested, expected) => {
    expect(selectedArticle(articles, requested)?.id).toBe(expected);
  });

  it('picks the first article when none has proposals', () => {
    expect(selectedArticle([article('a1', []), article('a3', [])], null)?.id).toBe('a1');
  });
});

describe(nextSymbol.name, () => {
  it.each([
    ['no revision', [], null],
    ['one revision', [revision('A/AC.291/22', '2026-01-01T10:00:00Z')], 'A/AC.291/22/Rev.1'],
    [
      'the latest of several, in any order',
      [revision('A/AC.291/22', '2026-01-01T10:00:00Z'), revision('A/AC.291/22/Rev.2', '2026-03-01T10:00:00Z'), revision('A/AC.291/22/Rev.1', '2026-02-01T10:00:00Z')],
      'A/AC.291/22/Rev.3',
    ],
  ])('follows %s', (_name, revisions, expected) => {
    expect(nextSymbol(revisions)).toBe(expected);
  });
});

describe(calendarDate.name, () => {
  it('writes a local date as YYYY-MM-DD', () => {
    expect(calendarDate(new Date(2027, 0, 9, 23, 30))).toBe('2027-01-09');
  });
});

describe(staleCounts.name, () => {
  it('reads the per-language counts of a stale-translations error and skips anything else', () => {
    expect(staleCounts(['fr: 12', 'ar:3', 'xx: 1', 'nonsense'])).toEqual([
      { language: 'fr', count: 12 },
      { language: 'ar', count: 3 },
    ]);
  });
});
