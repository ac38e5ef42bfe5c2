import { Logger, type OnApplicationShutdown, type OnModuleInit } from '@nestjs/common';
import { randomUUID } from 'node:crypto';
import type { Env } from '../config/env';
import { connectRedis, disconnectRedis, type RedisConnections } from './redis-connections';

/**
 * Carries small JSON notifications to the other server instances on one Redis pub/sub channel when REDIS_URL is
 * set, so that a client streaming from one instance hears of what was done through another; without REDIS_URL
 * publishing is a no-op. Notifications only: what they announce is in the database, so one lost while Redis is
 * away is found by the next read. Messages an instance sent itself are not delivered back to it.
 */
export abstract class JsonRelay<M extends object> implements OnModuleInit, OnApplicationShutdown {
  protected readonly logger: Logger;
  private readonly origin = randomUUID();
  private redis: RedisConnections | null = null;

  protected constructor(
    private readonly env: Env,
    private readonly channel: string,
  ) {
    this.logger = new Logger(new.target.name);
  }

  async onModuleInit(): Promise<void> {
    const url = this.env.REDIS_URL;
    if (!url) return;
    this.redis = await connectRedis(url, this.logger);
    try {
      await this.redis.subscriber.subscribe(this.channel);
    } catch (error) {
      await this.onApplicationShutdown();
      throw error;
    }
    this.redis.subscriber.on('message', (_channel: string, raw: string) => this.received(raw));
  }

  /** What to do with a message another instance published. */
  protected abstract receive(message: M): void;

  protected publish(message: M): void {
    this.redis?.publisher.publish(this.channel, JSON.stringify({ origin: this.origin, message })).catch((error: Error) => this.logger.warn(`not relayed: ${error.message}`));
  }

  private received(raw: string): void {
    let parsed: unknown;
    try {
      parsed = JSON.parse(raw);
    } catch {
      return;
    }
    if (typeof parsed !== 'object' || parsed === null || !('origin' in parsed) || !('message' in parsed)) return;
    if (parsed.origin === this.origin || typeof parsed.message !== 'object' || parsed.message === null) return;
    this.receive(parsed.message as M);
  }

  async onApplicationShutdown(): Promise<void> {
    const redis = this.redis;
    this.redis = null;
    await disconnectRedis(redis);
  }
}
