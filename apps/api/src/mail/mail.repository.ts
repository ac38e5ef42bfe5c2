import { Injectable } from '@nestjs/common';
import { DataSource, type EntityManager, In, LessThanOrEqual } from 'typeorm';
import { MailMessage, type MailStatus } from './mail-message.entity';
import { MailPreference } from './mail-preference.entity';

@Injectable()
export class MailRepository {
  constructor(private readonly dataSource: DataSource) {}

  private manager(manager?: EntityManager): EntityManager {
    return manager ?? this.dataSource.manager;
  }

  insert(message: MailMessage, manager?: EntityManager): Promise<unknown> {
    return this.manager(manager).getRepository(MailMessage).insert(message);
  }

  /** Messages due to be sent, oldest first. */
  due(status: Extract<MailStatus, 'pending' | 'held'>, now: Date, limit: number): Promise<MailMessage[]> {
    return this.dataSource.getRepository(MailMessage).find({ where: { status, nextAttemptAt: LessThanOrEqual(now) }, order: { createdAt: 'ASC' }, take: limit });
  }

  /** Held messages of one user, oldest first: the content of their digest. */
  held(userId: string): Promise<MailMessage[]> {
    return this.dataSource.getRepository(MailMessage).find({ where: { status: 'held', userId }, order: { createdAt: 'ASC' } });
  }

  /**
   * Moves a message from one status to another only if it is still in the first: the claim that lets one
   * instance (of several) send it. True when this caller made the change.
   */
  async transition(id: string, from: MailStatus, to: Partial<MailMessage> & { status: MailStatus }): Promise<boolean> {
    const result = await this.dataSource.getRepository(MailMessage).update({ id, status: from }, to);
    return (result.affected ?? 0) === 1;
  }

  /** Held messages that went out in a digest. */
  async releaseHeld(ids: readonly string[], at: Date, manager?: EntityManager): Promise<void> {
    if (ids.length) await this.manager(manager).getRepository(MailMessage).update({ id: In([...ids]), status: 'held' }, { status: 'sent', sentAt: at });
  }

  /** A given-up message, to be tried again from the start. */
  async requeue(id: string, manager?: EntityManager): Promise<void> {
    await this.manager(manager).getRepository(MailMessage).update({ id, status: 'failed' }, { status: 'pending', attempts: 0, nextAttemptAt: new Date() });
  }

  list(status: MailStatus | undefined, limit: number): Promise<MailMessage[]> {
    return this.dataSource.getRepository(MailMessage).find({ where: status ? { status } : {}, order: { createdAt: 'DESC' }, take: limit });
  }

  find(id: string): Promise<MailMessage | null> {
    return this.dataSource.getRepository(MailMessage).findOneBy({ id });
  }

  preference(userId: string, manager?: EntityManager): Promise<MailPreference | null> {
    return this.manager(manager).getRepository(MailPreference).findOneBy({ userId });
  }

  savePreference(preference: MailPreference, manager?: EntityManager): Promise<unknown> {
    return this.manager(manager).getRepository(MailPreference).save(preference);
  }
}
