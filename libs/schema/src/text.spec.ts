import type { Language } from '@concord/domain';
import { describe, expect, it } from 'vitest';
import { article, bracket, chapter, doc, footnote, heading, option, options, p, preamble, provenance, sub, textBlock, title } from './builders';
import { docToText, inlineToText, positionalText, readableNotes } from './text';

const convention = doc(
  title('Convention on cooperation'),
  preamble('The States Parties to this Convention,', 'Have agreed as follows:'),
  chapter(
    heading('General provisions'),
    article(heading('Purpose'), p('The purpose is ', bracket('to promote'), ' cooperation.')),
    article(
      heading('Use of terms'),
      p('For the purposes of this Convention:', sub('"Data" means ', bracket('any ', bracket('digital'), ' representation'), ';'), sub('"Provider" means:', sub('a public entity;'), sub('a private entity.'))),
      p(options(option({ sponsors: ['BRA'] }, 'States shall act.'), option({ sponsors: ['EU'] }, 'States may act.'))),
    ),
  ),
  article(p('First.'), options(option(p('Second, one way.')), option(p('Second, another way.'))), p('Third.')),
);

describe(docToText.name, () => {
  it('renders a numbered plain text with brackets and options', () => {
    expect(docToText(convention, 'en')).toBe(
      [
        'Convention on cooperation',
        'The States Parties to this Convention,',
        'Have agreed as follows:',
        'Chapter I\nGeneral provisions',
        'Article 1\nPurpose',
        'The purpose is [to promote] cooperation.',
        'Article 2\nUse of terms',
        '1. For the purposes of this Convention:',
        '    (a) "Data" means [any [digital] representation];',
        '    (b) "Provider" means:',
        '        (i) a public entity;',
        '        (ii) a private entity.',
        '2. Option 1: States shall act.',
        '    Option 2: States may act.',
        'Article 3',
        '1. First.',
        'Option 1: 2. Second, one way.',
        'Option 2: 2. Second, another way.',
        '3. Third.',
      ].join('\n\n') + '\n',
    );
  });

  it.each<[Language, string[]]>([
    ['fr', ['Chapitre I\nGeneral provisions', 'Article premier\nPurpose', 'Article 2\nUse of terms', '1. For', '    (a) "Data"', '        (i) a public', '2. Option 1:', '    Option 2:']],
    ['es', ['Capítulo I\n', 'Artículo 1\n', 'Artículo 3', '    (b) "Provider"', '2. Opción 1:', '    Opción 2:']],
    ['ru', ['Глава I\n', 'Статья 1\n', 'Статья 3', '    а) "Data"', '    б) "Provider"', '        ii) a private', '2. Вариант 1:']],
    ['zh', ['第一章\n', '第一条\n', '第三条', '    (a) "Data"', '        (ii) a private', '2. 备选案文1:']],
    ['ar', ['الفصل الأول\n', 'المادة ١\n', 'المادة ٣', '١- For', '    (أ) "Data"', '    (ب) "Provider"', "        '٢' a private", '٢- الخيار ١:', '    الخيار ٢:', 'الخيار ١: ٢- Second']],
  ])('numbers the text in %s', (language, fragments) => {
    const text = docToText(convention, language);
    for (const fragment of fragments) expect(text).toContain(fragment);
  });

  it('writes Western digits in Arabic when asked', () => {
    expect(docToText(convention, 'ar', { arabicDigits: 'western' })).toContain('المادة 3');
  });

  it('renders a lone paragraph without a number', () => {
    expect(docToText(doc(article(heading('Depositary'), p('The Secretary-General is the depositary.'))), 'en')).toBe(
      'Article 1\nDepositary\n\nThe Secretary-General is the depositary.\n',
    );
  });
});

describe(inlineToText.name, () => {
  it.each([
    ['plain text', textBlock('plain'), 'plain'],
    ['a bracket', textBlock('a ', bracket('b'), ' c'), 'a [b] c'],
    ['nested brackets', textBlock(bracket('a ', bracket('b ', bracket('c')), ' d')), '[a [b [c]] d]'],
    ['adjacent brackets', textBlock(bracket('a'), bracket('b')), '[a][b]'],
    ['provenance, which is not printed', textBlock(provenance({ kind: 'proposal', ref: 'p1' }, 'proposed')), 'proposed'],
  ])('renders %s', (_, node, expected) => {
    expect(inlineToText(node)).toBe(expected);
  });

  it('closes and reopens brackets that overlap without nesting, so they balance', () => {
    const node = doc(article(p(bracket({ id: 'left' }, 'a ', bracket({ id: 'right' }, 'b')), bracket({ id: 'right' }, ' c'))));
    let block = node;
    while (!block.isTextblock && block.firstChild) block = block.firstChild;
    expect(inlineToText(block)).toBe('[a [b]][ c]');
  });
});

describe(readableNotes.name, () => {
  it('shows each footnote of a positional text between superscript parentheses', () => {
    const block = textBlock('States', footnote({ id: 'n1' }, 'See annex.'), ' shall', footnote({ id: 'n2' }, 'Or may.'), '.');
    const text = positionalText(block.content);
    expect(text.length).toBe(block.content.size);
    expect(readableNotes(text)).toBe('States⁽See annex.⁾ shall⁽Or may.⁾.');
  });
});
