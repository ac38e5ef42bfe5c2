import { Module } from '@nestjs/common';
import { MulterModule } from '@nestjs/platform-express';
import { AuditModule } from '../audit/audit.module';
import { CommitteesModule } from '../committees/committees.module';
import { Env } from '../config/env';
import { DocxImporter } from './docx-importer';
import { InstrumentsController } from './instruments.controller';
import { InstrumentsRepository } from './instruments.repository';
import { InstrumentsService } from './instruments.service';

@Module({
  imports: [
    AuditModule,
    CommitteesModule,
    // Uploads are held in memory (a DOCX is small) and capped, so an oversized file is refused with 413. The form
    // has one file and four short fields (titles, originalLanguage, format, content): anything more is refused
    // (400) before it is buffered, whether many files, many or huge fields, or many parts of any kind.
    MulterModule.registerAsync({
      inject: [Env],
      useFactory: (env: Env) => ({
        limits: { fileSize: env.MAX_UPLOAD_BYTES, files: 1, fields: 8, parts: 9, fieldNameSize: 64, fieldSize: env.MAX_BODY_BYTES, headerPairs: 64 },
      }),
    }),
  ],
  controllers: [InstrumentsController],
  providers: [InstrumentsRepository, InstrumentsService, DocxImporter],
  exports: [InstrumentsService, DocxImporter],
})
export class InstrumentsModule {}
