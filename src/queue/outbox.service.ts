import { randomUUID } from 'node:crypto';
import { Injectable, Logger } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource, EntityManager } from 'typeorm';
import { errorMessage } from '../common/errors/error-message.js';
import { JOBS, JobName, JobPayloads, QueueName } from './jobs.js';
import { OutboxMessage } from './outbox.entity.js';
import { QueueService } from './queue.service.js';

/**
 * Claims pending rows and marks them enqueued in one statement (the caller's transaction). The
 * outer SELECT makes the driver return plain rows (an UPDATE returns `[rows, count]`).
 */
const CLAIM_SQL = `
WITH claimed AS (
  SELECT id FROM outbox WHERE status = 'pending' ORDER BY id LIMIT $1 FOR UPDATE SKIP LOCKED),
marked AS (
  UPDATE outbox o SET status = 'enqueued', enqueued_at = now(), last_error = NULL
    FROM claimed WHERE o.id = claimed.id
  RETURNING o.id, o.job_name, coalesce(o.queue_job_id, o.job_id) AS job_id, o.payload, o.run_at)
SELECT * FROM marked`;

interface ClaimedRow {
  id: string;
  job_name: string;
  /** The id in Redis: `queue_job_id` when the reconciler moved the row, else `job_id`. */
  job_id: string;
  payload: Record<string, unknown>;
  run_at: Date;
}

/** Relay batches in flight at once (each holds a connection while Redis takes its jobs). */
const RELAY_LANES = 2;

export interface OutboxOptions {
  /** Deterministic job id (`reminder-<id>-v<version>`); default `job-<uuid>`. */
  jobId?: string;
  /** When the job should run; default now. */
  runAt?: Date;
}

/**
 * The transactional outbox: `add` in the caller's transaction; the worker's relay enqueues and
 * the reconciler restores jobs Redis lost. Nothing is enqueued for a rolled-back transaction and
 * nothing committed is lost while Redis is down.
 */
@Injectable()
export class OutboxService {
  private readonly logger = new Logger(OutboxService.name);

  constructor(
    @InjectDataSource() private readonly dataSource: DataSource,
    private readonly queues: QueueService,
  ) {}

  /** Writes the job in `manager`'s transaction. A job id that exists already is kept (idempotent). */
  async add<N extends JobName>(
    manager: EntityManager,
    name: N,
    payload: JobPayloads[N],
    options: OutboxOptions = {},
  ): Promise<string> {
    const jobId = options.jobId ?? `job-${randomUUID()}`;
    await manager.query(
      `INSERT INTO outbox (queue, job_name, job_id, payload, run_at, status)
       VALUES ($1, $2, $3, $4, $5, 'pending') ON CONFLICT (job_id) DO NOTHING`,
      [JOBS[name].queue, name, jobId, JSON.stringify(payload), options.runAt ?? new Date()],
    );
    return jobId;
  }

  /**
   * Enqueues up to `limit` pending rows (oldest first) and marks them; rows locked by another
   * relay are skipped. Returns how many were enqueued; 0 with rows left when Redis is down.
   *
   * One statement claims and marks the rows (the transaction stays open while Redis takes the
   * jobs): if Redis refuses, the rollback returns them to pending; if the commit is lost after
   * Redis took them, they are relayed again under the same job ids, which Redis ignores.
   */
  async relayBatch(limit = 200): Promise<number> {
    let claimed: ClaimedRow[] = [];
    try {
      return await this.dataSource.transaction(async (manager) => {
        claimed = await manager.query(CLAIM_SQL, [limit]);
        if (claimed.length === 0) return 0;
        const now = Date.now();
        await this.queues.addBulk(
          claimed.map((r) => ({
            name: r.job_name as JobName,
            payload: { ...r.payload, outboxId: String(r.id) },
            jobId: r.job_id,
            delayMs: r.run_at.getTime() - now,
          })),
        );
        return claimed.length;
      });
    } catch (error) {
      if (claimed.length === 0) throw error;
      const message = errorMessage(error);
      await this.dataSource.query(
        `UPDATE outbox SET enqueue_attempts = enqueue_attempts + 1, last_error = $2
          WHERE id = ANY($1::bigint[]) AND status = 'pending'`,
        [claimed.map((r) => r.id), message.slice(0, 500)],
      );
      return 0;
    }
  }

  /**
   * Relays until nothing is pending or Redis refuses, `RELAY_LANES` batches in flight: while one
   * batch waits for Redis, the next is claimed in PostgreSQL (SKIP LOCKED keeps them apart).
   */
  async relayAll(): Promise<number> {
    const lanes = await Promise.all(
      Array.from({ length: RELAY_LANES }, async () => {
        let total = 0;
        for (;;) {
          const n = await this.relayBatch();
          total += n;
          if (n === 0) return total;
        }
      }),
    );
    return lanes.reduce((a, b) => a + b, 0);
  }

