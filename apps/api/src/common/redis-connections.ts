import type { Logger } from '@nestjs/common';
import type { Redis } from 'ioredis';
import { redactUrl } from '../config/env';

/** Raised at start when REDIS_URL is set but Redis cannot be reached. */
export class RedisConnectError extends Error {}

/** The two connections a relay between server instances needs: one to publish on, one subscribed. */
export interface RedisConnections {
  readonly publisher: Redis;
  readonly subscriber: Redis;
}

/**
 * Opens a relay's connections, logging their later errors as warnings. Publishing fails at once while Redis is
 * away instead of queueing: the database is the source of truth, and what a relay loses is found there.
 */
export async function connectRedis(url: string, logger: Logger): Promise<RedisConnections> {
  // Loaded only when REDIS_URL is set: a single instance never needs ioredis (about 18 MB of memory).
  const { Redis } = await import('ioredis');
  const connections = {
    publisher: new Redis(url, { enableOfflineQueue: false, maxRetriesPerRequest: 1, lazyConnect: true }),
    subscriber: new Redis(url, { lazyConnect: true }),
  };
  for (const client of [connections.publisher, connections.subscriber]) client.on('error', (error: Error) => logger.warn(`Redis: ${error.message}`));
  try {
    await Promise.all([connections.publisher.connect(), connections.subscriber.connect()]);
  } catch (error) {
    await disconnectRedis(connections);
    throw new RedisConnectError(`REDIS_URL: cannot connect to ${redactUrl(url)}: ${error instanceof Error ? error.message : String(error)}`);
  }
  return connections;
}

/** Closes a relay's connections, politely when Redis answers. */
export async function disconnectRedis(connections: RedisConnections | null): Promise<void> {
  if (!connections) return;
  await Promise.all([connections.publisher, connections.subscriber].map((c) => c.quit().catch(() => c.disconnect())));
}
