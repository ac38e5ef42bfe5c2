import { Module } from '@nestjs/common';
import { AuthModule } from '../auth/auth.module';
import { DelegationsModule } from '../delegations/delegations.module';
import { DocumentsModule } from '../documents/documents.module';
import { CollabAdmission } from './admission';
import { CollabGateway } from './collab.gateway';
import { CollabRepository } from './collab.repository';
import { CollabService } from './collab.service';
import { DocumentRegistry } from './document-registry';
import { RedisRelay } from './redis-relay';
import { UpdateLog } from './update-log';

@Module({
  imports: [AuthModule, DelegationsModule, DocumentsModule],
  providers: [CollabGateway, CollabService, CollabAdmission, DocumentRegistry, CollabRepository, UpdateLog, RedisRelay],
  exports: [CollabService],
})
export class CollabModule {}
