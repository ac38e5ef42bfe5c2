/** Whether `value` is one of the strings in `list`; the shared body of the vocabulary's type guards. */
export function isMemberOf<T extends string>(list: readonly T[], value: unknown): value is T {
  return typeof value === 'string' && (list as readonly string[]).includes(value);
}
