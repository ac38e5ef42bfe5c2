import { plainToInstance, Transform } from 'class-transformer';
import { dirname, join } from 'node:path';
import { isIP } from 'node:net';
import { IsBoolean, IsIn, IsInt, IsOptional, IsString, IsUrl, Matches, Max, Min, validateSync, ValidateBy } from 'class-validator';

const toInt = ({ value }: { value: unknown }): unknown =>
  typeof value === 'string' && /^-?\d+$/.test(value.trim()) ? Number(value) : value;
const toBool = ({ value }: { value: unknown }): unknown => {
  if (typeof value !== 'string') return value;
  const v = value.trim().toLowerCase();
  if (['1', 'true', 'yes', 'on'].includes(v)) return true;
  if (['0', 'false', 'no', 'off'].includes(v)) return false;
  return value;
};

const PROXY_NAMES = new Set(['loopback', 'linklocal', 'uniquelocal']);

/** Whether `value` is a TRUST_PROXY setting: a hop count, or a comma-separated list of addresses, subnets and names. */
export function isTrustProxy(value: unknown): boolean {
  if (typeof value !== 'string') return false;
  if (/^\d{1,2}$/.test(value.trim())) return true;
  return value.split(',').every((item) => {
    const [address, bits, ...rest] = item.trim().split('/');
    if (rest.length > 0) return false;
    if (PROXY_NAMES.has(address) && bits === undefined) return true;
    const family = isIP(address);
    if (family === 0) return false;
    return bits === undefined || (/^\d{1,3}$/.test(bits) && Number(bits) <= (family === 4 ? 32 : 128));
  });
}

/** Every setting Concord reads from the environment, validated once at boot. */
export class Env {
  /** TCP port the HTTP and WebSocket server listens on. */
  @Transform(toInt)
  @IsInt({ message: 'must be an integer between 1 and 65535' })
  @Min(1, { message: 'must be an integer between 1 and 65535' })
  @Max(65535, { message: 'must be an integer between 1 and 65535' })
  PORT = 3000;

  /** Interface to bind; 0.0.0.0 exposes the server to the network. */
  @IsString()
  HOST = '0.0.0.0';

  /** PostgreSQL connection string; when unset Concord uses the embedded SQLite database. */
  @IsOptional()
  @Matches(/^postgres(ql)?:\/\/\S+$/, { message: 'must be a postgres:// or postgresql:// connection string' })
  DATABASE_URL?: string;

  /** File of the embedded SQLite database, used when DATABASE_URL is unset. */
  @IsString()
  @Matches(/\S/, { message: 'must not be empty' })
  SQLITE_PATH = 'data/concord.sqlite';

  /**
   * PEM file of the server's Ed25519 signing key, which signs published revisions and the audit chain's head. It is
   * generated (mode 0600) on first start when missing; default: `signing-key.pem` beside the SQLite file. Keep it
   * outside the database and its backups: whoever holds it can sign in the server's name. Several instances on one
   * PostgreSQL database must all be given the same file.
   */
  @IsOptional()
  @IsString()
  @Matches(/\S/, { message: 'must not be empty' })
  SIGNING_KEY_FILE?: string;

  /** SMTP server for e-mail (smtp:// or smtps://, with user and password if it needs them); unset, no mail is sent. */
  @IsOptional()
  @Matches(/^smtps?:\/\/\S+$/, { message: 'must be an smtp:// or smtps:// URL' })
  SMTP_URL?: string;

  /** The sender of Concord's e-mail; by default concord@ the host of PUBLIC_URL. */
  @IsOptional()
  @Matches(/^[^\r\n]{3,300}$/, { message: 'must be an address such as "Concord <concord@example.org>"' })
  MAIL_FROM?: string;

  /** Hour of the day (UTC) at which daily digests go out. */
  @Transform(toInt)
  @IsInt({ message: 'must be an integer between 0 and 23' })
  @Min(0, { message: 'must be an integer between 0 and 23' })
  @Max(23, { message: 'must be an integer between 0 and 23' })
  MAIL_DIGEST_HOUR = 7;

