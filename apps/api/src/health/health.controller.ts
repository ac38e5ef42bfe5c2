import { Controller, Get } from '@nestjs/common';
import { ApiOperation, ApiTags } from '@nestjs/swagger';
import { Public } from '../auth/public.decorator';
import { type Health, HealthService, type ReadyReport } from './health.service';
import { ApiView } from '../common/openapi/api-responses';

@ApiTags('health')
@Controller('health')
export class HealthController {
  constructor(private readonly health: HealthService) {}

  @ApiView('HealthView')
  @Public()
  @Get()
  @ApiOperation({ summary: 'The process answers and the database is reachable' })
  check(): Promise<Health> {
    return this.health.check();
  }

  @ApiView('LivenessView')
  @Public()
  @Get('live')
  @ApiOperation({ summary: 'Liveness: the process answers (from the moment it listens, migrations or not)' })
  live(): { readonly status: 'live'; readonly uptimeSeconds: number } {
    return { status: 'live', uptimeSeconds: Math.round(process.uptime()) };
  }

  @ApiView('ReadinessView')
  @Public()
  @Get('ready')
  @ApiOperation({ summary: 'Readiness: 503 while migrations run, while the demo is created, when shutting down, or when the database does not answer' })
  ready(): Promise<ReadyReport> {
    return this.health.ready();
  }
}
