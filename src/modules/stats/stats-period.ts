/**
 * How a period of Asia/Shanghai days is read from the rollup: whole months from the monthly cubes,
 * the days of a month cut by the period from the per-case facts. Pure; dates are `YYYY-MM-DD`.
 */

export interface PeriodPlan {
  /** First days of the first and last whole month read from a cube; absent when none. */
  months?: { from: string; to: string };
  /** Day ranges (inclusive) read from the per-case facts. */
  days: { from: string; to: string }[];
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
  if (firstWhole > lastWhole) return { days: [{ from, to }] };
  const days: PeriodPlan['days'] = [];
  if (from < firstWhole) days.push({ from, to: addDays(firstWhole, -1) });
  if (lastWhole < monthStart(to)) days.push({ from: monthStart(to), to });
  return { months: { from: firstWhole, to: lastWhole }, days };
}
