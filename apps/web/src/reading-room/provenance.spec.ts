import { builders } from '@concord/schema';
import { describe, expect, it } from 'vitest';
import {
  DELEGATION_PALETTE,
  inlineTree,
  originColors,
  originOf,
  provenanceShares,
  type InlineItem,
  type Origin,
} from './provenance';

const { article, bracket, doc, footnote, heading, option, options, p, provenance, title } = builders;

const base = (text: string) => provenance({ kind: 'base', ref: 'rev-1', label: 'A/AC.291/22' }, text);
const proposed = (codes: readonly string[], text: string) =>
  provenance({ kind: 'proposal', ref: 'p-1', delegations: [...codes], label: `Proposed by ${codes.join(', ')}` }, text);
const edited = (text: string) => provenance({ kind: 'edit', ref: 'user-1', label: 'Edit by Lena Okafor' }, text);

/** Shares as `key: characters`, in the order given. */
const summary = (node: ReturnType<typeof doc>) => provenanceShares(node).map((share) => `${share.key}: ${share.characters}`);

/** WCAG relative luminance of `#rrggbb`. */
function luminance(hex: string): number {
  const channels = [1, 3, 5].map((at) => parseInt(hex.slice(at, at + 2), 16) / 255);
  const [r = 0, g = 0, b = 0] = channels.map((c) => (c <= 0.03928 ? c / 12.92 : ((c + 0.055) / 1.055) ** 2.4));
  return 0.2126 * r + 0.7152 * g + 0.0722 * b;
}

const contrast = (a: string, b: string) => {
  const [light, dark] = [luminance(a), luminance(b)].sort((x, y) => y - x) as [number, number];
  return (light + 0.05) / (dark + 0.05);
};

/** An inline tree written compactly: text as is, marks as `bracket[…]` or `provenance:<kind>[…]`. */
function show(items: readonly InlineItem[]): string {
  return items
    .map((item) => {
      if (item.type === 'text') return item.text;
      if (item.type === 'note') return `^{${item.node.textContent}}`;
      const name = item.mark.type.name === 'bracket' ? 'bracket' : `provenance:${String(item.mark.attrs['kind'])}`;
      return `${name}[${show(item.children)}]`;
    })
    .join('');
}

describe(originOf.name, () => {
  it.each([
    [{ kind: 'base', ref: 'r', delegations: [], label: '' }, 'base'],
    [{ kind: 'edit', ref: 'u', delegations: [], label: '' }, 'edit'],
    [{ kind: 'proposal', ref: 'p', delegations: ['EGY', 'EU'], label: '' }, 'delegation:EGY'],
    [{ kind: 'proposal', ref: 'p', delegations: [], label: '' }, 'none'],
    [null, 'none'],
  ] as const)('counts %j under %s', (attrs, key) => {
    expect(originOf(attrs).key).toBe(key);
  });
});

describe(provenanceShares.name, () => {
  it('counts characters by origin, the base first, then delegations from the largest, then edits', () => {
    const text = doc(
      title(base('Convention')),
      article(heading(base('Scope')), p(base('States shall '), proposed(['EU'], 'cooperate'), edited(' fully'), base('.'))),
      article(p(proposed(['EGY', 'EU'], 'Nothing in this Convention'), base(' applies.'))),
    );
    expect(summary(text)).toEqual(['base: 38', 'delegation:EGY: 26', 'delegation:EU: 9', 'edit: 6']);
  });

  it('gives shares that add up to one', () => {
    const shares = provenanceShares(doc(article(p(base('abc'), proposed(['FRA'], 'd')))));
    expect(shares.map((share) => share.share)).toEqual([0.75, 0.25]);
  });

  it('counts text inside options and brackets, once each', () => {
    const text = doc(
      article(
        options(
          option({ isBase: true }, p(base('Base wording'))),
          option({ sponsors: ['BRA'] }, p(proposed(['BRA'], 'Brazil '), bracket(proposed(['BRA'], 'wording')))),
        ),
      ),
    );
    expect(summary(text)).toEqual(['base: 12', 'delegation:BRA: 14']);
  });

  it('counts unattributed text, and Arabic by code points', () => {
    expect(summary(doc(article(p('نص المادة'))))).toEqual(['none: 9']);
  });

  it('has no shares for a text without words', () => {
    expect(provenanceShares(doc(article(p(''))))).toEqual([]);
  });
});

describe(originColors.name, () => {
  const delegation = (code: string): Origin => ({ key: `delegation:${code}`, kind: 'delegation', delegation: code });

  it('gives every delegation of a text its own colour, and keeps a delegation’s colour across texts', () => {
    const codes = ['EGY', 'EU', 'BRA', 'FRA', 'CHN', 'USA', 'RUS', 'IND', 'ZAF', 'MEX'];
    const colors = originColors(codes.map(delegation));
    expect(new Set(codes.map((code) => colors.get(`delegation:${code}`)?.strong)).size).toBe(codes.length);
    const alone = originColors([delegation('EGY')]);
    expect(alone.get('delegation:EGY')).toEqual(originColors([delegation('EGY'), delegation('ZZZ')]).get('delegation:EGY'));
  });

  it('colours the base text, edits and unattributed text apart from delegations', () => {
    const colors = originColors([originOf(null), { key: 'base', kind: 'base', delegation: null }, delegation('EGY')]);
    expect(new Set([colors.get('none'), colors.get('base'), colors.get('delegation:EGY')].map((c) => c?.strong)).size).toBe(3);
  });

  it.each(DELEGATION_PALETTE.map((color) => [color.strong, color.tint]))(
    'keeps %s readable on white and black text readable on %s',
    (strong, tint) => {
      expect(contrast(strong, '#ffffff')).toBeGreaterThanOrEqual(4.5);
      expect(contrast('#1d1d1b', tint)).toBeGreaterThanOrEqual(7);
    },
  );
});

describe(inlineTree.name, () => {
  const block = (...children: Parameters<typeof p>) => {
    const paragraph = p(...children);
    const first = paragraph.firstChild;
    if (first === null) throw new Error('no text block');
    return first;
  };

  it('opens a mark shared by neighbouring texts once around all of them', () => {
    const text = block('States ', bracket(base('shall'), proposed(['EU'], ' may')), '.');
    expect(show(inlineTree(text))).toBe('States bracket[provenance:base[shall]provenance:proposal[ may]].');
  });

  it('nests brackets inside brackets', () => {
    const text = block(bracket('any ', bracket('or all'), ' devices'));
    expect(show(inlineTree(text))).toBe('bracket[any bracket[or all] devices]');
  });

  it('puts a footnote where it stands, inside a bracket that goes on after it and outside attributed text', () => {
    const text = block(bracket(proposed(['EU'], 'every'), footnote('See annex.'), ' devices'), footnote('Second.'), '.');
    expect(show(inlineTree(text))).toBe('bracket[provenance:proposal[every]^{See annex.} devices]^{Second.}.');
  });

  it('keeps plain text plain', () => {
    expect(inlineTree(block('Plain text.'))).toEqual([{ type: 'text', text: 'Plain text.' }]);
  });
});
