import { diffWordsWithSpace } from 'diff';
import { describe, expect, it } from 'vitest';
import { diffText, tokenize } from './words';

describe(tokenize.name, () => {
  it.each([
    ['English words, spaces and punctuation', 'States Parties shall, where appropriate;', ['States', ' ', 'Parties', ' ', 'shall', ',', ' ', 'where', ' ', 'appropriate', ';']],
    ['Arabic words with their harakat', 'يجوزُ للدولةِ، أيضاً', ['يجوزُ', ' ', 'للدولةِ', '،', ' ', 'أيضاً']],
    ['Cyrillic words', 'Каждое Государство-участник', ['Каждое', ' ', 'Государство', '-', 'участник']],
    ['Chinese, one character each, Latin words whole', '第七条 COVID-19措施', ['第', '七', '条', ' ', 'COVID', '-', '19', '措', '施']],
    ['newlines on their own', 'a\n\nb', ['a', '\n', '\n', 'b']],
    ['square brackets of unagreed text', '[shall]', ['[', 'shall', ']']],
  ])('splits %s', (_name, text, tokens) => {
    expect(tokenize(text)).toEqual(tokens);
  });

  it('gives back the text when the tokens are joined', () => {
    const text = 'The \u200cState\u00adParty — 各缔约国 — الدولة الطرف\r\n😀 (a) ‘quoted’';
    expect(tokenize(text).join('')).toBe(text);
  });
});

describe(diffText.name, () => {
  it.each([
    ['a word replaced', 'Each State Party shall adopt measures.', 'Each State Party may adopt such measures.'],
    ['words moved about', 'to prevent, investigate and prosecute offences', 'to investigate, prevent and prosecute the offences'],
    ['punctuation and spacing', 'States shall  act; and', 'States, shall act: and'],
  ])('agrees with jsdiff diffWordsWithSpace on Latin text: %s', (_name, older, newer) => {
    const expected = diffWordsWithSpace(older, newer).map((change) => ({ kind: change.added ? 'insert' : change.removed ? 'delete' : 'equal', text: change.value }));
    expect(diffText(older, newer, 'en')).toEqual(expected);
  });

  it('keeps Arabic words whole where diffWordsWithSpace would split them into letters', () => {
    expect(diffText('المادة الأولى', 'المادة الثانية', 'ar')).toEqual([
      { kind: 'equal', text: 'المادة ' },
      { kind: 'delete', text: 'الأولى' },
      { kind: 'insert', text: 'الثانية' },
    ]);
  });

  it('compares Chinese character by character', () => {
    expect(diffText('采取措施', '采取立法措施', 'zh')).toEqual([
      { kind: 'equal', text: '采取' },
      { kind: 'insert', text: '立法' },
      { kind: 'equal', text: '措施' },
    ]);
  });

  it('gives up on texts rewritten beyond the edit limit and reports one deletion and one insertion', () => {
    expect(diffText('one two three four', 'five six seven eight', 'en', { maxEditLength: 3 })).toEqual([
      { kind: 'delete', text: 'one two three four' },
      { kind: 'insert', text: 'five six seven eight' },
    ]);
  });

  it.each([
    ['equal texts', 'Same.', 'Same.', [{ kind: 'equal', text: 'Same.' }]],
    ['two empty texts', '', '', []],
    ['an emptied text', 'Gone.', '', [{ kind: 'delete', text: 'Gone.' }]],
  ])('handles %s', (_name, older, newer, expected) => {
    expect(diffText(older, newer, 'en')).toEqual(expected);
  });
});
