/**
 * Concord's collaboration server as a benchmark target, driven only through its public contract:
 *
 * - started as `npm start` starts it (`node dist/apps/api/src/main.js`, built by `npm run build:api`) with
 *   `PORT`, `HOST=127.0.0.1`, a fresh `SQLITE_PATH`, `DEMO_SEED=true`, `DEMO_NEGOTIATION=false`, `LOG_LEVEL=error`; ready when it
 *   prints "Concord is serving";
 * - the secretariat signs in (`POST /api/auth/login`) and writes consolidated drafts: documents are
 *   `consolidated:<instrumentId>:en` at `ws://host:port/collab/<document>?token=<token>`;
 * - more documents come from importing instruments (`POST /api/committees/<id>/instruments/import`).
 *
 * When the server is not built, or `/collab` refuses a connection (404, close code), the target is
 * reported unavailable and the workloads skip it with the reason.
 */
import { consolidatedDocument } from '@concord/domain';
import { existsSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { BenchClient, type ClientMode, type ClientSpec, ConnectError } from '../client/bench-client';
import { freePort, ServerProcess } from './server-process';
import { type BenchTarget, ROOT, type RunningServer, TargetUnavailable } from './target';

const MAIN = join(ROOT, 'dist/apps/api/src/main.js');
/**
 * Extra Node.js options for Concord's process, space-separated, for profiling it under a workload (for instance
 * `BENCH_CONCORD_NODE_ARGS="--cpu-prof --cpu-prof-dir=/tmp/prof"`); none by default.
 */
const NODE_ARGS = (process.env.BENCH_CONCORD_NODE_ARGS ?? '').split(' ').filter((arg) => arg !== '');
const SECRETARIAT = { email: 'secretariat@concord.test', password: 'concord-demo-2026' };
/** Instruments imported in parallel when a workload needs many documents. */
const IMPORT_CONCURRENCY = 4;

interface Listing {
  readonly items: readonly { readonly id: string }[];
}

/** The collaboration document of an instrument's English consolidated draft. */
const consolidatedDoc = (instrumentId: string): string => consolidatedDocument(instrumentId, 'en');

/**
 * A running Concord process over a scratch SQLite database, or over the database and Redis that `database` names
 * (the two-instance workload starts two of these over one PostgreSQL database).
 */
export class RunningConcord implements RunningServer {
  private process: ServerProcess | null = null;
  private port = 0;
  private token = '';
  private committeeId = '';
  private readonly docs: string[] = [];

  private constructor(
    private readonly dataDir: string,
    private readonly database: Readonly<Record<string, string>>,
  ) {}

  /** Starts Concord; `database` adds environment variables such as DATABASE_URL and REDIS_URL. */
  static async start(database: Readonly<Record<string, string>> = {}): Promise<RunningConcord> {
    if (!existsSync(MAIN)) throw new TargetUnavailable(`Concord is not built (${MAIN} is missing; \`npm run build:api\` builds it)`);
    const concord = new RunningConcord(mkdtempSync(join(tmpdir(), 'collab-bench-concord-')), database);
    try {
      await concord.launch();
      await concord.checkCollabEndpoint();
    } catch (error) {
      await concord.stop();
      throw error;
    }
    return concord;
  }

  /** Starts a process over this instance's database and signs the secretariat in. */
  private async launch(): Promise<void> {
    this.port = await freePort();
    this.process = await ServerProcess.start({
      name: 'Concord',
      args: [...NODE_ARGS, MAIN],
      cwd: ROOT,
      env: {
        PATH: process.env.PATH ?? '',
        PORT: String(this.port),
        HOST: '127.0.0.1',
        SQLITE_PATH: join(this.dataDir, 'concord.sqlite'),
        DEMO_SEED: 'true',
        DEMO_NEGOTIATION: 'false',
        LOG_LEVEL: 'error',
        ...this.database,
      },
      ready: 'Concord is serving',
    });
    const session = await this.request<{ token?: unknown }>('POST', '/api/auth/login', SECRETARIAT);
    if (typeof session.token !== 'string') throw new TargetUnavailable('Concord: the login answer has no token');
    this.token = session.token;
    if (!this.committeeId) {
      const committees = await this.request<Listing>('GET', '/api/committees');
      if (committees.items.length === 0) throw new TargetUnavailable('Concord: the demo seed made no committee');
      this.committeeId = committees.items[0].id;
      const instruments = await this.request<Listing>('GET', `/api/committees/${this.committeeId}/instruments`);
      this.docs.push(...instruments.items.map((item) => consolidatedDoc(item.id)));
    }
  }

  /** One client must reach a full sync, or Concord's collaboration endpoint is not there yet. */
  private async checkCollabEndpoint(): Promise<void> {
    const [doc] = await this.documents(1);
    const client = new BenchClient(this.clientSpec(doc, 'light'));
    try {
      await client.connect(10_000);
    } catch (error) {
      if (error instanceof ConnectError) throw new TargetUnavailable(`Concord's /collab endpoint did not sync ${doc}: ${error.message}`);
      throw error;
    } finally {
      client.close();
    }
  }

  private async request<T>(method: 'GET' | 'POST', path: string, body?: unknown): Promise<T> {
    const response = await fetch(`http://127.0.0.1:${this.port}${path}`, {
      method,
      headers: { ...(body === undefined ? {} : { 'content-type': 'application/json' }), ...(this.token ? { authorization: `Bearer ${this.token}` } : {}) },
      body: body === undefined ? undefined : JSON.stringify(body),
    });
    const text = await response.text();
    if (!response.ok) throw new TargetUnavailable(`Concord: ${method} ${path} answered ${response.status}: ${text.slice(0, 300)}`);
    return JSON.parse(text) as T;
  }

  async documents(count: number): Promise<string[]> {
    let next = this.docs.length;
    const importOne = async (): Promise<void> => {
      while (next < count) {
        const n = ++next;
        const instrument = await this.request<{ id?: unknown }>('POST', `/api/committees/${this.committeeId}/instruments/import`, {
          titles: { en: `Bench ${n}` },
          originalLanguage: 'en',
          format: 'text',
          content: `Bench ${n}\n\nArticle 1\nText of the article.`,
        });
        if (typeof instrument.id !== 'string') throw new TargetUnavailable('Concord: the import answer has no id');
        this.docs.push(consolidatedDoc(instrument.id));
      }
    };
    await Promise.all(Array.from({ length: IMPORT_CONCURRENCY }, importOne));
    return this.docs.slice(0, count);
  }

  clientSpec(docName: string, mode: ClientMode): ClientSpec {
    const url = `ws://127.0.0.1:${this.port}/collab/${docName}?token=${encodeURIComponent(this.token)}`;
    return { url, docName, dialect: 'y-websocket', mode };
  }

  private get running(): ServerProcess {
    if (!this.process) throw new Error('Concord is not running');
    return this.process;
  }

  resetStats() {
    return this.running.resetStats();
  }

  stats() {
    return this.running.stats();
  }

  async restart(signal: 'SIGTERM' | 'SIGKILL'): Promise<void> {
    await this.running.stop(signal);
    this.token = '';
    await this.launch();
  }

  async stop(): Promise<void> {
    await this.process?.stop('SIGTERM');
    rmSync(this.dataDir, { recursive: true, force: true });
  }
}

/** Concord's collaboration server (apps/api). */
export const concordTarget: BenchTarget = {
  id: 'concord',
  label: 'Concord',
  persistenceNote:
    'persists every update to its update log in SQLite (group-committed) before applying or relaying it, in every workload; it also authenticates and authorises every connection. Documents stored at 256 KiB or more (only the one of (d)) are held in a worker thread of their own',
  start: () => RunningConcord.start(),
};
