import {
  BeforeApplicationShutdown,
  Injectable,
  Logger,
  OnApplicationBootstrap,
  OnApplicationShutdown,
} from '@nestjs/common';
import { DiscoveryService, MetadataScanner, Reflector } from '@nestjs/core';
import { Job, UnrecoverableError, Worker } from 'bullmq';
import { Redis } from 'ioredis';
import { errorMessage } from '../common/errors/error-message.js';
import { Env } from '../config/env.js';
import { JOB_HANDLER_KEY, RECONCILE_STEP_KEY } from './job-handler.decorator.js';
import { isJobName, JOBS, JobName, OutboxEnvelope, QueueName } from './jobs.js';
import { DeploymentService } from './deployment.service.js';
import { OutboxService } from './outbox.service.js';
import { createRedis } from './redis-connection.js';

type Handler = (payload: unknown, job: Job) => Promise<unknown>;
type ReconcileStep = { where: string; run: () => Promise<number> };

interface Decorated<V> {
  value: V;
  where: string;
  fn: (...args: unknown[]) => Promise<unknown>;
}

/** Every provider method carrying metadata `key`, bound to its instance. */
function decoratedMethods<V>(
  discovery: DiscoveryService,
  scanner: MetadataScanner,
  reflector: Reflector,
  key: string,
): Decorated<V>[] {
  const found: Decorated<V>[] = [];
  for (const wrapper of discovery.getProviders()) {
    const instance: unknown = wrapper.instance;
    if (!instance || typeof instance !== 'object') continue;
    const proto = Object.getPrototypeOf(instance) as object;
    for (const method of scanner.getAllMethodNames(proto)) {
      const fn = (instance as Record<string, unknown>)[method];
      if (typeof fn !== 'function') continue;
      const value = reflector.get<V | undefined>(key, fn as () => unknown);
      if (value === undefined) continue;
      found.push({
        value,
        where: `${wrapper.name}.${method}`,
        fn: (fn as Decorated<V>['fn']).bind(instance),
      });
    }
  }
  return found;
}

/** Finds the `@JobHandler` methods; throws unless every job has exactly one. */
export function collectHandlers(
  discovery: DiscoveryService,
  scanner: MetadataScanner,
  reflector: Reflector,
): Map<JobName, Handler> {
  const found = new Map<JobName, string[]>();
  const handlers = new Map<JobName, Handler>();
  for (const m of decoratedMethods<JobName>(discovery, scanner, reflector, JOB_HANDLER_KEY)) {
    found.set(m.value, [...(found.get(m.value) ?? []), m.where]);
    handlers.set(m.value, m.fn as Handler);
  }
  const problems = (Object.values(JobName) as JobName[]).flatMap((name) => {
    const where = found.get(name) ?? [];
    if (where.length === 0) return [`job ${name} has no handler`];
    if (where.length > 1) return [`job ${name} has ${where.length} handlers: ${where.join(', ')}`];
    return [];
  });
  if (problems.length > 0)
    throw new Error(`Queue handlers are wrong:\n  - ${problems.join('\n  - ')}`);
  return handlers;
}

/**
 * The worker process's side of BullMQ: one Worker per queue dispatching to the job's handler,
 * the outbox relay loop and the reconciler. Started only by `worker.ts` (and the all-in-one
 * entry), never by the API alone.
 */
