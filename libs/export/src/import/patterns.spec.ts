import { describe, expect, it } from 'vitest';
import { classify, lineKind, looksLikeHeading } from './patterns';

describe(classify.name, () => {
  it.each([
    ['Chapter IV', { kind: 'chapter', division: 'chapter', number: 4, title: null, text: null }],
    ['CHAPTER 2 – Final provisions', { kind: 'chapter', division: 'chapter', number: 2, title: 'Final provisions', text: null }],
    ['Chapitre premier', { kind: 'chapter', division: 'chapter', number: 1, title: null, text: null }],
    ['Capítulo III', { kind: 'chapter', division: 'chapter', number: 3, title: null, text: null }],
    ['Глава V', { kind: 'chapter', division: 'chapter', number: 5, title: null, text: null }],
    ['第十二章 最后条款', { kind: 'chapter', division: 'chapter', number: 12, title: '最后条款', text: null }],
    ['الفصل الحادي عشر', { kind: 'chapter', division: 'chapter', number: 11, title: null, text: null }],
    ['الفصل الثاني: التجريم', { kind: 'chapter', division: 'chapter', number: 2, title: 'التجريم', text: null }],
    ['Article 7', { kind: 'article', rank: 0, number: 7, title: null, text: null }],
    ['Article premier : Objet', { kind: 'article', rank: 0, number: 1, title: 'Objet', text: null }],
    ['Artículo 12. Definiciones', { kind: 'article', rank: 0, number: 12, title: 'Definiciones', text: null }],
    ['Статья 3', { kind: 'article', rank: 0, number: 3, title: null, text: null }],
    ['第二十一条', { kind: 'article', rank: 0, number: 21, title: null, text: null }],
    ['المادة ١٢', { kind: 'article', rank: 0, number: 12, title: null, text: null }],
    ['المادة الثالثة', { kind: 'article', rank: 0, number: 3, title: null, text: null }],
    ['Article 4. States Parties shall cooperate.', { kind: 'article', rank: 0, number: 4, title: null, text: 'States Parties shall cooperate.' }],
    ['Article 6 bis', { kind: 'article', rank: 1, number: 6, title: null, text: null }],
    ['Article 6 ter – Jurisdiction', { kind: 'article', rank: 2, number: 6, title: 'Jurisdiction', text: null }],
    ['Artículo 6 bis', { kind: 'article', rank: 1, number: 6, title: null, text: null }],
    ['Статья 6 бис', { kind: 'article', rank: 1, number: 6, title: null, text: null }],
    ['第六条之二', { kind: 'article', rank: 1, number: 6, title: null, text: null }],
    ['المادة 6 مكررا', { kind: 'article', rank: 1, number: 6, title: null, text: null }],
    ['المادة ٦ مكرراً ثانياً', { kind: 'article', rank: 2, number: 6, title: null, text: null }],
    ['PART I', { kind: 'chapter', division: 'part', number: 1, title: null, text: null }],
    ['Première partie', { kind: 'chapter', division: 'part', number: 1, title: null, text: null }],
    ['Часть II', { kind: 'chapter', division: 'part', number: 2, title: null, text: null }],
    ['第二部分 国际合作', { kind: 'chapter', division: 'part', number: 2, title: '国际合作', text: null }],
    ['الجزء الثاني', { kind: 'chapter', division: 'part', number: 2, title: null, text: null }],
    ['Section 2. Jurisdiction', { kind: 'chapter', division: 'section', number: 2, title: 'Jurisdiction', text: null }],
    ['Sección B', { kind: 'chapter', division: 'section', number: 2, title: null, text: null }],
    ['第一节', { kind: 'chapter', division: 'section', number: 1, title: null, text: null }],
    ['الفرع ١', { kind: 'chapter', division: 'section', number: 1, title: null, text: null }],
    ['Annex', { kind: 'chapter', division: 'annex', number: null, title: null, text: null }],
    ['ANNEX II', { kind: 'chapter', division: 'annex', number: 2, title: null, text: null }],
    ['Приложение', { kind: 'chapter', division: 'annex', number: null, title: null, text: null }],
    ['附件一', { kind: 'chapter', division: 'annex', number: 1, title: null, text: null }],
    ['المرفق', { kind: 'chapter', division: 'annex', number: null, title: null, text: null }],
    ['Part of the text is agreed.', { kind: 'plain', text: 'Part of the text is agreed.' }],
    ['Section 3 applies to them.', { kind: 'plain', text: 'Section 3 applies to them.' }],
    ['Preamble', { kind: 'preamble-label' }],
    ['3. Text', { kind: 'paragraph', number: 3, text: 'Text' }],
    ['[3. Text]', { kind: 'paragraph', number: 3, text: '[Text]' }],
    ['٣- نص', { kind: 'paragraph', number: 3, text: 'نص' }],
    ['二、文本', { kind: 'paragraph', number: 2, text: '文本' }],
    ['(b) text', { kind: 'subparagraph', label: 'b', readings: [{ depth: 1, ordinal: 2 }], text: 'text' }],
    ['(i) text', { kind: 'subparagraph', label: 'i', readings: [{ depth: 1, ordinal: 9 }, { depth: 2, ordinal: 1 }], text: 'text' }],
    ['(iv) text', { kind: 'subparagraph', label: 'iv', readings: [{ depth: 2, ordinal: 4 }], text: 'text' }],
    ['(aa) text', { kind: 'subparagraph', label: 'aa', readings: [{ depth: 1, ordinal: 27 }], text: 'text' }],
    ['a. text', { kind: 'subparagraph', label: 'a', readings: [{ depth: 1, ordinal: 1 }, { depth: 4, ordinal: 1 }], text: 'text' }],
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
