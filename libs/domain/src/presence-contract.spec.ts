import { describe, expect, it } from 'vitest';
import { USER_COLORS, distinctUserColor, userColor } from './presence-contract';

describe(distinctUserColor.name, () => {
  it('gives a user their own colour when nobody else present shows it', () => {
    expect(distinctUserColor('user-1', new Map())).toBe(userColor('user-1'));
    expect(distinctUserColor('user-1', new Map([[userColor('user-1'), 'user-1']]))).toBe(userColor('user-1'));
  });

  it('gives the next free colour when another present user shows theirs', () => {
    const own = userColor('user-1');
    const next = USER_COLORS[(USER_COLORS.indexOf(own) + 1) % USER_COLORS.length];
    expect(distinctUserColor('user-1', new Map([[own, 'user-2']]))).toBe(next);
  });

  it('tells ten present users apart', () => {
    const present = new Map<string, string>();
    for (let i = 0; i < USER_COLORS.length; i++) {
      const id = `user-${i}`;
      present.set(distinctUserColor(id, present), id);
    }
    expect(present.size).toBe(USER_COLORS.length);
  });
});

/** CIE L*a*b* of a `#rrggbb` colour (sRGB, D65 white). */
function lab(hex: string): readonly [number, number, number] {
  const linear = [1, 3, 5].map((at) => {
    const c = Number.parseInt(hex.slice(at, at + 2), 16) / 255;
    return c <= 0.04045 ? c / 12.92 : ((c + 0.055) / 1.055) ** 2.4;
  });
  const [r, g, b] = linear;
  const f = (t: number): number => (t > 216 / 24389 ? Math.cbrt(t) : (24389 / 27 * t + 16) / 116);
  const x = f((0.4124 * r + 0.3576 * g + 0.1805 * b) / 0.95047);
  const y = f(0.2126 * r + 0.7152 * g + 0.0722 * b);
  const z = f((0.0193 * r + 0.1192 * g + 0.9505 * b) / 1.08883);
  return [116 * y - 16, 500 * (x - y), 200 * (y - z)];
}

describe('USER_COLORS', () => {
  it('holds colours a reader tells apart: every two differ by a CIE76 colour difference of 20 or more', () => {
    const close: string[] = [];
    for (const [i, one] of USER_COLORS.entries()) {
      for (const other of USER_COLORS.slice(i + 1)) {
        const difference = Math.hypot(...lab(one).map((value, axis) => value - lab(other)[axis]));
        if (difference < 20) close.push(`${one} and ${other} (${difference.toFixed(1)})`);
      }
    }
    expect(close).toEqual([]);
  });
});
