import { describe, expect, it } from 'vitest';
import { classify, lineKind, looksLikeHeading } from './patterns';

describe(classify.name, () => {
  it.each([
    ['Chapter IV', { kind: 'chapter', number: 4, title: null, text: null }],
    ['CHAPTER 2 – Final provisions', { kind: 'chapter', number: 2, title: 'Final provisions', text: null }],
    ['Chapitre premier', { kind: 'chapter', number: 1, title: null, text: null }],
    ['Capítulo III', { kind: 'chapter', number: 3, title: null, text: null }],
    ['Глава V', { kind: 'chapter', number: 5, title: null, text: null }],
    ['第十二章 最后条款', { kind: 'chapter', number: 12, title: '最后条款', text: null }],
    ['الفصل الحادي عشر', { kind: 'chapter', number: 11, title: null, text: null }],
    ['الفصل الثاني: التجريم', { kind: 'chapter', number: 2, title: 'التجريم', text: null }],
    ['Article 7', { kind: 'article', number: 7, title: null, text: null }],
    ['Article premier : Objet', { kind: 'article', number: 1, title: 'Objet', text: null }],
    ['Artículo 12. Definiciones', { kind: 'article', number: 12, title: 'Definiciones', text: null }],
    ['Статья 3', { kind: 'article', number: 3, title: null, text: null }],
    ['第二十一条', { kind: 'article', number: 21, title: null, text: null }],
    ['المادة ١٢', { kind: 'article', number: 12, title: null, text: null }],
    ['المادة الثالثة', { kind: 'article', number: 3, title: null, text: null }],
    ['Article 4. States Parties shall cooperate.', { kind: 'article', number: 4, title: null, text: 'States Parties shall cooperate.' }],
    ['Preamble', { kind: 'preamble-label' }],
    ['3. Text', { kind: 'paragraph', number: 3, text: 'Text' }],
    ['[3. Text]', { kind: 'paragraph', number: 3, text: '[Text]' }],
    ['٣- نص', { kind: 'paragraph', number: 3, text: 'نص' }],
    ['二、文本', { kind: 'paragraph', number: 2, text: '文本' }],
    ['(b) text', { kind: 'subparagraph', label: 'b', readings: [{ depth: 1, ordinal: 2 }], text: 'text' }],
    ['(i) text', { kind: 'subparagraph', label: 'i', readings: [{ depth: 1, ordinal: 9 }, { depth: 2, ordinal: 1 }], text: 'text' }],
    ['(iv) text', { kind: 'subparagraph', label: 'iv', readings: [{ depth: 2, ordinal: 4 }], text: 'text' }],
    ['(aa) text', { kind: 'subparagraph', label: 'aa', readings: [{ depth: 1, ordinal: 27 }], text: 'text' }],
    ['(C) text', { kind: 'subparagraph', label: 'C', readings: [{ depth: 3, ordinal: 3 }], text: 'text' }],
    ['к) text', { kind: 'subparagraph', label: 'к', readings: [{ depth: 1, ordinal: 10 }], text: 'text' }],
    ['(هـ) نص', { kind: 'subparagraph', label: 'هـ', readings: [{ depth: 1, ordinal: 5 }], text: 'نص' }],
    ['(أأ) نص', { kind: 'subparagraph', label: 'أأ', readings: [{ depth: 1, ordinal: 29 }], text: 'نص' }],
    ["'٢' نص", { kind: 'subparagraph', label: '٢', readings: [{ depth: 2, ordinal: 2 }], text: 'نص' }],
    ['（三）文本', { kind: 'subparagraph', label: '三', readings: [{ depth: 1, ordinal: 3 }], text: '文本' }],
    ['Article 5 shall not apply.', { kind: 'plain', text: 'Article 5 shall not apply.' }],
    ['1.5 million people', { kind: 'plain', text: '1.5 million people' }],
    ['(see article 3)', { kind: 'plain', text: '(see article 3)' }],
  ])('reads "%s"', (text, expected) => {
    expect(classify(text)).toEqual(expected);
  });
});

describe(lineKind.name, () => {
  it.each([
    ['Article 1', 'heading'],
    ['Preamble', 'heading'],
    ['(a) text', 'item'],
    ['2. text', 'item'],
    ['text', 'plain'],
  ])('says "%s" is a %s', (text, expected) => {
    expect(lineKind(text)).toBe(expected);
  });
});

describe(looksLikeHeading.name, () => {
  it.each([
    ['Use of terms', true],
    ['Statement of purpose', true],
    ['Each State Party shall act.', false],
    ['The States Parties,', false],
    ['(a) item', false],
    ['', false],
    ['x'.repeat(151), false],
  ])('says whether "%s" reads as a heading (%s)', (text, expected) => {
    expect(looksLikeHeading(text)).toBe(expected);
  });
});
