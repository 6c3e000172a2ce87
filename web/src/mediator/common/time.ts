/**
 * Times typed on the phone are Asia/Shanghai wall-clock times at minute precision
 * ('2026-12-04T14:30', what <input type="datetime-local"> holds); the API wants instants.
 */
const MINUTE = 60_000;
const OFFSET = 8 * 60 * MINUTE;

/** `Date` → '2026-12-04T14:30' on the Shanghai clock. */
export function toLocalInput(date: Date): string {
  return new Date(date.getTime() + OFFSET).toISOString().slice(0, 16);
}

/** '2026-12-04T14:30' (Shanghai) → `Date`; null when it is not such a value. */
export function fromLocalInput(value: string | undefined | null): Date | null {
  if (!value || !/^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}$/.test(value)) return null;
  const date = new Date(`${value}:00+08:00`);
  return Number.isNaN(date.getTime()) ? null : date;
}

/**
 * The instant to send for a minute-precision time: the minute in which the case was accepted
 * means "from acceptance on", the current minute means "now" (the API refuses times before
 * acceptance or in the future, to the millisecond).
 */
export function instantOf(
  value: string,
  opts: { notBefore?: Date | null; now?: Date; end?: boolean } = {},
): string {
  const at = fromLocalInput(value);
  if (!at) return value;
  const now = opts.now ?? new Date();
  const within = (x: Date) => x.getTime() >= at.getTime() && x.getTime() < at.getTime() + MINUTE;
  const accepted = opts.notBefore && within(opts.notBefore) ? opts.notBefore : null;
  // A start in the minute of acceptance is the acceptance itself; an end in the current minute
  // is now, and an end in the minute of acceptance is after a start at acceptance.
  if (!opts.end && accepted) return accepted.toISOString();
  if (within(now)) return now.toISOString();
  if (accepted) return (opts.end ? new Date(at.getTime() + MINUTE - 1) : accepted).toISOString();
  return at.toISOString();
}

/** Today on the Shanghai calendar, '2026-12-04'. */
export const shanghaiToday = (now = new Date()): string =>
  new Date(now.getTime() + OFFSET).toISOString().slice(0, 10);

/** The Shanghai calendar day of an instant, '2026-12-04'. */
export const shanghaiDay = (iso: string): string => shanghaiToday(new Date(iso));

/** '2026-12-04' plus n calendar days. */
export function addDays(day: string, n: number): string {
  const d = new Date(`${day}T00:00:00Z`);
  d.setUTCDate(d.getUTCDate() + n);
  return d.toISOString().slice(0, 10);
}

/** A minute later than the last full minute: the earliest input value not before `date`. */
export const ceilMinute = (date: Date): Date =>
  new Date(Math.ceil(date.getTime() / MINUTE) * MINUTE);
