import { builders } from '@concord/schema';
import { describe, expect, it } from 'vitest';
import { documentOutline, numberAgainstBase } from './outline';
import { sampleDraft } from './test-documents';

describe(documentOutline.name, () => {
  it('lists chapters and articles in order, numbered, with their headings and statuses', () => {
    const outline = documentOutline(sampleDraft(), 'en');
    expect(outline.map((entry) => [entry.kind, entry.id, entry.label, entry.heading, entry.status])).toEqual([
      ['chapter', 'ch1', 'Chapter I', 'General provisions', null],
      ['article', 'a1', 'Article 1', 'Purpose', 'agreed-ad-referendum'],
      ['article', 'a2', 'Article 2', 'Use of terms', 'open'],
      ['chapter', 'ch2', 'Chapter II', 'Criminalization', null],
      ['article', 'a3', 'Article 3', null, 'open'],
    ]);
  });

  it('gives the position of each node', () => {
    const draft = sampleDraft();
    for (const entry of documentOutline(draft, 'en')) expect(draft.nodeAt(entry.pos)?.attrs['id']).toBe(entry.id);
  });

  it('numbers in the language asked for', () => {
    expect(documentOutline(sampleDraft(), 'ar').map((entry) => entry.label)).toEqual([
      'الفصل الأول',
      'المادة ١',
      'المادة ٢',
      'الفصل الثاني',
      'المادة ٣',
    ]);
    expect(documentOutline(sampleDraft(), 'fr')[1]?.label).toBe('Article premier');
  });
});

describe(numberAgainstBase.name, () => {
  const { article, doc, p } = builders;
  const space = () => doc(article({ id: 'a2' }, p({ id: 'x' }, 'Drafted.')), article({ id: 'new' }, p({ id: 'y' }, 'Added.')));

  it('keeps the base text’s number of an article a drafting space took from it', () => {
    const labels = numberAgainstBase(space(), 'en', sampleDraft());
    expect(labels.get('a2')?.label).toBe('Article 2');
  });

  it('numbers by position without a base', () => {
    expect(numberAgainstBase(space(), 'en').get('a2')?.label).toBe('Article 1');
  });
});
