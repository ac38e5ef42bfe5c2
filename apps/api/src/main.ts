import 'reflect-metadata';
import type { INestApplication } from '@nestjs/common';
import { performance } from 'node:perf_hooks';
import type { DataSource } from 'typeorm';
import { createApp } from './app';
import { AuditRepository } from './audit/audit.repository';
import { AuditService } from './audit/audit.service';
import { exitWith } from './boot';
import { loadEnv } from './config/env';
import { openDataSource } from './database/data-source';
import { Readiness } from './health/readiness';
import { Metrics } from './metrics/metrics';
import { playDemoNegotiation } from './seed/demo-negotiation';
import { type DemoSeed, seedDemo } from './seed/demo-seed';
import { ServerKey } from './signing/server-key';

/**
 * Starts the server: it listens first, so that liveness answers and readiness says why it is not ready while
 * migrations run and the demo is created; the API and the collaboration socket serve once that is done.
 */
async function main(): Promise<void> {
  const env = loadEnv();
  const dataSource = await openDataSource(env);
  const key = ServerKey.forFile(env.signingKeyFile());
  const readiness = new Readiness('starting');
  const app = await createApp(env, dataSource, { readiness, metrics: new Metrics() });
  try {
    await app.listen(env.PORT, env.HOST);
  } catch (error) {
    const code = (error as NodeJS.ErrnoException).code;
    if (code === 'EADDRINUSE') throw new Error(`PORT: ${env.PORT} is already in use; set PORT to a free port`);
    if (code === 'EADDRNOTAVAIL') throw new Error(`HOST: cannot listen on ${env.HOST}`);
    throw error;
  }
  readiness.set('migrating');
  if (env.MIGRATE_ON_START) await dataSource.runMigrations({ transaction: 'each' });
  // A log written before heads were signed gets its first signed head only on the start that creates the key:
  // with an existing key, a missing head means someone removed it, and appends stay refused until checked.
  const adopted = key.created ? await dataSource.transaction((manager) => new AuditService(new AuditRepository(dataSource), key).adoptUnsignedChain(manager)) : null;
  readiness.set('seeding');
  const demo = env.DEMO_SEED ? await seedDemo(dataSource, key) : null;
  const played = demo?.created && env.DEMO_NEGOTIATION ? await playNegotiation(app, dataSource, demo) : null;
  readiness.set('ready');
  const url = `http://localhost:${env.PORT}`;
  const lines = [`Concord is serving ${url} (database: ${dataSource.options.type}; API docs at ${url}/api/docs)`];
  lines.push(`Signing key ${key.created ? 'created in' : 'read from'} ${key.file}; Ed25519 public key fingerprint (SHA-256) ${key.public.fingerprint}, published at ${url}/api/public/signing-key`);
  if (adopted) lines.push(`Signed the head of the existing audit log at row ${adopted} for the first time.`);
  if (demo) {
    lines.push(`Demo committee "${demo.committee}" ${demo.created ? 'created' : 'found'}. Sign in with password ${demo.password} as:`);
    for (const login of demo.logins) lines.push(`  ${login.email.padEnd(34)} ${login.description}`);
  }
  if (played) lines.push(played);
  process.stdout.write(`${lines.join('\n')}\n`);
}

/**
 * Plays the demo committee's negotiation on the start that created it (a later start finds it played, or
 * stopped where it failed, and leaves it alone). A failure is reported, not fatal: the server still serves.
 */
async function playNegotiation(app: INestApplication, dataSource: DataSource, demo: DemoSeed): Promise<string> {
  const started = performance.now();
  try {
    const played = await playDemoNegotiation(app, dataSource, demo);
    const ms = Math.round(performance.now() - started);
    return `Demo negotiation played in ${ms} ms: ${played.proposals} proposals, ${played.revisions.join(', ')} in English and Arabic, ${played.threads} comment threads, ${played.writtenComments} written comments.`;
  } catch (error) {
    return `The demo negotiation stopped: ${error instanceof Error ? error.message : String(error)}. Delete the database to start the demo again.`;
  }
}

main().catch(exitWith);
