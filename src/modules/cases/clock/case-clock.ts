// The legal mediation clock, counted in Asia/Shanghai calendar days whatever the server's TZ
// (common/time/shanghai.ts says why a fixed offset is exact).
import {
  endOfShanghaiDay,
  shanghaiDateOf,
  shanghaiDayNumber,
} from '../../../common/time/shanghai.js';

/** 委派 (pre-filing) or 委托 (entrusted) mediation: each has its own legal period. */
export type MediationKind = 'pre_filing' | 'entrusted';

/**
 * The clock's days as config holds them. `Env` has these fields and is passed in by the caller:
 * this file reads no environment, so the days the app, the seed and the specs use are one set.
 */
export interface ClockDays {
  readonly MEDIATION_DAYS_PRE_FILING: number;
  readonly MEDIATION_DAYS_ENTRUSTED: number;
}

function assertInstant(at: Date, name: string): void {
  if (!(at instanceof Date) || Number.isNaN(at.getTime())) {
    throw new RangeError(`${name} is not a valid date`);
  }
}

/**
 * Deadline: the end (23:59:59.999 local) of the calendar day that is `days` days after the day of
 * `acceptedAt` in Asia/Shanghai. Throws RangeError on an invalid date or a non-whole `days`.
 */
export function deadlineFrom(acceptedAt: Date, days: number): Date {
  assertInstant(acceptedAt, 'acceptedAt');
  if (!Number.isSafeInteger(days) || days < 0) {
    throw new RangeError(`days must be a whole number of days, got ${days}`);
  }
  return endOfShanghaiDay(shanghaiDayNumber(acceptedAt) + days);
}

/**
 * The legal deadline of a case accepted at `acceptedAt`: the end of the Shanghai calendar day
 * that is the kind's period (config's MEDIATION_DAYS_*) after the day of acceptance. Accepting
 * starts it; an extension then moves the recorded deadline (`checkExtension`), and the expiry
 * sweep closes a case once `now` is past the recorded deadline (`isOverdue`).
 */
export function deadline(kind: MediationKind, acceptedAt: Date, days: ClockDays): Date {
  return deadlineFrom(acceptedAt, mediationDays(kind, days));
}

/** The kind's legal period in calendar days, as config sets it. */
export function mediationDays(kind: MediationKind, days: ClockDays): number {
  return kind === 'entrusted' ? days.MEDIATION_DAYS_ENTRUSTED : days.MEDIATION_DAYS_PRE_FILING;
}

/**
 * Days left counted in Asia/Shanghai calendar days: 0 on the deadline's own day, negative once
 * past; e.g. accepted today with 30 days → 30.
 */
export function daysLeft(deadlineAt: Date, now: Date): number {
  assertInstant(deadlineAt, 'deadlineAt');
  assertInstant(now, 'now');
  return shanghaiDayNumber(deadlineAt) - shanghaiDayNumber(now);
}

/** The deadline instant itself is still in time. */
export function isOverdue(deadlineAt: Date, now: Date): boolean {
  assertInstant(deadlineAt, 'deadlineAt');
  assertInstant(now, 'now');
  return now.getTime() > deadlineAt.getTime();
}

/** Shanghai calendar date 'YYYY-MM-DD' of an instant. */
export function shanghaiDate(at: Date): string {
  assertInstant(at, 'at');
  return shanghaiDateOf(at);
}

export type ExtensionCheck =
  | { ok: true; newDeadline: Date }
  | { ok: false; reason: 'missing_consent' | 'over_cap' | 'not_positive' };

const consented = (at: Date | null | undefined): boolean =>
  at instanceof Date && !Number.isNaN(at.getTime());

/**
 * Extending needs both parties' consent (each a Date or null/undefined) and keeps the total
 * extension ≤ cap days. The new deadline is the end of the Shanghai day `days` calendar days
 * after the current deadline's day. Checks run malformed request → consent → cap, so a clerk is
 * told about the missing signature before the arithmetic.
 */
export function checkExtension(input: {
  deadlineAt: Date;
  days: number;
  extendedSoFar: number;
  capDays: number;
  applicantConsentAt?: Date | null;
  respondentConsentAt?: Date | null;
}): ExtensionCheck {
  const { deadlineAt, days, extendedSoFar, capDays } = input;
  if (!Number.isSafeInteger(days) || days <= 0) return { ok: false, reason: 'not_positive' };
  // Mediation is voluntary: one party alone cannot keep the other waiting longer.
  if (!consented(input.applicantConsentAt) || !consented(input.respondentConsentAt)) {
    return { ok: false, reason: 'missing_consent' };
  }
  if (extendedSoFar + days > capDays) return { ok: false, reason: 'over_cap' };
  return { ok: true, newDeadline: deadlineFrom(deadlineAt, days) };
}
