import { type DynamicModule, Module } from '@nestjs/common';
import type { DataSource } from 'typeorm';
import { ArchiveModule } from './archive/archive.module';
import { AuditModule } from './audit/audit.module';
import { AuthModule } from './auth/auth.module';
import { CollabModule } from './collaboration/collab.module';
import { CommentPeriodsModule } from './comment-periods/comment-periods.module';
import { CommentsModule } from './comments/comments.module';
import { CommitteesModule } from './committees/committees.module';
import { CompilationModule } from './compilation/compilation.module';
import { ConfigModule } from './config/config.module';
import type { Env } from './config/env';
import { DatabaseModule } from './database/database.module';
import { DelegationMembersModule } from './delegations/delegation-members.module';
import { DelegationsModule } from './delegations/delegations.module';
import { DraftingSpacesModule } from './drafting-spaces/drafting-spaces.module';
import { WordBridgeModule } from './drafting-spaces/word-bridge.module';
import { loggingModule } from './common/logging';
import { HealthModule } from './health/health.module';
import { Readiness } from './health/readiness';
import { InboxModule } from './inbox/inbox.module';
import { InstrumentsModule } from './instruments/instruments.module';
import { Metrics } from './metrics/metrics';
import { MetricsModule } from './metrics/metrics.module';
import { NumberingModule } from './numbering/numbering.module';
import { ProposalsModule } from './proposals/proposals.module';
import { RevisionsModule } from './revisions/revisions.module';
import { SigningModule } from './signing/signing.module';

/**
 * The server, assembled around a validated environment and an opened database; `runtime` holds what the start
 * sequence shares with it (its readiness and metrics).
 */
@Module({})
export class AppModule {
  static forRoot(env: Env, dataSource: DataSource, runtime: { readonly readiness?: Readiness; readonly metrics?: Metrics } = {}): DynamicModule {
    return {
      module: AppModule,
      imports: [
        loggingModule(env),
        HealthModule.forRoot(runtime.readiness ?? new Readiness()),
        MetricsModule.forRoot(runtime.metrics ?? new Metrics({ defaults: false })),
        ConfigModule.forRoot(env),
        DatabaseModule.forRoot(dataSource),
        SigningModule,
        AuditModule,
        AuthModule,
        CommitteesModule,
        DelegationsModule,
        DelegationMembersModule,
        InstrumentsModule,
        DraftingSpacesModule,
        WordBridgeModule,
        CollabModule,
        ProposalsModule,
        CommentsModule,
        CompilationModule,
        NumberingModule,
        RevisionsModule,
        ArchiveModule,
        InboxModule,
        CommentPeriodsModule,
        HealthModule,
      ],
    };
  }
}
