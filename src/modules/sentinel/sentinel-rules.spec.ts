import {
  addDays,
  hasDvSign,
  initialState,
  outcomeProblems,
  REPORT_OUTCOMES,
  REVIEW_DECISIONS,
  reviewOverdue,
  riskLevelOf,
  statusAfterReview,
  type RiskAnswers,
} from './sentinel-rules.js';
import { SentinelCode } from './sentinel.codes.js';

const NONE: RiskAnswers = {
  physicalViolence: false,
  threats: false,
  coerciveControl: false,
  fearOfOtherParty: false,
  childrenAtRisk: false,
  protectionOrderInForce: false,
};
const SIGNS = Object.keys(NONE) as (keyof RiskAnswers)[];
const AT = new Date('2026-12-07T02:00:00Z');
const TODAY = '2026-12-07';

describe('sentinel rules', () => {
  describe('risk level', () => {
    it.each(SIGNS.flatMap((sign) => REPORT_OUTCOMES.map((o) => [sign, o] as const)))(
      'a DV sign (%s) is high whatever the outcome (%s)',
      (sign, outcome) => {
        expect(hasDvSign({ ...NONE, [sign]: true })).toBe(true);
        expect(riskLevelOf({ ...NONE, [sign]: true }, outcome)).toBe('high');
      },
    );
    it('no sign: low when resolved on the spot, medium otherwise', () => {
      expect(hasDvSign(NONE)).toBe(false);
      expect(riskLevelOf(NONE, 'resolved_on_spot')).toBe('low');
      for (const o of ['watched', 'to_mediation', 'to_court', 'to_police'] as const)
        expect(riskLevelOf(NONE, o)).toBe('medium');
    });
  });

  describe('status and review deadline', () => {
    it.each(SIGNS)('a DV sign (%s) awaits a review due 24 h later', (sign) => {
      for (const o of REPORT_OUTCOMES) {
        const s = initialState({ ...NONE, [sign]: true }, o, AT);
        expect(s.status).toBe('awaiting_review');
        expect(s.reviewDueAt?.toISOString()).toBe('2026-12-08T02:00:00.000Z');
      }
    });
    it('without a sign: closed when resolved on the spot, open otherwise, no deadline', () => {
      expect(initialState(NONE, 'resolved_on_spot', AT)).toEqual({
        status: 'closed',
        reviewDueAt: null,
      });
      for (const o of ['watched', 'to_mediation', 'to_court', 'to_police'] as const)
        expect(initialState(NONE, o, AT)).toEqual({ status: 'open', reviewDueAt: null });
    });
    it('after a review', () => {
      const table = REVIEW_DECISIONS.flatMap((d) =>
        REPORT_OUTCOMES.map((o) => `${d}/${o}=${statusAfterReview(d, o)}`),
      );
      expect(table).toEqual([
        'confirmed/resolved_on_spot=closed',
        'confirmed/watched=open',
        'confirmed/to_mediation=open',
        'confirmed/to_court=open',
        'confirmed/to_police=open',
        'escalated_to_police/resolved_on_spot=closed',
        'escalated_to_police/watched=closed',
        'escalated_to_police/to_mediation=closed',
        'escalated_to_police/to_court=closed',
        'escalated_to_police/to_police=closed',
        'escalated_to_court/resolved_on_spot=closed',
        'escalated_to_court/watched=closed',
        'escalated_to_court/to_mediation=closed',
        'escalated_to_court/to_court=closed',
        'escalated_to_court/to_police=closed',
        'watch/resolved_on_spot=open',
        'watch/watched=open',
        'watch/to_mediation=open',
        'watch/to_court=open',
        'watch/to_police=open',
      ]);
    });
    it('overdue only while awaiting review past the deadline', () => {
      const due = new Date('2026-12-08T02:00:00Z');
      expect(reviewOverdue('awaiting_review', due, new Date('2026-12-08T02:00:00Z'))).toBe(false);
      expect(reviewOverdue('awaiting_review', due, new Date('2026-12-08T02:00:01Z'))).toBe(true);
      expect(reviewOverdue('open', due, new Date('2026-12-09T00:00:00Z'))).toBe(false);
      expect(reviewOverdue('closed', null, new Date('2026-12-09T00:00:00Z'))).toBe(false);
    });
  });

  describe('fields by outcome', () => {
    it('resolved on the spot needs a resolution note, not a follow-up date', () => {
      expect(outcomeProblems({ outcome: 'resolved_on_spot' }, TODAY)).toEqual([
        { field: 'resolutionNote', code: SentinelCode.FieldRequiredByOutcome },
      ]);
      expect(outcomeProblems({ outcome: 'resolved_on_spot', resolutionNote: '  ' }, TODAY)).toEqual(
        [{ field: 'resolutionNote', code: SentinelCode.FieldRequiredByOutcome }],
      );
      expect(
        outcomeProblems({ outcome: 'resolved_on_spot', resolutionNote: '和好' }, TODAY),
      ).toEqual([]);
      expect(
        outcomeProblems(
          { outcome: 'resolved_on_spot', resolutionNote: '和好', followUpOn: TODAY },
          TODAY,
        ),
      ).toEqual([{ field: 'followUpOn', code: SentinelCode.FieldNotForOutcome }]);
    });
    it('watched needs a follow-up date from today to today + 90', () => {
      expect(outcomeProblems({ outcome: 'watched' }, TODAY)).toEqual([
        { field: 'followUpOn', code: SentinelCode.FieldRequiredByOutcome },
      ]);
      for (const ok of [TODAY, '2027-03-07'])
        expect(outcomeProblems({ outcome: 'watched', followUpOn: ok }, TODAY)).toEqual([]);
      for (const bad of ['2026-12-06', '2027-03-08'])
        expect(outcomeProblems({ outcome: 'watched', followUpOn: bad }, TODAY)).toEqual([
          { field: 'followUpOn', code: SentinelCode.FollowUpOutOfRange },
        ]);
      expect(
        outcomeProblems({ outcome: 'watched', followUpOn: TODAY, resolutionNote: 'x' }, TODAY),
      ).toEqual([{ field: 'resolutionNote', code: SentinelCode.FieldNotForOutcome }]);
    });
    it.each(['to_mediation', 'to_court', 'to_police'] as const)(
      '%s needs neither and takes neither',
      (outcome) => {
        expect(outcomeProblems({ outcome }, TODAY)).toEqual([]);
        expect(outcomeProblems({ outcome, resolutionNote: 'x', followUpOn: TODAY }, TODAY)).toEqual(
          [
            { field: 'resolutionNote', code: SentinelCode.FieldNotForOutcome },
            { field: 'followUpOn', code: SentinelCode.FieldNotForOutcome },
          ],
        );
      },
    );
    it('adds days across months and years', () => {
      expect(addDays('2026-12-07', 90)).toBe('2027-03-07');
      expect(addDays('2028-02-28', 1)).toBe('2028-02-29');
    });
  });
});
