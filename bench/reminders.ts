/**
 * Reminders, on their own database (`mediation_bench_reminders`) and a private redis-server:
 *
 *   a. Scheduling throughput: BENCH_REMINDERS (10 000) reminders scheduled the service's way — in
 *      a transaction per case, the row lock, the plan, the reminder and outbox rows, then the
 *      relay's addBulk into Redis, until every timer is in Redis — beside raw BullMQ `Queue.add`
 *      of the same number of delayed jobs (same options), measured alternately, BENCH_CONCURRENCY
 *      (10) in flight on both sides. Printed as a throughput ratio (target ≥ 0.3×, aim 0.7×).
 *   b. Lateness: BENCH_LATE_REMINDERS (1 000) in-app reminders due within the next minute, fired
 *      by the worker (the real job handler); lateness = sent_at − due_at from PostgreSQL, p50/p99
 *      (target p99 < 2 s).
 *
 *   npm run bench:reminders      BENCH_PARTS=a|b  BENCH_REMINDERS=10000  BENCH_CONCURRENCY=10
 *                                BENCH_ROUNDS=3 (part a: raw and service alternately, best of)
 */
import 'reflect-metadata';
import { setTimeout as sleep } from 'node:timers/promises';
import { Queue } from 'bullmq';
import { Redis } from 'ioredis';
import { JOBS, JobName } from '../src/queue/jobs.js';
import { QueueService } from '../src/queue/queue.service.js';
import { OutboxService } from '../src/queue/outbox.service.js';
import { WorkerService } from '../src/queue/worker.service.js';
import { ReminderScheduler } from '../src/modules/reminders/reminder-scheduler.js';
import {
  freePort,
  PrivateRedis,
  percentile,
  pool,
  seedCases,
  startService,
} from './reminder-support.js';
import { positiveInt } from './support.js';

const H = 3_600_000;
const REMINDERS = positiveInt('BENCH_REMINDERS', 10_000);
const LATE = positiveInt('BENCH_LATE_REMINDERS', 1_000);
const CONCURRENCY = positiveInt('BENCH_CONCURRENCY', 10);
const ROUNDS = positiveInt('BENCH_ROUNDS', 3);
const PARTS = process.env.BENCH_PARTS ?? 'ab';
// A session of a two-party case: 2 leads × (mediator in-app and SMS, each party by SMS) = 8.
const PER_CASE = 8;

const redis = new PrivateRedis(await freePort());
await redis.start();
const { app, ds, cipher } = await startService(redis.url, {
  REMINDER_SESSION_LEADS: '24h,2h',
  // The bench drives the relay itself (the worker's timer would race it for the same rows).
  OUTBOX_POLL_MS: '600000',
  DB_POOL_SIZE: String(CONCURRENCY + 5),
});
const scheduler = app.get(ReminderScheduler);
const outbox = app.get(OutboxService);
const admin = new Redis(redis.url);

async function reset(): Promise<void> {
  // The cascade reaches documents, whose trigger refuses TRUNCATE; as the superuser the bench runs
  // as, `session_replication_role = replica` skips it for this session only (as the tests do).
  const runner = ds.createQueryRunner();
  await runner.connect();
  try {
    await runner.query(`SET session_replication_role = replica`);
    await runner.query(
      `TRUNCATE reminders, reminder_deliveries, notifications, outbox, case_sessions, parties, cases, users, courts, regions CASCADE`,
    );
    await runner.query(`SET session_replication_role = DEFAULT`);
  } finally {
    await runner.release();
  }
  await admin.flushall();
}

/** The service's way: per case, one transaction (lock, plan, rows, outbox), then the relay. */
async function scheduleTheServiceWay(caseIds: string[]): Promise<number> {
  const start = performance.now();
  let done = false;
  const relay = (async () => {
    for (;;) {
      const moved = await outbox.relayAll();
      if (done && moved === 0) return;
      if (moved === 0) await sleep(5);
    }
  })();
  await pool(caseIds, CONCURRENCY, (id) =>
    ds.transaction(async (m) => {
      await m.query(`SELECT id FROM cases WHERE id = $1 FOR UPDATE`, [id]);
      await scheduler.sync(m, id, new Date());
    }),
  );
  const synced = (performance.now() - start) / 1000;
  done = true;
  await relay;
  if (process.env.BENCH_VERBOSE) console.log(`   (transactions done at ${synced.toFixed(2)} s)`);
  const seconds = (performance.now() - start) / 1000;
  const [{ n }] = await ds.query(`SELECT count(*)::int AS n FROM outbox WHERE status = 'enqueued'`);
  const inRedis = await app.get(OutboxService).backlog();
  if (n !== REMINDERS || inRedis.pending !== 0)
    throw new Error(`expected ${REMINDERS} enqueued timers, found ${n}`);
  return seconds;
}

