import { describe, expect, it } from 'vitest';
import { sampleDraft } from './test-documents';
import { treatyWidgets, type DecorationTexts } from './treaty-decorations';

const texts: DecorationTexts = {
  language: 'fr',
  status: (status) => `status:${status}`,
  sponsors: (codes) => `by ${codes.join('+')}`,
  baseText: 'base',
};

describe(treatyWidgets.name, () => {
  const draft = sampleDraft();
  const widgets = treatyWidgets(draft, 'en', texts);
  const keys = widgets.map((widget) => widget.key);
  const widget = (key: string) => {
    const found = widgets.find((candidate) => candidate.key === key);
    if (found === undefined) throw new Error(`no widget ${key} among ${keys.join(', ')}`);
    return found;
  };

  it('labels chapters and articles, with each article’s status in the interface language', () => {
    expect(keys).toEqual(
      expect.arrayContaining([
        'chapter:ch1:Chapter I',
        'chapter:ch2:Chapter II',
        'article:a1:Article 1:agreed-ad-referendum:fr',
        'article:a2:Article 2:open:fr',
        'article:a3:Article 3:open:fr',
      ]),
    );
  });

  it('puts paragraph and subparagraph numbers at the start of their text, and none on a lone paragraph', () => {
    for (const key of ['number:a2p1:1.', 'number:a2p2:2.', 'number:a2a:(a)', 'number:a2b:(b)']) {
      const $pos = draft.resolve(widget(key).pos);
      expect($pos.parent.type.name).toBe('text_block');
      expect($pos.parentOffset).toBe(0);
    }
    expect(keys.some((key) => key.startsWith('number:a1p1:'))).toBe(false);
  });

  it('shows the status of a paragraph that is no longer open, at the end of its text', () => {
    const $pos = draft.resolve(widget('paragraph-status:a2p1:informally-agreed:fr').pos);
    expect($pos.parent.type.name).toBe('text_block');
    expect($pos.parentOffset).toBe($pos.parent.content.size);
    expect(keys.some((key) => key.startsWith('paragraph-status:a2p2:'))).toBe(false);
  });

  it('heads each option with its number and its sponsors, or as the base text', () => {
    expect(keys).toEqual(expect.arrayContaining(['option:o1:Option 1:base:fr', 'option:o2:Option 2:by EU+EGY:fr']));
    expect(draft.resolve(widget('option:o2:Option 2:by EU+EGY:fr').pos).parent.attrs['id']).toBe('o2');
  });

  it('numbers in the language of the text', () => {
    const arabic = treatyWidgets(draft, 'ar', texts).map((candidate) => candidate.key);
    expect(arabic).toEqual(expect.arrayContaining(['article:a1:المادة ١:agreed-ad-referendum:fr', 'number:a2a:(أ)', 'number:a2p1:١-']));
  });
});
