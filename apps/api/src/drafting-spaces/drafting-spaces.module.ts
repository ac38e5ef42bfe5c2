import { Module } from '@nestjs/common';
import { AuditModule } from '../audit/audit.module';
import { InstrumentsModule } from '../instruments/instruments.module';
import { DraftingSpacesController } from './drafting-spaces.controller';
import { DraftingSpacesRepository } from './drafting-spaces.repository';
import { DraftingSpacesService } from './drafting-spaces.service';

@Module({
  imports: [AuditModule, InstrumentsModule],
  controllers: [DraftingSpacesController],
  providers: [DraftingSpacesRepository, DraftingSpacesService],
  exports: [DraftingSpacesService],
})
export class DraftingSpacesModule {}
