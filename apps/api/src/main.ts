import 'reflect-metadata';
import { createApp } from './app';
import { exitWith, prepare } from './boot';
import { seedDemo } from './seed/demo-seed';

async function main(): Promise<void> {
  const { env, dataSource } = await prepare();
  const demo = env.DEMO_SEED ? await seedDemo(dataSource) : null;
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
  if (demo) {
    lines.push(`Demo committee "${demo.committee}" created. Sign in with password ${demo.password} as:`);
    for (const login of demo.logins) lines.push(`  ${login.email.padEnd(34)} ${login.description}`);
  }
  process.stdout.write(`${lines.join('\n')}\n`);
}

main().catch(exitWith);
