import { changeSet } from '@concord/compile';
import { decide, describeSuspiciousCharacters, spaceDocument } from '@concord/domain';
import { docToJSONText } from '@concord/schema';
import { Injectable } from '@nestjs/common';
import { randomUUID } from 'node:crypto';
import type { Node } from 'prosemirror-model';
import type { EntityManager } from 'typeorm';
import type { AuthContext } from '../auth/auth-context';
import { AppException } from '../common/app.exception';
import { assertAllowed } from '../common/policy';
import { CommitteesRepository } from '../committees/committees.repository';
import { UnitOfWork } from '../database/unit-of-work';
import { LiveDocuments } from '../documents/live-documents';
import { spaceOwners, spaceResource } from '../drafting-spaces/drafting-spaces.service';
import type { SubmitProposalDto } from './dto/proposal.dto';
import { ProposalLifecycle } from './proposal-lifecycle';
import { storeChanges } from './proposal-view';
import { Proposal } from './proposal.entity';
import { ProposalsRepository } from './proposals.repository';

/** Ids of the articles whose content differs between base and proposal, in document order. */
export function touchedArticles(base: Node, proposed: Node): string[] {
  const articles = (doc: Node) => {
    const found = new Map<string, string>();
    doc.descendants((node) => {
      if (node.type.name !== 'article') return true;
      found.set(String(node.attrs['id']), JSON.stringify(node.toJSON()));
      return false;
    });
    return found;
  };
  const before = articles(base);
  const after = articles(proposed);
  const touched = [...after].filter(([id, json]) => before.get(id) !== json).map(([id]) => id);
  // An article of the base left out of a partial proposal is not deleted by it (see changeSet), so only the
  // proposed articles count.
  return touched;
}

/** The attributes of a node that record negotiation, which only the committee's own steps may set. */
const NEGOTIATION_ATTRIBUTES: Readonly<Record<string, Readonly<Record<string, unknown>>>> = {
  article: { status: 'open', number: null },
  paragraph: { status: 'open' },
  option: { sponsors: [], proposalIds: [], isBase: false, attribution: {} },
};

/**
 * The proposed text with the negotiation attributes of what the proposal adds set to what new text has: a
 * delegation writes its drafting space freely, so a node it inserts could claim to be agreed, to carry a stored
 * number, or to be an option sponsored by another delegation, and all of that would travel with the change set
 * into the compilation. What is new is open, unnumbered and attributed to nobody until the secretariat compiles
 * it (compiled options name their proposals' delegations) and the committee decides on it. Nodes of the base keep
 * the base's, so that a status changed in the space alone does not make the proposal concern that article.
 */
export function withoutForgedNegotiation(base: Node, proposed: Node): Node {
  const known = new Map<string, Node>();
  base.descendants((node) => {
    if (typeof node.attrs['id'] === 'string') known.set(node.attrs['id'], node);
    return !node.isTextblock;
  });
  const clean = (node: Node): Node => {
    if (node.isTextblock || node.isLeaf) return node;
    const children: Node[] = [];
    node.forEach((child) => children.push(clean(child)));
    const reset = NEGOTIATION_ATTRIBUTES[node.type.name];
    if (!reset) return node.type.create(node.attrs, children, node.marks);
    const id = node.attrs['id'];
    const original = typeof id === 'string' ? known.get(id) : undefined;
    const kept = original?.type === node.type ? Object.fromEntries(Object.keys(reset).map((key) => [key, original.attrs[key]])) : reset;
    return node.type.create({ ...node.attrs, ...kept }, children, node.marks);
  };
  return clean(proposed);
}

/**
 * Submits a drafting space as a proposal: an immutable record of its base, its text and the change set against
 * the base, computed node by node; late when the session's deadline has passed.
 */
