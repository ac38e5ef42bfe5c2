import { describe, expect, it } from 'vitest';
import { bringFromOriginal } from './bring';
import { article, chapter, doc, heading, p, preamble, recital, sub, title } from './builders';
import { TranslationError } from './translation';

const original = doc(
  title('Convention'),
  preamble(recital({ id: 'r1' }, 'Considering one,'), recital({ id: 'r2' }, 'Considering two,')),
  chapter(
    { id: 'c1' },
    heading('General'),
    article({ id: 'a1' }, heading('Purpose'), p({ id: 'a1p1' }, 'One:', sub({ id: 's1' }, 'first;'), sub({ id: 's2' }, 'second.')), p({ id: 'a1p2' }, 'Two.')),
    article({ id: 'a2' }, p({ id: 'a2p1' }, 'Three.')),
  ),
);

const french = doc(
  title('Convention'),
  preamble(recital({ id: 'r2' }, 'Considérant deux,')),
  chapter({ id: 'c1' }, heading('Généralités'), article({ id: 'a1' }, heading('Objet'), p({ id: 'a1p1' }, 'Un :', sub({ id: 's1' }, 'premier ;')), p({ id: 'a1p2' }, 'Deux.'))),
);

function ids(node: ReturnType<typeof doc>): string[] {
  const result: string[] = [];
  node.descendants((child) => {
    const id: unknown = child.attrs['id'];
    if (typeof id === 'string') result.push(id);
    return !child.isTextblock;
  });
  return result;
}

describe(bringFromOriginal.name, () => {
  it('places a missing subparagraph after its preceding sibling, in the original words', () => {
    const result = bringFromOriginal(original, french, 's2');
    expect(ids(result)).toEqual(['r2', 'c1', 'a1', 'a1p1', 's1', 's2', 'a1p2']);
    expect(result.textContent).toContain('premier ;second.');
  });

  it('places a missing first recital before the others, where nothing precedes it', () => {
    expect(ids(bringFromOriginal(original, french, 'r1'))).toEqual(['r1', 'r2', 'c1', 'a1', 'a1p1', 's1', 'a1p2']);
  });

  it('brings the whole missing article when one of its paragraphs is asked for, after the article before it', () => {
    const result = bringFromOriginal(original, french, 'a2p1');
    expect(ids(result)).toEqual(['r2', 'c1', 'a1', 'a1p1', 's1', 'a1p2', 'a2', 'a2p1']);
    result.check();
  });

  it('brings a preamble that the translation lacks', () => {
    const bare = doc(title('Convention'), chapter({ id: 'c1' }, heading('Généralités'), article({ id: 'a1' }, p({ id: 'a1p1' }, 'Un.'))));
    const result = bringFromOriginal(original, bare, 'r2');
    expect(ids(result)).toEqual(['r1', 'r2', 'c1', 'a1', 'a1p1']);
    result.check();
  });

  it('returns the translation unchanged when it has the node', () => {
    expect(bringFromOriginal(original, french, 'a1p2')).toBe(french);
  });

  it('refuses a node the original lacks, and one whose parts are elsewhere in the translation', () => {
    expect(() => bringFromOriginal(original, french, 'nope')).toThrow(TranslationError);
    const moved = doc(chapter({ id: 'c1' }, heading('Généralités'), article({ id: 'a1' }, p({ id: 'a2p1' }, 'Trois.'))));
    expect(() => bringFromOriginal(original, moved, 'a2')).toThrow(/already elsewhere in this version \(a2p1\)/);
  });
});
