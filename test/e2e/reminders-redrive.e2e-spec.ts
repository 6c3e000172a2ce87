import { Job, Queue, UnrecoverableError, Worker } from 'bullmq';
import { Redis } from 'ioredis';
import { ReminderMetrics } from '../../src/modules/reminders/reminder-metrics.js';
import { QueueName } from '../../src/queue/jobs.js';
import { OutboxService } from '../../src/queue/outbox.service.js';
import { QueueService } from '../../src/queue/queue.service.js';
import { startReminderStack, type ReminderStack } from '../support/reminder-stack.js';
import { startWorker, waitFor } from '../support/reminders.js';

const RESPONDENT_PHONE = '13900000002';

interface Row {
  id: string;
  channel: string;
  recipient_type: string;
  status: string;
  version: number;
  lateness_ms: number | null;
  last_error: string | null;
}

/**
 * A reminder job BullMQ moved to failed (stalled too often, attempts spent) or one gone from
 * Redis leaves its reminder `scheduled`: the worker's reconcile pass re-drives it under a new
 * timer, so it is sent late and once. A reminder the gateway refused (4xx) stays failed.
 * The jobs are failed by a second, hand-driven BullMQ worker on the same private Redis.
 */
describe('reminders whose job failed for good are re-driven (e2e, private redis-server)', () => {
  let s: ReminderStack;
  const closers: (() => Promise<unknown>)[] = [];

  beforeAll(async () => {
    // No worker in this process until a test starts one: the jobs are failed first.
    s = await startReminderStack({ REMINDER_REDRIVE_AFTER: '1s' }, false);
  });
  beforeEach(async () => {
    await s.reset();
  });
  afterEach(async () => {
    for (const close of closers.splice(0).reverse()) await close();
  });
  afterAll(async () => {
    await s.close();
  });

  const rows = async (): Promise<Row[]> =>
    s.t.ds.query(
      `SELECT id, channel, recipient_type, status, version, lateness_ms, last_error
         FROM reminders WHERE kind = 'session_upcoming' AND status <> 'skipped' ORDER BY id`,
    );
  const connection = (): Redis => {
    const redis = new Redis(s.redis.url, { maxRetriesPerRequest: null });
    closers.push(async () => redis.disconnect());
    return redis;
  };
  /** The deployment's queue prefix: the service's queues and workers are under it. */
  const prefix = (): string => s.t.app.get(QueueService).prefix;

  /**
   * A session whose "2 h before" reminders come due in 1 s, their timers relayed to Redis (its
   * "24 h before" ones are recorded as skipped).
   */
  const remindersDueSoon = async (): Promise<string[]> => {
    await s.sessionDueIn(await s.inMediation(), 1_000);
    await s.t.app.get(OutboxService).relayAll();
    return (await rows()).map((r) => `reminder-${r.id}-v1`);
  };

  /** A hand-driven worker: no processor, no loop; `maxStalledCount: 0` for its stalled checker. */
  const handWorker = (): Worker => {
    const worker = new Worker(QueueName.Reminders, null, {
      connection: connection(),
      prefix: prefix(),
      lockDuration: 300,
      stalledInterval: 200,
      maxStalledCount: 0,
      autorun: false,
    });
    closers.push(() => worker.close(true));
    return worker;
  };

  /** A worker takes each job when it comes due (it then dies, or fails them by hand). */
  const takeJobs = async (count: number): Promise<{ jobs: Job[]; rogue: Worker }> => {
    const rogue = handWorker();
    const jobs: Job[] = [];
    const until = Date.now() + 10_000;
    while (jobs.length < count) {
      if (Date.now() > until) throw new Error(`took ${jobs.length} of ${count} jobs`);
      const job = (await rogue.getNextJob('rogue')) as Job | undefined;
      if (job) jobs.push(job);
    }
    return { jobs, rogue };
  };

  const stateOf = (queue: Queue, ids: string[]): Promise<string[]> =>
    Promise.all(ids.map((id) => queue.getJobState(id)));

  const redriven = async (metrics: ReminderMetrics): Promise<number> =>
    (await metrics.redriven.get()).values.reduce((a, v) => a + v.value, 0);

  it('jobs stalled more than maxStalledCount: re-driven as v2 and sent once, late; the one the gateway refuses stays failed', async () => {
    s.sms.answer = (_n, body) => (body.to === RESPONDENT_PHONE ? 400 : 200);
    const jobIds = await remindersDueSoon();
    expect(jobIds).toHaveLength(3); // the mediator in-app, each party by SMS
    const queue = new Queue(QueueName.Reminders, { connection: connection(), prefix: prefix() });
    closers.push(() => queue.close());

    const { rogue } = await takeJobs(jobIds.length);
    // It dies holding them. Once their locks expire, another worker's stalled checker
    // (maxStalledCount 0) sends them back marked "stalled more than allowable limit", and that
    // worker fails them for good when it takes them, without running them.
    await rogue.close(true);
    const other = new Worker(
      QueueName.Reminders,
      () => Promise.reject(new Error('a stalled job must not run here')),
      {
        connection: connection(),
        prefix: prefix(),
        lockDuration: 300,
        stalledInterval: 200,
        maxStalledCount: 0,
      },
    );
    closers.push(() => other.close(true));
    await waitFor('the jobs failed as stalled', async () =>
      (await stateOf(queue, jobIds)).every((state) => state === 'failed'),
    );
    await other.close();
    const failed = await Promise.all(jobIds.map((id) => queue.getJob(id)));
    expect(failed.map((j) => j?.failedReason)).toEqual(
      jobIds.map(() => 'job stalled more than allowable limit'),
    );
    expect((await rows()).map((r) => r.status)).toEqual(['scheduled', 'scheduled', 'scheduled']);

    const w = await startWorker(s.env);
    closers.push(() => w.app.close());
    const metrics = w.app.get(ReminderMetrics);
    const before = await redriven(metrics);
    // The worker reconciles on connect; passes run until nothing is left (the grace is 1 s).
    await waitFor(
      'every reminder settled',
      async () => {
        await w.worker.reconcileSafely();
        return (await rows()).every((r) => r.status !== 'scheduled');
      },
      15_000,
    );
    const settled = await rows();
    expect(settled.map((r) => [r.channel, r.status, r.version]).sort()).toEqual([
      ['in_app', 'sent', 2],
      ['sms', 'failed', 2],
      ['sms', 'sent', 2],
    ]);
    // Sent late, the lateness recorded: due 1 s after the session was booked, re-driven after
    // the 1 s grace at the earliest.
    for (const r of settled.filter((x) => x.status === 'sent'))
      expect(r.lateness_ms).toBeGreaterThan(1_000);
    const refused = settled.find((r) => r.status === 'failed') as Row;
    expect(refused.last_error).toBe('answered 400');
    expect(await redriven(metrics)).toBe(before + 3);

    // Once each: one notification, one SMS accepted, one request to the refusing number.
    const [{ n }] = await s.t.ds.query(
      `SELECT count(*)::int AS n FROM notifications WHERE kind = 'session_upcoming'`,
    );
    expect(n).toBe(1);
    expect(s.sms.accepted()).toHaveLength(1);
    expect(s.sms.requests.filter((r) => r.body.to === RESPONDENT_PHONE)).toHaveLength(1);

    // The refused reminder's job is failed in Redis too, yet a pass re-drives nothing: failed
    // for good is final.
    expect(await queue.getJobState(`reminder-${refused.id}-v2`)).toBe('failed');
    expect(await w.worker.reconcileSafely()).toBe(0);
    expect(s.sms.requests.filter((r) => r.body.to === RESPONDENT_PHONE)).toHaveLength(1);
    expect((await rows()).map((r) => r.version)).toEqual([2, 2, 2]);
  }, 60_000);

  it('jobs failed and then dropped from Redis (retention) while the outbox says failed: re-driven and sent once', async () => {
    const jobIds = await remindersDueSoon();
    const queue = new Queue(QueueName.Reminders, { connection: connection(), prefix: prefix() });
    closers.push(() => queue.close());
    const { jobs } = await takeJobs(jobIds.length);
    const outbox = s.t.app.get(OutboxService);
    for (const job of jobs) {
      await job.moveToFailed(new UnrecoverableError('the worker lost its database'), 'rogue');
      // What the worker's `failed` listener does for a job that failed for good.
      await outbox.markFailed(String(job.data.outboxId), 'the worker lost its database');
    }
    await queue.clean(0, 100, 'failed');
    expect(await stateOf(queue, jobIds)).toEqual(['unknown', 'unknown', 'unknown']);
    // The outbox reconciler restores only rows it believes enqueued: not these.
    expect(await outbox.reconcile()).toBe(0);

    const w = await startWorker(s.env);
    closers.push(() => w.app.close());
    await waitFor(
      'every reminder sent',
      async () => {
        await w.worker.reconcileSafely();
        return (await rows()).every((r) => r.status === 'sent');
      },
      15_000,
    );
    expect((await rows()).map((r) => r.version)).toEqual([2, 2, 2]);
    expect(s.sms.accepted()).toHaveLength(2);
    const keys = s.sms.requests.map((r) => String(r.headers['idempotency-key']));
    expect(new Set(keys).size).toBe(keys.length);
    const [{ n }] = await s.t.ds.query(
      `SELECT count(*)::int AS n FROM reminder_deliveries d JOIN reminders r ON r.id = d.reminder_id
        WHERE r.kind = 'session_upcoming' AND d.status = 'sent'`,
    );
    expect(n).toBe(3);
  }, 60_000);
});
