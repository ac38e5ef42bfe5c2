/** How a participant takes part in a document. */
export type ParticipationMode = 'editing' | 'reading';

/**
 * What this page publishes about its user in the awareness state, under `user`. y-prosemirror reads `name` and
 * `color` to draw the cursor; the rest serves the presence list.
 */
export interface AwarenessUser {
  readonly id: string;
  readonly name: string;
  /** `#rrggbb`. */
  readonly color: string;
  readonly mode: ParticipationMode;
}

/** One person in the presence list. */
export interface Participant extends AwarenessUser {
  /** Whether this is the reader of this page (in this or another tab). */
  readonly isSelf: boolean;
}

const COLOR = /^#[0-9a-fA-F]{6}$/;

function isRecord(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null;
}

/** The `user` of an awareness state, when another client published a well-formed one. */
export function awarenessUser(state: unknown): AwarenessUser | null {
  const user = isRecord(state) ? state['user'] : undefined;
  if (!isRecord(user)) return null;
  const { id, name, color, mode } = user;
  if (typeof id !== 'string' || typeof name !== 'string' || name.trim() === '') return null;
  if (typeof color !== 'string' || !COLOR.test(color)) return null;
  return { id, name: name.trim().slice(0, 120), color, mode: mode === 'editing' ? 'editing' : 'reading' };
}

/**
 * Who is in the document, from the awareness states (client id → state): one entry per user however many tabs
 * they have open (editing wins over reading), the reader first, then everyone else by name.
 */
export function participantsFrom(
  states: ReadonlyMap<number, unknown>,
  selfUserId: string,
  compare: (a: string, b: string) => number = (a, b) => a.localeCompare(b),
): readonly Participant[] {
  const byUser = new Map<string, Participant>();
  for (const state of states.values()) {
    const user = awarenessUser(state);
    if (user === null) continue;
    const known = byUser.get(user.id);
    if (known !== undefined && (known.mode === 'editing' || user.mode === 'reading')) continue;
    byUser.set(user.id, { ...user, isSelf: user.id === selfUserId });
  }
  return [...byUser.values()].sort((a, b) => (a.isSelf === b.isSelf ? compare(a.name, b.name) : a.isSelf ? -1 : 1));
}
