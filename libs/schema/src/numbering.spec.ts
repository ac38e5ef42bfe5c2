import type { Language } from '@concord/domain';
import { describe, expect, it } from 'vitest';
import { article, chapter, doc, heading, option, options, p, preamble, sub, title } from './builders';
import { articleNumbers, formatLabel, freezeNewArticles, freezeNumbers, insertionNumber, numberDocument, type InsertionNumber, type NumberingOptions } from './numbering';

/** Articles 1–6 in chapter 1, 7–12 in chapter 2; article 7 has two paragraphs, the second with subparagraphs. */
const convention = doc(
  title('Convention'),
  preamble('The States Parties to this Convention,'),
  chapter(
    { id: 'ch1' },
    heading('General provisions'),
    ...Array.from({ length: 6 }, (_, i) => article({ id: `art${i + 1}` }, p({ id: `art${i + 1}-p1` }, 'Text.'))),
  ),
  chapter(
    { id: 'ch2' },
    heading('Measures'),
    article(
      { id: 'art7' },
      heading('Criminalization'),
      p({ id: 'art7-p1' }, 'Each State Party shall adopt measures.'),
      p(
        { id: 'art7-p2' },
        'It shall:',
        sub({ id: 'art7-a' }, 'first;'),
        sub({ id: 'art7-b' }, 'second:', sub({ id: 'art7-b-i' }, 'one;'), sub({ id: 'art7-b-ii' }, 'two:', sub({ id: 'art7-b-ii-A' }, 'deep.'))),
      ),
      p({ id: 'art7-p3' }, 'Third.'),
    ),
    ...Array.from({ length: 5 }, (_, i) => article({ id: `art${i + 8}` }, p('Text.'))),
  ),
);

function labelOf(id: string, language: Language, opts: NumberingOptions = {}, document = convention): string | undefined {
  return numberDocument(document, language, opts).get(id)?.label;
}

