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
