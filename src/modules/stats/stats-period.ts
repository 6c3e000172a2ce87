/**
 * How a period of Asia/Shanghai days is read from the rollup: whole months from the monthly cubes,
 * the days of a month cut by the period from the per-case facts. Pure; dates are `YYYY-MM-DD`.
 */

export interface PeriodPlan {
  /** First days of the first and last whole month read from a cube; absent when none. */
  months?: { from: string; to: string };
  /** Day ranges (inclusive) read from the per-case facts. */
  days: { from: string; to: string }[];
  /** The day the plan was made for (whole years end at it). */
  today: string;
}

const pad = (n: number): string => String(n).padStart(2, '0');
const ymd = (y: number, m: number, d: number): string => {
  const date = new Date(Date.UTC(y, m - 1, d));
  return `${date.getUTCFullYear()}-${pad(date.getUTCMonth() + 1)}-${pad(date.getUTCDate())}`;
};
const parts = (date: string): [number, number, number] =>
  date.split('-').map(Number) as [number, number, number];

export const monthStart = (date: string): string => `${date.slice(0, 7)}-01`;
export const addDays = (date: string, days: number): string => {
  const [y, m, d] = parts(date);
  return ymd(y, m, d + days);
};
export const addMonths = (date: string, months: number): string => {
  const [y, m] = parts(date);
  return ymd(y, m + months, 1);
};
export const monthEnd = (date: string): string => addDays(addMonths(date, 1), -1);

/**
 * `from`..`to` inclusive. The month of `to` counts as whole when `to` is its last day or is today or
 * later (nothing is dated after today), so "this year so far" reads cubes only.
 */
export function planPeriod(from: string, to: string, today: string): PeriodPlan {
  const firstWhole = from === monthStart(from) ? from : addMonths(from, 1);
  const lastWhole =
    to === monthEnd(to) || to >= today ? monthStart(to) : addMonths(monthStart(to), -1);
  if (firstWhole > lastWhole) return { days: [{ from, to }], today };
  const days: PeriodPlan['days'] = [];
  if (from < firstWhole) days.push({ from, to: addDays(firstWhole, -1) });
  if (lastWhole < monthStart(to)) days.push({ from: monthStart(to), to });
  return { months: { from: firstWhole, to: lastWhole }, days, today };
}

/** A range of whole months split into whole years and the months around them. */
export interface YearPlan {
  /** First days of the first and last whole year; absent when none. */
  years?: { from: string; to: string };
  /** Ranges of whole months (first days) outside those years. */
  months: { from: string; to: string }[];
}

/**
 * Splits the whole months `from`..`to` (first days) into whole years and the months around them.
 * The year of `to` counts as whole from January when `to` is this month or later (its later months
 * hold nothing yet), like the month of `to` in planPeriod. Pure.
 */
export function splitYears(range: { from: string; to: string }, today: string): YearPlan {
  const year = (date: string): number => Number(date.slice(0, 4));
  const january = (y: number): string => `${y}-01-01`;
  const firstYear =
    range.from === january(year(range.from)) ? year(range.from) : year(range.from) + 1;
  const lastYear =
    range.to.slice(5, 7) === '12' || range.to >= monthStart(today)
      ? year(range.to)
      : year(range.to) - 1;
  if (firstYear > lastYear) return { months: [range] };
  const months: YearPlan['months'] = [];
  if (range.from < january(firstYear))
    months.push({ from: range.from, to: addMonths(january(firstYear), -1) });
  if (range.to >= january(lastYear + 1)) months.push({ from: january(lastYear + 1), to: range.to });
  return { years: { from: january(firstYear), to: january(lastYear) }, months };
}
