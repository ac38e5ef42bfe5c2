import { Module } from '@nestjs/common';
import { AuditModule } from '../audit/audit.module';
import { LiveDocumentsModule } from '../documents/live-documents.module';
import { InstrumentsModule } from '../instruments/instruments.module';
import { ProposalsModule } from '../proposals/proposals.module';
import { CompilationController } from './compilation.controller';
import { CompilationRepository } from './compilation.repository';
import { CompileContext } from './compile-context';
import { CompileDeskService } from './compile-desk.service';
import { CompileUseCase } from './compile.usecase';

@Module({
  imports: [AuditModule, LiveDocumentsModule, InstrumentsModule, ProposalsModule],
  controllers: [CompilationController],
  providers: [CompilationRepository, CompileContext, CompileDeskService, CompileUseCase],
  exports: [CompileContext, CompilationRepository, CompileDeskService],
})
export class CompilationModule {}