  /** How often the mail dispatcher looks for messages to send, in milliseconds. */
  @Transform(toInt)
  @IsInt({ message: 'must be an integer between 100 and 600000' })
  @Min(100, { message: 'must be an integer between 100 and 600000' })
  @Max(600_000, { message: 'must be an integer between 100 and 600000' })
  MAIL_POLL_MS = 2000;

  /** Wait before the first retry of a failed e-mail, in milliseconds; each later retry waits three times longer, at most an hour. */
  @Transform(toInt)
  @IsInt({ message: 'must be an integer between 100 and 3600000' })
  @Min(100, { message: 'must be an integer between 100 and 3600000' })
  @Max(3_600_000, { message: 'must be an integer between 100 and 3600000' })
  MAIL_RETRY_BASE_MS = 30_000;

  /** Bearer token the Prometheus scraper presents at /api/metrics; unset, there are no metrics. */
  @IsOptional()
  @Matches(/^[\x21-\x7e]{24,}$/, { message: 'must be at least 24 printable characters without spaces' })
  METRICS_TOKEN?: string;

  /** Redis connection string for scaling the collaboration server out over several instances. */
  @IsOptional()
  @Matches(/^rediss?:\/\/\S+$/, { message: 'must be a redis:// or rediss:// URL' })
  REDIS_URL?: string;

  /** Address users reach the web app at; used to build invitation links. */
  @IsOptional()
  @IsUrl({ require_tld: false, require_protocol: true, protocols: ['http', 'https'] }, { message: 'must be an http(s) URL' })
  PUBLIC_URL?: string;

  /** Lifetime of a sign-in session, in hours. */
  @Transform(toInt)
  @IsInt({ message: 'must be a whole number of hours between 1 and 8760' })
  @Min(1, { message: 'must be a whole number of hours between 1 and 8760' })
  @Max(8760, { message: 'must be a whole number of hours between 1 and 8760' })
  SESSION_TTL_HOURS = 168;

  /** Lifetime of an invitation link, in hours. */
  @Transform(toInt)
  @IsInt({ message: 'must be a whole number of hours between 1 and 720' })
  @Min(1, { message: 'must be a whole number of hours between 1 and 720' })
  @Max(720, { message: 'must be a whole number of hours between 1 and 720' })
  INVITATION_TTL_HOURS = 72;

  /**
   * Which proxies in front of Concord to believe about the client's address (`X-Forwarded-For`) and protocol, as
   * Express's `trust proxy`: a number of hops (`1`), or a comma-separated list of addresses, subnets (CIDR) and the
   * names `loopback`, `linklocal`, `uniquelocal`. Unset: no proxy is trusted and the client is the peer of the
   * socket, so that nobody can pick their own address (sign-in limiting counts per address). Set it only when a
   * proxy you run is the one setting the header.
   */
  @IsOptional()
  @ValidateBy({ name: 'isTrustProxy', validator: { validate: isTrustProxy } }, {
    message: 'must be a number of hops or a comma-separated list of addresses, subnets, loopback, linklocal or uniquelocal',
  })
  TRUST_PROXY?: string;

  /**
   * Sign-in attempts allowed per account per minute, from whatever addresses they come (invitation acceptance
   * counts too); more get a 429 until the minute is over.
   */
  @Transform(toInt)
  @IsInt({ message: 'must be an integer between 1 and 10000' })
  @Min(1, { message: 'must be an integer between 1 and 10000' })
  @Max(10000, { message: 'must be an integer between 1 and 10000' })
  LOGIN_ATTEMPTS_PER_MINUTE = 10;

  /**
   * Sign-in attempts allowed per client address per minute, whatever accounts they name, so that one address cannot
   * try a password on many accounts. Unset: six times LOGIN_ATTEMPTS_PER_MINUTE, at least 60, since a whole
   * delegation may sign in from one office.
   */
  @IsOptional()
  @Transform(toInt)
  @IsInt({ message: 'must be an integer between 1 and 100000' })
  @Min(1, { message: 'must be an integer between 1 and 100000' })
  @Max(100000, { message: 'must be an integer between 1 and 100000' })
  LOGIN_ATTEMPTS_PER_ADDRESS_PER_MINUTE?: number;

