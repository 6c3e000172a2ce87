export const DAY = 86_400_000;
export const HOUR = 3_600_000;
/** Asia/Shanghai is UTC+8 all year (no daylight saving). */
export const SHANGHAI = 8 * HOUR;

export const iso = (ms: number): string => new Date(ms).toISOString();
export const shanghaiYear = (ms: number): number => new Date(ms + SHANGHAI).getUTCFullYear();
