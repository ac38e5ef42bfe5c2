import { describe, expect, it } from 'vitest';
import { ShortLivedCache } from './short-lived-cache';

function clock(): { now: () => number; advance: (ms: number) => void } {
  let time = 1_000;
  return { now: () => time, advance: (ms) => (time += ms) };
}

describe(ShortLivedCache.name, () => {
  it('shares one lookup between concurrent askers of the same key', async () => {
    const cache = new ShortLivedCache<string, number>();
    let lookups = 0;
    const lookup = () => Promise.resolve(++lookups);
    expect(await Promise.all([cache.get('a', lookup), cache.get('a', lookup), cache.get('a', lookup)])).toEqual([1, 1, 1]);
    expect(lookups).toBe(1);
  });

  it('keeps nothing once a lookup is answered when it keeps answers for no time', async () => {
    const cache = new ShortLivedCache<string, number>();
    let lookups = 0;
    const lookup = () => Promise.resolve(++lookups);
    expect(await cache.get('a', lookup)).toBe(1);
    expect(await cache.get('a', lookup)).toBe(2);
    expect(cache.size).toBe(0);
  });

  it('asks again once the answer is older than its keeping time', async () => {
    const time = clock();
    const cache = new ShortLivedCache<string, number>(1_000, time.now);
    let lookups = 0;
    const lookup = () => Promise.resolve(++lookups);
    await cache.get('a', lookup);
    await Promise.resolve();
    time.advance(999);
    expect(await cache.get('a', lookup)).toBe(1);
    time.advance(1);
    expect(await cache.get('a', lookup)).toBe(2);
  });

  it('keeps no failed lookup: the next asker tries again', async () => {
    const cache = new ShortLivedCache<string, number>(1_000);
    await expect(cache.get('a', () => Promise.reject(new Error('database away')))).rejects.toThrow('database away');
    expect(await cache.get('a', () => Promise.resolve(7))).toBe(7);
  });

  it('forgets the keys that match, and everything without a predicate', async () => {
    const cache = new ShortLivedCache<string, number>(1_000);
    let lookups = 0;
    const lookup = () => Promise.resolve(++lookups);
    await cache.get('s1:doc', lookup);
    await cache.get('s2:doc', lookup);
    cache.forget((key) => key.startsWith('s1:'));
    expect(await cache.get('s1:doc', lookup)).toBe(3);
    expect(await cache.get('s2:doc', lookup)).toBe(2);
    cache.forget();
    expect(await cache.get('s2:doc', lookup)).toBe(4);
  });

  it('sweeps expired answers so that it never outgrows one period of keys', async () => {
    const time = clock();
    const cache = new ShortLivedCache<number, number>(1_000, time.now);
    for (let i = 0; i < 100; i += 1) await cache.get(i, () => Promise.resolve(i));
    await Promise.resolve();
    time.advance(1_000);
    await cache.get(-1, () => Promise.resolve(0));
    expect(cache.size).toBe(1);
  });
});