describe(numberDocument.name, () => {
  it.each<[Language, string, string]>([
    ['en', 'art1', 'Article 1'],
    ['en', 'art7', 'Article 7'],
    ['en', 'art12', 'Article 12'],
    ['fr', 'art1', 'Article premier'],
    ['fr', 'art7', 'Article 7'],
    ['es', 'art1', 'Artículo 1'],
    ['es', 'art7', 'Artículo 7'],
    ['ru', 'art1', 'Статья 1'],
    ['ru', 'art7', 'Статья 7'],
    ['zh', 'art1', '第一条'],
    ['zh', 'art7', '第七条'],
    ['zh', 'art11', '第十一条'],
    ['ar', 'art1', 'المادة ١'],
    ['ar', 'art7', 'المادة ٧'],
    ['ar', 'art12', 'المادة ١٢'],
  ])('numbers articles through the document across chapters (%s %s → %s)', (language, id, expected) => {
    expect(labelOf(id, language)).toBe(expected);
  });

  it.each<[Language, string, string]>([
    ['en', 'ch1', 'Chapter I'],
    ['en', 'ch2', 'Chapter II'],
    ['fr', 'ch2', 'Chapitre II'],
    ['es', 'ch2', 'Capítulo II'],
    ['ru', 'ch2', 'Глава II'],
    ['zh', 'ch1', '第一章'],
    ['zh', 'ch2', '第二章'],
    ['ar', 'ch1', 'الفصل الأول'],
    ['ar', 'ch2', 'الفصل الثاني'],
  ])('numbers chapters (%s %s → %s)', (language, id, expected) => {
    expect(labelOf(id, language)).toBe(expected);
  });

  it.each<[Language, string, string]>([
    ['en', 'art7-p1', '1.'],
    ['en', 'art7-p3', '3.'],
    ['fr', 'art7-p2', '2.'],
    ['es', 'art7-p2', '2.'],
    ['ru', 'art7-p2', '2.'],
    ['zh', 'art7-p2', '2.'],
    ['ar', 'art7-p2', '٢-'],
  ])('numbers paragraphs within their article (%s %s → %s)', (language, id, expected) => {
    expect(labelOf(id, language)).toBe(expected);
  });

  it.each<Language>(['ar', 'zh', 'en', 'fr', 'ru', 'es'])('leaves the lone paragraph of an article unnumbered (%s)', (language) => {
    expect(numberDocument(convention, language).get('art1-p1')).toEqual({ kind: 'paragraph', ordinal: 1, depth: 0, label: '' });
  });

  it.each<[Language, string, string]>([
    ['en', 'art7-a', '(a)'],
    ['en', 'art7-b', '(b)'],
    ['en', 'art7-b-i', '(i)'],
    ['en', 'art7-b-ii', '(ii)'],
    ['en', 'art7-b-ii-A', '(A)'],
    ['fr', 'art7-b', '(b)'],
    ['es', 'art7-b-ii', '(ii)'],
    ['zh', 'art7-b', '(b)'],
    ['zh', 'art7-b-ii', '(ii)'],
    ['ru', 'art7-a', 'а)'],
    ['ru', 'art7-b', 'б)'],
    ['ru', 'art7-b-ii', 'ii)'],
    ['ru', 'art7-b-ii-A', 'А)'],
    ['ar', 'art7-a', '(أ)'],
    ['ar', 'art7-b', '(ب)'],
    ['ar', 'art7-b-i', "'١'"],
    ['ar', 'art7-b-ii', "'٢'"],
    ['ar', 'art7-b-ii-A', '(١)'],
  ])('labels subparagraphs by depth (%s %s → %s)', (language, id, expected) => {
    expect(labelOf(id, language)).toBe(expected);
  });

  it('records kind, ordinal and depth', () => {
    const labels = numberDocument(convention, 'en');
    expect(labels.get('art7')).toEqual({ kind: 'article', ordinal: 7, depth: 0, label: 'Article 7' });
    expect(labels.get('art7-b-ii')).toEqual({ kind: 'subparagraph', ordinal: 2, depth: 2, label: '(ii)' });
  });

  const long = doc(article({ id: 'a' }, p({ id: 'p' }, 'Chapeau:', ...Array.from({ length: 30 }, (_, i) => sub({ id: `s${i + 1}` }, `item ${i + 1}`)))));

  it.each<[Language, string, string]>([
    ['en', 's26', '(z)'],
    ['en', 's27', '(aa)'],
    ['en', 's28', '(bb)'],
    ['fr', 's27', '(aa)'],
    ['es', 's27', '(aa)'],
    ['zh', 's27', '(aa)'],
    ['ru', 's10', 'к)'],
    ['ru', 's29', 'аа)'],
    ['ar', 's5', '(هـ)'],
    ['ar', 's27', '(ظ)'],
    ['ar', 's28', '(غ)'],
    ['ar', 's29', '(أأ)'],
    ['ar', 's30', '(بب)'],
  ])('continues subparagraph letters with doubled letters (%s %s → %s)', (language, id, expected) => {
    expect(labelOf(id, language, {}, long)).toBe(expected);
  });

  it.each<[NumberingOptions, string, string]>([
    [{}, 'art12', 'المادة ١٢'],
    [{ arabicDigits: 'arabic-indic' }, 'art7', 'المادة ٧'],
    [{ arabicDigits: 'western' }, 'art7', 'المادة 7'],
    [{ arabicDigits: 'western' }, 'art7-p2', '2-'],
    [{ arabicDigits: 'western' }, 'art7-b-ii', "'2'"],
  ])('writes Arabic digits as asked (%j %s → %s)', (opts, id, expected) => {
    expect(labelOf(id, 'ar', opts)).toBe(expected);
  });

  it('falls back to digits for Arabic chapters beyond the ordinal words', () => {
    const many = doc(...Array.from({ length: 100 }, (_, i) => chapter({ id: `c${i + 1}` }, heading('H'))));
    expect(labelOf('c21', 'ar', {}, many)).toBe('الفصل الحادي والعشرون');
    expect(labelOf('c100', 'ar', {}, many)).toBe('الفصل ١٠٠');
  });

  describe('with option groups', () => {
    const withOptions = doc(
      article(
        { id: 'a' },
        p({ id: 'p1' }, 'First.'),
        options(
          { id: 'g' },
          option({ id: 'o1', sponsors: ['BRA'] }, p({ id: 'o1p' }, 'Second, as proposed by Brazil.')),
          option({ id: 'o2', sponsors: ['EU'] }, p({ id: 'o2p' }, 'Second, as proposed by the EU.'), p({ id: 'o2q' }, 'And a third.')),
        ),
        p({ id: 'p4' }, 'After the options.', options({ id: 'sg' }, option({ id: 'so1' }, sub({ id: 'so1a' }, 'x')), option({ id: 'so2' }, sub({ id: 'so2a' }, 'y'), sub({ id: 'so2b' }, 'z'))), sub({ id: 'after' }, 'w')),
      ),
    );

    it.each<[Language, string, string]>([
      ['en', 'o1', 'Option 1'],
      ['en', 'o2', 'Option 2'],
      ['fr', 'o2', 'Option 2'],
      ['es', 'o2', 'Opción 2'],
      ['ru', 'o2', 'Вариант 2'],
      ['zh', 'o2', '备选案文2'],
      ['ar', 'o2', 'الخيار ٢'],
      ['en', 'o1p', '2.'],
      ['en', 'o2p', '2.'],
      ['en', 'o2q', '3.'],
      ['en', 'p4', '4.'],
      ['en', 'so1a', '(a)'],
      ['en', 'so2b', '(b)'],
      ['en', 'after', '(c)'],
    ])('starts every option at the number of the group and resumes after the longest (%s %s → %s)', (language, id, expected) => {
      expect(labelOf(id, language, {}, withOptions)).toBe(expected);
    });

    it('leaves a lone paragraph unnumbered when options stand for it', () => {
      const lone = doc(article(options(option(p({ id: 'x' }, 'One way.')), option(p({ id: 'y' }, 'Another way.')))));
      expect(labelOf('x', 'en', {}, lone)).toBe('');
      expect(labelOf('y', 'en', {}, lone)).toBe('');
    });

    it('numbers subparagraphs after options that stand for the paragraph text', () => {
      const textOptions = doc(article(p({ id: 'p' }, options(option('One text;'), option('Other text;')), sub({ id: 's' }, 'x')), p('Other.')));
      expect(labelOf('p', 'en', {}, textOptions)).toBe('1.');
      expect(labelOf('s', 'en', {}, textOptions)).toBe('(a)');
    });
  });

  it('numbers articles outside chapters along with those inside', () => {
    const mixed = doc(article({ id: 'x' }, p('a')), chapter({ id: 'c' }, heading('C'), article({ id: 'y' }, p('b'))), article({ id: 'z' }, p('c')));
    expect(['x', 'c', 'y', 'z'].map((id) => labelOf(id, 'en', {}, mixed))).toEqual(['Article 1', 'Chapter I', 'Article 2', 'Article 3']);
  });
});

