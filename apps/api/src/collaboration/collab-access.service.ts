import { decide, isLanguage } from '@concord/domain';
import { Injectable } from '@nestjs/common';
import type { Node } from 'prosemirror-model';
import type { AuthContext } from '../auth/auth-context';
import { AppException } from '../common/app.exception';
import { DraftingSpacesService, spaceOwners, spaceReaders, spaceResource } from '../drafting-spaces/drafting-spaces.service';
import { InstrumentsService } from '../instruments/instruments.service';

/** The collaboration document name of an instrument's consolidated draft in one language. */
export function consolidatedDocument(instrumentId: string, language: string): string {
  return `consolidated:${instrumentId}:${language}`;
}

/** What a connection may do with a document. */
export type AccessLevel = 'none' | 'read' | 'write';

/** A known document and the caller's rights on it. */
export interface DocumentAccess {
  readonly level: AccessLevel;
  /** Why the level is what it is, for the close reason when it is `none`. */
  readonly reason: string;
  /** The text a brand-new document starts from. */
  readonly initialContent: () => Promise<Node>;
}

/**
 * Names and rights of collaborative documents:
 * - `consolidated:<instrument id>:<language>`: the secretariat writes; delegations, the bureau and administrators
 *   read; observers have no access until a revision is published.
 * - `space:<drafting space id>`: the owning delegation and accepted co-sponsors write; delegations invited to
 *   co-sponsor read; nobody else, not even the secretariat, gets access.
 * A document the caller may not read (another committee's, or a drafting space of other delegations) is reported
 * as unknown, exactly like a name that matches nothing, so that its existence does not leak.
 */
@Injectable()
export class CollabAccessService {
  constructor(
    private readonly instruments: InstrumentsService,
    private readonly spaces: DraftingSpacesService,
  ) {}

  /** The caller's access to a document, or null when no such document exists or the caller may not read it. */
  async resolve(auth: AuthContext, document: string): Promise<DocumentAccess | null> {
    const consolidated = /^consolidated:([0-9a-f-]{36}):([a-z]{2})$/.exec(document);
    if (consolidated) return this.consolidated(auth, consolidated[1], consolidated[2]);
    const space = /^space:([0-9a-f-]{36})$/.exec(document);
    if (space) return this.space(auth, space[1]);
    return null;
  }

  private async consolidated(auth: AuthContext, instrumentId: string, language: string): Promise<DocumentAccess | null> {
    if (!isLanguage(language)) return null;
    let committeeId: string;
    try {
      committeeId = (await this.instruments.baseDocument(instrumentId, language)).committeeId;
    } catch (error) {
      if (error instanceof AppException && (error.code === 'instrument-not-found' || error.code === 'language-not-available')) return null;
      throw error;
    }
    const initialContent = async () => this.instruments.consolidatedSeed(instrumentId, language);
    const resource = { tier: 'committee', committeeId } as const;
    if (!decide(auth.subject, 'read', resource).allowed) return null;
    const write = decide(auth.subject, 'edit-consolidated', resource);
    return { level: write.allowed ? 'write' : 'read', reason: write.allowed ? 'secretariat' : 'read-only', initialContent };
  }

  private async space(auth: AuthContext, id: string): Promise<DocumentAccess | null> {
    const space = await this.spaces.find(id);
    if (!space) return null;
    // A delegation invited to co-sponsor reads the draft it is asked to join, and writes once it accepts.
    if (!decide(auth.subject, 'read', spaceResource(space, spaceReaders(space))).allowed) return null;
    const initialContent = () => this.spaces.initialContent(space);
    const write = decide(auth.subject, 'edit-draft', spaceResource(space, spaceOwners(space)));
    return { level: write.allowed ? 'write' : 'read', reason: write.allowed ? 'owner' : 'invited', initialContent };
  }
}
