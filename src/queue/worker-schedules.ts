import { Injectable, Logger, OnApplicationBootstrap } from '@nestjs/common';
import { JOBS, JobName } from './jobs.js';
import { QueueService } from './queue.service.js';

/** Repeating jobs (BullMQ job schedulers; upserting is idempotent across worker processes). */
const SCHEDULES = [
  {
    id: 'purge-sessions-daily',
    name: JobName.PurgeSessions,
    pattern: '15 3 * * *',
    data: { olderThanDays: 30 },
  },
  {
    id: 'verify-audit-chain-nightly',
    name: JobName.VerifyAuditChain,
    pattern: '45 2 * * *',
    data: {},
  },
] as const;

@Injectable()
export class WorkerSchedules implements OnApplicationBootstrap {
  private readonly logger = new Logger(WorkerSchedules.name);

  constructor(private readonly queues: QueueService) {}

  async onApplicationBootstrap(): Promise<void> {
    try {
      for (const s of SCHEDULES) {
        const def = JOBS[s.name];
        await this.queues.queue(def.queue).upsertJobScheduler(
          s.id,
          { pattern: s.pattern, tz: 'Asia/Shanghai' },
          {
            name: s.name,
            data: s.data,
            opts: {
              attempts: def.attempts,
              backoff: def.backoff,
              removeOnComplete: def.removeOnComplete,
              removeOnFail: def.removeOnFail,
            },
          },
        );
      }
    } catch (error) {
      // Redis down at boot: the schedules are upserted again on the next start.
      this.logger.warn(
        `Could not register job schedules: ${error instanceof Error ? error.message : String(error)}`,
      );
    }
  }
}
