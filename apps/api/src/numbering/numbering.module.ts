import { Module } from '@nestjs/common';
import { AuditModule } from '../audit/audit.module';
import { LiveDocumentsModule } from '../documents/live-documents.module';
import { CommentsModule } from '../comments/comments.module';
import { CompilationModule } from '../compilation/compilation.module';
import { InstrumentsModule } from '../instruments/instruments.module';
import { NumberingController } from './numbering.controller';
import { NumberingRepository } from './numbering.repository';
import { NumberingService } from './numbering.service';

@Module({
  imports: [AuditModule, LiveDocumentsModule, CommentsModule, CompilationModule, InstrumentsModule],
  controllers: [NumberingController],
  providers: [NumberingRepository, NumberingService],
})
export class NumberingModule {}
