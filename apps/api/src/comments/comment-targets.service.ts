import { TIERS, type Tier } from '@concord/domain';
import { docFromJSON, findNodeById } from '@concord/schema';
import { Injectable } from '@nestjs/common';
import type * as Y from 'yjs';
import { DocumentCatalogue } from '../documents/document-catalogue';
import { LiveDocuments } from '../documents/live-documents';
import { readTarget, type TargetAccess, type TargetKind, type Viewer } from './comment-policy';
import { CommentsException } from './comments.exception';
import { CommentsRepository } from './comments.repository';

/** Something comments can be attached to, with its visibility. */
export interface CommentTarget extends TargetAccess {
  readonly kind: TargetKind;
  readonly id: string;
  /** The collaborative document, for a document target. */
  readonly document: string | null;
}

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/;
const SHARED_TIERS: readonly Tier[] = ['delegation', 'committee'];

/**
 * Finds comment targets and decides who may read them:
 * - `document` `consolidated:<instrument>:<language>`: committee tier; threads are delegation or committee tier,
 *   never public, since nothing unpublished is public;
 * - `document` `space:<id>`: the drafting space's delegations only; threads are delegation tier;
 * - `proposal`: committee tier once submitted (drafts are not proposals yet), public once published; threads on a
 *   submitted proposal are delegation or committee tier, on a published one any tier;
 * - `revision`: a published revision, committee or public as it was published; threads are about one of its
 *   provisions, and are delegation or committee tier on a committee revision, any tier on a public one.
 */
@Injectable()
export class CommentTargetsService {
  constructor(
    private readonly comments: CommentsRepository,
    private readonly catalogue: DocumentCatalogue,
    private readonly documents: LiveDocuments,
  ) {}

  /** The target, or null when there is no such target. */
  async find(kind: TargetKind, id: string): Promise<CommentTarget | null> {
    switch (kind) {
      case 'document':
        return this.document(id);
      case 'proposal':
        return this.proposal(id);
      case 'revision':
        return this.revision(id);
    }
  }

  /**
   * The target for a caller who wants to read or comment on it. A target the caller may not read answers exactly
   * as an unknown one (no 403-versus-404 oracle): 404 to a signed-in caller, 401 to an anonymous one, who may
   * read public targets only and is asked to sign in for anything else.
   */
  async require(viewer: Viewer, kind: TargetKind, id: string): Promise<CommentTarget> {
    const target = await this.find(kind, id);
    if (target && readTarget(viewer, target).allowed) return target;
    if (!viewer.subject) throw new CommentsException('unauthenticated', 'Sign in to read these comments.');
    // Unknown revisions answer as the revisions API does.
    throw kind === 'revision' ? new CommentsException('revision-not-found', `No revision ${id}.`) : new CommentsException('comment-target-not-found', `No ${kind} ${id} to comment on.`);
  }

  /** Refuses a provision that no language version of a revision target has. */
  async assertProvision(target: CommentTarget, provisionId: string): Promise<void> {
    const content = await this.comments.revisionContent(target.id);
    const versions = content ? (JSON.parse(content) as { versions?: Record<string, { doc?: unknown }> }).versions : undefined;
    const found = Object.values(versions ?? {}).some((version) => {
      try {
        return findNodeById(docFromJSON(version.doc, { requireIds: false }), provisionId) !== null;
      } catch {
        return false;
      }
    });
    if (!found) throw new CommentsException('comment-target-not-found', `Revision ${target.id} has no provision ${provisionId}.`);
  }

  /** A read-only copy of a document target's current state; the caller destroys it. */
  snapshot(document: string): Promise<Y.Doc> {
    return this.documents.snapshot(document);
  }

  private async document(name: string): Promise<CommentTarget | null> {
    const entry = await this.catalogue.entry(name);
    if (!entry) return null;
    // Nothing unpublished is public: threads on a consolidated draft are delegation or committee tier, on a
    // drafting space delegation tier (its delegations' own).
    const tiers: readonly Tier[] = entry.parts.kind === 'consolidated' ? SHARED_TIERS : ['delegation'];
    return { kind: 'document', id: name, document: name, committeeId: entry.committeeId, resource: entry.rules.read, tiers };
  }

  private async proposal(id: string): Promise<CommentTarget | null> {
    if (!UUID.test(id)) return null;
    const proposal = await this.comments.findProposal(id);
    if (!proposal) return null;
    const published = proposal.publishedAt !== null;
    return {
      kind: 'proposal',
      id,
      document: null,
      committeeId: proposal.committeeId,
      resource: { tier: published ? 'public' : 'committee' },
      tiers: published ? TIERS : SHARED_TIERS,
    };
  }

  private async revision(id: string): Promise<CommentTarget | null> {
    if (!UUID.test(id)) return null;
    const revision = await this.comments.findRevision(id);
    if (!revision) return null;
    const published = revision.tier === 'public';
    return {
      kind: 'revision',
      id,
      document: null,
      committeeId: revision.committeeId,
      resource: { tier: published ? 'public' : 'committee' },
      tiers: published ? TIERS : SHARED_TIERS,
    };
  }
}
