import { Module } from '@nestjs/common';
import { AuthModule } from '../auth/auth.module';
import { DelegationsModule } from '../delegations/delegations.module';
import { DraftingSpacesModule } from '../drafting-spaces/drafting-spaces.module';
import { InstrumentsModule } from '../instruments/instruments.module';
import { CollabAdmission } from './admission';
import { CollabAccessService } from './collab-access.service';
import { CollabGateway } from './collab.gateway';
import { CollabRepository } from './collab.repository';
import { CollabService } from './collab.service';
import { DocumentReader } from './document-reader';
import { DocumentRegistry } from './document-registry';
import { RedisRelay } from './redis-relay';
import { UpdateLog } from './update-log';

@Module({
  imports: [AuthModule, DelegationsModule, InstrumentsModule, DraftingSpacesModule],
  providers: [CollabGateway, CollabService, CollabAdmission, DocumentRegistry, CollabAccessService, CollabRepository, UpdateLog, RedisRelay, DocumentReader],
  exports: [CollabService, CollabAccessService, DocumentReader],
})
export class CollabModule {}
