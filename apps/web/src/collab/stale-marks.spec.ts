import type { Decoration } from 'prosemirror-view';
import { describe, expect, it } from 'vitest';
import { staleDecorations } from './stale-marks';
import { sampleDraft } from './test-documents';

/** The attributes of the node decorations of a decoration set, with the text of the node each covers. */
function nodeAttributes(found: readonly Decoration[], text: (from: number, to: number) => string) {
  return found
    .map((decoration) => ({ text: text(decoration.from, decoration.to), attrs: (decoration as unknown as { type: { attrs?: Record<string, string> } }).type.attrs }))
    .filter((entry) => entry.attrs !== undefined);
}

describe(staleDecorations.name, () => {
  const draft = sampleDraft();
  const text = (from: number, to: number) => draft.textBetween(from, to, ' ');
  const marks = { nodes: new Map([['a2p1', 'unconfirmed'], ['a2p2', 'changed']]), label: (reason: string) => `stale:${reason}`, language: 'en' };

  it('marks each stale node with its reason', () => {
    const attrs = nodeAttributes(staleDecorations(draft, marks).find(), text);
    expect(attrs).toEqual([
      { text: 'For the purposes: one; two.', attrs: { class: 'stale-translation stale-unconfirmed', 'data-stale': 'unconfirmed' } },
      { text: 'Second paragraph.', attrs: { class: 'stale-translation stale-changed', 'data-stale': 'changed' } },
    ]);
  });

  it('gives words never translated the original’s language and direction, on their own text only', () => {
    const untranslated = { nodes: new Set(['a2p1']), language: 'en', dir: 'ltr' as const };
    const attrs = nodeAttributes(staleDecorations(draft, { ...marks, untranslated }).find(), text);
    // The paragraph's own words, not its subparagraphs (which may be translated already).
    expect(attrs).toContainEqual({ text: 'For the purposes:', attrs: { lang: 'en', dir: 'ltr' } });
    expect(attrs.filter((entry) => entry.attrs?.['lang'] !== undefined)).toHaveLength(1);
  });
});
