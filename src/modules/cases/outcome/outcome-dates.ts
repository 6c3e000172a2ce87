/**
 * Calendar dates as the outcome rules read them: the Asia/Shanghai date of an ISO value, whatever
 * the process time zone, and age in whole years on such a date (the hearing and majority ages of an
 * agreement's children).
 */

import { shanghaiWallClock } from '../../../common/time/shanghai.js';

export interface CalendarDate {
  year: number;
  month: number;
  day: number;
}

const DATE_TIME_RE =
  /^(\d{4})-(\d{2})-(\d{2})(?:[T ](\d{2}):(\d{2})(?::(\d{2})(?:\.\d{1,9})?)?(Z|[+-]\d{2}:?\d{2})?)?$/i;

function realDate(year: number, month: number, day: number): boolean {
  const d = new Date(Date.UTC(year, month - 1, day));
  return d.getUTCFullYear() === year && d.getUTCMonth() === month - 1 && d.getUTCDate() === day;
}

/**
 * The Asia/Shanghai calendar date of an ISO date or date-time, computed by hand so the process
 * time zone never matters. A date-time without an offset is taken as Shanghai wall time.
 */
export function shanghaiCalendarDate(value: unknown): CalendarDate | null {
  if (typeof value !== 'string') return null;
  const m = DATE_TIME_RE.exec(value);
  if (!m) return null;
  const [year, month, day] = [Number(m[1]), Number(m[2]), Number(m[3])];
  if (!realDate(year, month, day)) return null;
  if (m[4] === undefined) return { year, month, day };
  const [hour, minute, second] = [Number(m[4]), Number(m[5]), Number(m[6] ?? 0)];
  if (hour > 23 || minute > 59 || second > 59) return null;
  const zone = m[7];
  if (zone === undefined) return { year, month, day };
  let offsetMinutes = 0;
  if (zone.toUpperCase() !== 'Z') {
    const digits = zone.slice(1).replace(':', '');
    const [oh, om] = [Number(digits.slice(0, 2)), Number(digits.slice(2))];
    if (oh > 23 || om > 59) return null;
    offsetMinutes = (zone[0] === '-' ? -1 : 1) * (oh * 60 + om);
  }
  const instant = Date.UTC(year, month - 1, day, hour, minute, second) - offsetMinutes * 60_000;
  const local = shanghaiWallClock(instant);
  return { year: local.getUTCFullYear(), month: local.getUTCMonth() + 1, day: local.getUTCDate() };
}

function plainDate(value: unknown): CalendarDate | null {
  if (typeof value !== 'string' || !/^\d{4}-\d{2}-\d{2}$/.test(value)) return null;
  return shanghaiCalendarDate(value);
}

export function compareDates(a: CalendarDate, b: CalendarDate): number {
  return a.year - b.year || a.month - b.month || a.day - b.day;
}

/**
 * Age in whole years on a date, birthday-exact: the year is gained on the birthday itself (a child
 * born on 29 February gains it on 1 March in common years). `on` may be a date or a date-time; a
 * date-time counts on its Asia/Shanghai calendar date. NaN when either value is not a real date.
 */
export function ageOn(birthDate: string, on: string): number {
  const birth = plainDate(birthDate);
  const day = shanghaiCalendarDate(on);
  if (!birth || !day) return Number.NaN;
  const beforeBirthday =
    day.month < birth.month || (day.month === birth.month && day.day < birth.day);
  return day.year - birth.year - (beforeBirthday ? 1 : 0);
}
