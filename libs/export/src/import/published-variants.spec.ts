import { docFromJSON, numberDocument, type DocJSON } from '@concord/schema';
import { describe, expect, it } from 'vitest';
import { importText } from './import-text';
import { outline } from './test-outline';

/** The labels a document's chapters and articles are numbered with in `language`, in document order. */
function headingLabels(json: DocJSON, language: 'en' | 'ar' | 'fr' | 'zh'): string[] {
  const labels = numberDocument(docFromJSON(json), language);
  return [...labels.values()].filter((label) => label.kind === 'chapter' || label.kind === 'article').map((label) => label.label);
}

// Irregularities of published texts as a secretariat pastes them: the Arabic fifth letter without its tatweel,
// Markdown headings without a space after "#", and lines of HTML tags left by a copy from a web page.
describe('importing the variants of published texts', () => {
  it('reads (ه) as the fifth Arabic subparagraph, like (هـ), and ’1‘ as the level below it', () => {
    const source = ['المادة ١', 'الأغراض', '١- أغراض هذه الاتفاقية هي:', '(أ) الأول؛', '(ب) الثاني؛', '(ج) الثالث؛', '(د) الرابع؛', '(ه) الخامس:', '’1‘ البند الأول؛', '’2‘ البند الثاني.'].join('\n');
    const { doc, warnings } = importText(source, { language: 'ar', format: 'text' });
    expect(outline(doc)).toEqual([
      'article الأغراض',
      '  paragraph أغراض هذه الاتفاقية هي:',
      '    subparagraph الأول؛',
      '    subparagraph الثاني؛',
      '    subparagraph الثالث؛',
      '    subparagraph الرابع؛',
      '    subparagraph الخامس:',
      '      subparagraph البند الأول؛',
      '      subparagraph البند الثاني.',
    ]);
    expect(warnings).toEqual([]);
  });

  it('reads Markdown headings without a space after # and leaves out lines of HTML tags, naming line and reason', () => {
    const source = ['#Article 1', '##Scope', '<div class="page">', '1. This Convention applies.', '</div>', '', '# Article 2', '1. States shall act.'].join('\n');
    const { doc, warnings } = importText(source, { language: 'en', format: 'markdown' });
    expect(outline(doc)).toEqual(['article Scope', '  paragraph This Convention applies.', 'article', '  paragraph States shall act.']);
    expect(warnings).toEqual([
      'line 1: a heading without a space after # was read as a heading',
      'line 2: a heading without a space after # was read as a heading',
      'line 3: a line of HTML tags (<div class="page">) holds no text; left out',
      'line 5: a line of HTML tags (</div>) holds no text; left out',
    ]);
  });

  it('reads a fourth level "a." below (A), and "a." standing alone as the first level', () => {
    const source = ['Article 1', '1. States Parties shall:', '(a) act:', '(i) first:', '(A) upper:', 'a. fourth;', 'b. fourth again;', '(B) upper again.', '2. Lists:', 'a. alone;', 'b. alone.'].join('\n');
    const { doc, warnings } = importText(source, { language: 'en', format: 'text' });
    expect(outline(doc)).toEqual([
      'article',
      '  paragraph States Parties shall:',
      '    subparagraph act:',
      '      subparagraph first:',
      '        subparagraph upper:',
      '          subparagraph fourth;',
      '          subparagraph fourth again;',
      '        subparagraph upper again.',
      '  paragraph Lists:',
      '    subparagraph alone;',
      '    subparagraph alone.',
    ]);
    expect(warnings).toEqual([]);
  });

  it.each([
    ['en', ['Article 5', 'One.', 'Article 6', 'Two.', 'Article 6 bis', 'Inserted.', 'Article 6 ter', 'Again.', 'Article 7', 'Three.'], ['Article 5', 'Article 6', 'Article 6 bis', 'Article 6 ter', 'Article 7']],
    ['fr', ['Article 6', 'Deux.', 'Article 6 bis', 'Inséré.'], ['Article 6', 'Article 6 bis']],
    ['ar', ['المادة 6', 'نص.', 'المادة 6 مكررا', 'نص مدرج.'], ['المادة ٦', 'المادة ٦ مكرراً']],
    ['zh', ['第六条', '文本。', '第六条之二', '插入的文本。'], ['第六条', '第六条之二']],
  ] as const)('keeps the numbers of %s articles inserted as bis and ter', (language, lines, labels) => {
    const { doc, warnings } = importText(lines.join('\n'), { language, format: 'text' });
    expect(headingLabels(doc, language)).toEqual(labels);
    expect(warnings).toEqual([]);
  });

  it('warns when a bis article does not follow the article before it, and numbers it after its predecessor', () => {
    const { doc, warnings } = importText(['Article 6', 'One.', 'Article 4 bis', 'Two.'].join('\n'), { language: 'en', format: 'text' });
    expect(headingLabels(doc, 'en')).toEqual(['Article 6', 'Article 6 bis']);
    expect(warnings).toEqual(["line 3: the article's number in the source does not follow the one before it; it is numbered after its predecessor"]);
  });

  it('reads parts, sections and annexes as divisions numbered in their own sequences', () => {
    const source = [
      'Convention',
      'PART I',
      'GENERAL PROVISIONS',
      'Section 1. Scope',
      'Article 1',
      'This applies.',
      'Section 2. Terms',
      'Article 2',
      'Terms mean things.',
      'PART II',
      'Cooperation',
      'Section 1',
      'Article 3',
      'States cooperate.',
      'ANNEX',
      'Model form',
      'Article 1',
      'The form is this.',
    ].join('\n');
    const { doc, warnings } = importText(source, { language: 'en', format: 'text' });
    expect(outline(doc)).toEqual([
      'title Convention',
      'chapter GENERAL PROVISIONS',
      'chapter Scope',
      '  article',
      '    paragraph This applies.',
      'chapter Terms',
      '  article',
      '    paragraph Terms mean things.',
      'chapter Cooperation',
      'chapter',
      '  article',
      '    paragraph States cooperate.',
      'chapter Model form',
      '  article',
      '    paragraph The form is this.',
    ]);
    expect(headingLabels(doc, 'en')).toEqual(['Part I', 'Section 1', 'Article 1', 'Section 2', 'Article 2', 'Part II', 'Section 1', 'Article 3', 'Annex', 'Article 4']);
    expect(headingLabels(doc, 'ar')).toEqual(['الجزء الأول', 'الفرع ١', 'المادة ١', 'الفرع ٢', 'المادة ٢', 'الجزء الثاني', 'الفرع ١', 'المادة ٣', 'المرفق', 'المادة ٤']);
    expect(warnings).toEqual(['line 17: the article numbered 1 in the source is article 4 here, as numbers follow order']);
  });

  it('keeps text that stands outside any article in an article of its own, naming line and reason', () => {
    const source = ['Article 1', 'States act.', 'ANNEX', 'Model form', 'The form has two parts.', 'Preamble', '(a) a part;'].join('\n');
    const { doc, warnings } = importText(source, { language: 'en', format: 'text' });
    expect(outline(doc)).toEqual([
      'article',
      '  paragraph States act.',
      'chapter Model form',
      '  article',
      '    paragraph The form has two parts.',
      '    paragraph Preamble',
      '      subparagraph a part;',
    ]);
    expect(warnings).toEqual([
      'line 5: text between an annex heading and its first article is not part of any article; kept in an article of its own: "The form has two parts."',
      'line 6: "Preamble" after the first article is out of place; kept as text',
    ]);
  });
});
