import { Module } from '@nestjs/common';
import { AuditModule } from '../audit/audit.module';
import { AuthModule } from '../auth/auth.module';
import { InboxController } from './inbox.controller';
import { INBOX_NOTIFIER, NoInboxNotifier } from './inbox-notifier';
import { InboxRepository } from './inbox.repository';
import { InboxService } from './inbox.service';

@Module({
  imports: [AuditModule, AuthModule],
  controllers: [InboxController],
  providers: [InboxRepository, InboxService, { provide: INBOX_NOTIFIER, useClass: NoInboxNotifier }],
  exports: [InboxService],
})
export class InboxModule {}
