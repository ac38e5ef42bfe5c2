import { Module } from '@nestjs/common';
import { AuditModule } from '../audit/audit.module';
import { AuthModule } from '../auth/auth.module';
import { DelegationMembersController } from './delegation-members.controller';
import { DelegationMembersService } from './delegation-members.service';
import { DelegationsModule } from './delegations.module';

/** Membership of a delegation, managed by its head; apart from DelegationsModule, which the auth module imports. */
@Module({
  imports: [AuditModule, AuthModule, DelegationsModule],
  controllers: [DelegationMembersController],
  providers: [DelegationMembersService],
})
export class DelegationMembersModule {}
