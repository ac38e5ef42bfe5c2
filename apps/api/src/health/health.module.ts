import { type DynamicModule, Module } from '@nestjs/common';
import { HealthController } from './health.controller';
import { HealthService } from './health.service';
import { Readiness } from './readiness';

@Module({})
export class HealthModule {
  static forRoot(readiness: Readiness): DynamicModule {
    return { module: HealthModule, global: true, controllers: [HealthController], providers: [HealthService, { provide: Readiness, useValue: readiness }], exports: [Readiness] };
  }
}
