import { Controller, Get, Header, Headers } from '@nestjs/common';
import { ApiBearerAuth, ApiOperation, ApiProduces, ApiTags } from '@nestjs/swagger';
import { timingSafeEqual } from 'node:crypto';
import { Public } from '../auth/public.decorator';
import { AppException } from '../common/app.exception';
import { Env } from '../config/env';
import { Metrics } from './metrics';
import { ApiErrors, ApiFile } from '../common/openapi/api-responses';

function sameSecret(given: string, expected: string): boolean {
  const a = Buffer.from(given);
  const b = Buffer.from(expected);
  return a.length === b.length && timingSafeEqual(a, b);
}

@ApiTags('health')
@Controller('metrics')
export class MetricsController {
  constructor(
    private readonly metrics: Metrics,
    private readonly env: Env,
  ) {}

  /**
   * For the Prometheus scraper, which presents `METRICS_TOKEN` as a bearer token; not for sessions. Without
   * METRICS_TOKEN the endpoint does not exist. The figures are counts and timings, never a record's content.
   */
  @ApiFile('text/plain')
  @ApiErrors(401, 404)
  @Public()
  @Get()
  @ApiBearerAuth()
  @ApiProduces('text/plain')
  @Header('Cache-Control', 'no-store')
  @ApiOperation({ summary: 'Prometheus metrics (bearer METRICS_TOKEN)' })
  async scrape(@Headers('authorization') authorization: string | undefined): Promise<string> {
    const expected = this.env.METRICS_TOKEN;
    if (!expected) throw new AppException('metrics-not-enabled', 'Metrics are off on this server: set METRICS_TOKEN to serve them.');
    const given = /^Bearer (.+)$/.exec(authorization ?? '')?.[1] ?? '';
    if (!sameSecret(given, expected)) throw new AppException('unauthenticated', 'Give the metrics token as a bearer token.');
    return this.metrics.registry.metrics();
  }
}
