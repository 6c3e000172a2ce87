// After closure, the dates a clerk records of the court's steps: a step that has happened cannot
// lie after today, and the judicial confirmation's steps come in order, each with the one before
// it. Days on the Asia/Shanghai calendar, as the clerk records them. Pure: no Nest, no I/O.
import { type FieldError, fieldError } from '../../../common/errors/domain-error.js';
import { ValidationCode } from '../../../common/i18n/common.codes.js';
import { shanghaiDateOf, shanghaiDayNumber } from '../../../common/time/shanghai.js';
import { ClockCode } from '../clock/clock.codes.js';
import { AfterClosureCode } from './after-closure.codes.js';

/** A recorded step on a Shanghai day after today's (a filing dated tomorrow has not happened). */
export function afterToday(field: string, at: string, now: Date): FieldError[] {
  return shanghaiDayNumber(new Date(at)) > shanghaiDayNumber(now)
    ? [fieldError(field, ClockCode.DateInFuture, { context: 'day', today: shanghaiDateOf(now) })]
    : [];
}

/** 立案: the filing date is not after today. */
export const courtFilingViolations = (filedAt: string, now: Date): FieldError[] =>
  afterToday('filedAt', filedAt, now);

export interface JudicialConfirmationDates {
  appliedAt: string;
  acceptedAt?: string;
  decidedAt?: string;
  result?: string;
}

/**
 * 司法确认: applied, accepted and decided are not after today; a ruling needs the acceptance
 * before it and a result its ruling's date (the field missing is named, as a required field);
 * the dates given are in that order (the later one out of order is named).
 */
export function judicialConfirmationViolations(
  dto: JudicialConfirmationDates,
  now: Date,
): FieldError[] {
  const steps = (['appliedAt', 'acceptedAt', 'decidedAt'] as const).filter(
    (f) => dto[f] !== undefined,
  );
  const violations = steps.flatMap((f) => afterToday(f, dto[f] as string, now));
  if (dto.decidedAt !== undefined && dto.acceptedAt === undefined)
    violations.push(fieldError('acceptedAt', ValidationCode.IsDefined));
  if (dto.result !== undefined && dto.decidedAt === undefined)
    violations.push(fieldError('decidedAt', ValidationCode.IsDefined));
  steps.forEach((f, i) => {
    if (i > 0 && Date.parse(dto[f] as string) < Date.parse(dto[steps[i - 1]] as string))
      violations.push(fieldError(f, AfterClosureCode.JudicialConfirmationDatesOrder));
  });
  return violations;
}
