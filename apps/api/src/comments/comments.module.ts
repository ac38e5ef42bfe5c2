import { Module } from '@nestjs/common';
import { AuditModule } from '../audit/audit.module';
import { AuthModule } from '../auth/auth.module';
import { LiveDocumentsModule } from '../documents/live-documents.module';
import { DraftingSpacesModule } from '../drafting-spaces/drafting-spaces.module';
import { InboxModule } from '../inbox/inbox.module';
import { InstrumentsModule } from '../instruments/instruments.module';
import { CommentTargetsService } from './comment-targets.service';
import { CommentsController } from './comments.controller';
import { CommentsLiveService } from './comments-live.service';
import { CommentsRelay } from './comments-relay';
import { CommentsRepository } from './comments.repository';
import { CommentsService } from './comments.service';

@Module({
  imports: [AuditModule, AuthModule, LiveDocumentsModule, DraftingSpacesModule, InboxModule, InstrumentsModule],
  controllers: [CommentsController],
  exports: [CommentsService],
  providers: [CommentsRepository, CommentTargetsService, CommentsService, CommentsLiveService, CommentsRelay],
})
export class CommentsModule {}