  /** Comments, replies and edits one user may post per minute; more are refused (429) until the minute is over. */
  @Transform(toInt)
  @IsInt({ message: 'must be an integer between 1 and 10000' })
  @Min(1, { message: 'must be an integer between 1 and 10000' })
  @Max(10000, { message: 'must be an integer between 1 and 10000' })
  COMMENTS_PER_MINUTE = 30;

  /** Largest accepted JSON request body, in bytes. */
  @Transform(toInt)
  @IsInt({ message: 'must be a number of bytes between 1024 and 104857600' })
  @Min(1024, { message: 'must be a number of bytes between 1024 and 104857600' })
  @Max(104857600, { message: 'must be a number of bytes between 1024 and 104857600' })
  MAX_BODY_BYTES = 1048576;

  /** Largest accepted uploaded file (DOCX import), in bytes. */
  @Transform(toInt)
  @IsInt({ message: 'must be a number of bytes between 1024 and 104857600' })
  @Min(1024, { message: 'must be a number of bytes between 1024 and 104857600' })
  @Max(104857600, { message: 'must be a number of bytes between 1024 and 104857600' })
  MAX_UPLOAD_BYTES = 10485760;

  /**
   * Largest a DOCX upload may inflate to, in bytes: the sizes its archive declares for all its entries, and the
   * bytes actually inflated from the parts that are read. A document over it is refused (413) before it is parsed.
   */
  @Transform(toInt)
  @IsInt({ message: 'must be a number of bytes between 1024 and 1073741824' })
  @Min(1024, { message: 'must be a number of bytes between 1024 and 1073741824' })
  @Max(1073741824, { message: 'must be a number of bytes between 1024 and 1073741824' })
  MAX_UPLOAD_INFLATED_BYTES = 50 * 1024 * 1024;

  /**
   * Heap ceiling of the worker thread that reads one DOCX upload, in MiB. A document that needs more is refused
   * (413) and only its worker ends. A document at the importer's XML limits (250,000 elements) was measured to
   * need 160 to 210 MiB, so 256 leaves some room.
   */
  @Transform(toInt)
  @IsInt({ message: 'must be a number of MiB between 16 and 4096' })
  @Min(16, { message: 'must be a number of MiB between 16 and 4096' })
  @Max(4096, { message: 'must be a number of MiB between 16 and 4096' })
  DOCX_IMPORT_HEAP_MB = 256;

  /** Milliseconds one DOCX import may take in its worker before it is ended and the upload refused (413). */
  @Transform(toInt)
  @IsInt({ message: 'must be a number of milliseconds between 100 and 600000' })
  @Min(100, { message: 'must be a number of milliseconds between 100 and 600000' })
  @Max(600000, { message: 'must be a number of milliseconds between 100 and 600000' })
  DOCX_IMPORT_TIMEOUT_MS = 30_000;

  /** Largest collaboration WebSocket message, in bytes; a bigger one closes the connection with code 1009. */
  @Transform(toInt)
  @IsInt({ message: 'must be a number of bytes between 1024 and 268435456' })
  @Min(1024, { message: 'must be a number of bytes between 1024 and 268435456' })
  @Max(268435456, { message: 'must be a number of bytes between 1024 and 268435456' })
  COLLAB_MAX_MESSAGE_BYTES = 4 * 1024 * 1024;

  /** Milliseconds a collaborative document stays in memory after its last connection closes. */
  @Transform(toInt)
  @IsInt({ message: 'must be a number of milliseconds between 0 and 86400000' })
  @Min(0, { message: 'must be a number of milliseconds between 0 and 86400000' })
  @Max(86400000, { message: 'must be a number of milliseconds between 0 and 86400000' })
  COLLAB_IDLE_UNLOAD_MS = 30_000;

  /**
   * Milliseconds each batch of updates waits before its transaction starts. 0: at the next turn of the event loop;
   * updates arriving while a transaction commits still share the next one (group commit).
   */
  @Transform(toInt)
  @IsInt({ message: 'must be a number of milliseconds between 0 and 1000' })
  @Min(0, { message: 'must be a number of milliseconds between 0 and 1000' })
  @Max(1000, { message: 'must be a number of milliseconds between 0 and 1000' })
  COLLAB_COMMIT_WINDOW_MS = 0;

