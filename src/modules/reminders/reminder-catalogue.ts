/** The reminder catalogue, its channels and statuses: one place, no Nest imports. */
export const REMINDER_KINDS = [
  'assignment_pending',
  'session_upcoming',
  'deadline_approaching',
  'case_expired',
  'review_pending',
  'judicial_confirmation_window',
  'registry_cooling_off',
  'follow_up_due',
  'case_returned_to_court',
  /** The court webhook's `case.closed` event (no person is reminded). */
  'case_closed',
] as const;
export type ReminderKind = (typeof REMINDER_KINDS)[number];

export const REMINDER_CHANNELS = ['in_app', 'sms', 'webhook'] as const;
export type ReminderChannel = (typeof REMINDER_CHANNELS)[number];

export const RECIPIENT_TYPES = ['user', 'party', 'court'] as const;
export type RecipientType = (typeof RECIPIENT_TYPES)[number];

export const REMINDER_STATUSES = ['scheduled', 'sent', 'failed', 'cancelled', 'skipped'] as const;
export type ReminderStatus = (typeof REMINDER_STATUSES)[number];

/** The court events a webhook carries, by reminder kind. */
export const WEBHOOK_EVENTS: Partial<Record<ReminderKind, string>> = {
  case_closed: 'case.closed',
  case_expired: 'case.expired',
  case_returned_to_court: 'case.returned_to_court',
};

const UNIT_MS = { ms: 1, s: 1_000, m: 60_000, h: 3_600_000, d: 86_400_000 } as const;

/** `24h,2h` → [86400000, 7200000]. */
export function parseDurations(spec: string): number[] {
  return spec.split(',').map((part) => {
    const match = /^(\d+)(ms|s|m|h|d)$/.exec(part.trim());
    if (!match) throw new Error(`not a duration: ${part}`);
    return Number(match[1]) * UNIT_MS[match[2] as keyof typeof UNIT_MS];
  });
}

/** A short label for a duration, used in reminder keys (`24h`, `90s`). */
export function durationLabel(ms: number): string {
  for (const [unit, size] of [
    ['d', 86_400_000],
    ['h', 3_600_000],
    ['m', 60_000],
    ['s', 1_000],
  ] as const) {
    if (ms % size === 0) return `${ms / size}${unit}`;
  }
  return `${ms}ms`;
}
