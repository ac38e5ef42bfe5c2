import { describe, expect, it } from 'vitest';
import { EnvError, loadEnv, redactUrl } from './env';

describe(loadEnv.name, () => {
  it('gives the defaults when nothing is set', () => {
    const env = loadEnv({});
    expect(env).toMatchObject({ PORT: 3000, SQLITE_PATH: 'data/concord.sqlite', DEMO_SEED: true, LOG_LEVEL: 'warn' });
    expect(env.DATABASE_URL).toBeUndefined();
    expect(env.publicUrl()).toBe('http://localhost:3000');
  });

  it('keeps the signing key beside the SQLite file unless SIGNING_KEY_FILE says where', () => {
    expect(loadEnv({}).signingKeyFile()).toBe('data/signing-key.pem');
    expect(loadEnv({ SQLITE_PATH: '/var/lib/concord/db.sqlite' }).signingKeyFile()).toBe('/var/lib/concord/signing-key.pem');
    expect(loadEnv({ SIGNING_KEY_FILE: '/run/secrets/concord-key.pem' }).signingKeyFile()).toBe('/run/secrets/concord-key.pem');
    expect(() => loadEnv({ SIGNING_KEY_FILE: ' ' })).toThrow('Invalid environment: SIGNING_KEY_FILE must not be empty (got " ")');
  });

  it.each([
    [{ PORT: '8080' }, { PORT: 8080 }],
    [{ PORT: '' }, { PORT: 3000 }],
    [{ DEMO_SEED: 'no' }, { DEMO_SEED: false }],
    [{ DATABASE_URL: 'postgresql://u:p@db:5432/concord' }, { DATABASE_URL: 'postgresql://u:p@db:5432/concord', DEMO_SEED: false }],
    [{ DATABASE_URL: 'postgresql://u:p@db:5432/concord', DEMO_SEED: 'true' }, { DEMO_SEED: true }],
    [{ DEMO_NEGOTIATION: 'false' }, { DEMO_SEED: true, DEMO_NEGOTIATION: false }],
    [{ PUBLIC_URL: 'https://concord.example.org/' }, { PUBLIC_URL: 'https://concord.example.org/' }],
  ])('reads %j', (source, expected) => {
    expect(loadEnv(source)).toMatchObject(expected);
  });

  it.each([
    [{ PORT: 'abc' }, 'Invalid environment: PORT must be an integer between 1 and 65535 (got "abc")'],
    [{ PORT: '70000' }, 'Invalid environment: PORT must be an integer between 1 and 65535 (got "70000")'],
    [{ DATABASE_URL: 'mysql://root:pw@x/db' }, 'Invalid environment: DATABASE_URL must be a postgres:// or postgresql:// connection string (got "mysql://root:***@x/db")'],
    [{ REDIS_URL: 'localhost:6379' }, 'Invalid environment: REDIS_URL must be a redis:// or rediss:// URL (got "localhost:6379")'],
    [{ LOG_LEVEL: 'loud' }, 'Invalid environment: LOG_LEVEL must be one of error, warn, log, debug, silent (got "loud")'],
    [{ SESSION_TTL_HOURS: '1.5' }, 'Invalid environment: SESSION_TTL_HOURS must be a whole number of hours between 1 and 8760 (got "1.5")'],
    [{ TRUST_PROXY: 'true' }, 'Invalid environment: TRUST_PROXY must be a number of hops or a comma-separated list of addresses, subnets, loopback, linklocal or uniquelocal (got "true")'],
    [{ TRUST_PROXY: '10.0.0.0/33' }, 'Invalid environment: TRUST_PROXY must be a number of hops or a comma-separated list of addresses, subnets, loopback, linklocal or uniquelocal (got "10.0.0.0/33")'],
    [{ TRUST_PROXY: 'loopback, proxy.example' }, 'Invalid environment: TRUST_PROXY must be a number of hops or a comma-separated list of addresses, subnets, loopback, linklocal or uniquelocal (got "loopback, proxy.example")'],
  ])('refuses %j with one line naming the variable', (source, message) => {
    let error: unknown = null;
    try {
      loadEnv(source);
    } catch (caught) {
      error = caught;
    }
    expect(error).toBeInstanceOf(EnvError);
    expect(error).toMatchObject({ variable: Object.keys(source)[0], message });
  });
});

describe('TRUST_PROXY', () => {
  it('trusts no proxy unless told to', () => {
    expect(loadEnv({}).trustProxy()).toBe(false);
  });

  it.each([
    ['1', 1],
    ['loopback', ['loopback']],
    ['loopback, 10.0.0.0/8,fd00::/8', ['loopback', '10.0.0.0/8', 'fd00::/8']],
    ['203.0.113.7', ['203.0.113.7']],
  ])('passes %j to Express as %j', (value, expected) => {
    expect(loadEnv({ TRUST_PROXY: value }).trustProxy()).toEqual(expected);
  });
});

describe('LOGIN_ATTEMPTS_PER_ADDRESS_PER_MINUTE', () => {
  it.each([
    [{}, 60],
    [{ LOGIN_ATTEMPTS_PER_MINUTE: '100' }, 600],
    [{ LOGIN_ATTEMPTS_PER_ADDRESS_PER_MINUTE: '7' }, 7],
  ])('with %j allows %i attempts per address', (source, expected) => {
    expect(loadEnv(source).loginAttemptsPerAddress()).toBe(expected);
  });
});

describe(redactUrl.name, () => {
  it.each([
    ['postgres://concord:secret@db:5432/x', 'postgres://concord:***@db:5432/x'],
    ['postgres://concord@db:5432/x', 'postgres://concord@db:5432/x'],
    ['not a url', 'not a url'],
  ])('shows %s as %s', (input, output) => {
    expect(redactUrl(input)).toBe(output);
  });
});
