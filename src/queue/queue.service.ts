import { Injectable, Logger, OnApplicationShutdown } from '@nestjs/common';
import { Queue } from 'bullmq';
import { Redis } from 'ioredis';
import { Env } from '../config/env.js';
import { JOBS, JobName, QueueName } from './jobs.js';
import { createRedis } from './redis-connection.js';

export interface EnqueueRequest {
  name: JobName;
  payload: Record<string, unknown>;
  jobId: string;
  delayMs?: number;
}

/**
 * The producer side of BullMQ, shared by the API and the worker: one fail-fast connection and one
 * `Queue` per queue name. Domain code does not call it directly; it writes outbox rows.
 */
@Injectable()
export class QueueService implements OnApplicationShutdown {
  private readonly logger = new Logger(QueueService.name);
  private connection: Redis | undefined;
  private readonly queues = new Map<QueueName, Queue>();

  constructor(private readonly env: Env) {}

  get redis(): Redis {
    this.connection ??= createRedis(this.env.REDIS_URL, 'producer', this.logger);
    return this.connection;
  }

  queue(name: QueueName): Queue {
    let queue = this.queues.get(name);
    if (!queue) {
      queue = new Queue(name, { connection: this.redis });
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

  /** Which of these job ids have no job in Redis (lost to a restart or a flush). */
  async missingJobIds(queueName: QueueName, jobIds: string[]): Promise<string[]> {
    if (jobIds.length === 0) return [];
    const queue = this.queue(queueName);
    const pipeline = this.redis.pipeline();
    for (const id of jobIds) pipeline.exists(queue.toKey(id));
    const results = (await pipeline.exec()) ?? [];
    return jobIds.filter((_, i) => {
      const [error, exists] = results[i] ?? [new Error('no reply'), 0];
      if (error) throw error;
      return exists === 0;
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
