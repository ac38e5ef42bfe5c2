import { Module } from '@nestjs/common';
import { AuditModule } from '../audit/audit.module';
import { InboxModule } from '../inbox/inbox.module';
import { CommentOutputsService } from './comment-outputs.service';
import { CommentPeriodsController } from './comment-periods.controller';
import { CommentPeriodsRepository } from './comment-periods.repository';
import { CommentPeriodsService } from './comment-periods.service';
import { CommentTextsService } from './comment-texts.service';
import { PublicCommentsController } from './public-comments.controller';
import { WrittenCommentsService } from './written-comments.service';

@Module({
  imports: [AuditModule, InboxModule],
  controllers: [CommentPeriodsController, PublicCommentsController],
  providers: [CommentPeriodsRepository, CommentTextsService, CommentPeriodsService, WrittenCommentsService, CommentOutputsService],
})
export class CommentPeriodsModule {}
