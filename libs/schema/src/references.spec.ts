import type { Language } from '@concord/domain';
import { describe, expect, it } from 'vitest';
import { article, doc, p, sub } from './builders';
import { referenceLabels } from './references';

const text = doc(
  article({ id: 'a1', number: '1' }, p({ id: 'a1p1' }, 'Only paragraph.')),
  article({ id: 'new' }, p({ id: 'n1' }, 'First.'), p({ id: 'n2' }, 'Second:', sub({ id: 'n2a' }, 'one;'), sub({ id: 'n2b' }, 'two.'))),
);

describe(referenceLabels.name, () => {
  it.each<[Language, string, string]>([
    ['en', 'new', 'article 1 bis'],
    ['en', 'n2', 'article 1 bis, paragraph 2'],
    ['en', 'n2b', 'article 1 bis, paragraph 2 (b)'],
    ['en', 'a1p1', 'article 1'],
    ['fr', 'n2', 'article 1er bis, paragraphe 2'],
    ['es', 'n1', 'artículo 1 bis, párrafo 1'],
    ['ru', 'n2', 'статья 1 бис, пункт 2'],
    ['zh', 'n2', '第一条之二第2款'],
    ['ar', 'n2', 'المادة ١ مكرراً، الفقرة ٢'],
  ])('refers in %s to %s as "%s"', (language, id, expected) => {
    expect(referenceLabels(text, language).get(id)).toBe(expected);
  });
});
