import { generateKeyPairSync } from 'node:crypto';
import { mkdtempSync, readFileSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { PublicKey, ServerKey } from './server-key';

const folder = mkdtempSync(join(tmpdir(), 'concord-key-spec-'));
afterAll(() => rmSync(folder, { recursive: true, force: true }));

describe(ServerKey.name, () => {
  it('creates an Ed25519 key readable by its owner only when the file is missing, and reads it back', () => {
    const file = join(folder, 'nested', 'created.pem');
    const key = ServerKey.forFile(file);
    expect(key.created).toBe(true);
    expect(statSync(file).mode & 0o777).toBe(0o600);
    expect(readFileSync(file, 'utf8')).toContain('BEGIN PRIVATE KEY');
    expect(ServerKey.forFile(file)).toBe(key);
  });

  it('signs so that its public half, and only it, verifies', () => {
    const key = ServerKey.forFile(join(folder, 'signer.pem'));
    const signature = key.sign('payload');
    expect(key.public.verify('payload', signature)).toBe(true);
    expect(key.public.verify('payloaD', signature)).toBe(false);
    expect(PublicKey.fromPem(key.public.pem).verify('payload', signature)).toBe(true);
    const stranger = PublicKey.fromPem(generateKeyPairSync('ed25519').publicKey.export({ type: 'spki', format: 'pem' }).toString());
    expect(stranger.verify('payload', signature)).toBe(false);
    expect(stranger.fingerprint).not.toBe(key.public.fingerprint);
  });

  it.each([
    ['missing', null],
    ['empty', ''],
    ['not base64', '!'.repeat(88)],
    ['too short', Buffer.alloc(32).toString('base64')],
    ['all zeros', Buffer.alloc(64).toString('base64')],
  ])('rejects a signature that is %s', (_what, signature) => {
    expect(ServerKey.forFile(join(folder, 'signer.pem')).public.verify('payload', signature)).toBe(false);
  });

  it.each([
    ['does not hold a key', 'not a key\n', /is not a PEM private key/],
    ['holds another kind of key', generateKeyPairSync('ec', { namedCurve: 'P-256' }).privateKey.export({ type: 'pkcs8', format: 'pem' }).toString(), /does not hold an Ed25519 private key/],
  ])('refuses a file that %s, naming the variable', (what, content, message) => {
    const file = join(folder, `${what.replace(/\W+/g, '-')}.pem`);
    writeFileSync(file, content, { mode: 0o600 });
    expect(() => ServerKey.forFile(file)).toThrow(message);
    expect(() => ServerKey.forFile(file)).toThrow(/^SIGNING_KEY_FILE: /);
  });

  it('refuses a key file other users can read, and a missing one when asked not to create it', () => {
    const open = join(folder, 'open.pem');
    writeFileSync(open, generateKeyPairSync('ed25519').privateKey.export({ type: 'pkcs8', format: 'pem' }).toString(), { mode: 0o644 });
    expect(() => ServerKey.forFile(open)).toThrow(/readable by other users/);
    expect(() => ServerKey.forFile(join(folder, 'absent.pem'), { create: false })).toThrow(/does not exist/);
  });
});