@Injectable()
export class SubmitProposalUseCase {
  constructor(
    private readonly proposals: ProposalsRepository,
    private readonly documents: LiveDocuments,
    private readonly committees: CommitteesRepository,
    private readonly uow: UnitOfWork,
    private readonly lifecycle: ProposalLifecycle,
  ) {}

  async execute(user: AuthContext, spaceId: string, dto: SubmitProposalDto): Promise<Proposal> {
    const space = await this.proposals.findSpace(spaceId);
    if (!space || !decide(user.subject, 'read', spaceResource(space, spaceOwners(space))).allowed) {
      throw new AppException('drafting-space-not-found', `No drafting space ${spaceId}.`);
    }
    assertAllowed(decide(user.subject, 'submit-proposal', spaceResource(space, [space.ownerDelegationId])));
    const document = spaceDocument(space.id);
    const base = await this.documents.start(document);
    const proposed = withoutForgedNegotiation(base, await this.documents.read(document));
    const changes = changeSet(base, proposed);
    if (changes.length === 0) {
      throw new AppException('empty-proposal', 'The drafting space does not change the base text; there is nothing to propose.');
    }
    const now = new Date();
    const session = await this.pickSession(space.committeeId, dto.sessionId, now);
    const proposal = Object.assign(new Proposal(), {
      id: randomUUID(),
      committeeId: space.committeeId,
      instrumentId: space.instrumentId,
      language: space.language,
      spaceId: space.id,
      sessionId: session?.id ?? null,
      sponsorDelegationId: space.ownerDelegationId,
      coSponsorIds: [...space.coSponsorIds].sort(),
      title: space.title,
      justification: dto.justification,
      baseRef: `instrument:${space.instrumentId}`,
      baseDoc: docToJSONText(base),
      proposedDoc: docToJSONText(proposed),
      changes: JSON.stringify(storeChanges(changes)),
      provisionIds: touchedArticles(base, proposed),
      status: 'draft',
      late: session ? now.getTime() > session.proposalDeadline.getTime() : false,
      textWarnings: [
        ...describeSuspiciousCharacters(proposed.textContent).map((w) => `text: ${w}`),
        ...describeSuspiciousCharacters(dto.justification).map((w) => `justification: ${w}`),
      ],
      supersedesId: dto.supersedesId ?? null,
      submittedBy: user.user.id,
      submittedAt: now,
      publishedAt: null,
    });
    return this.uow.run(async (manager) => {
      if (dto.supersedesId) await this.supersede(user, dto.supersedesId, proposal, manager);
      await this.lifecycle.submit(manager, proposal, { id: proposal.id, spaceId: space.id, sponsor: proposal.sponsorDelegationId, late: proposal.late, provisionIds: proposal.provisionIds });
      return proposal;
    });
  }

  private async pickSession(committeeId: string, sessionId: string | undefined, now: Date) {
    const sessions = await this.committees.sessionsOf(committeeId);
    if (sessionId) {
      const chosen = sessions.find((s) => s.id === sessionId);
      if (!chosen) throw new AppException('session-not-found', `No session ${sessionId} in this committee.`);
      return chosen;
    }
    // The session under way or the next one; failing that, the last one held.
    const today = now.toISOString().slice(0, 10);
    return sessions.find((s) => s.endDate >= today) ?? sessions.at(-1) ?? null;
  }

  private async supersede(user: AuthContext, id: string, replacement: Proposal, manager: EntityManager): Promise<void> {
    const old = await this.proposals.findById(id, manager);
    if (!old || old.sponsorDelegationId !== replacement.sponsorDelegationId) {
      throw new AppException('proposal-not-found', `Your delegation has no proposal ${id} to supersede.`);
    }
    if (old.status !== 'submitted') {
      throw new AppException('invalid-transition', `Proposal ${id} is ${old.status}; only a submitted proposal can be superseded.`);
    }
    await this.lifecycle.move(manager, id, 'superseded', user.user.id, replacement.submittedAt, { by: replacement.id });
  }
}