  /** Updates logged for one document before the log is folded into its snapshot. */
  @Transform(toInt)
  @IsInt({ message: 'must be an integer between 10 and 1000000' })
  @Min(10, { message: 'must be an integer between 10 and 1000000' })
  @Max(1000000, { message: 'must be an integer between 10 and 1000000' })
  COLLAB_COMPACT_AFTER = 500;

  /**
   * Stored size (snapshot and log, in bytes) from which a document is held in a worker thread of its own instead
   * of the main thread, so that loading it never holds up the other documents. 0: every document.
   */
  @Transform(toInt)
  @IsInt({ message: 'must be a number of bytes between 0 and 1073741824' })
  @Min(0, { message: 'must be a number of bytes between 0 and 1073741824' })
  @Max(1073741824, { message: 'must be a number of bytes between 0 and 1073741824' })
  COLLAB_WORKER_THRESHOLD_BYTES = 256 * 1024;

  /** Different documents one user may be loading at the same time; a connection beyond that is refused (4429). */
  @Transform(toInt)
  @IsInt({ message: 'must be an integer between 1 and 1000' })
  @Min(1, { message: 'must be an integer between 1 and 1000' })
  @Max(1000, { message: 'must be an integer between 1 and 1000' })
  COLLAB_MAX_PENDING_LOADS = 32;

  /**
   * Unsent bytes the server lets pile up for one collaboration connection (a client that does not read) before it
   * closes that connection (4002) instead of buffering more.
   */
  @Transform(toInt)
  @IsInt({ message: 'must be a number of bytes between 65536 and 1073741824' })
  @Min(65536, { message: 'must be a number of bytes between 65536 and 1073741824' })
  @Max(1073741824, { message: 'must be a number of bytes between 65536 and 1073741824' })
  COLLAB_MAX_BUFFERED_BYTES = 4 * 1024 * 1024;

  /** Presences (awareness client ids) one collaboration connection may announce; more closes it (4400). */
  @Transform(toInt)
  @IsInt({ message: 'must be an integer between 1 and 100' })
  @Min(1, { message: 'must be an integer between 1 and 100' })
  @Max(100, { message: 'must be an integer between 1 and 100' })
  COLLAB_MAX_PRESENCE_CLIENTS = 4;

  /**
   * Largest presence (awareness) message, in bytes; a bigger one closes the connection (1009). A stock client
   * echoes every presence it receives, so this must hold all of a busy document's presences (a few hundred bytes each).
   */
  @Transform(toInt)
  @IsInt({ message: 'must be a number of bytes between 1024 and 268435456' })
  @Min(1024, { message: 'must be a number of bytes between 1024 and 268435456' })
  @Max(268435456, { message: 'must be a number of bytes between 1024 and 268435456' })
  COLLAB_MAX_AWARENESS_BYTES = 1024 * 1024;

  /** Presence changes per second one connection may make on average (twice that in a burst); more are held back. */
  @Transform(toInt)
  @IsInt({ message: 'must be an integer between 1 and 10000' })
  @Min(1, { message: 'must be an integer between 1 and 10000' })
  @Max(10000, { message: 'must be an integer between 1 and 10000' })
  COLLAB_PRESENCE_RATE = 20;

  /**
   * Create the demo committee and its users when the database is empty. Defaults to true on the embedded SQLite
   * database and to false when DATABASE_URL names a real one, where a demo must be asked for.
   */
  @Transform(toBool)
  @IsBoolean({ message: 'must be true or false' })
  DEMO_SEED = true;

  /**
   * With DEMO_SEED, also play the demo committee's negotiation so far through the application's own use cases:
   * proposals, a compiled draft, published revisions in English and Arabic, comment threads, a comment period.
   */
  @Transform(toBool)
  @IsBoolean({ message: 'must be true or false' })
  DEMO_NEGOTIATION = true;

