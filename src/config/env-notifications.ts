import { Type } from 'class-transformer';
import { IsIn, IsInt, IsOptional, IsString, Matches, Max, Min, MinLength } from 'class-validator';

/** Defaults that are fine on a developer's machine and refused in production. */
export const DEV_SMS_HMAC_SECRET = 'dev-only-sms-hmac-secret-change-me-0123456789';
export const DEV_COURT_WEBHOOK_SECRET = 'dev-only-court-webhook-secret-change-me-01234';

/** `24h,2h`, `7d`, `90s`, `500ms`: comma-separated durations. */
const DURATIONS = /^\d+(ms|s|m|h|d)(,\d+(ms|s|m|h|d))*$/;
/** `21:00-08:00` (Asia/Shanghai) or `off`. */
const QUIET_HOURS = /^(off|([01]\d|2[0-3]):[0-5]\d-([01]\d|2[0-3]):[0-5]\d)$/;

/**
 * The environment variables of notifications: the SMS gateway, the court webhook and the
 * reminders' timings. `Env` extends it (one class for the app; its own file to keep both short).
 */
export class NotificationEnv {
  /** `log` writes SMS to the log (development); `http` posts them to SMS_HTTP_URL. */
  @IsIn(['log', 'http'])
  SMS_DRIVER: 'log' | 'http' = 'log';

  @IsOptional()
  @Matches(/^https?:\/\/\S+$/, { message: 'SMS_HTTP_URL must be an http(s) URL' })
  SMS_HTTP_URL?: string;

  @IsString()
  @MinLength(32, { message: 'SMS_HMAC_SECRET must be at least 32 characters' })
  SMS_HMAC_SECRET = DEV_SMS_HMAC_SECRET;

  @Type(() => Number)
  @IsInt()
  @Min(100)
  @Max(60000)
  SMS_TIMEOUT_MS = 5000;

  /** Signed JSON events to the court system; unset: no webhook is sent. Never from a request. */
  @IsOptional()
  @Matches(/^https?:\/\/\S+$/, { message: 'COURT_WEBHOOK_URL must be an http(s) URL' })
  COURT_WEBHOOK_URL?: string;

  @IsString()
  @MinLength(32, { message: 'COURT_WEBHOOK_SECRET must be at least 32 characters' })
  COURT_WEBHOOK_SECRET = DEV_COURT_WEBHOOK_SECRET;

  @Type(() => Number)
  @IsInt()
  @Min(100)
  @Max(60000)
  COURT_WEBHOOK_TIMEOUT_MS = 5000;

  /** No SMS to parties in these Asia/Shanghai hours (`off` to disable). */
  @Matches(QUIET_HOURS, { message: 'SMS_QUIET_HOURS must be HH:MM-HH:MM or off' })
  SMS_QUIET_HOURS = '21:00-08:00';

  /** Reminder timings (see README): durations like `24h,2h`. */
  @Matches(DURATIONS, { message: 'REMINDER_SESSION_LEADS must be durations like 24h,2h' })
  REMINDER_SESSION_LEADS = '24h,2h';

  @Matches(DURATIONS, { message: 'REMINDER_DEADLINE_LEADS must be durations like 7d,3d,1d' })
  REMINDER_DEADLINE_LEADS = '7d,3d,1d';

  @Matches(DURATIONS, { message: 'REMINDER_ASSIGNMENT_ESCALATION must be a duration' })
  REMINDER_ASSIGNMENT_ESCALATION = '48h';

  @Matches(DURATIONS, { message: 'REMINDER_REVIEW_REPEAT must be a duration' })
  REMINDER_REVIEW_REPEAT = '3d';

  @Matches(DURATIONS, { message: 'REMINDER_JUDICIAL_CONFIRMATION_AFTER must be a duration' })
  REMINDER_JUDICIAL_CONFIRMATION_AFTER = '20d';

  @Matches(DURATIONS, { message: 'REMINDER_REGISTRY_AFTER must be durations like 30d,60d' })
  REMINDER_REGISTRY_AFTER = '30d,60d';

  @Matches(DURATIONS, { message: 'REMINDER_FOLLOW_UP_ESCALATION must be a duration' })
  REMINDER_FOLLOW_UP_ESCALATION = '7d';

  /** A reminder already this far past due when it is planned is recorded as skipped, not sent. */
  @Matches(DURATIONS, { message: 'REMINDER_STALE_AFTER must be a duration' })
  REMINDER_STALE_AFTER = '10m';

  /**
   * A reminder still `scheduled` this far past due whose job failed for good (stalled too often,
   * attempts exhausted) or vanished from Redis is re-driven under a new timer, sent late.
   */
  @Matches(DURATIONS, { message: 'REMINDER_REDRIVE_AFTER must be a duration' })
  REMINDER_REDRIVE_AFTER = '2m';
}