/** Raw BullMQ: Queue.add of the same number of delayed jobs, the same options, same concurrency. */
async function rawQueueAdd(): Promise<number> {
  const queue = new Queue('bench-raw', {
    connection: new Redis(redis.url, { maxRetriesPerRequest: null }),
    prefix: app.get(QueueService).prefix,
  });
  const def = JOBS[JobName.SendReminder];
  const ids = Array.from({ length: REMINDERS }, (_, i) => i + 1);
  const start = performance.now();
  await pool(ids, CONCURRENCY, (i) =>
    queue.add(
      JobName.SendReminder,
      { reminderId: String(i), version: 1 },
      {
        jobId: `reminder-${i}-v1`,
        delay: 2 * H,
        attempts: def.attempts,
        backoff: def.backoff,
        removeOnComplete: def.removeOnComplete,
        removeOnFail: def.removeOnFail,
      },
    ),
  );
  const seconds = (performance.now() - start) / 1000;
  if ((await queue.getDelayedCount()) !== REMINDERS)
    throw new Error('raw: not every job was added');
  await queue.close();
  return seconds;
}

if (PARTS.includes('a')) {
  const cases = Math.ceil(REMINDERS / PER_CASE);
  console.log(
    `a. scheduling ${REMINDERS} reminders (${cases} cases × ${PER_CASE}), ${CONCURRENCY} in flight`,
  );
  const ours: number[] = [];
  const raw: number[] = [];
  for (let round = 0; round < ROUNDS; round += 1) {
    await reset();
    raw.push(await rawQueueAdd());
    await reset();
    const seeded = await seedCases(
      ds,
      cipher,
      cases,
      (i) => new Date(Date.now() + 3 * 24 * H + i * 1000),
      '13800000001',
    );
    ours.push(await scheduleTheServiceWay(seeded.caseIds));
    console.log(
      `   round ${round + 1}: raw Queue.add ${(REMINDERS / raw[round]).toFixed(0)}/s, service ${(REMINDERS / ours[round]).toFixed(0)}/s`,
    );
  }
  // Each round's two runs are adjacent in time and share the machine's load: compare within a
  // round, report the median of the rounds' ratios.
  const ratios = raw.map((r, k) => r / ours[k]).sort((x, y) => x - y);
  const median = ratios[Math.floor(ratios.length / 2)];
  console.log(
    `   throughput ratio service/raw per round: ${ratios.map((r) => r.toFixed(2)).join(', ')}; median ${median.toFixed(2)}× (target ≥ 0.3×, aim 0.7×)`,
  );
}

if (PARTS.includes('b')) {
  await reset();
  // Due between 5 s and 65 s from now: sessions 2 h later, the "2 h before" reminder only.
  const start = Date.now() + 5_000;
  await seedCases(
    ds,
    cipher,
    LATE,
    (i) => new Date(start + 2 * H + Math.floor((i * 60_000) / LATE)),
    null,
  );
  // The worker's relay, at its default pace (OUTBOX_POLL_MS=500).
  const relayTimer = setInterval(() => void app.get(WorkerService).relaySafely(), 500);
  const ids: { id: string }[] = await ds.query(`SELECT id FROM cases`);
  await pool(
    ids.map((r) => r.id),
    CONCURRENCY,
    (id) =>
      ds.transaction(async (m) => {
        await m.query(`SELECT id FROM cases WHERE id = $1 FOR UPDATE`, [id]);
        await scheduler.sync(m, id, new Date());
      }),
  );
  console.log(
    `b. lateness of ${LATE} in-app reminders due within a minute (the worker fires them)`,
  );
  const until = Date.now() + 120_000;
  while (Date.now() < until) {
    const [{ n }]: { n: number }[] = await ds.query(
      `SELECT count(*)::int AS n FROM reminders WHERE status = 'sent'`,
    );
    if (n >= LATE) break;
    await sleep(1_000);
  }
  clearInterval(relayTimer);
  const rows: { lateness_ms: number }[] = await ds.query(
    `SELECT lateness_ms FROM reminders WHERE status = 'sent' ORDER BY lateness_ms`,
  );
  const late = rows.map((r) => r.lateness_ms);
  console.log(
    `   sent ${late.length}/${LATE}; lateness p50 ${percentile(late, 50)} ms, p99 ${percentile(late, 99)} ms, max ${late[late.length - 1]} ms (target p99 < 2000 ms)`,
  );
}

admin.disconnect();
await app.close();
await redis.stop();
process.exit(0);
