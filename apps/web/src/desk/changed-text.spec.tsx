import type { Language } from '@concord/domain';
import type { ReactNode } from 'react';
import { renderToStaticMarkup } from 'react-dom/server';
import { describe, expect, it } from 'vitest';
import { I18nProvider } from '../i18n/i18n-context';
import { ChangedText, RevealedText } from './changed-text';
import type { ChangeView } from './desk-api';

function render(node: ReactNode, language: Language = 'en'): string {
  return renderToStaticMarkup(<I18nProvider initial={language}>{node}</I18nProvider>);
}

describe(ChangedText.name, () => {
  it('shows a changed text with its deletion and insertion in place, in the text’s language and direction', () => {
    const change: ChangeView = {
      kind: 'text',
      target: 'p1#text0',
      before: 'sovereign equality of States',
      after: 'sovereign rights of States',
      edits: [{ from: 10, to: 18, deleted: 'equality', inserted: 'rights' }],
    };
    expect(render(<ChangedText change={change} textLanguage="en" />)).toBe(
      '<p class="desk-diff" lang="en" dir="ltr">sovereign ' +
        '<del><span class="visually-hidden">deleted: </span>equality</del>' +
        '<ins><span class="visually-hidden">inserted: </span>rights</ins> of States</p>',
    );
  });

  it('marks an Arabic text right to left and names the markers in the interface language', () => {
    const change: ChangeView = { kind: 'text', target: 'p1#text0', before: 'أ', after: 'ب', edits: [{ from: 0, to: 1, deleted: 'أ', inserted: 'ب' }] };
    const html = render(<ChangedText change={change} textLanguage="ar" />, 'fr');
    expect(html).toContain('lang="ar" dir="rtl"');
    expect(html).toContain('supprimé :');
    expect(html).toContain('ajouté :');
  });

  it('shows a new provision’s text as inserted and a deleted one’s as deleted', () => {
    const paragraph = { type: 'paragraph', content: [{ type: 'text_block', content: [{ type: 'text', text: 'New words' }] }] };
    expect(render(<ChangedText change={{ kind: 'insert', parent: 'a4', after: 'p2', before: null, nodes: [paragraph] }} textLanguage="en" />)).toMatch(
      /New text:.*<ins>.*New words<\/ins>/,
    );
    expect(render(<ChangedText change={{ kind: 'delete', target: 'p2', node: paragraph }} textLanguage="en" />)).toMatch(
      /Text to delete:.*<del>.*New words<\/del>/,
    );
  });
});

describe(RevealedText.name, () => {
  it('keeps markup in a proposal as text and shows a hidden character by its code instead of the character', () => {
    const html = render(<RevealedText text={'<b>bold</b>\u202Egnp.exe'} />);
    expect(html).toContain('&lt;b&gt;bold&lt;/b&gt;');
    expect(html).toContain('U+202E');
    expect(html).not.toContain('\u202E');
  });
});
