// Dates that must agree with the case's clock. Pure: no Nest, no I/O; the services call these
// inside their transaction with the locked case and the writer's `now`, and refuse the whole
// write (400 VALIDATION.FAILED naming each field) on any violation.
import {
  type FieldError,
  fieldError,
  validationFailed,
} from '../../../common/errors/domain-error.js';
import { ClockCode } from './clock.codes.js';

/** How far ahead of the server's clock a device's time may run before "now" counts as the future. */
export const CLOCK_TOLERANCE_MS = 5 * 60_000;

/** A field whose date contradicts the clock: its path, a message code and the bound it broke. */
export type DateViolation = FieldError;

/** What the rules read from the case: its legal clock. */
export interface CaseDates {
  receivedAt: Date;
  acceptedAt: Date | null;
  /** Already moved by every extension. */
  deadlineAt: Date | null;
  closedAt: Date | null;
}

/** Throws 400 VALIDATION.FAILED listing every violation; nothing is written. */
export function refuseDates(violations: DateViolation[]): void {
  if (violations.length > 0) throw validationFailed(violations);
}

const valid = (at: Date | null | undefined): at is Date =>
  at instanceof Date && !Number.isNaN(at.getTime());

function notFuture(field: string, at: Date, now: Date): DateViolation[] {
  return at.getTime() > now.getTime() + CLOCK_TOLERANCE_MS
    ? [fieldError(field, ClockCode.DateInFuture, { now: now.toISOString() })]
    : [];
}

function notBefore(
  field: string,
  at: Date,
  bound: Date | null,
  what: 'acceptance' | 'receipt' | 'closure',
): DateViolation[] {
  return valid(bound) && at.getTime() < bound.getTime()
    ? [fieldError(field, ClockCode.DateBeforeCase, { context: what, bound: bound.toISOString() })]
    : [];
}

function parsed(field: string, value: string | Date): Date | DateViolation {
  const at = value instanceof Date ? value : new Date(value);
  return valid(at) ? at : fieldError(field, ClockCode.DateInvalid);
}

/** Each `[field, value]` parsed, or the violations for the unparseable ones. */
function instants(
  pairs: [string, string | Date][],
): { ok: true; at: Date[] } | { ok: false; violations: DateViolation[] } {
  const out = pairs.map(([field, value]) => parsed(field, value));
  const bad = out.filter((x): x is DateViolation => !(x instanceof Date));
  return bad.length > 0 ? { ok: false, violations: bad } : { ok: true, at: out as Date[] };
}

/** A session lies within the mediation period: not before acceptance, not after the deadline. */
export function checkSessionSchedule(
  c: CaseDates,
  scheduledAt: string | Date,
  field = 'scheduledAt',
): DateViolation[] {
  const p = instants([[field, scheduledAt]]);
  if (!p.ok) return p.violations;
  const [at] = p.at;
  return [
    ...notBefore(field, at, c.acceptedAt, 'acceptance'),
    ...(valid(c.deadlineAt) && at.getTime() > c.deadlineAt.getTime()
      ? [fieldError(field, ClockCode.DateAfterDeadline, { deadline: c.deadlineAt.toISOString() })]
      : []),
  ];
}

/** The 笔录's times: not in the future, not before acceptance, and the end after the start. */
export function checkSessionRecord(
  c: CaseDates,
  startedAt: string | Date,
  endedAt: string | Date,
  now: Date,
): DateViolation[] {
  const p = instants([
    ['startedAt', startedAt],
    ['endedAt', endedAt],
  ]);
  if (!p.ok) return p.violations;
  const [start, end] = p.at;
  const violations = [
    ...notFuture('startedAt', start, now),
    ...notBefore('startedAt', start, c.acceptedAt, 'acceptance'),
    ...notFuture('endedAt', end, now),
  ];
  if (end.getTime() <= start.getTime())
    violations.push(fieldError('endedAt', ClockCode.DateEndNotAfterStart));
  return violations;
}

/** A session held before its planned time takes the held time; null when held as planned or later. */
export function heldEarlierThanPlanned(
  scheduledAt: Date,
  startedAt: string | Date,
): { scheduledAt: Date; previousScheduledAt: Date } | null {
  const start = startedAt instanceof Date ? startedAt : new Date(startedAt);
  return valid(start) && start.getTime() < scheduledAt.getTime()
    ? { scheduledAt: start, previousScheduledAt: scheduledAt }
    : null;
}

/** A recorded follow-up visit happened after closure and not in the future. */
export function checkFollowUpVisit(
  c: CaseDates,
  visitedAt: string | Date,
  now: Date,
): DateViolation[] {
  const p = instants([['visitedAt', visitedAt]]);
  if (!p.ok) return p.violations;
  const [at] = p.at;
  return [...notFuture('visitedAt', at, now), ...notBefore('visitedAt', at, c.closedAt, 'closure')];
}

/** Both parties consented to an extension after acceptance and not in the future. */
export function checkExtensionConsents(
  c: CaseDates,
  consents: { applicantConsentAt?: string | Date; respondentConsentAt?: string | Date },
  now: Date,
): DateViolation[] {
  const given = (['applicantConsentAt', 'respondentConsentAt'] as const).filter(
    (f) => consents[f] !== undefined,
  );
  const p = instants(given.map((f) => [f, consents[f] as string | Date]));
  if (!p.ok) return p.violations;
  return given.flatMap((field, i) => [
    ...notFuture(field, p.at[i], now),
    ...notBefore(field, p.at[i], c.acceptedAt, 'acceptance'),
  ]);
}

/** A party's consent or refusal came after the referral reached the court and not in the future. */
export function checkConsent(c: CaseDates, recordedAt: string | Date, now: Date): DateViolation[] {
  const p = instants([['recordedAt', recordedAt]]);
  if (!p.ok) return p.violations;
  const [at] = p.at;
  return [
    ...notFuture('recordedAt', at, now),
    ...notBefore('recordedAt', at, c.receivedAt, 'receipt'),
  ];
}

/**
 * An agreement cannot take effect before the mediation began. An unparseable date is left to the
 * outcome rules, which already name it.
 */
export function checkAgreementEffective(
  c: CaseDates,
  effectiveAt: string | undefined | null,
): DateViolation[] {
  if (effectiveAt === undefined || effectiveAt === null) return [];
  const at = new Date(effectiveAt);
  if (!valid(at)) return [];
  return notBefore('agreement.effectiveAt', at, c.acceptedAt, 'acceptance');
}
