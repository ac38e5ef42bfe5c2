import { Module } from '@nestjs/common';
import { AuditModule } from '../audit/audit.module';
import { LiveDocumentsModule } from '../documents/live-documents.module';
import { CommitteesModule } from '../committees/committees.module';
import { DelegationsModule } from '../delegations/delegations.module';
import { DraftingSpacesModule } from '../drafting-spaces/drafting-spaces.module';
import { InboxModule } from '../inbox/inbox.module';
import { CoSponsorshipService } from './co-sponsorship.service';
import { ProposalLifecycle } from './proposal-lifecycle';
import { ProposalsController } from './proposals.controller';
import { ProposalsRepository } from './proposals.repository';
import { ProposalsService } from './proposals.service';
import { SubmitProposalUseCase } from './submit-proposal.usecase';

@Module({
  imports: [AuditModule, LiveDocumentsModule, CommitteesModule, DelegationsModule, DraftingSpacesModule, InboxModule],
  controllers: [ProposalsController],
  providers: [ProposalsRepository, ProposalLifecycle, ProposalsService, SubmitProposalUseCase, CoSponsorshipService],
  exports: [ProposalsService, ProposalsRepository, ProposalLifecycle],
})
export class ProposalsModule {}
