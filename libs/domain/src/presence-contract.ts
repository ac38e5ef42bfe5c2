import type { Role } from './vocabulary';

/** How a participant takes part in a document. */
export type ParticipationMode = 'editing' | 'reading';

/**
 * Who a participant of a live document is, under `user` in its awareness (presence) state. The collaboration
 * server writes these fields from the connection's session, whatever the client claimed, so that nobody can
 * appear as someone else; y-prosemirror reads `name` and `color` to draw the cursor.
 */
export interface PresenceUser {
  readonly id: string;
  readonly name: string;
  /** `#rrggbb`, from the user id (see `userColor`). */
  readonly color: string;
  /** `reading` unless the connection may write and its client says it is editing. */
  readonly mode: ParticipationMode;
  /** The user's first role. */
  readonly role: Role | null;
  /** The code of the user's delegation (such as `EGY`), when the user speaks for one. */
  readonly delegation: string | null;
}

/**
 * Colours for co-editors' cursors and names: ten a reader tells apart (every two differ by a CIE76 difference of 20
 * or more), each dark enough for white text (contrast 5.4:1 or more). Six-digit hex, the only form y-prosemirror
 * accepts (it appends an alpha for selections).
 */
export const USER_COLORS: readonly string[] = [
  '#b3261e',
  '#006fa6',
  '#1e6b3a',
  '#7b3fa0',
  '#9a4a00',
  '#00736b',
  '#b0155f',
  '#3f51b5',
  '#5f6a00',
  '#37474f',
];

/** FNV-1a, 32 bits: a small, well-spread hash of a string. */
function fnv1a(text: string): number {
  let hash = 0x811c9dc5;
  for (let i = 0; i < text.length; i += 1) {
    hash ^= text.charCodeAt(i);
    hash = Math.imul(hash, 0x01000193);
  }
  return hash >>> 0;
}

/** The colour of a user, the same in every browser and every session, so co-editors learn to recognise it. */
export function userColor(userId: string): string {
  return USER_COLORS[fnv1a(userId) % USER_COLORS.length];
}

/**
 * The colour of a user among those present: their own colour ({@link userColor}) unless another present user
 * already shows it, then the next colour nobody present shows, so that two people in one document are told apart
 * (beyond ten present, colours repeat). `present` maps each colour shown to the user showing it.
 */
export function distinctUserColor(userId: string, present: ReadonlyMap<string, string>): string {
  const preferred = USER_COLORS.indexOf(userColor(userId));
  for (let step = 0; step < USER_COLORS.length; step++) {
    const color = USER_COLORS[(preferred + step) % USER_COLORS.length];
    const holder = present.get(color);
    if (holder === undefined || holder === userId) return color;
  }
  return userColor(userId);
}
