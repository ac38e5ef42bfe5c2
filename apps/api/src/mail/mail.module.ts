import { Module } from '@nestjs/common';
import { AuditModule } from '../audit/audit.module';
import { MailController } from './mail.controller';
import { MailRepository } from './mail.repository';
import { MailService } from './mail.service';

@Module({
  imports: [AuditModule],
  controllers: [MailController],
  providers: [MailRepository, MailService],
  exports: [MailService],
})
export class MailModule {}
