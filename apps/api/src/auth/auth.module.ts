import { Module } from '@nestjs/common';
import { APP_GUARD } from '@nestjs/core';
import { ThrottlerModule } from '@nestjs/throttler';
import { AuditModule } from '../audit/audit.module';
import { CommitteesModule } from '../committees/committees.module';
import { Env } from '../config/env';
import { DelegationsModule } from '../delegations/delegations.module';
import { MailModule } from '../mail/mail.module';
import { AuthController } from './auth.controller';
import { AuthGuard } from './auth.guard';
import { AuthRepository } from './auth.repository';
import { AuthService } from './auth.service';

@Module({
  imports: [
    AuditModule,
    CommitteesModule,
    DelegationsModule,
    MailModule,
    ThrottlerModule.forRootAsync({
      inject: [Env],
      useFactory: (env: Env) => ({
        // Each guarded route counts against one of them (the others are skipped there): sign-in attempts per client
        // and email address, and comment writes per user (comments/comment-throttler.guard.ts).
        throttlers: [
          { name: 'login', ttl: 60_000, limit: env.LOGIN_ATTEMPTS_PER_MINUTE },
          { name: 'comments', ttl: 60_000, limit: env.COMMENTS_PER_MINUTE },
        ],
        errorMessage: 'Too many sign-in attempts; wait a minute and try again.',
      }),
    }),
  ],
  controllers: [AuthController],
  providers: [AuthRepository, AuthService, { provide: APP_GUARD, useClass: AuthGuard }],
  exports: [AuthService, AuthRepository],
})
export class AuthModule {}
