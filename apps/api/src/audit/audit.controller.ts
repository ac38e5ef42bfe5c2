import { decide } from '@concord/domain';
import { Controller, Get } from '@nestjs/common';
import { ApiOperation, ApiQuery, ApiTags } from '@nestjs/swagger';
import type { AuthContext } from '../auth/auth-context';
import { CurrentUser } from '../auth/current-user.decorator';
import { IntQueryPipe, RawQuery } from '../common/int-query.pipe';
import { assertAllowed } from '../common/policy';
import type { ChainVerdict } from './audit-chain';
import { AuditReaderService } from './audit-reader.service';
import type { AuditView } from './audit-visibility';
import { AuditService } from './audit.service';
import { ApiErrors, ApiList, ApiView } from '../common/openapi/api-responses';

@ApiTags('audit')
@ApiErrors(401, 403)
@Controller('audit')
export class AuditController {
  constructor(
    private readonly audit: AuditService,
    private readonly reader: AuditReaderService,
  ) {}

  @ApiList('AuditEntryView')
  @Get()
  @ApiOperation({ summary: "The newest audit rows of the caller's committee (secretariat, administrators); delegation-tier rows redacted" })
  @ApiQuery({ name: 'limit', required: false, type: Number })
  @ApiQuery({ name: 'before', required: false, type: Number, description: 'Only rows before this sequence number (paging back)' })
  async latest(
    @CurrentUser() user: AuthContext,
    @RawQuery('limit', new IntQueryPipe('limit', { min: 1, max: 500, default: 50 })) limit: number,
    @RawQuery('before', new IntQueryPipe('before', { min: 0, max: 999_999_999, default: 0 })) before: number,
  ): Promise<{ items: AuditView[] }> {
    return { items: await this.reader.latest(user, limit, before) };
  }

  @ApiView('AuditVerdictView')
  @Get('verify')
  @ApiOperation({ summary: 'Walk the hash chain and report the first broken link' })
  verify(@CurrentUser() user: AuthContext): Promise<ChainVerdict> {
    assertAllowed(decide(user.subject, 'view-audit', { tier: 'committee' }));
    return this.audit.verify();
  }
}