describe(formatLabel.name, () => {
  it.each<[Parameters<typeof formatLabel>, string]>([
    [['article', 3, 'en'], 'Article 3'],
    [['chapter', 4, 'en'], 'Chapter IV'],
    [['subparagraph', 3, 'ar', 1], '(ج)'],
    [['subparagraph', 4, 'en', 2], '(iv)'],
    [['subparagraph', 1, 'en', 4], '(a)'],
    [['paragraph', 12, 'ar', 0, { arabicDigits: 'western' }], '12-'],
  ])('formats %j as %s', (args, expected) => {
    expect(formatLabel(...args)).toBe(expected);
  });
});

describe('frozen article numbers', () => {
  /** Articles 1 to 3 numbered by the secretariat, two inserted after article 2 while numbers were frozen. */
  const frozen = doc(
    article({ id: 'a1', number: '1' }, p('One.')),
    article({ id: 'a2', number: '2' }, p('Two.')),
    article({ id: 'n1' }, p('New.')),
    article({ id: 'n2' }, p('Newer.')),
    article({ id: 'a3', number: '3' }, p('Three.')),
  );

  it.each<[Language, string, string]>([
    ['en', 'n1', 'Article 2 bis'],
    ['en', 'n2', 'Article 2 ter'],
    ['en', 'a3', 'Article 3'],
    ['fr', 'n1', 'Article 2 bis'],
    ['es', 'n2', 'Artículo 2 ter'],
    ['ru', 'n1', 'Статья 2 бис'],
    ['ru', 'n2', 'Статья 2 тер'],
    ['zh', 'n1', '第二条之二'],
    ['zh', 'n2', '第二条之三'],
    ['ar', 'n1', 'المادة ٢ مكرراً'],
    ['ar', 'n2', 'المادة ٢ مكرراً ثانياً'],
  ])('numbers an inserted article in %s after its predecessor: %s is %s', (language, id, expected) => {
    expect(labelOf(id, language, {}, frozen)).toBe(expected);
  });

  it('keeps the numbers of the articles after an insertion', () => {
    expect(labelOf('a3', 'en', {}, frozen)).toBe('Article 3');
  });

  it('reads a stored suffix: 2.2 is 2 ter, and the next insertion after it is 2 quater', () => {
    const stored = doc(article({ id: 'x', number: '2.2' }, p('X.')), article({ id: 'y' }, p('Y.')));
    expect([labelOf('x', 'en', {}, stored), labelOf('y', 'en', {}, stored)]).toEqual(['Article 2 ter', 'Article 2 quater']);
  });

  it('numbers by order a text that no one has numbered yet', () => {
    const fresh = doc(article({ id: 'a' }, p('A.')), article({ id: 'b' }, p('B.')));
    expect(labelOf('b', 'en', {}, fresh)).toBe('Article 2');
  });
});

