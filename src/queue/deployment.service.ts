import { Injectable, Logger, OnModuleInit } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { Redis } from 'ioredis';
import { DataSource } from 'typeorm';
import { errorMessage } from '../common/errors/error-message.js';
import { Env } from '../config/env.js';
import { ReconcileStep } from './job-handler.decorator.js';

/** Another deployment holds this prefix in Redis: the service refuses to start. */
export class DeploymentConflictError extends Error {}

/** The default prefix: this database's own id, so no two databases share queues. */
export const defaultQueuePrefix = (deploymentId: string): string => `mediation-${deploymentId}`;

/** The key under the prefix naming the deployment whose queues these are. */
export const deploymentKey = (prefix: string): string => `${prefix}:deployment`;

export type Claim = { ok: true } | { ok: false; holder: string } | { ok: null; reason: string };

/**
 * This database's deployment id, the queue prefix derived from it (or `QUEUE_PREFIX`), and the
 * claim of that prefix in Redis. Resolved before any queue is opened (module init); a foreign
 * claim stops the process from starting: its workers would take the other deployment's jobs and
 * look their ids up in the wrong database.
 */
@Injectable()
export class DeploymentService implements OnModuleInit {
  private readonly logger = new Logger(DeploymentService.name);
  private resolved: { id: string; prefix: string } | undefined;

  constructor(
    private readonly env: Env,
    @InjectDataSource() private readonly dataSource: DataSource,
  ) {}

  get id(): string {
    return this.current().id;
  }

  get prefix(): string {
    return this.current().prefix;
  }

  async onModuleInit(): Promise<void> {
    const id = await this.loadId();
    this.resolved = { id, prefix: this.env.QUEUE_PREFIX ?? defaultQueuePrefix(id) };
    const claim = await this.claim();
    if (claim.ok === false) throw new DeploymentConflictError(this.conflictMessage(claim.holder));
    // Redis down at start: the check cannot run; the worker's reconcile pass claims it once back.
    if (claim.ok === null) this.logger.warn(`Queue prefix not claimed yet: ${claim.reason}`);
  }

  /** SET NX of `<prefix>:deployment`; `ok: false` names the deployment that holds it. */
  async claim(): Promise<Claim> {
    const redis = new Redis(this.env.REDIS_URL, {
      lazyConnect: true,
      connectTimeout: 2_000,
      commandTimeout: 2_000,
      maxRetriesPerRequest: 0,
      retryStrategy: () => null,
    });
    redis.on('error', () => undefined);
    try {
      await redis.connect();
      const key = deploymentKey(this.prefix);
      await redis.set(key, this.id, 'NX');
      const holder = await redis.get(key);
      return holder === this.id ? { ok: true } : { ok: false, holder: String(holder) };
    } catch (error) {
      return { ok: null, reason: `Redis did not answer (${errorMessage(error)})` };
    } finally {
      redis.disconnect();
    }
  }

  /**
   * Claims the prefix again after each reconcile pass: a flushed or restarted Redis has lost the
   * claim, and one not made at start (Redis was down) is made now. Returns 0: no outbox row.
   */
  @ReconcileStep()
  async reclaim(): Promise<number> {
    const claim = await this.claim();
    if (claim.ok === false) this.logger.error(this.conflictMessage(claim.holder));
    return 0;
  }

  conflictMessage(holder: string): string {
    return (
      `Redis ${this.env.REDIS_URL.replace(/\/\/[^@/]*@/, '//')} key ${deploymentKey(this.prefix)} ` +
      `belongs to deployment ${holder}, not this database's (${this.id}): ` +
      `give this deployment its own QUEUE_PREFIX (or unset it) or its own Redis`
    );
  }

  private current(): { id: string; prefix: string } {
    if (!this.resolved) throw new Error('DeploymentService used before module init');
    return this.resolved;
  }

  /** The row the migration wrote; drawn here if it is missing (a table emptied by hand). */
  private async loadId(): Promise<string> {
    const read = (): Promise<{ id: string }[]> =>
      this.dataSource.query(`SELECT id FROM deployment`);
    let rows = await read();
    if (rows.length === 0) {
      await this.dataSource.query(`INSERT INTO deployment DEFAULT VALUES ON CONFLICT DO NOTHING`);
      rows = await read();
    }
    return rows[0].id;
  }
}
