import { describe, expect, it } from 'vitest';
import { awarenessUser, participantsFrom } from './presence';

const user = (id: string, name: string, mode: 'editing' | 'reading' = 'editing') => ({
  user: { id, name, color: '#006fa6', mode },
});

describe(awarenessUser.name, () => {
  it('reads a well-formed user', () => {
    expect(awarenessUser(user('u1', ' Mona Saleh '))).toEqual({ id: 'u1', name: 'Mona Saleh', color: '#006fa6', mode: 'editing' });
  });

  it.each([
    ['no state', null],
    ['no user', { cursor: {} }],
    ['no id', { user: { name: 'A', color: '#006fa6' } }],
    ['a blank name', { user: { id: 'u', name: ' ', color: '#006fa6' } }],
    ['a colour y-prosemirror cannot draw', { user: { id: 'u', name: 'A', color: 'red' } }],
  ])('ignores a state with %s', (_name, state) => {
    expect(awarenessUser(state)).toBeNull();
  });

  it('takes an unknown mode as reading', () => {
    expect(awarenessUser({ user: { id: 'u', name: 'A', color: '#006fa6', mode: 'admin' } })?.mode).toBe('reading');
  });
});

describe(participantsFrom.name, () => {
  it('lists the reader first, then the others by name, once per user', () => {
    const states = new Map<number, unknown>([
      [1, user('zed', 'Zoltan', 'reading')],
      [2, user('me', 'Mona Saleh')],
      [3, user('ahmed', 'Ahmed Farouk', 'reading')],
      [4, user('ahmed', 'Ahmed Farouk', 'editing')],
      [5, { cursor: null }],
    ]);
    expect(participantsFrom(states, 'me').map((p) => [p.name, p.mode, p.isSelf])).toEqual([
      ['Mona Saleh', 'editing', true],
      ['Ahmed Farouk', 'editing', false],
      ['Zoltan', 'reading', false],
    ]);
  });

  it('keeps editing when a second tab only reads', () => {
    const states = new Map<number, unknown>([
      [1, user('ahmed', 'Ahmed Farouk', 'editing')],
      [2, user('ahmed', 'Ahmed Farouk', 'reading')],
    ]);
    expect(participantsFrom(states, 'me')).toEqual([
      { id: 'ahmed', name: 'Ahmed Farouk', color: '#006fa6', mode: 'editing', isSelf: false },
    ]);
  });
});
