import { Injectable, Logger, OnApplicationBootstrap } from '@nestjs/common';
import type { RepeatOptions } from 'bullmq';
import { errorMessage } from '../common/errors/error-message.js';
import { SHANGHAI_TIME_ZONE } from '../common/time/shanghai.js';
import { Env } from '../config/env.js';
import { ReconcileStep } from './job-handler.decorator.js';
import { JOBS, JobName } from './jobs.js';
import { QueueService } from './queue.service.js';

interface Schedule {
  id: string;
  name: JobName;
  repeat: Omit<RepeatOptions, 'key'>;
  data: Record<string, unknown>;
}

/** Repeating jobs (BullMQ job schedulers; upserting is idempotent across worker processes). */
export function schedules(env: Env): Schedule[] {
  return [
    {
      id: 'purge-sessions-daily',
      name: JobName.PurgeSessions,
      repeat: { pattern: '15 3 * * *', tz: SHANGHAI_TIME_ZONE },
      data: { olderThanDays: 30 },
    },
    {
      id: 'purge-idempotency-keys-hourly',
      name: JobName.PurgeIdempotencyKeys,
      repeat: { pattern: '25 * * * *', tz: SHANGHAI_TIME_ZONE },
      data: { olderThanHours: env.IDEMPOTENCY_KEY_TTL_HOURS },
    },
    {
      id: 'verify-audit-chain-nightly',
      name: JobName.VerifyAuditChain,
      repeat: { pattern: '45 2 * * *', tz: SHANGHAI_TIME_ZONE },
      data: {},
    },
    {
      id: 'expire-overdue-cases',
      name: JobName.ExpireOverdueCases,
      repeat: { every: env.EXPIRY_SWEEP_SECONDS * 1_000 },
      data: {},
    },
  ];
}

@Injectable()
export class WorkerSchedules implements OnApplicationBootstrap {
  private readonly logger = new Logger(WorkerSchedules.name);

  constructor(
    private readonly queues: QueueService,
    private readonly env: Env,
  ) {}

  async onApplicationBootstrap(): Promise<void> {
    try {
      for (const s of schedules(this.env)) await this.upsert(s);
    } catch (error) {
      // Redis down at boot: the reconcile pass registers them once it is back.
      this.logger.warn(`Could not register job schedules: ${errorMessage(error)}`);
    }
  }

  /**
   * Registers again the schedules Redis lost (a restart without persistence, FLUSHALL), after each
   * reconcile pass: the expiry sweep must not stop until the next deploy. Only missing ones, since
   * upserting an `every` schedule would restart its interval. Returns 0: it writes no outbox row.
   */
  @ReconcileStep()
  async restoreLost(): Promise<number> {
    for (const s of schedules(this.env)) {
      if (await this.queues.queue(JOBS[s.name].queue).getJobScheduler(s.id)) continue;
      await this.upsert(s);
      this.logger.warn(`Job schedule ${s.id} was missing from Redis; registered again`);
    }
    return 0;
  }

  private async upsert(s: Schedule): Promise<void> {
    const def = JOBS[s.name];
    await this.queues.queue(def.queue).upsertJobScheduler(s.id, s.repeat, {
      name: s.name,
      data: s.data,
      opts: {
        attempts: def.attempts,
        backoff: def.backoff,
        removeOnComplete: def.removeOnComplete,
        removeOnFail: def.removeOnFail,
      },
    });
  }
}
