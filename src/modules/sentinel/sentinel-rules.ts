import type { ErrorCode } from '../../codes.js';
import { SentinelCode } from './sentinel.codes.js';

/**
 * The rules of a sentinel report (矛盾纠纷线索), pure: no Nest, no database.
 *
 * Risk level, written down:
 *   - any DV sign (any of the six screening answers true — physical violence, threats, coercive
 *     control, fear of the other party, children at risk, a protection order in force) → `high`;
 *     a child at risk or fear of the other party is such a sign, so it is `high` too;
 *   - otherwise `medium` when the dispute is not settled on the spot (`watched`, `to_mediation`,
 *     `to_court`, `to_police`);
 *   - otherwise (`resolved_on_spot`, no DV sign) `low`.
 *
 * Which outcome needs which fields:
 *   - `resolved_on_spot` (当场化解) needs `resolutionNote`;
 *   - `watched` (持续关注) needs `followUpOn`, an Asia/Shanghai date from today to today + 90;
 *   - `to_mediation`, `to_court`, `to_police` need neither;
 *   - `resolutionNote` and `followUpOn` are refused with any outcome they do not belong to.
 *
 * Status: a DV sign forces a supervisor's review within 24 h: the report is `awaiting_review`
 * with `reviewDueAt = reportedAt + 24 h` until a supervisor reviews it. Without one it is
 * `closed` when resolved on the spot and `open` otherwise. After a review: `confirmed` gives the
 * status the outcome alone gives, `watch` keeps it `open`, and an escalation to the police or the
 * court hands it on (`closed`).
 */

export const REPORT_OUTCOMES = [
  'resolved_on_spot',
  'watched',
  'to_mediation',
  'to_court',
  'to_police',
] as const;
export type ReportOutcome = (typeof REPORT_OUTCOMES)[number];

export const REVIEW_DECISIONS = [
  'confirmed',
  'escalated_to_police',
  'escalated_to_court',
  'watch',
] as const;
export type ReviewDecision = (typeof REVIEW_DECISIONS)[number];

export const REPORT_STATUSES = ['awaiting_review', 'open', 'closed'] as const;
export type ReportStatus = (typeof REPORT_STATUSES)[number];

export const RISK_LEVELS = ['high', 'medium', 'low'] as const;
export type RiskLevel = (typeof RISK_LEVELS)[number];

/** The case screening's questions, asked the same way at a sentinel point. */
export interface RiskAnswers {
  physicalViolence: boolean;
  threats: boolean;
  coerciveControl: boolean;
  fearOfOtherParty: boolean;
  childrenAtRisk: boolean;
  protectionOrderInForce: boolean;
}

/** How long a supervisor has to review a report with a DV sign. */
export const REVIEW_WINDOW_MS = 24 * 3_600_000;
/** How far ahead a follow-up of a watched dispute may be set. */
export const FOLLOW_UP_MAX_DAYS = 90;

export const hasDvSign = (a: RiskAnswers): boolean =>
  a.physicalViolence ||
  a.threats ||
  a.coerciveControl ||
  a.fearOfOtherParty ||
  a.childrenAtRisk ||
  a.protectionOrderInForce;

export function riskLevelOf(answers: RiskAnswers, outcome: ReportOutcome): RiskLevel {
  if (hasDvSign(answers) || answers.childrenAtRisk || answers.fearOfOtherParty) return 'high';
  return outcome === 'resolved_on_spot' ? 'low' : 'medium';
}

/** The status an outcome gives without (or confirmed by) a review. */
export const statusOfOutcome = (outcome: ReportOutcome): ReportStatus =>
  outcome === 'resolved_on_spot' ? 'closed' : 'open';

/** A new report's status and review deadline. */
export function initialState(
  answers: RiskAnswers,
  outcome: ReportOutcome,
  reportedAt: Date,
): { status: ReportStatus; reviewDueAt: Date | null } {
  if (hasDvSign(answers))
    return {
      status: 'awaiting_review',
      reviewDueAt: new Date(reportedAt.getTime() + REVIEW_WINDOW_MS),
    };
  return { status: statusOfOutcome(outcome), reviewDueAt: null };
}

export function statusAfterReview(decision: ReviewDecision, outcome: ReportOutcome): ReportStatus {
  switch (decision) {
    case 'confirmed':
      return statusOfOutcome(outcome);
    case 'watch':
      return 'open';
    case 'escalated_to_police':
    case 'escalated_to_court':
      return 'closed';
  }
}

/** Still awaiting its review after the deadline. */
export const reviewOverdue = (status: ReportStatus, reviewDueAt: Date | null, now: Date): boolean =>
  status === 'awaiting_review' && reviewDueAt !== null && now > reviewDueAt;

/** `YYYY-MM-DD` plus `days`. */
export function addDays(day: string, days: number): string {
  const [y, m, d] = day.split('-').map(Number);
  return new Date(Date.UTC(y, m - 1, d + days)).toISOString().slice(0, 10);
}

export interface OutcomeFields {
  outcome: ReportOutcome;
  resolutionNote?: string | null;
  followUpOn?: string | null;
}

/** The outcome's field problems; `today` is the Asia/Shanghai date of the report. */
export function outcomeProblems(
  input: OutcomeFields,
  today: string,
): { field: keyof OutcomeFields; code: ErrorCode }[] {
  const problems: { field: keyof OutcomeFields; code: ErrorCode }[] = [];
  const note = input.resolutionNote?.trim();
  if (input.outcome === 'resolved_on_spot' && !note)
    problems.push({ field: 'resolutionNote', code: SentinelCode.FieldRequiredByOutcome });
  if (input.outcome !== 'resolved_on_spot' && input.resolutionNote != null)
    problems.push({ field: 'resolutionNote', code: SentinelCode.FieldNotForOutcome });
  if (input.outcome === 'watched') {
    if (!input.followUpOn)
      problems.push({ field: 'followUpOn', code: SentinelCode.FieldRequiredByOutcome });
    else if (input.followUpOn < today || input.followUpOn > addDays(today, FOLLOW_UP_MAX_DAYS))
      problems.push({ field: 'followUpOn', code: SentinelCode.FollowUpOutOfRange });
  } else if (input.followUpOn != null) {
    problems.push({ field: 'followUpOn', code: SentinelCode.FieldNotForOutcome });
  }
  return problems;
}
