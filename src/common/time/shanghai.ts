// Asia/Shanghai, the one time zone the service counts in (deadlines, calendar days, quiet hours,
// dates on documents). It has been UTC+8 with no daylight saving since 1991, so a fixed offset is
// exact for every date this service handles, needs no tz database, and the process TZ never
// matters. Pure: no Nest, no I/O.

/** The zone's IANA name, for what does read the tz database (BullMQ's cron schedules). */
export const SHANGHAI_TIME_ZONE = 'Asia/Shanghai';
/** The offset as ISO 8601 writes it. */
const SHANGHAI_OFFSET = '+08:00';
export const SHANGHAI_OFFSET_MS = 8 * 3_600_000;
const DAY_MS = 86_400_000;

/**
 * The instant moved to Shanghai wall time: read its UTC fields (`getUTCHours()`, `toISOString()`)
 * as the local ones.
 */
export const shanghaiWallClock = (at: Date | string | number): Date =>
  new Date(new Date(at).getTime() + SHANGHAI_OFFSET_MS);

/** `YYYY-MM-DD`: the Shanghai calendar date of an instant. */
export const shanghaiDateOf = (at: Date | string | number): string =>
  shanghaiWallClock(at).toISOString().slice(0, 10);

/** Days since 1970-01-01 in Shanghai; floor keeps it right for instants before the epoch too. */
export const shanghaiDayNumber = (at: Date): number =>
  Math.floor((at.getTime() + SHANGHAI_OFFSET_MS) / DAY_MS);

/** The start (00:00 local) of a Shanghai day, by its day number. */
export const startOfShanghaiDay = (dayNumber: number): Date =>
  new Date(dayNumber * DAY_MS - SHANGHAI_OFFSET_MS);

/** The end (23:59:59.999 local) of a Shanghai day, by its day number. */
export const endOfShanghaiDay = (dayNumber: number): Date =>
  new Date((dayNumber + 1) * DAY_MS - SHANGHAI_OFFSET_MS - 1);

/**
 * The instant of a Shanghai wall time: `day` is `YYYY-MM-DD`, `time` `HH:MM:SS`. Parsed as an
 * ISO 8601 string with the offset, so an impossible day is whatever `Date` makes of it.
 */
export const shanghaiInstant = (day: string, time = '00:00:00'): Date =>
  new Date(`${day}T${time}${SHANGHAI_OFFSET}`);
