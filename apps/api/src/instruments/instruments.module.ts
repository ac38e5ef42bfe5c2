import { Module } from '@nestjs/common';
import { MulterModule } from '@nestjs/platform-express';
import { AuditModule } from '../audit/audit.module';
import { CommitteesModule } from '../committees/committees.module';
import { Env } from '../config/env';
import { InstrumentsController } from './instruments.controller';
import { InstrumentsRepository } from './instruments.repository';
import { InstrumentsService } from './instruments.service';

@Module({
  imports: [
    AuditModule,
    CommitteesModule,
    // Uploads are held in memory (a DOCX is small) and capped, so an oversized file is refused with 413.
    MulterModule.registerAsync({
      inject: [Env],
      useFactory: (env: Env) => ({ limits: { fileSize: env.MAX_UPLOAD_BYTES, files: 1, fields: 10 } }),
    }),
  ],
  controllers: [InstrumentsController],
  providers: [InstrumentsRepository, InstrumentsService],
  exports: [InstrumentsService],
})
export class InstrumentsModule {}