  /** Apply pending migrations at start. */
  @Transform(toBool)
  @IsBoolean({ message: 'must be true or false' })
  MIGRATE_ON_START = true;

  /** Send cookies only over HTTPS; turn on behind TLS. */
  @Transform(toBool)
  @IsBoolean({ message: 'must be true or false' })
  SECURE_COOKIES = false;

  /** How much the server logs. */
  @IsIn(['error', 'warn', 'log', 'debug', 'silent'], { message: 'must be one of error, warn, log, debug, silent' })
  LOG_LEVEL: 'error' | 'warn' | 'log' | 'debug' | 'silent' = 'warn';

  /** Where the signing key is kept. */
  signingKeyFile(): string {
    return this.SIGNING_KEY_FILE ?? join(dirname(this.SQLITE_PATH), 'signing-key.pem');
  }

  /** Sign-in attempts allowed per client address per minute (see LOGIN_ATTEMPTS_PER_ADDRESS_PER_MINUTE). */
  loginAttemptsPerAddress(): number {
    return this.LOGIN_ATTEMPTS_PER_ADDRESS_PER_MINUTE ?? Math.max(60, 6 * this.LOGIN_ATTEMPTS_PER_MINUTE);
  }

  /** The `trust proxy` setting for Express: false when unset, else a hop count or a list of addresses. */
  trustProxy(): false | number | string[] {
    if (this.TRUST_PROXY === undefined) return false;
    const value = this.TRUST_PROXY.trim();
    return /^\d+$/.test(value) ? Number(value) : value.split(',').map((item) => item.trim());
  }

  /** The sender of e-mail: MAIL_FROM, or Concord at the host of the public URL. */
  mailFrom(): string {
    return this.MAIL_FROM ?? `Concord <concord@${new URL(this.publicUrl()).hostname}>`;
  }

  /** The URL invitation links start with. */
  publicUrl(): string {
    return (this.PUBLIC_URL ?? `http://localhost:${this.PORT}`).replace(/\/+$/, '');
  }
}

/** Raised when the environment holds a bad value; its message is one line naming the variable. */
export class EnvError extends Error {
  constructor(readonly variable: string, message: string) {
    super(message);
    this.name = 'EnvError';
  }
}

const KNOWN = new Set(Object.keys(new Env()).concat(['DATABASE_URL', 'REDIS_URL', 'PUBLIC_URL', 'SIGNING_KEY_FILE', 'METRICS_TOKEN', 'SMTP_URL', 'MAIL_FROM', 'TRUST_PROXY', 'LOGIN_ATTEMPTS_PER_ADDRESS_PER_MINUTE']));

/** Variables whose values are secrets. */
const SECRETS = new Set(['METRICS_TOKEN']);

/** Reads and validates the settings from an environment; throws an `EnvError` on the first bad value. */
export function loadEnv(source: NodeJS.ProcessEnv = process.env): Env {
  const raw: Record<string, string> = {};
  for (const key of KNOWN) {
    const value = source[key];
    // An empty variable means "not set", as shells and .env files commonly write it.
    if (value !== undefined && value !== '') raw[key] = value;
  }
  const env = plainToInstance(Env, raw);
  // A real database gets no demo committee, with its published password, unless the operator asks for one.
  if (raw.DEMO_SEED === undefined && raw.DATABASE_URL !== undefined) env.DEMO_SEED = false;
  const errors = validateSync(env, { forbidUnknownValues: false });
  if (errors.length > 0) {
    const first = errors[0];
    const reason = Object.values(first.constraints ?? {})[0] ?? 'is invalid';
    // A secret is never printed back, not even a wrong one.
    const shown = SECRETS.has(first.property) ? 'a value of ' + String(raw[first.property] ?? '').length + ' characters' : JSON.stringify(redactUrl(String(raw[first.property] ?? '')));
    throw new EnvError(first.property, `Invalid environment: ${first.property} ${reason} (got ${shown})`);
  }
  return env;
}

/** Hides the password of a connection string, so that it never reaches a log. */
export function redactUrl(value: string): string {
  return value.replace(/(\/\/[^:/@\s]+:)[^@\s]*@/, '$1***@');
}
