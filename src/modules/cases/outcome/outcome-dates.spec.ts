import { ageOn } from './outcome-dates.js';

describe('ageOn', () => {
  it('counts whole years, gaining one on the birthday itself', () => {
    expect(ageOn('2018-11-22', '2026-11-21')).toBe(7);
    expect(ageOn('2018-11-22', '2026-11-22')).toBe(8);
    expect(ageOn('2018-11-22', '2026-11-23')).toBe(8);
    expect(ageOn('2018-11-22', '2026-12-01')).toBe(8);
    expect(ageOn('2018-11-22', '2026-10-30')).toBe(7);
  });

  it('gives a child born on 29 February the year on 1 March in a common year', () => {
    expect(ageOn('2016-02-29', '2024-02-28')).toBe(7);
    expect(ageOn('2016-02-29', '2024-02-29')).toBe(8);
    expect(ageOn('2016-02-29', '2025-02-28')).toBe(8);
    expect(ageOn('2016-02-29', '2026-02-28')).toBe(9);
    expect(ageOn('2016-02-29', '2026-03-01')).toBe(10);
  });

  it('uses the Asia/Shanghai date of a date-time, independent of the process time zone', () => {
    expect(ageOn('2018-11-22', '2026-11-21T15:59:59Z')).toBe(7);
    expect(ageOn('2018-11-22', '2026-11-21T16:00:00Z')).toBe(8);
    expect(ageOn('2018-11-22', '2026-11-21T16:00:00.000Z')).toBe(8);
    expect(ageOn('2018-11-22', '2026-11-22T00:00:00+08:00')).toBe(8);
    expect(ageOn('2018-11-22', '2026-11-21T23:59:00+08:00')).toBe(7);
    expect(ageOn('2018-11-22', '2026-11-21T11:00:00-05:00')).toBe(8); // 00:00 on the 22nd, Beijing
    expect(ageOn('2018-11-22', '2026-11-22T00:30:00')).toBe(8); // no offset: Beijing wall time
  });

  it('is NaN for values that are not real dates', () => {
    expect(ageOn('2018-02-30', '2026-11-22')).toBeNaN();
    expect(ageOn('2018-11-22', 'yesterday')).toBeNaN();
    expect(ageOn('2018-11-22T00:00:00Z', '2026-11-22')).toBeNaN();
  });
});
