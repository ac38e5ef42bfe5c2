import { type BeforeApplicationShutdown, Injectable } from '@nestjs/common';
import { DataSource } from 'typeorm';
import { AppException } from '../common/app.exception';
import { Readiness, type ReadinessState } from './readiness';

/** What `/api/health` reports. */
export interface Health {
  readonly status: 'ok';
  readonly database: 'sqlite' | 'postgres';
  readonly uptimeSeconds: number;
}

/** What `/api/health/ready` reports when the server serves requests. */
export interface ReadyReport {
  readonly status: 'ready';
  readonly state: ReadinessState;
  readonly database: 'sqlite' | 'postgres';
}

/** How long the readiness check waits for the database before calling it unreachable. */
const DATABASE_TIMEOUT_MS = 2000;

@Injectable()
export class HealthService implements BeforeApplicationShutdown {
  constructor(
    private readonly dataSource: DataSource,
    private readonly readiness: Readiness,
  ) {}

  /** A server shutting down is no longer ready, so that a balancer stops sending it requests. */
  beforeApplicationShutdown(): void {
    this.readiness.set('stopping');
  }

  private get kind(): 'sqlite' | 'postgres' {
    return this.dataSource.options.type === 'postgres' ? 'postgres' : 'sqlite';
  }

  async check(): Promise<Health> {
    await this.ping();
    return { status: 'ok', database: this.kind, uptimeSeconds: Math.round(process.uptime()) };
  }

  /** Ready: started (migrations applied, demo seeded) and the database answers within two seconds. */
  async ready(): Promise<ReadyReport> {
    const reason = this.readiness.reason();
    if (reason) throw new AppException('not-ready', reason);
    await this.ping();
    return { status: 'ready', state: this.readiness.state, database: this.kind };
  }

  private async ping(): Promise<void> {
    let timer: NodeJS.Timeout | undefined;
    const timeout = new Promise<never>((_, reject) => {
      timer = setTimeout(() => reject(new Error('timeout')), DATABASE_TIMEOUT_MS);
    });
    try {
      await Promise.race([this.dataSource.query('SELECT 1'), timeout]);
    } catch {
      throw new AppException('database-unavailable', 'The database does not answer.');
    } finally {
      clearTimeout(timer);
    }
  }
}