  /**
   * Finds enqueued rows whose job is not in Redis (restart without persistence, FLUSHALL) and puts
   * them back to pending for the relay. A job under the row's id that is not the row's (its
   * `outboxId` differs: the id was taken, by a job of another deployment sharing the prefix or one
   * left from an earlier life of the database, and BullMQ ignored the row's add) is no proof: the
   * row goes back to pending under an id that cannot collide, `<job id>.o<outbox id>`. Returns how
   * many rows were restored.
   */
  async reconcile(batchSize = 1_000): Promise<number> {
    let restored = 0;
    let after = '0';
    for (;;) {
      const rows: Pick<OutboxMessage, 'id' | 'queue' | 'jobId' | 'queueJobId'>[] =
        await this.dataSource
          .getRepository(OutboxMessage)
          .createQueryBuilder('o')
          .select(['o.id', 'o.queue', 'o.jobId', 'o.queueJobId'])
          .where(`o.status = 'enqueued' AND o.id > :after`, { after })
          .orderBy('o.id', 'ASC')
          .limit(batchSize)
          .getMany();
      if (rows.length === 0) return restored;
      after = rows[rows.length - 1].id;
      const byQueue = new Map<string, typeof rows>();
      for (const r of rows) {
        const group = byQueue.get(r.queue);
        if (group) group.push(r);
        else byQueue.set(r.queue, [r]);
      }
      for (const [queue, group] of byQueue) {
        const inRedis = group.map((r) => r.queueJobId ?? r.jobId);
        const owners = await this.queues.jobOwners(queue as QueueName, inRedis);
        const lost: string[] = [];
        for (const [i, r] of group.entries()) {
          const owner = owners[i];
          if (!owner.exists) lost.push(r.id);
          else if (owner.outboxId !== String(r.id))
            restored += await this.moveOffTakenId(r, inRedis[i], owner.outboxId);
        }
        if (lost.length === 0) continue;
        // Only rows still 'enqueued': one processed meanwhile stays processed.
        const result = await this.dataSource
          .createQueryBuilder()
          .update(OutboxMessage)
          .set({ status: 'pending' })
          .where(`id IN (:...lost) AND status = 'enqueued'`, { lost })
          .execute();
        restored += result.affected ?? 0;
      }
      if (rows.length < batchSize) break;
    }
    if (restored > 0)
      this.logger.warn(`Restored ${restored} outbox job(s) missing from Redis or not theirs`);
    return restored;
  }

  /** Back to pending under a job id of its own (the one it had is another job's). */
  private async moveOffTakenId(
    row: Pick<OutboxMessage, 'id' | 'jobId'>,
    taken: string,
    holder: string | null,
  ): Promise<number> {
    let fresh = `${row.jobId}.o${row.id}`;
    // Taken again (only by a job written to collide): a random one.
    if (fresh === taken) fresh = `${fresh}.${randomUUID()}`;
    const result = await this.dataSource.query(
      `UPDATE outbox SET status = 'pending', queue_job_id = $2
        WHERE id = $1 AND status = 'enqueued'`,
      [row.id, fresh],
    );
    const moved = Number((result as [unknown, number])[1] ?? 0);
    if (moved > 0)
      this.logger.warn(
        `Outbox row ${row.id}: job id ${taken} is held by another job (outbox ${holder ?? 'none'}); re-enqueued as ${fresh}`,
      );
    return moved;
  }

  async markProcessed(outboxId: string): Promise<void> {
    await this.dataSource.query(
      `UPDATE outbox SET status = 'processed', processed_at = now() WHERE id = $1 AND status <> 'processed'`,
      [outboxId],
    );
  }

  async markFailed(outboxId: string, reason: string): Promise<void> {
    await this.dataSource.query(
      `UPDATE outbox SET status = 'failed', last_error = $2 WHERE id = $1 AND status = 'enqueued'`,
      [outboxId, reason.slice(0, 500)],
    );
  }

  /** Pending and enqueued-but-unprocessed rows, for /metrics. */
  async backlog(): Promise<{ pending: number; enqueued: number }> {
    const rows: { status: string; n: string }[] = await this.dataSource.query(
      `SELECT status, count(*) AS n FROM outbox WHERE status IN ('pending', 'enqueued') GROUP BY status`,
    );
    const get = (s: string): number => Number(rows.find((r) => r.status === s)?.n ?? 0);
    return { pending: get('pending'), enqueued: get('enqueued') };
  }
}
