/**
 * Pairs each table row with its test title, for `it.each(titled(rows, title))('%s', (_title, row) => …)`.
 * Vitest quotes and truncates strings interpolated with `$name`; `%s` prints the title as written.
 */
export function titled<T>(rows: readonly T[], title: (row: T) => string): [string, T][] {
  return rows.map((row) => [title(row), row]);
}

/** A value as it reads in a test title: strings quoted, everything else as JSON or its string form. */
export function show(value: unknown): string {
  return JSON.stringify(value) ?? String(value);
}
