import { describe, expect, it } from 'vitest';
import { USER_COLORS, userColor } from './user-color';

/** Relative luminance (WCAG 2) of a `#rrggbb` colour. */
function luminance(hex: string): number {
  const [r, g, b] = [1, 3, 5].map((i) => {
    const c = parseInt(hex.slice(i, i + 2), 16) / 255;
    return c <= 0.03928 ? c / 12.92 : ((c + 0.055) / 1.055) ** 2.4;
  });
  return 0.2126 * r + 0.7152 * g + 0.0722 * b;
}

describe(userColor.name, () => {
  it('gives a user the same colour every time', () => {
    const id = '0b6a2d4e-51f1-4c8e-9b44-6b0b8e1f3a77';
    expect(userColor(id)).toBe(userColor(id));
    expect(USER_COLORS).toContain(userColor(id));
  });

  it('spreads users over the palette', () => {
    const colors = new Set(Array.from({ length: 200 }, (_, i) => userColor(`user-${i}`)));
    expect(colors.size).toBe(USER_COLORS.length);
  });

  it.each(USER_COLORS)('offers %s as six-digit hex readable in white (contrast at least 4.5:1)', (color) => {
    expect(color).toMatch(/^#[0-9a-f]{6}$/);
    expect(1.05 / (luminance(color) + 0.05)).toBeGreaterThanOrEqual(4.5);
  });
});