describe(freezeNumbers.name, () => {
  it('stores the number each article shows, and leaves a frozen document as it is', () => {
    const fresh = doc(article({ id: 'a' }, p('A.')), article({ id: 'b' }, p('B.')));
    const frozen = freezeNumbers(fresh);
    expect([frozen.child(0).attrs['number'], frozen.child(1).attrs['number']]).toEqual(['1', '2']);
    expect(freezeNumbers(frozen)).toBe(frozen);
  });

  it('freezes only the articles it is asked to, leaving the others as they are', () => {
    const inserted = doc(article({ id: 'a', number: '1' }, p('A.')), article({ id: 'n' }, p('N.')), article({ id: 'm' }, p('M.')));
    const frozen = freezeNumbers(inserted, new Set(['m']));
    expect([frozen.child(1).attrs['number'], frozen.child(2).attrs['number']]).toEqual([null, '1.2']);
    expect(freezeNumbers(inserted, new Set())).toBe(inserted);
  });

  it('freezes an inserted article at its bis number', () => {
    const inserted = doc(article({ id: 'a', number: '1' }, p('A.')), article({ id: 'n' }, p('N.')), article({ id: 'b', number: '2' }, p('B.')));
    expect(freezeNumbers(inserted).child(1).attrs['number']).toBe('1.1');
  });
});

describe(insertionNumber.name, () => {
  const frozen = doc(article({ id: 'a6', number: '6' }, p('Six.')), article({ id: 'b', number: '6.1' }, p('Bis.')), article({ id: 'a7', number: '7' }, p('Seven.')));

  it.each<[string, string, InsertionNumber]>([
    ['after 6 bis, 6 ter', 'b', { kind: 'number', number: { base: 6, rank: 2 } }],
    ['after 7, 7 bis', 'a7', { kind: 'number', number: { base: 7, rank: 1 } }],
    ['between 6 and 6 bis, none: the secretariat renumbers first', 'a6', { kind: 'taken', after: { base: 6, rank: 0 }, next: { base: 6, rank: 1 } }],
  ])('numbers an article inserted %s', (_, afterId, expected) => {
    expect(insertionNumber(frozen, afterId)).toEqual(expected);
  });

  it('stores nothing in a text not numbered yet, whose numbers follow order', () => {
    expect(insertionNumber(doc(article({ id: 'a' }, p('A.'))), 'a')).toEqual({ kind: 'number', number: null });
  });

  it('lets an article without a stored number move along, since its number is derived', () => {
    const derived = doc(article({ id: 'a', number: '2' }, p('A.')), article({ id: 'n' }, p('N.')));
    expect(insertionNumber(derived, 'a')).toEqual({ kind: 'number', number: { base: 2, rank: 1 } });
  });

  it('refuses an article that is not in the text', () => {
    expect(() => insertionNumber(frozen, 'nowhere')).toThrow('No article nowhere');
  });
});

describe('stored numbers when a provision is deleted', () => {
  it('keeps a stored 6 ter when 6 bis is deleted, as the text was numbered for the session', () => {
    const after = doc(article({ id: 'a6', number: '6' }, p('Six.')), article({ id: 't', number: '6.2' }, p('Ter.')), article({ id: 'a7', number: '7' }, p('Seven.')));
    expect(numberDocument(after, 'en').get('t')?.label).toBe('Article 6 ter');
    expect(numberDocument(after, 'ar').get('t')?.label).toBe('المادة ٦ مكرراً ثانياً');
  });

  it('gives an article without a stored number a suffix no stored number holds', () => {
    const mixed = doc(article({ id: 'a6', number: '6' }, p('Six.')), article({ id: 'n' }, p('New.')), article({ id: 'b', number: '6.1' }, p('Bis.')));
    expect(articleNumbers(mixed).get('n')).toEqual({ base: 6, rank: 2 });
  });
});

describe(freezeNewArticles.name, () => {
  const before = doc(article({ id: 'a6', number: '6' }, p('Six.')), article({ id: 'old' }, p('Derived.')), article({ id: 'a7', number: '7' }, p('Seven.')));

  it('stores the number of an article a compilation inserted, and only of those', () => {
    const after = doc(before.child(0), before.child(1), article({ id: 'new' }, p('New.')), before.child(2));
    const frozen = freezeNewArticles(before, after);
    expect([frozen.child(1).attrs['number'], frozen.child(2).attrs['number']]).toEqual([null, '6.2']);
  });

  it('leaves a text not numbered yet, and a compilation that inserted no article, as they are', () => {
    const fresh = doc(article({ id: 'a' }, p('A.')));
    const grown = doc(fresh.child(0), article({ id: 'b' }, p('B.')));
    expect(freezeNewArticles(fresh, grown)).toBe(grown);
    expect(freezeNewArticles(before, before)).toBe(before);
  });
});
