import { Injectable, Logger, type OnApplicationShutdown, type OnModuleInit } from '@nestjs/common';
import { randomUUID } from 'node:crypto';
import { connectRedis, disconnectRedis, type RedisConnections } from '../common/redis-connections';
import { Env } from '../config/env';
import type { CommentEvent } from './comment-view';

const CHANNEL = 'concord:comments';

type RelayMessage =
  | { readonly origin: string; readonly kind: 'event'; readonly event: CommentEvent }
  | { readonly origin: string; readonly kind: 'session-revoked'; readonly sessionId: string };

/**
 * Carries comment events and sign-outs to the other server instances through Redis pub/sub when REDIS_URL is set,
 * so that a client streaming from one instance hears of a comment written through another. Without REDIS_URL
 * every method is a no-op. Events are notifications only: the comments themselves are in the database, so an
 * event lost while Redis is away is found by the next list.
 */
@Injectable()
export class CommentsRelay implements OnModuleInit, OnApplicationShutdown {
  private readonly logger = new Logger('CommentsRelay');
  private readonly origin = randomUUID();
  private redis: RedisConnections | null = null;
  private readonly eventListeners: Array<(event: CommentEvent) => void> = [];
  private readonly revokedListeners: Array<(sessionId: string) => void> = [];

  constructor(private readonly env: Env) {}

  async onModuleInit(): Promise<void> {
    const url = this.env.REDIS_URL;
    if (!url) return;
    this.redis = await connectRedis(url, this.logger);
    try {
      await this.redis.subscriber.subscribe(CHANNEL);
    } catch (error) {
      await this.onApplicationShutdown();
      throw error;
    }
    this.redis.subscriber.on('message', (_channel: string, message: string) => this.receive(message));
  }

  onEvent(listener: (event: CommentEvent) => void): void {
    this.eventListeners.push(listener);
  }

  onSessionRevoked(listener: (sessionId: string) => void): void {
    this.revokedListeners.push(listener);
  }

  publishEvent(event: CommentEvent): void {
    this.publish({ origin: this.origin, kind: 'event', event });
  }

  publishSessionRevoked(sessionId: string): void {
    this.publish({ origin: this.origin, kind: 'session-revoked', sessionId });
  }

  private publish(message: RelayMessage): void {
    this.redis?.publisher.publish(CHANNEL, JSON.stringify(message)).catch((error: Error) => this.logger.warn(`comment event not relayed: ${error.message}`));
  }

  private receive(raw: string): void {
    let message: RelayMessage;
    try {
      message = JSON.parse(raw) as RelayMessage;
    } catch {
      return;
    }
    if (message.origin === this.origin) return;
    if (message.kind === 'event') for (const listener of this.eventListeners) listener(message.event);
    else if (message.kind === 'session-revoked') for (const listener of this.revokedListeners) listener(message.sessionId);
  }

  async onApplicationShutdown(): Promise<void> {
    const redis = this.redis;
    this.redis = null;
    await disconnectRedis(redis);
  }
}
