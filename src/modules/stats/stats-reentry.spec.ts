import { reentersWithin, reentryWindowEnd } from '../cases/case-reentry.js';
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
});

describe('reentrySplit', () => {
  // 365 days before 2026-12-08 is 2025-12-08: cases closed before that day are known.
  const today = '2026-12-08';

  it('splits a period that straddles the first day still in its window', () => {
    expect(reentrySplit('2025-01-01', '2025-12-31', today)).toEqual({
      known: { from: '2025-01-01', to: '2025-12-07' },
      inWindow: { from: '2025-12-08', to: '2025-12-31' },
      knownDay: '2025-12-08',
    });
  });

  it('knows all of a period that ended before it, and none of one that starts on it', () => {
    expect(reentrySplit('2024-01-01', '2025-12-07', today)).toMatchObject({
      known: { from: '2024-01-01', to: '2025-12-07' },
      inWindow: null,
    });
    expect(reentrySplit('2025-12-08', '2026-12-08', today)).toMatchObject({
      known: null,
      inWindow: { from: '2025-12-08', to: '2026-12-08' },
    });
  });

  it('counts 365 days across a leap day', () => {
    expect(reentrySplit('2023-01-01', '2024-12-31', '2024-12-31').knownDay).toBe('2024-01-01');
    expect(reentrySplit('2023-01-01', '2024-12-31', '2024-03-01').knownDay).toBe('2023-03-02');
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
