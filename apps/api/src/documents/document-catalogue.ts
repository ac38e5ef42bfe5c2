import { type DocumentName, type Language, parseDocumentName } from '@concord/domain';
import { findNodeById, treatySchema } from '@concord/schema';
import { Injectable } from '@nestjs/common';
import type { Node } from 'prosemirror-model';
import type { AuthContext } from '../auth/auth-context';
import { AppException } from '../common/app.exception';
import type { DraftingSpace } from '../drafting-spaces/drafting-space.entity';
import { DraftingSpacesService, spaceOwners, spaceReaders, spaceResource } from '../drafting-spaces/drafting-spaces.service';
import { InstrumentsService } from '../instruments/instruments.service';
import { type AccessLevel, accessLevel, type DocumentRules } from './document-access';

export type { AccessLevel } from './document-access';

/** A live document that exists: what it is, whose committee it belongs to, who may use it, what it starts from. */
export interface CatalogueEntry {
  readonly name: string;
  readonly parts: DocumentName;
  readonly committeeId: string;
  readonly rules: DocumentRules;
  /** The text a brand-new document starts from (nothing stored yet). */
  readonly initialContent: () => Promise<Node>;
}

/** A caller's access to a known document. */
export interface DocumentAccess {
  readonly level: AccessLevel;
  /** Why the level is what it is, for the close reason when it is `none`. */
  readonly reason: string;
  /** The text a brand-new document starts from. */
  readonly initialContent: () => Promise<Node>;
}

/** The text a drafting space starts from: the base text, narrowed to the chosen articles when it names some. */
export function spaceStartingText(base: Node, provisionIds: readonly string[]): Node {
  if (provisionIds.length === 0) return base;
  const articles = provisionIds.map((id) => findNodeById(base, id)?.node).filter((n): n is Node => n !== undefined);
  return treatySchema.node('doc', null, articles);
}

/**
 * Which live documents exist, who may read or write each, and what a new one starts from:
 * - `consolidated:<instrument id>:<language>` for every language version of an instrument: committee tier; the
 *   secretariat writes (`edit-consolidated`), delegations, the bureau and administrators read; it starts from the
 *   base text with its article numbers frozen;
 * - `space:<drafting space id>`: delegation tier; the owning delegation and accepted co-sponsors write
 *   (`edit-draft`), delegations invited to co-sponsor read, nobody else, not even the secretariat; it starts from
 *   the base text narrowed to the space's articles.
 * A document the caller may not read (another committee's, a drafting space of other delegations) is reported
 * as unknown, exactly like a name that matches nothing, so that its existence does not leak.
 */
@Injectable()
export class DocumentCatalogue {
  constructor(
    private readonly instruments: InstrumentsService,
    private readonly spaces: DraftingSpacesService,
  ) {}

  /** The document of that name, or null when there is none (no access check). */
  async entry(name: string): Promise<CatalogueEntry | null> {
    const parts = parseDocumentName(name);
    if (!parts) return null;
    if (parts.kind === 'consolidated') {
      try {
        return await this.consolidated(name, parts, parts.instrumentId, parts.language);
      } catch (error) {
        if (error instanceof AppException && (error.code === 'instrument-not-found' || error.code === 'language-not-available')) return null;
        throw error;
      }
    }
    const space = await this.spaces.find(parts.spaceId);
    return space ? this.space(name, parts, space) : null;
  }

  /** The caller's access to a document, or null when no such document exists or the caller may not read it. */
  async resolve(auth: AuthContext, name: string): Promise<DocumentAccess | null> {
    const entry = await this.entry(name);
    const access = entry ? accessLevel(auth.subject, entry.rules) : null;
    return entry && access ? { ...access, initialContent: entry.initialContent } : null;
  }

  /**
   * The document of that name, for the server's own use cases (no access check: they authorised the instrument or
   * space first). A missing one answers as its instrument (`instrument-not-found`, `language-not-available`) or
   * its space (`drafting-space-not-found`) does.
   */
  async require(name: string): Promise<CatalogueEntry> {
    const parts = parseDocumentName(name);
    if (!parts) throw new Error(`${name} is not the name of a live document`);
    if (parts.kind === 'consolidated') return this.consolidated(name, parts, parts.instrumentId, parts.language);
    const space = await this.spaces.find(parts.spaceId);
    if (!space) throw new AppException('drafting-space-not-found', `No drafting space ${parts.spaceId}.`);
    return this.space(name, parts, space);
  }

  /** A consolidated draft exists for every language version of an instrument; the instruments say which. */
  private async consolidated(name: string, parts: DocumentName, instrumentId: string, language: Language): Promise<CatalogueEntry> {
    const committeeId = await this.instruments.committeeOfText(instrumentId, language);
    const resource = { tier: 'committee', committeeId } as const;
    return {
      name,
      parts,
      committeeId,
      rules: { read: resource, write: { action: 'edit-consolidated', resource }, reasons: { read: 'read-only', write: 'secretariat' } },
      initialContent: () => this.instruments.consolidatedSeed(instrumentId, language),
    };
  }

  private space(name: string, parts: DocumentName, space: DraftingSpace): CatalogueEntry {
    // A delegation invited to co-sponsor reads the draft it is asked to join, and writes once it accepts.
    return {
      name,
      parts,
      committeeId: space.committeeId,
      rules: {
        read: spaceResource(space, spaceReaders(space)),
        write: { action: 'edit-draft', resource: spaceResource(space, spaceOwners(space)) },
        reasons: { read: 'invited', write: 'owner' },
      },
      initialContent: async () => spaceStartingText((await this.instruments.baseDocument(space.instrumentId, space.language as Language)).doc, space.provisionIds),
    };
  }
}
