import type { Language } from '@concord/domain';
import { builders } from '@concord/schema';
import { renderToString } from 'react-dom/server';
import { describe, expect, it } from 'vitest';
import { I18nProvider } from '../i18n/i18n-context';
import { TreatyDocument } from './treaty-document';

const { article, doc, p, xref } = builders;

/** Articles 6 and 6 ter (stored), and article 7 referring to 6 ter in words typed when it was numbered 6 bis. */
const text = doc(
  article({ id: 'a6', number: '6' }, p({ id: 'a6p' }, 'Six.')),
  article({ id: 't', number: '6.2' }, p({ id: 'tp' }, 'Ter.')),
  article({ id: 'a7', number: '7' }, p({ id: 'a7p' }, xref('t', 'Article 6 bis'), ' applies, not ', xref('gone', 'article 9'), '.')),
);

function render(textLanguage: Language): string {
  return renderToString(
    <I18nProvider initial="en">
      <TreatyDocument doc={text} textLanguage={textLanguage} stale={new Set()} provenance={null} label="Text" />
    </I18nProvider>,
  );
}

describe(TreatyDocument.name, () => {
  it.each<[Language, string]>([
    ['en', '<span class="xref" data-target="t">Article 6 ter</span> applies'],
    ['ar', '<span class="xref" data-target="t">المادة ٦ مكرراً ثانياً</span>'],
  ])('reads a cross-reference with its provision\'s current number in %s', (language, expected) => {
    expect(render(language)).toContain(expected);
  });

  it('keeps the stored words of a reference to a provision no longer in the text', () => {
    expect(render('en')).toContain('<span class="xref" data-target="gone">article 9</span>');
  });
});
