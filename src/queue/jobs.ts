import type { BackoffOptions, KeepJobs } from 'bullmq';

/** Every queue, in one place. Payloads carry ids only: no personal data goes to Redis. */
export enum QueueName {
  Maintenance = 'maintenance',
  Reminders = 'reminders',
}

/** Every job, in one place; `JOBS` declares its queue and retry policy beside it. */
export enum JobName {
  /** Deletes sessions and refresh tokens that ended long ago. */
  PurgeSessions = 'maintenance.purge-sessions',
  /** Deletes `Idempotency-Key`s older than IDEMPOTENCY_KEY_TTL_HOURS; a deleted key is new again. */
  PurgeIdempotencyKeys = 'maintenance.purge-idempotency-keys',
  /** Re-verifies the audit hash chain and reports a break. */
  VerifyAuditChain = 'maintenance.verify-audit-chain',
  /** Closes cases in mediation past their legal deadline (result `expired`). */
  ExpireOverdueCases = 'cases.expire-overdue',
  /** Sends one reminder (in-app, SMS or court webhook) if it is still due; id `reminder-<id>-v<version>`. */
  SendReminder = 'reminders.send',
}

/** The typed payload of each job. */
export interface JobPayloads {
  [JobName.PurgeSessions]: { olderThanDays: number };
  [JobName.PurgeIdempotencyKeys]: { olderThanHours: number };
  [JobName.VerifyAuditChain]: Record<string, never>;
  [JobName.ExpireOverdueCases]: Record<string, never>;
  [JobName.SendReminder]: { reminderId: string; version: number };
}

export interface JobDefinition {
  queue: QueueName;
  attempts: number;
  backoff: BackoffOptions;
  /** Bounded retention: Redis is not an archive, PostgreSQL is. */
  removeOnComplete: KeepJobs;
  removeOnFail: KeepJobs;
}

const DAY = 86_400;

export const JOBS: Record<JobName, JobDefinition> = {
  [JobName.PurgeSessions]: {
    queue: QueueName.Maintenance,
    attempts: 3,
    backoff: { type: 'exponential', delay: 60_000 },
    removeOnComplete: { age: 7 * DAY, count: 100 },
    removeOnFail: { age: 30 * DAY, count: 100 },
  },
  [JobName.PurgeIdempotencyKeys]: {
    queue: QueueName.Maintenance,
    attempts: 1, // the next hour's run is the retry
    backoff: { type: 'fixed', delay: 60_000 },
    removeOnComplete: { age: DAY, count: 50 },
    removeOnFail: { age: 7 * DAY, count: 100 },
  },
  [JobName.ExpireOverdueCases]: {
    queue: QueueName.Maintenance,
    attempts: 1, // the next sweep is the retry
    backoff: { type: 'fixed', delay: 1_000 },
    removeOnComplete: { age: DAY, count: 50 },
    removeOnFail: { age: 7 * DAY, count: 100 },
  },
  [JobName.VerifyAuditChain]: {
    queue: QueueName.Maintenance,
    attempts: 2,
    backoff: { type: 'fixed', delay: 300_000 },
    removeOnComplete: { age: 7 * DAY, count: 100 },
    removeOnFail: { age: 30 * DAY, count: 100 },
  },
  [JobName.SendReminder]: {
    queue: QueueName.Reminders,
    // A 5xx or a timeout from the SMS gateway or the court: 1 s, 2 s, 4 s … about 17 min in all.
    // A 4xx is permanent (UnrecoverableError): recorded on the reminder, not retried.
    attempts: 11,
    backoff: { type: 'exponential', delay: 1_000 },
    removeOnComplete: { age: DAY, count: 10_000 },
    removeOnFail: { age: 30 * DAY, count: 10_000 },
  },
};

/** What the outbox relay adds to a payload so the worker can mark the row processed. */
export interface OutboxEnvelope {
  outboxId?: string;
}

export const isJobName = (name: string): name is JobName =>
  (Object.values(JobName) as string[]).includes(name);
