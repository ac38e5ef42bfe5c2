import { describe, expect, it } from 'vitest';
import { claimedOrigin, credentialKind, crossSiteProblem, ownOrigins } from './request-origin';

const own = ownOrigins('https://concord.example.org/app', 'localhost:3000', false);
const cookie = 'concord_session=abc';

describe(crossSiteProblem.name, () => {
  it.each([
    ['the public origin', { cookie, origin: 'https://concord.example.org' }],
    ['the host it was served on', { cookie, origin: 'http://localhost:3000' }],
    ['a same-site Referer when Origin is missing', { cookie, referer: 'http://localhost:3000/committees/1' }],
    ['a bearer token from anywhere', { cookie, authorization: 'Bearer t0ken', origin: 'http://evil.example' }],
    ['an anonymous request without Origin (a command-line client)', {}],
  ])('lets through %s', (_name, headers) => {
    expect(crossSiteProblem(headers, own)).toBeNull();
  });

  it.each([
    ['a foreign Origin', { cookie, origin: 'http://evil.example' }],
    ['Origin "null"', { cookie, origin: 'null' }],
    ['a look-alike origin', { cookie, origin: 'https://concord.example.org.evil.example' }],
    ['the right host on the wrong scheme', { cookie, origin: 'http://concord.example.org' }],
    ['a foreign Referer without Origin', { cookie, referer: 'http://evil.example/x' }],
    ['a cookie with neither Origin nor Referer', { cookie }],
    ['an anonymous sign-in from a foreign page', { origin: 'http://evil.example' }],
  ])('refuses %s', (_name, headers) => {
    expect(crossSiteProblem(headers, own)).toMatch(/./);
  });

  it('treats a socket ?token= as deliberate, like a bearer token', () => {
    expect(credentialKind({ cookie }, 'abc')).toBe('bearer');
    expect(crossSiteProblem({ cookie, origin: 'http://evil.example' }, own, 'abc')).toBeNull();
  });

  it('reads the origin from a Referer, and none from a bad one', () => {
    expect(claimedOrigin({ referer: 'https://concord.example.org/a/b?c' })).toBe('https://concord.example.org');
    expect(claimedOrigin({ referer: 'not a url' })).toBe('null');
    expect(claimedOrigin({})).toBeNull();
  });
});
