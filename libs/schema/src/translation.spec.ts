import { describe, expect, it } from 'vitest';
import { article, bracket, doc, footnote, heading, p, provenance, recital, sub } from './builders';
import { findNodeById } from './query';
import { ownSegments, ownText, translateOwnText, TranslationError } from './translation';

const egy = { kind: 'proposal' as const, ref: 'prop-1', delegations: ['EGY', 'MEX'], label: 'Egypt' };

function marksOf(node: ReturnType<typeof p>): string[] {
  const out: string[] = [];
  node.descendants((child) => {
    if (child.isText) {
      const marks = child.marks.map((m) => (m.type.name === 'bracket' ? `[${String(m.attrs['id'])}]` : `${String(m.attrs['kind'])}:${String(m.attrs['ref'])}:${(m.attrs['delegations'] as string[]).join('+')}`));
      out.push(`${child.text ?? ''}|${marks.join(',')}`);
    }
  });
  return out;
}

describe(translateOwnText.name, () => {
  const original = p({ id: 'p1' }, 'States shall ', bracket({ id: 'b1' }, provenance(egy, 'promptly ')), 'cooperate.', sub({ id: 's1' }, 'in training;'));

  it('lists the runs of a node’s own words with their brackets and provenance', () => {
    expect(ownSegments(original).map((s) => [s.text, s.brackets, s.provenance?.kind ?? null])).toEqual([
      ['States shall ', [], null],
      ['promptly ', ['b1'], 'proposal'],
      ['cooperate.', [], null],
    ]);
    expect(ownText(original)).toBe('States shall promptly cooperate.');
  });

  it('keeps brackets and turns provenance into a translation that keeps the ref and delegations', () => {
    const translated = translateOwnText(original, original, ['Les États ', 'sans délai ', 'coopèrent.'], 'user-9');
    expect(marksOf(translated)).toEqual([
      'Les États |translation:user-9:',
      'sans délai |[b1],translation:prop-1:EGY+MEX',
      'coopèrent.|translation:user-9:',
      'in training;|',
    ]);
    expect(translated.attrs['id']).toBe('p1');
    expect(translated.childCount).toBe(original.childCount);
  });

  it('translates a footnote’s words run by run where the note stands, keeping its id', () => {
    const noted = p({ id: 'p3' }, 'States', footnote({ id: 'n1' }, provenance(egy, 'See annex.')), ' shall act.');
    expect(ownSegments(noted).map((s) => [s.text, s.footnote])).toEqual([
      ['States', null],
      ['See annex.', 'n1'],
      [' shall act.', null],
    ]);
    const translated = translateOwnText(noted, noted, ['Les États', 'Voir l’annexe.', ' agissent.'], 'user-9');
    const note = translated.firstChild?.child(1);
    expect(note?.type.name).toBe('footnote');
    expect(note?.attrs['id']).toBe('n1');
    expect(marksOf(translated)).toEqual(['Les États|translation:user-9:', 'Voir l’annexe.|translation:prop-1:EGY+MEX', ' agissent.|translation:user-9:']);
  });

  it('translates an article’s heading and a recital', () => {
    const a = article({ id: 'a1' }, heading('Scope'), p({ id: 'p2' }, 'Text.'));
    expect(findNodeById(doc(translateOwnText(a, a, ['Champ'], 'u')), 'a1')?.node.firstChild?.textContent).toBe('Champ');
    const r = recital({ id: 'r1' }, 'Recalling');
    expect(translateOwnText(r, r, ['Rappelant'], 'u').textContent).toBe('Rappelant');
  });

  it.each([
    [['only one'], 'Expected 3 translated runs, got 1.'],
    [['a', '', 'c'], 'Run 2 is bracketed and needs a translation.'],
  ])('refuses %j: %s', (texts, message) => {
    expect(() => translateOwnText(original, original, texts, 'u')).toThrow(new TranslationError(message));
  });
});
