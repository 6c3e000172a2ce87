import type { Env } from '../../config/env.js';
import { parseQuietHours } from './quiet-hours.js';
import { parseDurations } from './reminder-catalogue.js';
import type { Timings } from './reminder-plan.js';

/** The catalogue's timings from the validated configuration. */
export function timingsFrom(env: Env): Timings {
  return {
    sessionLeads: parseDurations(env.REMINDER_SESSION_LEADS),
    deadlineLeads: parseDurations(env.REMINDER_DEADLINE_LEADS),
    assignmentEscalation: parseDurations(env.REMINDER_ASSIGNMENT_ESCALATION)[0],
    reviewRepeat: parseDurations(env.REMINDER_REVIEW_REPEAT)[0],
    judicialConfirmationAfter: parseDurations(env.REMINDER_JUDICIAL_CONFIRMATION_AFTER)[0],
    registryAfter: parseDurations(env.REMINDER_REGISTRY_AFTER),
    followUpEscalation: parseDurations(env.REMINDER_FOLLOW_UP_ESCALATION)[0],
    quietHours: parseQuietHours(env.SMS_QUIET_HOURS),
    webhook: Boolean(env.COURT_WEBHOOK_URL),
  };
}
