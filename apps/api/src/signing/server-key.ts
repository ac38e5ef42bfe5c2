import { createHash, createPrivateKey, createPublicKey, generateKeyPairSync, type KeyObject, sign, verify } from 'node:crypto';
import { chmodSync, mkdirSync, readFileSync, statSync, writeFileSync } from 'node:fs';
import { dirname, resolve } from 'node:path';

/** The public half of the server's signing key: all that verifying a revision or the audit head needs. */
export class PublicKey {
  /** SHA-256 of the key's DER (SubjectPublicKeyInfo) encoding, in hexadecimal. */
  readonly fingerprint: string;
  readonly pem: string;

  constructor(private readonly key: KeyObject) {
    if (key.asymmetricKeyType !== 'ed25519') throw new Error('the signing key must be an Ed25519 key');
    this.pem = key.export({ type: 'spki', format: 'pem' }).toString();
    this.fingerprint = createHash('sha256').update(key.export({ type: 'spki', format: 'der' })).digest('hex');
  }

  /** Reads a PEM public key (or a private key, whose public half is taken). */
  static fromPem(pem: string): PublicKey {
    const key = pem.includes('PRIVATE KEY') ? createPublicKey(createPrivateKey(pem)) : createPublicKey(pem);
    return new PublicKey(key);
  }

  /** Whether `signature` (base64) is this key's signature over `payload`; false for anything malformed. */
  verify(payload: string, signature: string | null | undefined): boolean {
    if (!signature || !/^[A-Za-z0-9+/]+={0,2}$/.test(signature)) return false;
    const bytes = Buffer.from(signature, 'base64');
    if (bytes.length !== 64) return false;
    return verify(null, Buffer.from(payload, 'utf8'), this.key, bytes);
  }
}

/**
 * The server's Ed25519 signing key, kept in a PEM file outside the database, so that someone who can write to
 * the database but cannot read this file cannot forge a signed revision or audit head.
 */
export class ServerKey {
  private static readonly loaded = new Map<string, ServerKey>();

  readonly public: PublicKey;

  private constructor(
    private readonly privateKey: KeyObject,
    /** Where the key lives. */
    readonly file: string,
    /** True when this process generated the key (no key existed before). */
    readonly created: boolean,
  ) {
    if (privateKey.asymmetricKeyType !== 'ed25519') throw new Error(`SIGNING_KEY_FILE: ${file} does not hold an Ed25519 private key`);
    this.public = new PublicKey(createPublicKey(privateKey));
  }

  /**
   * The key in `file`, generated there (mode 0600) when the file does not exist yet. Loaded once per process
   * and path, so the server's modules and its start-up share one key and know whether it was just created.
   */
  static forFile(file: string, options: { readonly create: boolean } = { create: true }): ServerKey {
    const path = resolve(file);
    const known = ServerKey.loaded.get(path);
    if (known) return known;
    const key = ServerKey.read(path) ?? (options.create ? ServerKey.generate(path) : null);
    if (!key) throw new Error(`SIGNING_KEY_FILE: ${path} does not exist`);
    ServerKey.loaded.set(path, key);
    return key;
  }

  /** Signs `payload` (UTF-8); the signature is base64. */
  sign(payload: string): string {
    return sign(null, Buffer.from(payload, 'utf8'), this.privateKey).toString('base64');
  }

  private static read(path: string): ServerKey | null {
    let pem: string;
    try {
      pem = readFileSync(path, 'utf8');
    } catch (error) {
      if ((error as NodeJS.ErrnoException).code === 'ENOENT') return null;
      throw new Error(`SIGNING_KEY_FILE: cannot read ${path} (${(error as NodeJS.ErrnoException).code ?? 'error'})`);
    }
    let key: KeyObject;
    try {
      key = createPrivateKey(pem);
    } catch {
      throw new Error(`SIGNING_KEY_FILE: ${path} is not a PEM private key`);
    }
    // Group or world access would let other local users sign in the server's name.
    if (process.platform !== 'win32' && (statSync(path).mode & 0o077) !== 0) {
      throw new Error(`SIGNING_KEY_FILE: ${path} is readable by other users; chmod 600 it`);
    }
    return new ServerKey(key, path, false);
  }

  private static generate(path: string): ServerKey {
    mkdirSync(dirname(path), { recursive: true });
    const { privateKey } = generateKeyPairSync('ed25519');
    const pem = privateKey.export({ type: 'pkcs8', format: 'pem' }).toString();
    try {
      // `wx`: if another instance created the file meanwhile, keep theirs and read it.
      writeFileSync(path, pem, { mode: 0o600, flag: 'wx' });
    } catch (error) {
      if ((error as NodeJS.ErrnoException).code === 'EEXIST') {
        const theirs = ServerKey.read(path);
        if (theirs) return theirs;
      }
      throw new Error(`SIGNING_KEY_FILE: cannot create ${path} (${(error as NodeJS.ErrnoException).code ?? 'error'})`);
    }
    chmodSync(path, 0o600);
    return new ServerKey(privateKey, path, true);
  }
}
