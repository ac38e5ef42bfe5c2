import { describe, expect, it } from 'vitest';
import { loggedUrl } from './logging';

describe(loggedUrl.name, () => {
  it.each([
    ['/api/committees', '/api/committees'],
    ['/api/auth/me?lang=ar&token=secret', '/api/auth/me?lang=ar&token=%5Bredacted%5D'],
    ['/collab/space:1?TOKEN=secret', '/collab/space:1?TOKEN=%5Bredacted%5D'],
    ['/invite/abcdef0123', '/invite/[redacted]'],
    ['/invite/abcdef0123?x=1', '/invite/[redacted]?x=1'],
    [undefined, '/'],
  ])('logs %s as %s', (url, logged) => {
    expect(loggedUrl(url)).toBe(logged);
  });
});
