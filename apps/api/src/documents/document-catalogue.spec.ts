import { consolidatedDocument, type Language, spaceDocument, type Subject } from '@concord/domain';
import { builders, docToText } from '@concord/schema';
import type { Node } from 'prosemirror-model';
import { describe, expect, it } from 'vitest';
import type { AuthContext } from '../auth/auth-context';
import { AppException } from '../common/app.exception';
import { DraftingSpace } from '../drafting-spaces/drafting-space.entity';
import type { DraftingSpacesService } from '../drafting-spaces/drafting-spaces.service';
import type { InstrumentsService } from '../instruments/instruments.service';
import { DocumentCatalogue, spaceStartingText } from './document-catalogue';

const { article, doc, heading, p } = builders;
const INSTRUMENT = '0b6d7f5e-1c2d-4e3f-8a9b-0c1d2e3f4a5b';
const SPACE = '6a1b2c3d-4e5f-4a6b-8c7d-8e9f0a1b2c3d';

const base = doc(article({ id: 'a1' }, heading('Sovereignty'), p({ id: 'p1' }, 'Respect.')), article({ id: 'a2' }, heading('Scope'), p({ id: 'p2' }, 'Applies.')));

/** The two services the catalogue asks, holding one English instrument of committee c1 and one space on its article 2. */
function catalogue(): DocumentCatalogue {
  const baseDocument = (id: string, language: Language): Promise<{ doc: Node; committeeId: string }> => {
    if (id !== INSTRUMENT) return Promise.reject(new AppException('instrument-not-found', `No instrument ${id}.`));
    if (language !== 'en') return Promise.reject(new AppException('language-not-available', 'No such version.'));
    return Promise.resolve({ doc: base, committeeId: 'c1' });
  };
  const instruments = {
    baseDocument,
    committeeOfText: async (id: string, language: Language): Promise<string> => (await baseDocument(id, language)).committeeId,
    consolidatedSeed: (): Promise<Node> => Promise.resolve(base),
  } as Pick<InstrumentsService, 'baseDocument' | 'committeeOfText' | 'consolidatedSeed'>;
  const space = Object.assign(new DraftingSpace(), { id: SPACE, committeeId: 'c1', instrumentId: INSTRUMENT, language: 'en', ownerDelegationId: 'EGY', coSponsorIds: [], invitedCoSponsorIds: ['IND'], provisionIds: ['a2'] });
  const spaces = { find: (id: string) => Promise.resolve(id === SPACE ? space : null) } as Pick<DraftingSpacesService, 'find'>;
  return new DocumentCatalogue(instruments as InstrumentsService, spaces as DraftingSpacesService);
}

const as = (roles: Subject['roles'], delegationId: string | null): AuthContext =>
  ({ subject: { userId: 'u', roles, delegationId, committeeId: 'c1' } }) as AuthContext;

describe(DocumentCatalogue.name, () => {
  it.each([
    ['an instrument without that language', consolidatedDocument(INSTRUMENT, 'fr')],
    ['an unknown instrument', consolidatedDocument('1b6d7f5e-1c2d-4e3f-8a9b-0c1d2e3f4a5b', 'en')],
    ['an unknown space', spaceDocument('7a1b2c3d-4e5f-4a6b-8c7d-8e9f0a1b2c3d')],
    ['a name that is no document', 'revision:x'],
  ])('knows no document for %s', async (_what, name) => {
    expect(await catalogue().entry(name)).toBeNull();
  });

  it('gives a consolidated draft its committee and its start', async () => {
    const entry = await catalogue().entry(consolidatedDocument(INSTRUMENT, 'en'));
    expect(entry?.committeeId).toBe('c1');
    expect(docToText(await (entry?.initialContent() ?? Promise.reject(new Error('no entry'))), 'en')).toContain('Sovereignty');
  });

  it.each<[string, AuthContext, string, string | null]>([
    ['the secretariat writes the consolidated draft', as(['secretariat'], null), consolidatedDocument(INSTRUMENT, 'en'), 'write'],
    ['a delegate reads it', as(['delegate'], 'FRA'), consolidatedDocument(INSTRUMENT, 'en'), 'read'],
    ['the owner writes its space', as(['delegate'], 'EGY'), spaceDocument(SPACE), 'write'],
    ['an invited delegation reads it', as(['delegate'], 'IND'), spaceDocument(SPACE), 'read'],
    ['the secretariat does not know it', as(['secretariat'], null), spaceDocument(SPACE), null],
  ])('resolves access: %s', async (_what, who, name, level) => {
    expect((await catalogue().resolve(who, name))?.level ?? null).toBe(level);
  });

  it('answers a missing document of a use case as its instrument or space would', async () => {
    await expect(catalogue().require(consolidatedDocument(INSTRUMENT, 'fr'))).rejects.toMatchObject({ code: 'language-not-available' });
    await expect(catalogue().require(spaceDocument('7a1b2c3d-4e5f-4a6b-8c7d-8e9f0a1b2c3d'))).rejects.toMatchObject({ code: 'drafting-space-not-found' });
  });
});

describe(spaceStartingText.name, () => {
  it('narrows the base to the chosen articles, in their order', () => {
    expect(docToText(spaceStartingText(base, ['a2']), 'en')).not.toContain('Sovereignty');
    expect(docToText(spaceStartingText(base, ['a2']), 'en')).toContain('Scope');
  });

  it('keeps the whole base when no article is chosen', () => {
    expect(spaceStartingText(base, []).eq(base)).toBe(true);
  });
});
