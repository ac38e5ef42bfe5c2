import { Module } from '@nestjs/common';
import { AuditModule } from '../audit/audit.module';
import { CommitteesModule } from '../committees/committees.module';
import { DelegationsController } from './delegations.controller';
import { DelegationsRepository } from './delegations.repository';
import { DelegationsService } from './delegations.service';

@Module({
  imports: [AuditModule, CommitteesModule],
  controllers: [DelegationsController],
  providers: [DelegationsRepository, DelegationsService],
  exports: [DelegationsRepository, DelegationsService],
})
export class DelegationsModule {}
