import { builders } from '@concord/schema';
import { describe, expect, it } from 'vitest';
import { locationText, spaceBase, textChanges, wordSegments, type LocationWords } from './text-changes';

const { article, chapter, doc, heading, p, preamble, recital, sub, title } = builders;

const words: LocationWords = {
  paragraph: (n) => `paragraph ${n}`,
  recital: (n) => `recital ${n}`,
  title: 'title',
  preamble: 'preamble',
  heading: 'heading',
  separator: ', ',
};

function base() {
  return doc(
    title('Convention'),
    preamble(recital({ id: 'r1' }, 'Recalling.'), recital({ id: 'r2' }, 'Noting.')),
    chapter(
      { id: 'c1' },
      heading('General'),
      article({ id: 'a1' }, heading('Purpose'), p({ id: 'a1p1' }, 'The purpose.')),
      article(
        { id: 'a2' },
        heading('Sovereignty'),
        p({ id: 'a2p1' }, 'States shall respect sovereignty.', sub({ id: 'a2a' }, 'one;'), sub({ id: 'a2b' }, 'two.')),
        p({ id: 'a2p2' }, 'Second paragraph.'),
      ),
    ),
  );
}

describe(wordSegments.name, () => {
  it('marks the words replaced', () => {
    expect(wordSegments('States shall respect', 'States may respect')).toEqual([
      { kind: 'same', text: 'States ' },
      { kind: 'deleted', text: 'shall' },
      { kind: 'inserted', text: 'may' },
      { kind: 'same', text: ' respect' },
    ]);
  });
});

describe(textChanges.name, () => {
  it('finds nothing in an unchanged text', () => {
    expect(textChanges(base(), base(), 'en')).toEqual([]);
  });

  it('gives the words changed in a paragraph, with its article and number', () => {
    const proposed = doc(
      article(
        { id: 'a2' },
        heading('Sovereignty'),
        p({ id: 'a2p1' }, 'States may respect sovereignty.', sub({ id: 'a2a' }, 'one;'), sub({ id: 'a2b' }, 'two.')),
        p({ id: 'a2p2' }, 'Second paragraph.'),
      ),
    );
    const changes = textChanges(spaceBase(base(), ['a2']), proposed, 'en', base());
    expect(changes.map((c) => [c.kind, c.key, locationText(c.location, words)])).toEqual([['text', 'a2p1#text0', 'Article 2, paragraph 1']]);
    expect(changes[0]?.segments.filter((s) => s.kind !== 'same').map((s) => s.text)).toEqual(['shall', 'may']);
  });

  it('keeps the base’s article numbers for a space that holds one article', () => {
    const proposed = doc(
      article(
        { id: 'a2' },
        heading('Sovereignty of States'),
        p({ id: 'a2p1' }, 'Changed.', sub({ id: 'a2a' }, 'one;'), sub({ id: 'a2b' }, 'two.')),
        p({ id: 'a2p2' }, 'Second paragraph.'),
      ),
    );
    const located = textChanges(spaceBase(base(), ['a2']), proposed, 'ar', base()).map((c) =>
      locationText(c.location, { ...words, separator: '، ' }),
    );
    expect(located).toEqual(['المادة ٢، heading', 'المادة ٢، paragraph ١']);
  });

  it('reports a provision added and one deleted', () => {
    const proposed = doc(
      article(
        { id: 'a2' },
        heading('Sovereignty'),
        p({ id: 'a2p1' }, 'States shall respect sovereignty.', sub({ id: 'a2a' }, 'one;')),
        p({ id: 'a2p2' }, 'Second paragraph.'),
        p({ id: 'new' }, 'A third paragraph.'),
      ),
    );
    const changes = textChanges(spaceBase(base(), ['a2']), proposed, 'en', base());
    expect(changes.map((c) => [c.kind, c.key, locationText(c.location, words), c.segments[0]?.text])).toEqual([
      ['deleted', 'a2b', 'Article 2, paragraph 1 (b)', 'two.'],
      ['added', 'new', 'Article 2, paragraph 3', 'A third paragraph.'],
    ]);
  });

  it('does not count articles left out of a partial proposal as deleted', () => {
    const proposed = doc(article({ id: 'a1' }, heading('Purpose'), p({ id: 'a1p1' }, 'The new purpose.')));
    expect(textChanges(base(), proposed, 'en').map((c) => c.kind)).toEqual(['text']);
  });

  it('names the title and recitals', () => {
    const retitled = doc(title('New Convention'), ...base().content.content.slice(1));
    expect(textChanges(base(), retitled, 'en').map((c) => locationText(c.location, words))).toEqual(['title']);
    const recitals = doc(title('Convention'), preamble(recital({ id: 'r1' }, 'Recalling.'), recital({ id: 'r2' }, 'Noting also.')), base().child(2));
    expect(textChanges(base(), recitals, 'en').map((c) => locationText(c.location, words))).toEqual(['preamble, recital 2']);
  });
});

describe(locationText.name, () => {
  it('leaves the chapter out when the article says enough, and keeps it for the chapter’s own heading', () => {
    expect(locationText([{ kind: 'chapter', label: 'Chapter I' }, { kind: 'article', label: 'Article 1' }, { kind: 'heading' }], words)).toBe(
      'Article 1, heading',
    );
    expect(locationText([{ kind: 'chapter', label: 'Chapter I' }, { kind: 'heading' }], words)).toBe('Chapter I, heading');
  });

  it('reads an Arabic paragraph number without its dash', () => {
    expect(locationText([{ kind: 'article', label: 'المادة ٤' }, { kind: 'paragraph', label: '٢-' }], { ...words, separator: '، ' })).toBe(
      'المادة ٤، paragraph ٢',
    );
  });
});

describe(spaceBase.name, () => {
  it('keeps the whole base for a space on the whole text', () => {
    const whole = base();
    expect(spaceBase(whole, [])).toBe(whole);
  });

  it('narrows the base to the chosen articles, in the order given', () => {
    expect(spaceBase(base(), ['a2', 'a1']).content.content.map((n) => n.attrs['id'])).toEqual(['a2', 'a1']);
  });
});
