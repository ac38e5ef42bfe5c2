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
