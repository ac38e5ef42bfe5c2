import { decide, spaceDocument } from '@concord/domain';
import { Injectable } from '@nestjs/common';
import type { AuthContext } from '../auth/auth-context';
import { AuditService } from '../audit/audit.service';
import { AppException } from '../common/app.exception';
import { assertAllowed } from '../common/policy';
import { UnitOfWork } from '../database/unit-of-work';
import { LiveDocuments } from '../documents/live-documents';
import type { InboxItem } from '../inbox/inbox-item.entity';
import { InboxService } from '../inbox/inbox.service';
import { DelegationsRepository } from '../delegations/delegations.repository';
import type { EntityManager } from 'typeorm';
import type { DraftingSpace } from '../drafting-spaces/drafting-space.entity';
import { type DraftingSpaceView, draftingSpaceView, spaceOwners, spaceReaders, spaceResource } from '../drafting-spaces/drafting-spaces.service';
import { ProposalsRepository } from './proposals.repository';

/**
 * Co-sponsorship of a drafting space: the owner's head invites a delegation, whose head accepts (its members may
 * then co-edit, and it is listed as co-sponsor when the space is submitted) or declines. Removing a co-sponsor
 * closes its members' open sockets to the space at once.
 */
@Injectable()
export class CoSponsorshipService {
  constructor(
    private readonly proposals: ProposalsRepository,
    private readonly delegations: DelegationsRepository,
    private readonly documents: LiveDocuments,
    private readonly uow: UnitOfWork,
    private readonly audit: AuditService,
    private readonly inbox: InboxService,
  ) {}

  invite(user: AuthContext, spaceId: string, delegationId: string): Promise<DraftingSpaceView> {
    let items: InboxItem[] = [];
    return this.change(user, spaceId, 'invite', async (space, manager) => {
      assertAllowed(decide(user.subject, 'submit-proposal', spaceResource(space, [space.ownerDelegationId])));
      const invited = await this.delegations.findById(delegationId);
      if (!invited || invited.committeeId !== space.committeeId) throw new AppException('delegation-not-found', `No delegation ${delegationId} in this committee.`);
      if (spaceOwners(space).includes(delegationId) || space.invitedCoSponsorIds.includes(delegationId)) {
        throw new AppException('invalid-transition', `${invited.code} is already invited or co-sponsoring.`);
      }
      if (invited.kind === 'secretariat' || invited.kind === 'observer-organization') {
        throw new AppException('invalid-transition', 'Only Member States and groups of States co-sponsor proposals.');
      }
      space.invitedCoSponsorIds = [...space.invitedCoSponsorIds, delegationId];
      // The invited delegation's members hear of it in their inbox (its head is the one who answers).
      const owner = await this.delegations.findById(space.ownerDelegationId, manager);
      const userIds = await this.inbox.recipients(manager, { delegationIds: [delegationId], except: user.user.id });
      items = await this.inbox.record(manager, [
        { userIds, committeeId: space.committeeId, kind: 'co-sponsor-invitation', link: `/drafting-spaces/${space.id}`, facts: { title: space.title, from: owner?.code ?? '' } },
      ]);
    }).then((view) => {
      this.inbox.announce(items);
      return view;
    });
  }

  /** The invited delegation's head answers; `accept` false declines. */
  answer(user: AuthContext, spaceId: string, accept: boolean): Promise<DraftingSpaceView> {
    const delegationId = user.user.delegationId ?? '';
    const document = spaceDocument(spaceId);
    return this.change(user, spaceId, accept ? 'accept' : 'decline', (space) => {
      if (!space.invitedCoSponsorIds.includes(delegationId)) throw new AppException('not-invited', 'Your delegation has no pending invitation to co-sponsor this draft.');
      assertAllowed(decide(user.subject, 'accept-cosponsorship', spaceResource(space, [delegationId])));
      space.invitedCoSponsorIds = space.invitedCoSponsorIds.filter((id) => id !== delegationId);
      if (accept) space.coSponsorIds = [...space.coSponsorIds, delegationId];
      return Promise.resolve();
    }).then((view) => {
      // The delegation's read-only sockets reconnect with the rights they now have.
      this.documents.disconnectDelegation(document, delegationId, 'changed');
      return view;
    });
  }

  /** The owner's head withdraws an invitation or removes a co-sponsor. */
  remove(user: AuthContext, spaceId: string, delegationId: string): Promise<DraftingSpaceView> {
    return this.change(user, spaceId, 'remove', (space) => {
      assertAllowed(decide(user.subject, 'submit-proposal', spaceResource(space, [space.ownerDelegationId])));
      if (!space.coSponsorIds.includes(delegationId) && !space.invitedCoSponsorIds.includes(delegationId)) {
        throw new AppException('not-invited', 'That delegation neither co-sponsors nor is invited.');
      }
      space.coSponsorIds = space.coSponsorIds.filter((id) => id !== delegationId);
      space.invitedCoSponsorIds = space.invitedCoSponsorIds.filter((id) => id !== delegationId);
      return Promise.resolve();
    }).then((view) => {
      const document = spaceDocument(spaceId);
      this.documents.disconnectDelegation(document, delegationId, 'ended');
      return view;
    });
  }

  private async change(user: AuthContext, spaceId: string, action: string, apply: (space: DraftingSpace, manager: EntityManager) => Promise<void>): Promise<DraftingSpaceView> {
    return this.uow.run(async (manager) => {
      const space = await this.proposals.findSpace(spaceId, manager);
      if (!space || !decide(user.subject, 'read', spaceResource(space, spaceReaders(space))).allowed) {
        throw new AppException('drafting-space-not-found', `No drafting space ${spaceId}.`);
      }
      const before = { coSponsorIds: space.coSponsorIds, invitedCoSponsorIds: space.invitedCoSponsorIds };
      await apply(space, manager);
      await this.proposals.saveSpace(space, manager);
      await this.audit.record(manager, {
        actorId: user.user.id,
        action: `drafting-space.co-sponsor.${action}`,
        entityType: 'drafting_space',
        entityId: space.id,
        before,
        after: { coSponsorIds: space.coSponsorIds, invitedCoSponsorIds: space.invitedCoSponsorIds },
      });
      return draftingSpaceView(space);
    });
  }
}
