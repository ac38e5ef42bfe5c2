import type { ConcordanceRow } from '@concord/compare';
import { describe, expect, it } from 'vitest';
import { translator } from '../i18n/strings';
import {
  bareParagraphNumber,
  concordanceRowLabel,
  provisionCitation,
  rowChangeLabel,
  rowChanges,
  summarizeConcordance,
} from './concordance';

const en = translator('en');
const ar = translator('ar');
const fr = translator('fr');

/** A concordance row: an unchanged article unless told otherwise. */
function row(fields: Partial<ConcordanceRow>): ConcordanceRow {
  return {
    id: 'a1',
    kind: 'article',
    oldNumber: 'Article 1',
    newNumber: 'Article 1',
    oldParentNumber: null,
    newParentNumber: null,
    oldStatus: 'open',
    newStatus: 'open',
    added: false,
    deleted: false,
    moved: false,
    renumbered: false,
    textChanged: false,
    statusChanged: false,
    unchanged: true,
    ...fields,
  };
}

const renumbered = row({ oldNumber: 'Article 3', newNumber: 'Article 4', renumbered: true, unchanged: false });
const added = row({ oldNumber: null, newNumber: 'Article 2', added: true, unchanged: false, oldStatus: null });
const deleted = row({ oldNumber: 'Article 6', newNumber: null, deleted: true, unchanged: false, newStatus: null });
const movedAndChanged = row({
  oldNumber: 'Article 5',
  newNumber: 'Article 3',
  moved: true,
  renumbered: true,
  textChanged: true,
  unchanged: false,
});

describe(rowChanges.name, () => {
  it.each([
    [row({}), ['unchanged']],
    [renumbered, ['renumbered']],
    [added, ['added']],
    [movedAndChanged, ['moved', 'renumbered', 'textChanged']],
  ])('reports %j as %j', (input, changes) => {
    expect(rowChanges(input)).toEqual(changes);
  });
});

describe(summarizeConcordance.name, () => {
  it('counts each change, a provision under every change it went through', () => {
    const paragraph = row({ id: 'p1', kind: 'paragraph', added: true, unchanged: false });
    expect(summarizeConcordance([row({}), renumbered, added, deleted, movedAndChanged, paragraph], ['article'])).toEqual({
      added: 1,
      deleted: 1,
      moved: 1,
      renumbered: 2,
      textChanged: 1,
      statusChanged: 0,
      unchanged: 1,
    });
  });
});

describe(provisionCitation.name, () => {
  it.each([
    ['article', 'Article 4', null, 'Article 4'],
    ['chapter', 'Chapter II', null, 'Chapter II'],
    ['paragraph', '2.', 'Article 4', 'Article 4, paragraph 2'],
    ['paragraph', '', 'Article 4', 'Article 4'],
    ['article', null, null, null],
  ] as const)('cites a %s numbered %j in %j as %j', (kind, number, parent, citation) => {
    expect(provisionCitation(kind, number, parent, en)).toBe(citation);
  });

  it('cites an Arabic paragraph with its Arabic number', () => {
    expect(provisionCitation('paragraph', '٢-', 'المادة ٤', ar)).toBe('المادة ٤، الفقرة ٢');
  });
});

describe(bareParagraphNumber.name, () => {
  it.each([
    ['2.', '2'],
    ['١٢-', '١٢'],
    ['(a)', '(a)'],
  ])('turns %s into %s', (label, bare) => {
    expect(bareParagraphNumber(label)).toBe(bare);
  });
});

describe(concordanceRowLabel.name, () => {
  it.each([
    [renumbered, 'Article 3 → Article 4: renumbered'],
    [added, 'Article 2: added'],
    [deleted, 'Article 6: deleted'],
    [row({}), 'Article 1: unchanged'],
    [movedAndChanged, 'Article 5 → Article 3: moved, renumbered and text changed'],
  ])('labels %j as %s', (input, label) => {
    expect(concordanceRowLabel(input, en, 'en')).toBe(label);
  });

  it('labels a row in the interface language', () => {
    expect(concordanceRowLabel(renumbered, fr, 'fr')).toBe('Article 3 → Article 4 : renuméroté');
    expect(rowChangeLabel(movedAndChanged, ar, 'ar')).toBe('نُقل وأعيد ترقيمه وعُدّل نصه');
  });
});
