import { checkExtension, daysLeft, deadlineFrom, isOverdue, shanghaiDate } from './case-clock.js';
import { MEDIATION_DAYS } from '../../../config/env.js';

// Every instant is written with an explicit offset so the spec means the same under any TZ.
const at = (iso: string): Date => new Date(iso);
const endOfDay = (ymd: string): string => at(`${ymd}T23:59:59.999+08:00`).toISOString();

const ACCEPTED = at('2026-11-03T09:12:00+08:00');
const DEADLINE = deadlineFrom(ACCEPTED, MEDIATION_DAYS.pre_filing);

describe('deadlineFrom', () => {
  it('ends 30 Shanghai days after acceptance, at 23:59:59.999 local', () => {
    expect(MEDIATION_DAYS.pre_filing).toBe(30);
    expect(DEADLINE.toISOString()).toBe('2026-12-03T15:59:59.999Z');
    expect(DEADLINE.getTime()).toBe(at('2026-12-03T23:59:59.999+08:00').getTime());
    expect(shanghaiDate(DEADLINE)).toBe('2026-12-03');
  });

  it('counts a late-evening acceptance on its Shanghai day (same UTC day)', () => {
    const accepted = at('2026-11-03T23:30:00+08:00');
    expect(accepted.toISOString()).toBe('2026-11-03T15:30:00.000Z');
    expect(deadlineFrom(accepted, 30).toISOString()).toBe(endOfDay('2026-12-03'));
  });

  it('counts a just-after-midnight acceptance on its Shanghai day (previous UTC day)', () => {
    const accepted = at('2026-11-04T00:10:00+08:00');
    expect(accepted.toISOString()).toBe('2026-11-03T16:10:00.000Z');
    expect(shanghaiDate(accepted)).toBe('2026-11-04');
    expect(deadlineFrom(accepted, 30).toISOString()).toBe('2026-12-04T15:59:59.999Z');
  });

  it('gives an entrusted case 15 days', () => {
    expect(MEDIATION_DAYS.entrusted).toBe(15);
    expect(deadlineFrom(ACCEPTED, MEDIATION_DAYS.entrusted).toISOString()).toBe(
      endOfDay('2026-11-18'),
    );
  });

  it.each([
    ['2026-12-20T10:00:00+08:00', 30, '2027-01-19'], // year boundary
    ['2026-10-15T10:00:00+08:00', 30, '2026-11-14'], // 31-day month
    ['2027-02-01T10:00:00+08:00', 30, '2027-03-03'], // February, common year
    ['2028-02-01T10:00:00+08:00', 30, '2028-03-02'], // February, leap year
    ['2026-12-31T23:59:59.999+08:00', 1, '2027-01-01'],
    ['2026-11-03T09:12:00+08:00', 0, '2026-11-03'],
  ])('accepted %s + %i days ends on %s', (accepted, days, ymd) => {
    const deadline = deadlineFrom(at(accepted), days);
    expect(deadline.toISOString()).toBe(endOfDay(ymd));
    expect(shanghaiDate(deadline)).toBe(ymd);
  });

  it('refuses a non-integer or negative day count and an invalid date', () => {
    expect(() => deadlineFrom(ACCEPTED, 1.5)).toThrow(RangeError);
    expect(() => deadlineFrom(ACCEPTED, -1)).toThrow(RangeError);
    expect(() => deadlineFrom(ACCEPTED, Number.NaN)).toThrow(RangeError);
    expect(() => deadlineFrom(new Date('not a date'), 30)).toThrow(RangeError);
  });
});

