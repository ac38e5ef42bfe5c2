/**
 * The days a committee's records may carry. A session's dates, a proposal deadline or a revision's date outside
 * these is a slip of the keyboard (1900, 9999, 1066), and a published revision cannot be corrected afterwards.
 */

/** The first: the Charter of the United Nations entered into force on 24 October 1945. */
export const EARLIEST_DAY = '1945-10-24';

/** The last: far enough for every negotiation being planned, near enough to catch a mistyped year. */
export const LATEST_DAY = '2100-12-31';

/** Whether `day` is a real calendar day written YYYY-MM-DD (not 31 February) within the two bounds. */
export function plausibleDay(day: string): boolean {
  if (!/^\d{4}-\d{2}-\d{2}$/.test(day) || day < EARLIEST_DAY || day > LATEST_DAY) return false;
  const parsed = new Date(`${day}T00:00:00Z`);
  return !Number.isNaN(parsed.getTime()) && parsed.toISOString().slice(0, 10) === day;
}
