import { describe, expect, it } from 'vitest';
import { importText } from './import-text';
import { outline } from './test-outline';

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
});
