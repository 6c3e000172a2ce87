import {
  shanghaiDayNumber,
  startOfShanghaiDay,
  shanghaiWallClock,
} from '../../common/time/shanghai.js';

const MINUTE = 60_000;
const DAY = 86_400_000;

export interface QuietHours {
  /** Minutes after local midnight when quiet begins (21:00 → 1260) and ends (08:00 → 480). */
  startMinute: number;
  endMinute: number;
}

/** `21:00-08:00` → the window; `off` → null. */
export function parseQuietHours(spec: string): QuietHours | null {
  if (spec === 'off') return null;
  const [start, end] = spec.split('-').map((hm) => {
    const [h, m] = hm.split(':').map(Number);
    return h * 60 + m;
  });
  return { startMinute: start, endMinute: end };
}

const localMinute = (at: Date): number => {
  const local = shanghaiWallClock(at);
  return local.getUTCHours() * 60 + local.getUTCMinutes();
};

/** UTC instant of local midnight (Asia/Shanghai) of the day `at` falls in. */
const localMidnight = (at: Date): number => startOfShanghaiDay(shanghaiDayNumber(at)).getTime();

function inQuiet(minute: number, q: QuietHours): boolean {
  return q.startMinute > q.endMinute
    ? minute >= q.startMinute || minute < q.endMinute // spans midnight (21:00–08:00)
    : minute >= q.startMinute && minute < q.endMinute;
}

/**
 * When an SMS due at `due` may go to a party: unchanged outside quiet hours; otherwise at the end
 * of the quiet window (08:00), unless that is after the event, then one minute before the window
 * began (20:59 the evening before). Pure, independent of the process time zone.
 */
export function sendTimeOutsideQuietHours(
  due: Date,
  eventAt: Date | null,
  q: QuietHours | null,
): Date {
  if (!q) return due;
  const minute = localMinute(due);
  if (!inQuiet(minute, q)) return due;
  const midnight = localMidnight(due);
  // Which local day does this quiet window start on? Before the end time: the day before.
  const spansMidnight = q.startMinute > q.endMinute;
  const startDay = spansMidnight && minute < q.endMinute ? midnight - DAY : midnight;
  const windowStart = startDay + q.startMinute * MINUTE;
  const windowEnd = spansMidnight
    ? startDay + DAY + q.endMinute * MINUTE
    : startDay + q.endMinute * MINUTE;
  if (eventAt === null || windowEnd <= eventAt.getTime()) return new Date(windowEnd);
  return new Date(windowStart - MINUTE);
}

/** 09:00 Asia/Shanghai on the local day of `at` shifted by `days`. */
export function shanghaiMorning(at: Date, days: number, hour = 9): Date {
  return new Date(localMidnight(at) + days * DAY + hour * 3_600_000);
}

/** `11月25日9:30` in Asia/Shanghai. */
export function shanghaiShort(at: Date): string {
  const local = shanghaiWallClock(at);
  const mm = String(local.getUTCMinutes()).padStart(2, '0');
  return `${local.getUTCMonth() + 1}月${local.getUTCDate()}日${local.getUTCHours()}:${mm}`;
}
