import 'reflect-metadata';
import { createApp } from './app';
import { AuditRepository } from './audit/audit.repository';
import { AuditService } from './audit/audit.service';
import { exitWith, prepare } from './boot';
import { seedDemo } from './seed/demo-seed';
import { ServerKey } from './signing/server-key';

async function main(): Promise<void> {
  const { env, dataSource } = await prepare();
  const key = ServerKey.forFile(env.signingKeyFile());
  // A log written before heads were signed gets its first signed head only on the start that creates the key:
  // with an existing key, a missing head means someone removed it, and appends stay refused until checked.
  const adopted = key.created ? await dataSource.transaction((manager) => new AuditService(new AuditRepository(dataSource), key).adoptUnsignedChain(manager)) : null;
  const demo = env.DEMO_SEED ? await seedDemo(dataSource, key) : null;
  const app = await createApp(env, dataSource);
  try {
    await app.listen(env.PORT, env.HOST);
  } catch (error) {
    const code = (error as NodeJS.ErrnoException).code;
    if (code === 'EADDRINUSE') throw new Error(`PORT: ${env.PORT} is already in use; set PORT to a free port`);
    if (code === 'EADDRNOTAVAIL') throw new Error(`HOST: cannot listen on ${env.HOST}`);
    throw error;
  }
  const url = `http://localhost:${env.PORT}`;
  const lines = [`Concord is serving ${url} (database: ${dataSource.options.type}; API docs at ${url}/api/docs)`];
  lines.push(`Signing key ${key.created ? 'created in' : 'read from'} ${key.file}; Ed25519 public key fingerprint (SHA-256) ${key.public.fingerprint}, published at ${url}/api/public/signing-key`);
  if (adopted) lines.push(`Signed the head of the existing audit log at row ${adopted} for the first time.`);
  if (demo) {
    lines.push(`Demo committee "${demo.committee}" created. Sign in with password ${demo.password} as:`);
    for (const login of demo.logins) lines.push(`  ${login.email.padEnd(34)} ${login.description}`);
  }
  process.stdout.write(`${lines.join('\n')}\n`);
}

main().catch(exitWith);
