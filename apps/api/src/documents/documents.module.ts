import { Module } from '@nestjs/common';
import { DraftingSpacesModule } from '../drafting-spaces/drafting-spaces.module';
import { InstrumentsModule } from '../instruments/instruments.module';
import { DocumentCatalogue } from './document-catalogue';

/** The catalogue of live documents: which exist, who may read or write each, what a new one starts from. */
@Module({
  imports: [InstrumentsModule, DraftingSpacesModule],
  providers: [DocumentCatalogue],
  exports: [DocumentCatalogue],
})
export class DocumentsModule {}
