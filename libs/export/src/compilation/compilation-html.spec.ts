import { LANGUAGES } from '@concord/domain';
import { describe, expect, it } from 'vitest';
import { COMPILATION_CAPTIONS } from './captions';
import { compilationToHtml } from './compilation-html';
import { compilationInput } from './testing/fixtures';

describe(compilationToHtml.name, () => {
  it('lists every proposal of a provision with its sponsor, co-sponsors and supporters, in English', () => {
    const html = compilationToHtml(compilationInput('en'));
    expect(html).toContain('<h3><span class="num">(a)</span> Egypt</h3>');
    expect(html).toContain('<p class="attribution">Proposed by Egypt, co-sponsored by Brazil and China; supported by European Union and its member States</p>');
    expect(html).toContain('<h3><span class="num">(b)</span> Russian Federation</h3>');
    expect(html).toContain('<p class="no-proposals">No proposals were received for this provision.</p>');
  });

  it('lists proposals in Arabic, right to left, labelled in abjad order', () => {
    const html = compilationToHtml(compilationInput('ar'));
    expect(html).toContain('<html lang="ar" dir="rtl">');
    expect(html).toContain('<h3><span class="num">(أ)</span> مصر</h3>');
    expect(html).toContain('مقترح من مصر، شاركت في تقديمه البرازيل والصين؛ أيدته الاتحاد الأوروبي والدول الأعضاء فيه');
    expect(html).toContain('<h3><span class="num">(ب)</span> الاتحاد الروسي</h3>');
    expect(html).toContain('المقترحات مدرجة دون ترتيب حسب الأولوية.');
  });

  it.each(['en', 'ar'] as const)('marks late proposals, and only them (%s)', (language) => {
    const html = compilationToHtml(compilationInput(language));
    const late = COMPILATION_CAPTIONS[language].late;
    expect(html.split(late)).toHaveLength(2);
    expect(html).toMatch(/<section class="proposal late" id="proposal_prop-2"/);
    expect(html).toMatch(/<section class="proposal" id="proposal_prop-1"/);
  });

  it('shows each change with insertions in <ins> and deletions in <del>', () => {
    const html = compilationToHtml(compilationInput('en'));
    expect(html).toContain('Each State Party shall adopt <ins>such legislative </ins>measures <ins>as may be necessary </ins>to establish criminal offences.');
    expect(html).toContain('Each State Party <del>shall</del><ins>may</ins> adopt measures<del> to establish criminal offences</del>.');
    expect(html).toContain('<strong>Addition:</strong> <ins>The offences shall be punishable.</ins>');
  });

  it('says "in no order of priority" before the first provision', () => {
    const html = compilationToHtml(compilationInput('en'));
    expect(html.indexOf('in no order of priority')).toBeGreaterThan(0);
    expect(html.indexOf('in no order of priority')).toBeLessThan(html.indexOf('class="provision"'));
  });

  it('prints the justification as inert text', () => {
    const html = compilationToHtml(compilationInput('en'));
    expect(html).toContain('Aligns with &lt;script&gt;alert("x")&lt;/script&gt; existing conventions &amp; practice.');
    expect(html).not.toMatch(/<script/i);
  });

  it('shows a right-to-left override by its code point and warns the reader, never printing it', () => {
    const html = compilationToHtml(compilationInput('en'));
    expect(html).not.toContain('\u202E');
    expect(html).toContain('<span class="suspicious" title="RIGHT-TO-LEFT OVERRIDE">U+202E</span>');
    expect(html).toContain('U+202E RIGHT-TO-LEFT OVERRIDE</p>');
  });

  it.each(LANGUAGES)('translates the fixed words into %s', (language) => {
    const html = compilationToHtml({ ...compilationInput('en'), language });
    const captions = COMPILATION_CAPTIONS[language];
    expect(html).toContain(`<h1>${captions.title}</h1>`);
    expect(html).toContain(captions.noPriority);
    expect(html).toContain(captions.proposedText);
    expect(html).toContain(`dir="${language === 'ar' ? 'rtl' : 'ltr'}"`);
  });
});
