import { Injectable } from '@nestjs/common';
import { DataSource } from 'typeorm';
import { AppException } from '../common/app.exception';

/** What `/api/health` reports. */
export interface Health {
  readonly status: 'ok';
  readonly database: 'sqlite' | 'postgres';
  readonly uptimeSeconds: number;
}

@Injectable()
export class HealthService {
  constructor(private readonly dataSource: DataSource) {}

  async check(): Promise<Health> {
    try {
      await this.dataSource.query('SELECT 1');
    } catch {
      throw new AppException('database-unavailable', 'The database does not answer.');
    }
    return {
      status: 'ok',
      database: this.dataSource.options.type === 'postgres' ? 'postgres' : 'sqlite',
      uptimeSeconds: Math.round(process.uptime()),
    };
  }
}
