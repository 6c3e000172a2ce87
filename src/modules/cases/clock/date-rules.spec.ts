import {
  checkAgreementEffective,
  checkConsent,
  checkExtensionConsents,
  checkFollowUpVisit,
  checkSessionRecord,
  checkSessionSchedule,
  CLOCK_TOLERANCE_MS,
  heldEarlierThanPlanned,
  refuseDates,
  type CaseDates,
} from './date-rules.js';

const at = (s: string): Date => new Date(s);
const c: CaseDates = {
  receivedAt: at('2026-11-02T01:00:00.000Z'),
  acceptedAt: at('2026-11-05T02:00:00.000Z'),
  deadlineAt: at('2026-12-05T15:59:59.999Z'),
  closedAt: null,
};
const now = at('2026-11-20T02:00:00.000Z');
const fields = (v: { field: string }[]): string[] => v.map((x) => x.field);

describe('date rules', () => {
  describe('checkSessionSchedule', () => {
    it('accepts the period from acceptance to the deadline, both ends included', () => {
      expect(checkSessionSchedule(c, c.acceptedAt as Date)).toEqual([]);
      expect(checkSessionSchedule(c, c.deadlineAt as Date)).toEqual([]);
      expect(checkSessionSchedule(c, '2026-11-25T09:30:00+08:00')).toEqual([]);
    });
    it('refuses a time before acceptance or after the (extended) deadline', () => {
      expect(fields(checkSessionSchedule(c, '2026-11-05T09:59:59+08:00'))).toEqual(['scheduledAt']);
      const late = checkSessionSchedule(c, '2026-12-06T00:00:00+08:00');
      expect(late).toEqual([
        { field: 'scheduledAt', code: 'DATE.AFTER_DEADLINE', params: expect.anything() },
      ]);
      const extended = { ...c, deadlineAt: at('2026-12-20T15:59:59.999Z') };
      expect(checkSessionSchedule(extended, '2026-12-06T00:00:00+08:00')).toEqual([]);
    });
    it('names the field it was given and refuses an unparseable date', () => {
      expect(fields(checkSessionSchedule(c, 'not a date', 'when'))).toEqual(['when']);
    });
    it('has nothing to compare before acceptance', () => {
      expect(
        checkSessionSchedule({ ...c, acceptedAt: null, deadlineAt: null }, '2000-01-01T00:00:00Z'),
      ).toEqual([]);
    });
  });

  describe('checkSessionRecord', () => {
    const ok = ['2026-11-19T09:30:00+08:00', '2026-11-19T11:00:00+08:00'] as const;
    it('accepts a past session after acceptance', () => {
      expect(checkSessionRecord(c, ok[0], ok[1], now)).toEqual([]);
    });
    it('allows the clock tolerance into the future, not a millisecond more', () => {
      const edge = new Date(now.getTime() + CLOCK_TOLERANCE_MS);
      expect(checkSessionRecord(c, ok[0], edge, now)).toEqual([]);
      const beyond = new Date(edge.getTime() + 1);
      expect(fields(checkSessionRecord(c, ok[0], beyond, now))).toEqual(['endedAt']);
      expect(fields(checkSessionRecord(c, beyond, new Date(beyond.getTime() + 1), now))).toEqual([
        'startedAt',
        'endedAt',
      ]);
    });
    it('refuses a start before acceptance', () => {
      const v = checkSessionRecord(c, '2026-11-04T09:00:00+08:00', ok[1], now);
      expect(v).toEqual([
        {
          field: 'startedAt',
          code: 'DATE.BEFORE_CASE',
          params: expect.objectContaining({ context: 'acceptance' }),
        },
      ]);
    });
    it('refuses an end not after the start', () => {
      expect(fields(checkSessionRecord(c, ok[1], ok[0], now))).toEqual(['endedAt']);
      expect(fields(checkSessionRecord(c, ok[0], ok[0], now))).toEqual(['endedAt']);
    });
    it('refuses unparseable times by field', () => {
      expect(fields(checkSessionRecord(c, 'x', 'y', now))).toEqual(['startedAt', 'endedAt']);
    });
  });

  describe('heldEarlierThanPlanned', () => {
    const planned = at('2026-11-19T02:00:00.000Z');
    it('takes the held time when earlier, and keeps the plan', () => {
      expect(heldEarlierThanPlanned(planned, '2026-11-19T09:00:00+08:00')).toEqual({
        scheduledAt: at('2026-11-19T01:00:00.000Z'),
        previousScheduledAt: planned,
      });
    });
    it('is null when held as planned or later', () => {
      expect(heldEarlierThanPlanned(planned, planned)).toBeNull();
      expect(heldEarlierThanPlanned(planned, '2026-11-19T11:00:00+08:00')).toBeNull();
      expect(heldEarlierThanPlanned(planned, 'nonsense')).toBeNull();
    });
  });

  describe('checkFollowUpVisit', () => {
    const closed = { ...c, closedAt: at('2026-11-10T02:00:00.000Z') };
    it('accepts a visit after closure and not in the future', () => {
      expect(checkFollowUpVisit(closed, '2026-11-15T10:00:00+08:00', now)).toEqual([]);
      expect(checkFollowUpVisit(closed, closed.closedAt, now)).toEqual([]);
    });
    it('refuses a visit before closure or in the future', () => {
      expect(fields(checkFollowUpVisit(closed, '2026-11-09T10:00:00+08:00', now))).toEqual([
        'visitedAt',
      ]);
      expect(fields(checkFollowUpVisit(closed, '2027-01-02T15:00:00+08:00', now))).toEqual([
        'visitedAt',
      ]);
    });
  });

  describe('checkExtensionConsents', () => {
    it('accepts consents between acceptance and now', () => {
      const v = checkExtensionConsents(
        c,
        { applicantConsentAt: '2026-11-18T10:00:00+08:00', respondentConsentAt: now },
        now,
      );
      expect(v).toEqual([]);
    });
    it('refuses each consent before acceptance or in the future, by field', () => {
      const v = checkExtensionConsents(
        c,
        {
          applicantConsentAt: '2026-11-01T10:00:00+08:00',
          respondentConsentAt: '2026-12-01T10:00:00+08:00',
        },
        now,
      );
      expect(fields(v)).toEqual(['applicantConsentAt', 'respondentConsentAt']);
    });
    it('leaves a missing consent to the consent rule', () => {
      expect(checkExtensionConsents(c, {}, now)).toEqual([]);
    });
  });

  describe('checkConsent', () => {
    it('accepts a decision between receipt and now', () => {
      expect(checkConsent(c, '2026-11-03T10:00:00+08:00', now)).toEqual([]);
      expect(checkConsent(c, c.receivedAt, now)).toEqual([]);
    });
    it('refuses a decision before receipt or in the future', () => {
      expect(fields(checkConsent(c, '2026-11-01T10:00:00+08:00', now))).toEqual(['recordedAt']);
      expect(fields(checkConsent(c, '2026-11-21T10:00:00+08:00', now))).toEqual(['recordedAt']);
    });
  });

  describe('checkAgreementEffective', () => {
    it('accepts an agreement effective after acceptance, even in the future', () => {
      expect(checkAgreementEffective(c, '2026-12-01T10:00:00+08:00')).toEqual([]);
    });
    it('refuses one effective before acceptance', () => {
      expect(fields(checkAgreementEffective(c, '2026-11-04T10:00:00+08:00'))).toEqual([
        'agreement.effectiveAt',
      ]);
    });
    it('leaves an absent or malformed date to the outcome rules', () => {
      expect(checkAgreementEffective(c, undefined)).toEqual([]);
      expect(checkAgreementEffective(c, null)).toEqual([]);
      expect(checkAgreementEffective(c, 'soon')).toEqual([]);
    });
  });

  it('refuseDates throws VALIDATION.FAILED with the violations, and nothing when there are none', () => {
    expect(() => refuseDates([])).not.toThrow();
    expect(() => refuseDates([{ field: 'scheduledAt', code: 'DATE.INVALID' }])).toThrow(
      expect.objectContaining({
        code: 'VALIDATION.FAILED',
        kind: 'validation',
        errors: [{ field: 'scheduledAt', code: 'DATE.INVALID' }],
      }),
    );
  });
});
