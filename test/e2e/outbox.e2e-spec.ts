import type { INestApplicationContext } from '@nestjs/common';
import { NestFactory } from '@nestjs/core';
import { DataSource } from 'typeorm';
import { resetEnvCache } from '../../src/config/config.module.js';
import { Env } from '../../src/config/env.js';
import { JobName, QueueName } from '../../src/queue/jobs.js';
import { OutboxService } from '../../src/queue/outbox.service.js';
import { QueueService } from '../../src/queue/queue.service.js';
import { WorkerSchedules, schedules } from '../../src/queue/worker-schedules.js';
import { WorkerService } from '../../src/queue/worker.service.js';
import { WorkerAppModule } from '../../src/worker.module.js';
import { resetDatabase } from '../support/database.js';
import { freePort, PrivateRedis } from '../support/redis-server.js';

/** The worker process, against a private Redis; its timers are slowed so the test drives it. */
describe('outbox and queue (e2e, real PostgreSQL and a private redis-server)', () => {
  let redis: PrivateRedis;
  let app: INestApplicationContext;
  let ds: DataSource;
  let outbox: OutboxService;
  let queues: QueueService;
  let worker: WorkerService;

  beforeAll(async () => {
    redis = new PrivateRedis(await freePort());
    await redis.start();
    Object.assign(process.env, {
      REDIS_URL: redis.url,
      OUTBOX_POLL_MS: '600000',
      OUTBOX_RECONCILE_MS: '600000',
    });
    resetEnvCache();
    app = await NestFactory.createApplicationContext(WorkerAppModule, {
      logger: false,
      abortOnError: false,
    });
    await app.init();
    ds = app.get(DataSource);
    outbox = app.get(OutboxService);
    queues = app.get(QueueService);
    worker = app.get(WorkerService);
  });
  beforeEach(async () => {
    await resetDatabase(ds);
    await queues.redis.flushall();
    await queues.queue(QueueName.Maintenance).pause(); // jobs stay in Redis where the test can see them
  });
  afterAll(async () => {
    await app.close();
    await redis.stop();
  });

  const producerBack = async (): Promise<void> => {
    for (let i = 0; i < 100 && !(await queues.ping(200)); i += 1)
      await new Promise((r) => setTimeout(r, 50));
  };
  /** Jobs in Redis, not counting the repeating schedules' own. */
  const jobCount = async (): Promise<number> => {
    const jobs = await queues
      .queue(QueueName.Maintenance)
      .getJobs(['waiting', 'delayed', 'active', 'completed']);
    return jobs.filter((job) => !job.repeatJobKey).length;
  };
  const statusOf = async (jobId: string): Promise<string> =>
    (await ds.query(`SELECT status FROM outbox WHERE job_id = $1`, [jobId]))[0]?.status;
  const addInTransaction = (jobId: string, runAt?: Date) =>
    ds.transaction((m) =>
      outbox.add(m, JobName.PurgeSessions, { olderThanDays: 30 }, { jobId, runAt }),
    );

  it('a row committed while Redis is down is enqueued once Redis is back', async () => {
    await redis.stop();
    await addInTransaction('while-down');
    expect(await outbox.relayBatch()).toBe(0);
    const [row] = await ds.query(
      `SELECT status, enqueue_attempts, last_error FROM outbox WHERE job_id = 'while-down'`,
    );
    expect(row.status).toBe('pending');
    expect(row.enqueue_attempts).toBe(1);
    expect(row.last_error).toBeTruthy();

    await redis.start();
    await producerBack(); // ioredis reconnects by itself
    await queues.queue(QueueName.Maintenance).pause();
    expect(await outbox.relayBatch()).toBe(1);
    expect(await statusOf('while-down')).toBe('enqueued');
    expect(await queues.queue(QueueName.Maintenance).getJob('while-down')).toBeDefined();
  });

  it('a rolled-back transaction enqueues nothing', async () => {
    await expect(
      ds.transaction(async (m) => {
        await outbox.add(m, JobName.PurgeSessions, { olderThanDays: 30 }, { jobId: 'rolled-back' });
        throw new Error('the change failed');
      }),
    ).rejects.toThrow('the change failed');
    expect(await outbox.relayAll()).toBe(0);
    expect(await statusOf('rolled-back')).toBeUndefined();
    expect(await jobCount()).toBe(0);
  });

  it('after FLUSHALL the reconciler restores the pending jobs, delays included', async () => {
    await addInTransaction('now');
    await addInTransaction('tomorrow', new Date(Date.now() + 86_400_000));
    expect(await outbox.relayAll()).toBe(2);
    expect(await jobCount()).toBe(2);
    await queues.redis.flushall();
    await queues.queue(QueueName.Maintenance).pause(); // the flush removed the pause flag too
    expect(await jobCount()).toBe(0);
    expect(await worker.reconcileSafely()).toBe(2); // restores and relays
    expect(await jobCount()).toBe(2);
    const delayed = await queues.queue(QueueName.Maintenance).getJob('tomorrow');
    expect(delayed?.opts.delay).toBeGreaterThan(86_000_000);
    // Nothing to restore the second time.
    expect(await outbox.reconcile()).toBe(0);
  });

  it('after FLUSHALL the reconcile pass registers the lost job schedules again (the expiry sweep)', async () => {
    const maintenance = queues.queue(QueueName.Maintenance);
    await app.get(WorkerSchedules).onApplicationBootstrap();
    const ids = schedules(app.get(Env)).map((s) => s.id);
    const registered = async () => (await maintenance.getJobSchedulers()).map((s) => s.key).sort();
    expect(await registered()).toEqual([...ids].sort());
    const sweep = await maintenance.getJobScheduler('expire-overdue-cases');
    await queues.redis.flushall();
    await maintenance.pause(); // the flush removed the pause flag too
    expect(await registered()).toEqual([]);
    await worker.reconcileSafely();
    expect(await registered()).toEqual([...ids].sort());
    // A schedule still there is left alone (re-upserting an interval would restart it).
    const again = await maintenance.getJobScheduler('expire-overdue-cases');
    await worker.reconcileSafely();
    expect((await maintenance.getJobScheduler('expire-overdue-cases'))?.next).toBe(again?.next);
    expect(again?.every).toBe(sweep?.every);
  });

  it('the same outbox row never produces two jobs', async () => {
    await addInTransaction('once');
    await addInTransaction('once'); // the same deterministic id: ignored
    const relays = await Promise.all([
      outbox.relayBatch(),
      outbox.relayBatch(),
      outbox.relayBatch(),
    ]);
    expect(relays.reduce((a, b) => a + b, 0)).toBe(1);
    await ds.query(`UPDATE outbox SET status = 'pending' WHERE job_id = 'once'`); // as if the mark was lost
    await outbox.relayAll();
    await outbox.reconcile();
    await outbox.relayAll();
    expect(await jobCount()).toBe(1);
    expect(Number((await ds.query(`SELECT count(*) AS n FROM outbox`))[0].n)).toBe(1);
  });

  it('the worker runs the job through its one handler and marks the row processed', async () => {
    await ds.query(
      `INSERT INTO users (username, password_hash, display_name, role) VALUES ('old', 'x', 'old', 'admin') RETURNING id`,
    );
    const [{ id: userId }] = await ds.query(`SELECT id FROM users WHERE username = 'old'`);
    await ds.query(
      `INSERT INTO auth_sessions (user_id, expires_at, revoked_at) VALUES ($1, now() - interval '90 days', now() - interval '90 days'),
                                                                         ($1, now() + interval '1 day', NULL)`,
      [userId],
    );
    await addInTransaction('purge');
    await queues.queue(QueueName.Maintenance).resume();
    await worker.relaySafely();
    for (let i = 0; i < 100 && (await statusOf('purge')) !== 'processed'; i += 1)
      await new Promise((r) => setTimeout(r, 50));
    expect(await statusOf('purge')).toBe('processed');
    expect(Number((await ds.query(`SELECT count(*) AS n FROM auth_sessions`))[0].n)).toBe(1);
  });
});
