import { Module } from '@nestjs/common';
import { AuditModule } from '../audit/audit.module';
import { LiveDocumentsModule } from '../documents/live-documents.module';
import { CommentsModule } from '../comments/comments.module';
import { CommitteesModule } from '../committees/committees.module';
import { CompilationModule } from '../compilation/compilation.module';
import { InstrumentsModule } from '../instruments/instruments.module';
import { ProposalsModule } from '../proposals/proposals.module';
import { ComparisonDocxController } from './comparison-docx.controller';
import { ComparisonDocxService } from './comparison-docx.service';
import { ExportsService } from './exports.service';
import { LanguageVersionsService } from './language-versions.service';
import { PublicController } from './public.controller';
import { PublishRevisionUseCase } from './publish-revision.usecase';
import { RevisionsController } from './revisions.controller';
import { RevisionsRepository } from './revisions.repository';
import { RevisionsService } from './revisions.service';

@Module({
  imports: [AuditModule, LiveDocumentsModule, CommentsModule, CommitteesModule, CompilationModule, InstrumentsModule, ProposalsModule],
  controllers: [RevisionsController, PublicController, ComparisonDocxController],
  providers: [RevisionsRepository, RevisionsService, PublishRevisionUseCase, LanguageVersionsService, ExportsService, ComparisonDocxService],
  exports: [RevisionsService, RevisionsRepository, ExportsService],
})
export class RevisionsModule {}
