import { decide } from '@concord/domain';
import { Controller, Get, Query } from '@nestjs/common';
import { ApiOperation, ApiTags } from '@nestjs/swagger';
import type { AuthContext } from '../auth/auth-context';
import { CurrentUser } from '../auth/current-user.decorator';
import { IntQueryPipe } from '../common/int-query.pipe';
import { assertAllowed } from '../common/policy';
import type { ChainVerdict } from './audit-chain';
import { AuditService, type AuditView } from './audit.service';

@ApiTags('audit')
@Controller('audit')
export class AuditController {
  constructor(private readonly audit: AuditService) {}

  @Get()
  @ApiOperation({ summary: 'The newest audit rows (secretariat, administrators)' })
  async latest(
    @CurrentUser() user: AuthContext,
    @Query('limit', new IntQueryPipe('limit', { min: 1, max: 500, default: 50 })) limit: number,
  ): Promise<{ items: AuditView[] }> {
    assertAllowed(decide(user.subject, 'view-audit', { tier: 'committee' }));
    return { items: await this.audit.latest(limit) };
  }

  @Get('verify')
  @ApiOperation({ summary: 'Walk the hash chain and report the first broken link' })
  verify(@CurrentUser() user: AuthContext): Promise<ChainVerdict> {
    assertAllowed(decide(user.subject, 'view-audit', { tier: 'committee' }));
    return this.audit.verify();
  }
}
