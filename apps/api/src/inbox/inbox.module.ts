import { Module } from '@nestjs/common';
import { AuditModule } from '../audit/audit.module';
import { AuthModule } from '../auth/auth.module';
import { InboxController } from './inbox.controller';
import { MailModule } from '../mail/mail.module';
import { INBOX_NOTIFIER, MailInboxNotifier } from './inbox-notifier';
import { InboxRelay } from './inbox-relay';
import { InboxRepository } from './inbox.repository';
import { InboxService } from './inbox.service';

@Module({
  imports: [AuditModule, AuthModule, MailModule],
  controllers: [InboxController],
  providers: [InboxRepository, InboxRelay, InboxService, { provide: INBOX_NOTIFIER, useClass: MailInboxNotifier }],
  exports: [InboxService],
})
export class InboxModule {}
