/**
 * The figures of domain.md "Statistics", from summed rollup counters: every rate states its
 * numerator, denominator and definition, and a rate over nothing is null, never 0. Pure.
 */

/** The rollup's counters (migration AddCaseStats), summed over the rows of a period and scope. */
export const COUNTERS = [
  'cases',
  'accepted',
  'closed',
  'closed_mediated',
  'succeeded',
  'reconciled',
  'divorce_agreed',
  'ancillary_agreed',
  'no_agreement',
  'withdrawn',
  'refused',
  'unsuitable',
  'expired',
  'on_time',
  'duration_days',
  'jc_applied',
  'followed_up',
  'performed',
] as const;
export type Counter = (typeof COUNTERS)[number];
export type Counters = Record<Counter, number>;

export const RESULT_KINDS = [
  'reconciled',
  'divorce_agreed',
  'ancillary_agreed',
  'no_agreement',
  'withdrawn',
  'refused',
  'unsuitable',
  'expired',
] as const;

export type Basis = 'received' | 'closed';

export const zeroCounters = (): Counters =>
  Object.fromEntries(COUNTERS.map((c) => [c, 0])) as Counters;

export interface Rate {
  /** numerator ÷ denominator, rounded to 4 places; null when the denominator is 0. */
  value: number | null;
  numerator: number;
  denominator: number;
  definition: string;
}

export interface Figures {
  received: number;
  accepted: number;
  closed: number;
  open: number;
  results: Record<(typeof RESULT_KINDS)[number], number>;
  rates: {
    closureRate: Rate;
    successRate: Rate;
    successRateOfAllClosed: Rate;
    withdrawalRate: Rate;
    onTimeRate: Rate;
    judicialConfirmationRate: Rate;
    performanceRate: Rate;
  };
  averageDurationDays: Rate;
}

export const rate = (numerator: number, denominator: number, definition: string): Rate => ({
  value: denominator === 0 ? null : Math.round((numerator / denominator) * 10_000) / 10_000,
  numerator,
  denominator,
  definition,
});

const cohort = (basis: Basis): string =>
  basis === 'received' ? 'cases received in the period' : 'cases closed in the period';

/**
 * `received` counts the received-basis rows, `closed` the closed-basis rows (cases closed in the
 * period); the rates are over the cohort the basis names, except the closure rate, which is over
 * the cases received in the period by definition.
 */
export function figuresOf(received: Counters, closedInPeriod: Counters, basis: Basis): Figures {
  const c = basis === 'received' ? received : closedInPeriod;
  const of = cohort(basis);
  return {
    received: received.cases,
    accepted: received.accepted,
    closed: closedInPeriod.cases,
    open: received.cases - received.closed,
    results: Object.fromEntries(RESULT_KINDS.map((k) => [k, c[k]])) as Figures['results'],
    rates: {
      closureRate: rate(
        received.closed,
        received.cases,
        'of the cases received in the period, the share closed by now (办结率)',
      ),
      successRate: rate(
        c.succeeded,
        c.closed_mediated,
        `reconciled + divorce agreed + ancillary agreed ÷ closed ${of} that entered mediation (调解成功率)`,
      ),
      successRateOfAllClosed: rate(
        c.succeeded,
        c.closed,
        `reconciled + divorce agreed + ancillary agreed ÷ all closed ${of}`,
      ),
      withdrawalRate: rate(c.withdrawn, c.closed, `withdrawn ÷ closed ${of}`),
      onTimeRate: rate(
        c.on_time,
        c.closed_mediated,
        `closed on or before the deadline in force ÷ closed after acceptance, ${of}`,
      ),
      judicialConfirmationRate: rate(
        c.jc_applied,
        c.ancillary_agreed,
        `ancillary agreements with a judicial confirmation application ÷ ancillary agreements, ${of}`,
      ),
      performanceRate: rate(
        c.performed,
        c.followed_up,
        `settled cases whose latest follow-up found the agreement performed ÷ settled cases with a follow-up, ${of} (自动履行率)`,
      ),
    },
    averageDurationDays: {
      ...rate(
        c.duration_days,
        c.closed_mediated,
        `Asia/Shanghai calendar days from acceptance to closure, summed ÷ closed after acceptance, ${of}`,
      ),
      value:
        c.closed_mediated === 0
          ? null
          : Math.round((c.duration_days / c.closed_mediated) * 100) / 100,
    },
  };
}
