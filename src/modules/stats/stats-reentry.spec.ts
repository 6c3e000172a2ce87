import { reentersWithin, reentryKnownBefore, reentryWindowEnd } from '../cases/case-reentry.js';
import { reentryRateOf, reentrySplit } from './stats-reentry.js';

const at = (iso: string): Date => new Date(iso);

describe('the 12-month re-entry window', () => {
  const closed = at('2025-03-01T02:00:00.000Z');

  it('counts a case received after the closure and at most 365 days later', () => {
    expect(reentersWithin(closed, at('2025-03-01T02:00:00.001Z'))).toBe(true);
    expect(reentersWithin(closed, at('2026-03-01T02:00:00.000Z'))).toBe(true);
    expect(reentryWindowEnd(closed).toISOString()).toBe('2026-03-01T02:00:00.000Z');
  });

  it('does not count a case received at or before the closure, or after the window', () => {
    expect(reentersWithin(closed, closed)).toBe(false);
    expect(reentersWithin(closed, at('2025-02-28T02:00:00.000Z'))).toBe(false);
    expect(reentersWithin(closed, at('2026-03-01T02:00:00.001Z'))).toBe(false);
  });

  it('knows the outcome of cases closed more than 365 days ago (a leap year is 365 days too)', () => {
    expect(reentryKnownBefore(at('2024-03-01T00:00:00.000Z')).toISOString()).toBe(
      '2023-03-02T00:00:00.000Z',
    );
    expect(reentryKnownBefore(at('2026-12-07T12:00:00.000Z')).toISOString()).toBe(
      '2025-12-07T12:00:00.000Z',
    );
  });
});

describe('reentrySplit', () => {
  const now = at('2026-12-07T12:00:00.000Z'); // known before 2025-12-07T12:00Z

  it('splits a period that straddles the cutoff at the cutoff', () => {
    expect(reentrySplit('2025-01-01', '2025-12-31', now)).toEqual({
      start: '2024-12-31T16:00:00.000Z',
      end: '2025-12-31T16:00:00.000Z',
      known: '2025-12-07T12:00:00.000Z',
    });
  });

  it('knows all of a period that ended a year before now', () => {
    const s = reentrySplit('2024-01-01', '2024-12-31', now);
    expect(s.known).toBe(s.end);
  });

  it('knows none of a period within the last year', () => {
    const s = reentrySplit('2026-01-01', '2026-12-07', now);
    expect(s.known).toBe(s.start);
  });
});

describe('reentryRateOf', () => {
  it('is the re-entered share of the known cases, the rest in their window beside it', () => {
    const r = reentryRateOf(1, 3, 2, '2025-12-07T12:00:00.000Z');
    expect(r).toMatchObject({ value: 0.3333, numerator: 1, denominator: 3, stillInWindow: 2 });
    expect(r.definition).toContain('365');
  });

  it('is null over no known case', () => {
    expect(reentryRateOf(0, 0, 4, '2025-12-07T12:00:00.000Z').value).toBeNull();
  });
});
