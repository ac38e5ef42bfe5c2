import { describe, expect, it } from 'vitest';
import { contextWords, hashPassword, passwordProblem, verifyPassword } from './password';

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

describe(passwordProblem.name, () => {
  const context = contextWords('amina.haddad@egypt.example', 'Amina Haddad');

  it.each([
    ['aaaaaaaaaaaaaaaa', /repeated characters/],
    ['short phrase', /at least 15 characters/],
    ['x'.repeat(257), /at most 256 characters/],
    ['1234567890123456', /common passwords|sequence/],
    ['qwertyuiopasdfgh', /common passwords|keyboard pattern/],
    ['iloveyou12345678', /common passwords/],
    ['amina haddad 2026', /your name, your email address/],
    ['AminaHaddad!!!!!', /your name, your email address/],
    ['Concord2026Concord', /name of this application/],
    ['amina.haddad@egypt.example', /your name, your email address/],
  ])('refuses %j, saying why', async (password, reason) => {
    expect(await passwordProblem(password, context)).toMatch(reason);
  });

  it.each(['correct horse battery staple', 'spring-lantern-oboe-47', 'a passphrase for Mariana', 'مرور سري طويل جدا للحساب', '密码是一只蓝色的猫在月亮上跳舞吧'])(
    'accepts the passphrase %j, with no rule about character classes',
    async (password) => {
      expect(await passwordProblem(password, context)).toBeNull();
    },
  );

  it('counts Unicode characters, not UTF-16 units', async () => {
    expect(await passwordProblem('😀'.repeat(8), context)).toMatch(/at least 15/);
  });
});
