import type { BackoffOptions, KeepJobs } from 'bullmq';

/** Every queue, in one place. Payloads carry ids only: no personal data goes to Redis. */
export enum QueueName {
  Maintenance = 'maintenance',
}

/** Every job, in one place; `JOBS` declares its queue and retry policy beside it. */
export enum JobName {
  /** Deletes sessions and refresh tokens that ended long ago. */
  PurgeSessions = 'maintenance.purge-sessions',
  /** Re-verifies the audit hash chain and reports a break. */
  VerifyAuditChain = 'maintenance.verify-audit-chain',
  /** Closes cases in mediation past their legal deadline (result `expired`). */
  ExpireOverdueCases = 'cases.expire-overdue',
}

/** The typed payload of each job. */
export interface JobPayloads {
  [JobName.PurgeSessions]: { olderThanDays: number };
  [JobName.VerifyAuditChain]: Record<string, never>;
  [JobName.ExpireOverdueCases]: Record<string, never>;
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
};

/** What the outbox relay adds to a payload so the worker can mark the row processed. */
export interface OutboxEnvelope {
  outboxId?: string;
}

export const isJobName = (name: string): name is JobName =>
  (Object.values(JobName) as string[]).includes(name);
