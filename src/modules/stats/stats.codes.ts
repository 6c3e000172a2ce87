// By name, the codes whose texts are in stats.messages.ts; why named: src/codes.ts.

/** The statistics' codes. */
export const StatsCode = {
  PeriodReversed: 'STATS.PERIOD_REVERSED',
} as const;
export type StatsCode = (typeof StatsCode)[keyof typeof StatsCode];
