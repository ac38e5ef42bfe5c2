import { describe, expect, it } from 'vitest';
import { consolidatedDocument, formatDocumentName, isConsolidatedDocument, parseDocumentName, parseProvisionRef, provisionRef, spaceDocument } from './document-name';

const ID = '0b6d7f5e-1c2d-4e3f-8a9b-0c1d2e3f4a5b';

describe(parseDocumentName.name, () => {
  it.each([
    [consolidatedDocument(ID, 'ar'), { kind: 'consolidated', instrumentId: ID, language: 'ar' }],
    [spaceDocument(ID), { kind: 'space', spaceId: ID }],
  ])('reads %s back into its parts', (name, parts) => {
    expect(parseDocumentName(name)).toEqual(parts);
    expect(formatDocumentName(parseDocumentName(name) ?? { kind: 'space', spaceId: '' })).toBe(name);
  });

  it.each([
    ['an unknown kind', `revision:${ID}`],
    ['a language outside the six', `consolidated:${ID}:de`],
    ['an id that is not a UUID', 'consolidated:inst-1:en'],
    ['an upper-case id', `space:${ID.toUpperCase()}`],
    ['a missing language', `consolidated:${ID}`],
    ['a trailing part', `space:${ID}:en`],
    ['an empty name', ''],
    ['a path', `space:../${ID}`],
  ])('refuses %s', (_what, name) => {
    expect(parseDocumentName(name)).toBeNull();
  });
});

describe(isConsolidatedDocument.name, () => {
  it('tells a consolidated draft from a drafting space', () => {
    expect([isConsolidatedDocument(consolidatedDocument(ID, 'en')), isConsolidatedDocument(spaceDocument(ID))]).toEqual([true, false]);
  });
});

describe(parseProvisionRef.name, () => {
  it('reads the document and node of a provision reference', () => {
    expect(parseProvisionRef(provisionRef(consolidatedDocument(ID, 'fr'), 'art-2'))).toEqual({
      document: { kind: 'consolidated', instrumentId: ID, language: 'fr' },
      provisionId: 'art-2',
    });
  });

  it.each([['no node', `${consolidatedDocument(ID, 'fr')}#`], ['no document', 'art-2'], ['a bad document', 'consolidated:x:fr#art-2']])('refuses a reference with %s', (_what, ref) => {
    expect(parseProvisionRef(ref)).toBeNull();
  });
});
