import { SetMetadata } from '@nestjs/common';
import type { Job } from 'bullmq';
import type { JobName, JobPayloads } from './jobs.js';

export const JOB_HANDLER_KEY = 'queue:job-handler';

export type JobHandlerFn<N extends JobName> = (
  payload: JobPayloads[N],
  job: Job,
) => Promise<unknown>;

/**
 * Marks a provider method as THE handler of a job. The worker refuses to boot when a job has no
 * handler or more than one. Throw bullmq's `UnrecoverableError` for a permanent failure: it is
 * recorded, not retried.
 */
export const JobHandler = (name: JobName): MethodDecorator => SetMetadata(JOB_HANDLER_KEY, name);

export const RECONCILE_STEP_KEY = 'queue:reconcile-step';

/**
 * Marks a provider method the worker runs after each reconcile pass (on Redis reconnect and every
 * `OUTBOX_RECONCILE_MS`), once lost jobs are back in the outbox: a feature's own repair of work
 * whose job failed for good. It returns how many outbox rows it wrote (the relay then runs).
 */
export const ReconcileStep = (): MethodDecorator => SetMetadata(RECONCILE_STEP_KEY, true);
