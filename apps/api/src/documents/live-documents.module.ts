import { Module } from '@nestjs/common';
import { CollabModule } from '../collaboration/collab.module';
import { DocumentsModule } from './documents.module';
import { LiveDocuments } from './live-documents';

/** The use cases' door to live documents, over the collaboration server and the catalogue. */
@Module({
  imports: [CollabModule, DocumentsModule],
  providers: [LiveDocuments],
  exports: [LiveDocuments, DocumentsModule],
})
export class LiveDocumentsModule {}
