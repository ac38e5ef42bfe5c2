import { Module } from '@nestjs/common';
import { AuditModule } from '../audit/audit.module';
import { CommentsModule } from '../comments/comments.module';
import { CommitteesModule } from '../committees/committees.module';
import { CompilationModule } from '../compilation/compilation.module';
import { DelegationsModule } from '../delegations/delegations.module';
import { InstrumentsModule } from '../instruments/instruments.module';
import { ProposalsModule } from '../proposals/proposals.module';
import { RevisionsModule } from '../revisions/revisions.module';
import { SigningModule } from '../signing/signing.module';
import { ArchiveController } from './archive.controller';
import { ArchiveService } from './archive.service';

@Module({
  imports: [AuditModule, CommentsModule, CommitteesModule, CompilationModule, DelegationsModule, InstrumentsModule, ProposalsModule, RevisionsModule, SigningModule],
  controllers: [ArchiveController],
  providers: [ArchiveService],
  exports: [ArchiveService],
})
export class ArchiveModule {}
