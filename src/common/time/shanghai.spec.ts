import {
  endOfShanghaiDay,
  shanghaiDateOf,
  shanghaiDayNumber,
  shanghaiInstant,
  shanghaiWallClock,
  startOfShanghaiDay,
} from './shanghai.js';

describe('Asia/Shanghai (UTC+8, no daylight saving)', () => {
  it('reads the wall clock and the calendar date eight hours ahead of UTC', () => {
    expect(shanghaiWallClock(new Date('2026-11-24T17:30:00Z')).toISOString()).toBe(
      '2026-11-25T01:30:00.000Z',
    );
    expect(shanghaiDateOf('2026-11-24T15:59:59.999Z')).toBe('2026-11-24');
    expect(shanghaiDateOf(new Date('2026-11-24T16:00:00Z'))).toBe('2026-11-25');
  });

  it('bounds a day from its local midnight to its last millisecond, before the epoch too', () => {
    for (const at of ['2026-11-25T00:00:00+08:00', '1969-12-31T23:00:00+08:00']) {
      const n = shanghaiDayNumber(new Date(at));
      const day = at.slice(0, 10);
      expect(startOfShanghaiDay(n).toISOString()).toBe(shanghaiInstant(day).toISOString());
      expect(endOfShanghaiDay(n).getTime()).toBe(shanghaiInstant(day).getTime() + 86_400_000 - 1);
    }
  });

  it('parses a wall time of a day', () => {
    expect(shanghaiInstant('2026-11-25', '09:00:00').toISOString()).toBe(
      '2026-11-25T01:00:00.000Z',
    );
  });
});