describe('daysLeft', () => {
  it('gives the full count on the day of acceptance', () => {
    expect(daysLeft(DEADLINE, ACCEPTED)).toBe(30);
    expect(daysLeft(DEADLINE, at('2026-11-03T23:59:59.999+08:00'))).toBe(30);
    expect(daysLeft(DEADLINE, at('2026-11-04T00:00:00+08:00'))).toBe(29);
  });

  it('is 1 the local day before the deadline', () => {
    expect(daysLeft(DEADLINE, at('2026-12-02T00:00:00+08:00'))).toBe(1);
    expect(daysLeft(DEADLINE, at('2026-12-02T23:59:59.999+08:00'))).toBe(1);
  });

  it("is 0 all through the deadline's own day, even before UTC midnight", () => {
    // 00:30 in Shanghai is still 2 December in UTC.
    expect(daysLeft(DEADLINE, at('2026-12-03T00:30:00+08:00'))).toBe(0);
    expect(daysLeft(DEADLINE, at('2026-12-03T12:00:00+08:00'))).toBe(0);
    expect(daysLeft(DEADLINE, DEADLINE)).toBe(0);
  });

  it('goes negative once past', () => {
    expect(daysLeft(DEADLINE, new Date(DEADLINE.getTime() + 60_000))).toBe(-1);
    expect(daysLeft(DEADLINE, at('2026-12-05T08:00:00+08:00'))).toBe(-2);
  });
});

describe('isOverdue', () => {
  it('flips exactly after the deadline', () => {
    expect(isOverdue(DEADLINE, ACCEPTED)).toBe(false);
    expect(isOverdue(DEADLINE, new Date(DEADLINE.getTime() - 1))).toBe(false);
    expect(isOverdue(DEADLINE, DEADLINE)).toBe(false);
    expect(isOverdue(DEADLINE, new Date(DEADLINE.getTime() + 1))).toBe(true);
    expect(isOverdue(DEADLINE, at('2026-12-04T00:00:00+08:00'))).toBe(true);
  });
});

describe('shanghaiDate', () => {
  it('reads the Shanghai calendar date, not the UTC one', () => {
    expect(shanghaiDate(at('2026-11-03T15:59:59.999Z'))).toBe('2026-11-03');
    expect(shanghaiDate(at('2026-11-03T16:00:00.000Z'))).toBe('2026-11-04');
    expect(shanghaiDate(at('2026-12-31T16:00:00.000Z'))).toBe('2027-01-01');
  });
});

describe('checkExtension', () => {
  const consent = at('2026-11-25T10:00:00+08:00');
  const base = {
    deadlineAt: DEADLINE,
    days: 10,
    extendedSoFar: 0,
    capDays: 30,
    applicantConsentAt: consent,
    respondentConsentAt: consent,
  };

  it('extends from the current deadline day when both parties consent', () => {
    expect(checkExtension(base)).toEqual({ ok: true, newDeadline: at(endOfDay('2026-12-13')) });
  });

  it.each([
    ['applicant null', { applicantConsentAt: null }],
    ['applicant absent', { applicantConsentAt: undefined }],
    ['respondent null', { respondentConsentAt: null }],
    ['respondent absent', { respondentConsentAt: undefined }],
    ['both absent', { applicantConsentAt: null, respondentConsentAt: undefined }],
    ['an invalid date', { respondentConsentAt: new Date('nope') }],
  ])('refuses without both consents (%s)', (_label, over) => {
    expect(checkExtension({ ...base, ...over })).toEqual({
      ok: false,
      reason: 'missing_consent',
    });
  });

  it('counts earlier extensions against the cap', () => {
    const soFar = { ...base, extendedSoFar: 20 };
    expect(checkExtension({ ...soFar, days: 11 })).toEqual({ ok: false, reason: 'over_cap' });
    expect(checkExtension({ ...soFar, days: 10 })).toEqual({
      ok: true,
      newDeadline: at(endOfDay('2026-12-13')),
    });
  });

  it('allows the whole cap at once but not a day more', () => {
    expect(checkExtension({ ...base, days: 30 })).toEqual({
      ok: true,
      newDeadline: at(endOfDay('2027-01-02')),
    });
    expect(checkExtension({ ...base, days: 31 })).toEqual({ ok: false, reason: 'over_cap' });
  });

  it.each([0, -5, 2.5, Number.NaN, Number.POSITIVE_INFINITY])('refuses %p days', (days) => {
    expect(checkExtension({ ...base, days })).toEqual({ ok: false, reason: 'not_positive' });
  });

  it('reports a malformed day count before missing consent', () => {
    expect(checkExtension({ ...base, days: 0, applicantConsentAt: null })).toEqual({
      ok: false,
      reason: 'not_positive',
    });
  });

  it('reports missing consent before the cap', () => {
    expect(checkExtension({ ...base, days: 31, respondentConsentAt: null })).toEqual({
      ok: false,
      reason: 'missing_consent',
    });
  });
});
