import { shanghaiWallClock } from '../../common/time/shanghai.js';

export const DAY = 86_400_000;
export const HOUR = 3_600_000;

export const iso = (ms: number): string => new Date(ms).toISOString();
export const shanghaiYear = (ms: number): number => shanghaiWallClock(ms).getUTCFullYear();
