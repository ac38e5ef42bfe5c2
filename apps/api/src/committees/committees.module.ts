import { Module } from '@nestjs/common';
import { AuditModule } from '../audit/audit.module';
import { CommitteesController } from './committees.controller';
import { CommitteesRepository } from './committees.repository';
import { CommitteesService } from './committees.service';

@Module({
  imports: [AuditModule],
  controllers: [CommitteesController],
  providers: [CommitteesRepository, CommitteesService],
  exports: [CommitteesRepository, CommitteesService],
})
export class CommitteesModule {}
