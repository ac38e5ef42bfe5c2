import { Module } from '@nestjs/common';
import { AuditReaderService } from './audit-reader.service';
import { AuditScopeRepository } from './audit-scope.repository';
import { AuditController } from './audit.controller';
import { AuditRepository } from './audit.repository';
import { AuditService } from './audit.service';

@Module({
  controllers: [AuditController],
  providers: [AuditRepository, AuditService, AuditScopeRepository, AuditReaderService],
  exports: [AuditService, AuditReaderService],
})
export class AuditModule {}
