import { Injectable, Logger, OnApplicationShutdown } from '@nestjs/common';
import { Queue } from 'bullmq';
import { Redis } from 'ioredis';
import { Env } from '../config/env.js';
import { DeploymentService } from './deployment.service.js';
import { JOBS, JobName, QueueName } from './jobs.js';
import { createRedis } from './redis-connection.js';

export interface EnqueueRequest {
  name: JobName;
  payload: Record<string, unknown>;
  jobId: string;
  delayMs?: number;
}

/** Whose job is under an id: absent, or the `outboxId` of its payload (null when it has none). */
export type JobOwner = { exists: false } | { exists: true; outboxId: string | null };

/**
 * The producer side of BullMQ, shared by the API and the worker: one fail-fast connection and one
 * `Queue` per queue name, under this deployment's prefix. Domain code does not call it directly;
 * it writes outbox rows.
 */
@Injectable()
export class QueueService implements OnApplicationShutdown {
  private readonly logger = new Logger(QueueService.name);
  private connection: Redis | undefined;
  private readonly queues = new Map<QueueName, Queue>();

  constructor(
    private readonly env: Env,
    private readonly deployment: DeploymentService,
  ) {}

  /** The prefix of every BullMQ key of this deployment (workers and scripts use it too). */
  get prefix(): string {
    return this.deployment.prefix;
  }

  get redis(): Redis {
    this.connection ??= createRedis(this.env.REDIS_URL, 'producer', this.logger);
    return this.connection;
  }

  queue(name: QueueName): Queue {
    let queue = this.queues.get(name);
    if (!queue) {
      queue = new Queue(name, { connection: this.redis, prefix: this.prefix });
      queue.on('error', () => undefined); // reported once by the connection's listener
      this.queues.set(name, queue);
    }
    return queue;
  }

  allQueues(): Queue[] {
    return Object.values(QueueName).map((name) => this.queue(name));
  }

  /** Adds jobs under their deterministic ids (an id that exists is left as it is). */
  async addBulk(requests: EnqueueRequest[]): Promise<void> {
    const byQueue = new Map<QueueName, EnqueueRequest[]>();
    for (const r of requests) {
      const q = JOBS[r.name].queue;
      const batch = byQueue.get(q);
      if (batch) batch.push(r);
      else byQueue.set(q, [r]);
    }
    for (const [queueName, batch] of byQueue) {
      await this.queue(queueName).addBulk(
        batch.map((r) => {
          const def = JOBS[r.name];
          return {
            name: r.name,
            data: r.payload,
            opts: {
              jobId: r.jobId,
              delay: Math.max(0, r.delayMs ?? 0),
              attempts: def.attempts,
              backoff: def.backoff,
              removeOnComplete: def.removeOnComplete,
              removeOnFail: def.removeOnFail,
            },
          };
        }),
      );
    }
  }

  /**
   * For each job id, whether a job is there and whose it is (its payload's `outboxId`): a job id
   * can be taken by a job that is not the outbox row's.
   */
  async jobOwners(queueName: QueueName, jobIds: string[]): Promise<JobOwner[]> {
    if (jobIds.length === 0) return [];
    const queue = this.queue(queueName);
    const pipeline = this.redis.pipeline();
    for (const id of jobIds) pipeline.hget(queue.toKey(id), 'data');
    const results = (await pipeline.exec()) ?? [];
    return jobIds.map((_, i): JobOwner => {
      const [error, data] = results[i] ?? [new Error('no reply'), null];
      if (error) throw error;
      if (typeof data !== 'string') return { exists: false };
      try {
        const outboxId = (JSON.parse(data) as { outboxId?: unknown }).outboxId;
        return { exists: true, outboxId: typeof outboxId === 'string' ? outboxId : null };
      } catch {
        return { exists: true, outboxId: null };
      }
    });
  }

  async ping(timeoutMs = 1_000): Promise<boolean> {
    try {
      const reply = await Promise.race([
        this.redis.ping(),
        new Promise<never>((_, reject) =>
          setTimeout(() => reject(new Error('timeout')), timeoutMs).unref(),
        ),
      ]);
      return reply === 'PONG';
    } catch {
      return false;
    }
  }

  async onApplicationShutdown(): Promise<void> {
    await Promise.allSettled([...this.queues.values()].map((q) => q.close()));
    this.queues.clear();
    this.connection?.disconnect();
    this.connection = undefined;
  }
}
