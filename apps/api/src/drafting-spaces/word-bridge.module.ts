import { Module } from '@nestjs/common';
import { MulterModule } from '@nestjs/platform-express';
import { AuditModule } from '../audit/audit.module';
import { LiveDocumentsModule } from '../documents/live-documents.module';
import { CommentsModule } from '../comments/comments.module';
import { CommitteesModule } from '../committees/committees.module';
import { CompilationModule } from '../compilation/compilation.module';
import { Env } from '../config/env';
import { InstrumentsModule } from '../instruments/instruments.module';
import { DraftingSpacesModule } from './drafting-spaces.module';
import { WordBridgeController } from './word-bridge.controller';
import { WordBridgeService } from './word-bridge.service';

/** The Word bridge of drafting spaces: download to edit in Word, upload Word files back (worker-read, previewed, merged). */
@Module({
  imports: [
    AuditModule,
    LiveDocumentsModule,
    CommentsModule,
    CommitteesModule,
    CompilationModule,
    DraftingSpacesModule,
    InstrumentsModule,
    // As the import's: one file in memory, capped at MAX_UPLOAD_BYTES, and one short field (the digest).
    MulterModule.registerAsync({
      inject: [Env],
      useFactory: (env: Env) => ({
        limits: { fileSize: env.MAX_UPLOAD_BYTES, files: 1, fields: 2, parts: 3, fieldNameSize: 64, fieldSize: 1024, headerPairs: 64 },
      }),
    }),
  ],
  controllers: [WordBridgeController],
  providers: [WordBridgeService],
})
export class WordBridgeModule {}
