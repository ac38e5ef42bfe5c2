import { describe, expect, it } from 'vitest';
import { EARLIEST_DAY, LATEST_DAY, plausibleDay } from './calendar';

describe(plausibleDay.name, () => {
  it('takes real days between the bounds, the bounds included', () => {
    for (const day of [EARLIEST_DAY, '2027-01-11', '2028-02-29', LATEST_DAY]) expect(plausibleDay(day), day).toBe(true);
  });

  it('refuses days before the Charter, after the last bound, and days no calendar has', () => {
    for (const day of ['1066-10-14', '1900-01-01', '1945-10-23', '2101-01-01', '9999-12-31', '2027-02-29', '2027-02-31', '2027-13-01', '2027-1-1', '', 'tomorrow']) {
      expect(plausibleDay(day), day).toBe(false);
    }
  });
});
