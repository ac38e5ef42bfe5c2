import { Injectable, Logger, type OnApplicationShutdown, type OnModuleInit } from '@nestjs/common';
import { randomUUID } from 'node:crypto';
import { connectRedis, disconnectRedis, type RedisConnections } from '../common/redis-connections';
import { Env } from '../config/env';
import { Metrics } from '../metrics/metrics';
import type { Relay } from './shared-document';

const KIND_UPDATE = 0;
const KIND_AWARENESS = 1;
const DOCUMENT_PREFIX = 'concord:collab:';
const SESSIONS = 'concord:sessions';
const RESYNC = 'concord:resync';
/** Every message starts with its kind (1 byte), the sending instance (16) and when it was sent (8). */
const HEADER_BYTES = 25;

type DocumentListener = (document: string, data: Uint8Array) => void;

/**
 * Fans updates and awareness out to the other server instances through Redis pub/sub, when REDIS_URL is set;
 * without it every method is a no-op and one instance serves everything. Each instance stores the updates of its
 * own clients before publishing them, so a message lost while Redis is away is recovered from the database:
 * an instance that reconnects catches up and asks the others to do the same.
 */
@Injectable()
export class RedisRelay implements Relay, OnModuleInit, OnApplicationShutdown {
  private readonly logger = new Logger('RedisRelay');
  private readonly instance = Buffer.from(randomUUID().replace(/-/g, ''), 'hex');
  private redis: RedisConnections | null = null;
  private readonly updateListeners: DocumentListener[] = [];
  private readonly awarenessListeners: DocumentListener[] = [];
  private readonly resyncListeners: Array<() => Promise<void>> = [];
  private readonly revokedListeners: Array<(sessionId: string) => void> = [];
  private connectedOnce = false;

  constructor(
    private readonly env: Env,
    private readonly metrics: Metrics,
  ) {}

  async onModuleInit(): Promise<void> {
    const url = this.env.REDIS_URL;
    if (!url) return;
    this.redis = await connectRedis(url, this.logger);
    const { subscriber } = this.redis;
    subscriber.on('messageBuffer', (channel: Buffer, message: Buffer) => this.receive(channel.toString(), message));
    subscriber.on('ready', () => void this.reconnected());
    await subscriber.subscribe(SESSIONS, RESYNC);
    this.connectedOnce = true;
  }

  /** Whether updates cross instances. */
  get enabled(): boolean {
    return this.redis !== null;
  }

  onUpdate(listener: DocumentListener): void {
    this.updateListeners.push(listener);
  }

  onAwareness(listener: DocumentListener): void {
    this.awarenessListeners.push(listener);
  }

  onResync(listener: () => Promise<void>): void {
    this.resyncListeners.push(listener);
  }

  onSessionRevoked(listener: (sessionId: string) => void): void {
    this.revokedListeners.push(listener);
  }

  /** Starts receiving a document's changes from other instances. */
  watch(document: string): void {
    this.redis?.subscriber.subscribe(DOCUMENT_PREFIX + document).catch((error: Error) => this.logger.warn(`subscribe ${document}: ${error.message}`));
  }

  unwatch(document: string): void {
    this.redis?.subscriber.unsubscribe(DOCUMENT_PREFIX + document).catch(() => undefined);
  }

  publishUpdate(document: string, update: Uint8Array): void {
    this.publish(DOCUMENT_PREFIX + document, KIND_UPDATE, update);
  }

  publishAwareness(document: string, update: Uint8Array): void {
    this.publish(DOCUMENT_PREFIX + document, KIND_AWARENESS, update);
  }

  publishSessionRevoked(sessionId: string): void {
    this.publish(SESSIONS, KIND_UPDATE, Buffer.from(sessionId));
  }

  private publish(channel: string, kind: number, payload: Uint8Array): void {
    if (!this.redis) return;
    // kind, sending instance, time sent (for the relay-lag metric), payload.
    const sent = Buffer.alloc(8);
    sent.writeDoubleBE(Date.now());
    const message = Buffer.concat([Buffer.from([kind]), this.instance, sent, payload]);
    this.redis.publisher.publish(channel, message).catch(() => {
      // Lost while Redis is away; the others catch up from the database when this instance reconnects.
    });
  }

  private receive(channel: string, message: Buffer): void {
    if (message.length < HEADER_BYTES || message.subarray(1, 17).equals(this.instance)) return;
    const kind = message[0];
    const lag = (Date.now() - message.readDoubleBE(17)) / 1000;
    if (Number.isFinite(lag)) this.metrics.redisLag.observe(Math.max(0, lag));
    const payload = new Uint8Array(message.subarray(HEADER_BYTES));
    if (channel === SESSIONS) {
      const sessionId = Buffer.from(payload).toString();
      for (const listener of this.revokedListeners) listener(sessionId);
    } else if (channel === RESYNC) {
      void this.resync();
    } else if (channel.startsWith(DOCUMENT_PREFIX)) {
      const document = channel.slice(DOCUMENT_PREFIX.length);
      for (const listener of kind === KIND_AWARENESS ? this.awarenessListeners : this.updateListeners) {
        try {
          listener(document, payload);
        } catch (error) {
          this.logger.warn(`relayed change to ${document} not applied: ${String(error)}`);
        }
      }
    }
  }

  private async reconnected(): Promise<void> {
    if (!this.connectedOnce) return;
    this.logger.log('Redis is back: catching up from the database');
    await this.resync();
    this.publish(RESYNC, KIND_UPDATE, new Uint8Array());
  }

  private async resync(): Promise<void> {
    for (const listener of this.resyncListeners) {
      await listener().catch((error: unknown) => this.logger.warn(`resync failed: ${String(error)}`));
    }
  }

  async onApplicationShutdown(): Promise<void> {
    const redis = this.redis;
    this.redis = null;
    await disconnectRedis(redis);
  }
}
