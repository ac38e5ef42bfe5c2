import { describe, expect, it } from 'vitest';
import { hashPassword, verifyPassword } from './password';

describe(hashPassword.name, () => {
  it('stores scrypt parameters, salt and key, and never the password', async () => {
    const hash = await hashPassword('correct horse battery staple');
    expect(hash).toMatch(/^scrypt\$32768\$8\$1\$[A-Za-z0-9_-]{22}\$[A-Za-z0-9_-]{43}$/);
    expect(hash).not.toContain('horse');
    expect(await hashPassword('correct horse battery staple')).not.toBe(hash);
  });

  it('verifies the right password only', async () => {
    const hash = await hashPassword('مرور سري طويل');
    expect(await verifyPassword('مرور سري طويل', hash)).toBe(true);
    expect(await verifyPassword('مرور سري طويل ', hash)).toBe(false);
  });

  it.each(['', 'plain', 'bcrypt$1$2$3$x$y', 'scrypt$abc$8$1$c2FsdA$a2V5'])('never matches the malformed hash %j', async (stored) => {
    expect(await verifyPassword('anything', stored)).toBe(false);
  });
});
