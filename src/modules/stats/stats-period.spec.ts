import { planPeriod, splitYears } from './stats-period.js';

describe('planPeriod', () => {
  it('reads whole months from the cubes and cut days from the facts', () => {
    expect(planPeriod('2026-04-10', '2026-06-15', '2026-11-23')).toEqual({
      months: { from: '2026-05-01', to: '2026-05-01' },
      days: [
        { from: '2026-04-10', to: '2026-04-30' },
        { from: '2026-06-01', to: '2026-06-15' },
      ],
      today: '2026-11-23',
    });
    expect(planPeriod('2026-04-10', '2026-04-20', '2026-11-23')).toEqual({
      days: [{ from: '2026-04-10', to: '2026-04-20' }],
      today: '2026-11-23',
    });
  });

  it('counts the month of `to` whole when `to` is today or later', () => {
    expect(planPeriod('2025-12-01', '2026-11-23', '2026-11-23')).toEqual({
      months: { from: '2025-12-01', to: '2026-11-01' },
      days: [],
      today: '2026-11-23',
    });
  });
});

describe('splitYears', () => {
  const today = '2026-11-23';

  it('keeps a range inside one year as months', () => {
    expect(splitYears({ from: '2026-03-01', to: '2026-05-01' }, today)).toEqual({
      months: [{ from: '2026-03-01', to: '2026-05-01' }],
    });
  });

  it('reads a whole calendar year as a year', () => {
    expect(splitYears({ from: '2025-01-01', to: '2025-12-01' }, today)).toEqual({
      years: { from: '2025-01-01', to: '2025-01-01' },
      months: [],
    });
  });

  it('counts this year whole from January up to this month (later months hold nothing yet)', () => {
    // The last twelve months: December 2025, then 2026 so far.
    expect(splitYears({ from: '2025-12-01', to: '2026-11-01' }, today)).toEqual({
      years: { from: '2026-01-01', to: '2026-01-01' },
      months: [{ from: '2025-12-01', to: '2025-12-01' }],
    });
    // Not when the range stops before this month.
    expect(splitYears({ from: '2026-01-01', to: '2026-10-01' }, today)).toEqual({
      months: [{ from: '2026-01-01', to: '2026-10-01' }],
    });
  });

  it('splits leading months, whole years and trailing months', () => {
    expect(splitYears({ from: '2023-07-01', to: '2026-02-01' }, today)).toEqual({
      years: { from: '2024-01-01', to: '2025-01-01' },
      months: [
        { from: '2023-07-01', to: '2023-12-01' },
        { from: '2026-01-01', to: '2026-02-01' },
      ],
    });
  });
});
