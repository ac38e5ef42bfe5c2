import { describe, expect, it } from 'vitest';
import { consolidatedDraft } from './fixtures';
import { findNodeById, listProvisions, provisionsHolding } from './query';

describe(findNodeById.name, () => {
  const draft = consolidatedDraft();

  it.each([
    ['r1', 'recital'],
    ['ch1', 'chapter'],
    ['a2', 'article'],
    ['a2b1', 'subparagraph'],
    ['g2', 'option_group'],
    ['o4', 'option'],
    ['o4q', 'paragraph'],
  ])('finds %s, a %s, at its position', (id, type) => {
    const found = findNodeById(draft, id);
    expect(found?.node.type.name).toBe(type);
    expect(found && draft.nodeAt(found.pos)).toBe(found?.node);
  });

  it('gives null for an unknown id', () => {
    expect(findNodeById(draft, 'nowhere')).toBeNull();
  });

  it('does not mistake a bracket id for a node id', () => {
    expect(findNodeById(draft, 'b1')).toBeNull();
  });
});

describe(provisionsHolding.name, () => {
  const draft = consolidatedDraft();

  it.each([
    ['a2b1', ['a2', 'a2p1']],
    ['a2p1', ['a2', 'a2p1']],
    ['a2', ['a2']],
    ['o4q', ['a3', 'o4q']],
    ['r1', []],
    ['nowhere', []],
  ])('finds the articles and paragraphs holding %s, outermost first', (id, expected) => {
    expect(provisionsHolding(draft, id)).toEqual(expected);
  });
});

describe(listProvisions.name, () => {
  const draft = consolidatedDraft();

  it('lists articles and paragraphs in document order with numbers, status and path', () => {
    expect(listProvisions(draft).map(({ id, kind, label, status, path, heading }) => ({ id, kind, label, status, path, heading }))).toEqual([
      { id: 'a1', kind: 'article', label: 'Article 1', status: 'agreed-ad-referendum', path: ['ch1', 'a1'], heading: 'Statement of purpose' },
      { id: 'a1p1', kind: 'paragraph', label: '', status: 'agreed-ad-referendum', path: ['ch1', 'a1', 'a1p1'], heading: null },
      { id: 'a2', kind: 'article', label: 'Article 2', status: 'open', path: ['ch1', 'a2'], heading: 'Use of terms' },
      { id: 'a2p1', kind: 'paragraph', label: '1.', status: 'informally-agreed', path: ['ch1', 'a2', 'a2p1'], heading: null },
      { id: 'a2p2', kind: 'paragraph', label: '2.', status: 'open', path: ['ch1', 'a2', 'a2p2'], heading: null },
      { id: 'a3', kind: 'article', label: 'Article 3', status: 'open', path: ['a3'], heading: 'Criminalization' },
      { id: 'a3p1', kind: 'paragraph', label: '1.', status: 'open', path: ['a3', 'a3p1'], heading: null },
      { id: 'o3p', kind: 'paragraph', label: '2.', status: 'open', path: ['a3', 'g2', 'o3', 'o3p'], heading: null },
      { id: 'o4p', kind: 'paragraph', label: '2.', status: 'open', path: ['a3', 'g2', 'o4', 'o4p'], heading: null },
      { id: 'o4q', kind: 'paragraph', label: '3.', status: 'open', path: ['a3', 'g2', 'o4', 'o4q'], heading: null },
    ]);
  });

  it('gives each provision its position in the document', () => {
    for (const provision of listProvisions(draft)) {
      expect(draft.nodeAt(provision.pos)?.attrs['id']).toBe(provision.id);
    }
  });

  it('numbers in the language asked for', () => {
    expect(listProvisions(draft, 'zh').map((provision) => provision.label).filter((label) => label.startsWith('第'))).toEqual(['第一条', '第二条', '第三条']);
  });
});