@Injectable()
export class WorkerService
  implements OnApplicationBootstrap, BeforeApplicationShutdown, OnApplicationShutdown
{
  private readonly logger = new Logger(WorkerService.name);
  private readonly workers: Worker[] = [];
  private connection: Redis | undefined;
  private handlers = new Map<JobName, Handler>();
  private reconcileSteps: ReconcileStep[] = [];
  private relayTimer: NodeJS.Timeout | undefined;
  private reconcileTimer: NodeJS.Timeout | undefined;
  private relaying = false;
  private stopping = false;
  private readonly passes = new Set<Promise<unknown>>();

  constructor(
    private readonly env: Env,
    private readonly discovery: DiscoveryService,
    private readonly scanner: MetadataScanner,
    private readonly reflector: Reflector,
    private readonly outbox: OutboxService,
    private readonly deployment: DeploymentService,
  ) {}

  onApplicationBootstrap(): void {
    this.handlers = collectHandlers(this.discovery, this.scanner, this.reflector);
    this.reconcileSteps = decoratedMethods<true>(
      this.discovery,
      this.scanner,
      this.reflector,
      RECONCILE_STEP_KEY,
    ).map((m) => ({ where: m.where, run: m.fn as ReconcileStep['run'] }));
    this.connection = createRedis(this.env.REDIS_URL, 'worker', this.logger);
    const queues = new Set(Object.values(JOBS).map((d) => d.queue));
    for (const queue of queues) this.workers.push(this.startWorker(queue, this.connection));
    // After a Redis restart or flush, restore lost jobs as soon as the connection is back.
    this.connection.on('ready', () => void this.reconcileSafely());
    this.relayTimer = setInterval(() => void this.relaySafely(), this.env.OUTBOX_POLL_MS);
    this.reconcileTimer = setInterval(
      () => void this.reconcileSafely(),
      this.env.OUTBOX_RECONCILE_MS,
    );
    this.logger.log(
      `Worker started: queues ${[...queues].join(', ')}; ${this.handlers.size} job handler(s)`,
    );
  }

  /** Before any module closes (the database first of all): no new pass, and the running one ends. */
  async beforeApplicationShutdown(): Promise<void> {
    this.stopping = true;
    clearInterval(this.relayTimer);
    clearInterval(this.reconcileTimer);
    await Promise.allSettled([...this.passes]);
  }

  async onApplicationShutdown(): Promise<void> {
    const timeout = new Promise<'timeout'>((resolve) =>
      setTimeout(() => resolve('timeout'), this.env.SHUTDOWN_TIMEOUT_MS).unref(),
    );
    // close() waits for running jobs to finish; after the timeout, force it so nothing hangs.
    const closed = await Promise.race([
      Promise.all(this.workers.map((w) => w.close())).then(() => 'closed' as const),
      timeout,
    ]);
    if (closed === 'timeout') {
      this.logger.warn(
        'Jobs still running at the shutdown timeout; they will be retried as stalled',
      );
      await Promise.allSettled(this.workers.map((w) => w.close(true)));
    }
    this.connection?.disconnect();
  }

  /** One relay pass now (tests and the all-in-one start call it; the timer calls it too). */
  async relaySafely(): Promise<number> {
    if (this.relaying || this.stopping) return 0;
    this.relaying = true;
    try {
      return await this.pass(this.outbox.relayAll());
    } catch (error) {
      this.logger.warn(`Outbox relay failed: ${errorMessage(error)}`);
      return 0;
    } finally {
      this.relaying = false;
    }
  }

  /** Tracks a relay or reconcile pass, so shutdown waits for it instead of cutting it off. */
  private pass<T>(work: Promise<T>): Promise<T> {
    this.passes.add(work);
    return work.finally(() => this.passes.delete(work));
  }

  /**
   * Restores jobs Redis lost, then runs the features' reconcile steps (reminders whose job failed
   * for good are re-driven), then relays what they wrote. Returns the outbox rows restored or
   * written.
   */
  async reconcileSafely(): Promise<number> {
    if (this.stopping) return 0;
    const written = await this.pass(this.reconcilePass());
    if (written > 0) await this.relaySafely();
    return written;
  }

  private async reconcilePass(): Promise<number> {
    let written = 0;
    try {
      written += await this.outbox.reconcile();
    } catch (error) {
      this.logger.warn(`Outbox reconcile failed: ${errorMessage(error)}`);
      return 0;
    }
    for (const step of this.reconcileSteps) {
      try {
        written += await step.run();
      } catch (error) {
        this.logger.warn(`Reconcile step ${step.where} failed: ${errorMessage(error)}`);
      }
    }
    return written;
  }

  private startWorker(queue: QueueName, connection: Redis): Worker {
    const worker = new Worker(queue, (job) => this.process(job), {
      connection,
      prefix: this.deployment.prefix,
      concurrency: this.env.WORKER_CONCURRENCY,
      // A job whose worker died (SIGKILL) is taken up again after about this long.
      lockDuration: this.env.WORKER_LOCK_MS,
      stalledInterval: this.env.WORKER_LOCK_MS,
      autorun: true,
    });
    worker.on('error', (error) => this.logger.warn(`Worker ${queue}: ${error.message}`));
    worker.on('failed', (job, error) => {
      if (!job) return;
      const final =
        error instanceof UnrecoverableError || job.attemptsMade >= (job.opts.attempts ?? 1);
      this.logger.warn(
        `Job ${job.name} ${job.id} failed (attempt ${job.attemptsMade}): ${error.message}`,
      );
      const outboxId = (job.data as OutboxEnvelope).outboxId;
      if (final && outboxId)
        void this.outbox.markFailed(outboxId, error.message).catch(() => undefined);
    });
    return worker;
  }

  private async process(job: Job): Promise<unknown> {
    if (!isJobName(job.name)) throw new UnrecoverableError(`No such job: ${job.name}`);
    const handler = this.handlers.get(job.name);
    if (!handler) throw new UnrecoverableError(`No handler for ${job.name}`);
    const { outboxId, ...payload } = job.data as OutboxEnvelope & Record<string, unknown>;
    const result = await handler(payload, job);
    if (outboxId) await this.outbox.markProcessed(outboxId);
    return result;
  }
}
