/**
 * Redis chaos: CHAOS_REMINDERS (2 000) reminders come due over about 40 s — in-app notices and
 * SMS to a real HTTP gateway in this process — while a private redis-server is killed and
 * restarted CHAOS_RESTARTS (5) times, losing every timer each time (no persistence). The worker
 * runs in this process with the production mechanisms only: the outbox relay, the reconciler
 * (every second here, and on reconnect) and the fire-time checks.
 *
 * Prints lost (reminders never sent) and duplicates (a second notification or delivery for one
 * reminder, or a second SMS the gateway accepted under a key it had already accepted); exits 1
 * unless both are 0. A request repeated with the same idempotency key (a retry whose answer was
 * lost) is counted and shown separately: the gateway drops it.
 *
 *   npm run chaos:redis      CHAOS_REMINDERS=2000  CHAOS_RESTARTS=5
 */
import 'reflect-metadata';
import { createServer } from 'node:http';
import { setTimeout as sleep } from 'node:timers/promises';
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
const REMINDERS = positiveInt('CHAOS_REMINDERS', 2_000);
const RESTARTS = positiveInt('CHAOS_RESTARTS', 5);
// A session of a two-party case, "2 h before" only: mediator in-app and SMS, each party by SMS.
const PER_CASE = 4;

// The SMS gateway: accepts everything, remembers every idempotency key it accepted.
const accepted = new Map<string, number>();
let requests = 0;
const gateway = createServer((req, res) => {
  req.resume();
  req.on('end', () => {
    requests += 1;
    const key = String(req.headers['idempotency-key']);
    accepted.set(key, (accepted.get(key) ?? 0) + 1);
    res.end('{}');
  });
});
await new Promise<void>((resolve) => gateway.listen(0, '127.0.0.1', resolve));
const address = gateway.address();
const gatewayUrl = `http://127.0.0.1:${typeof address === 'object' && address ? address.port : 0}/`;

const redis = new PrivateRedis(await freePort());
await redis.start();
const { app, ds, cipher } = await startService(redis.url, {
  REMINDER_SESSION_LEADS: '2h',
  SMS_DRIVER: 'http',
  SMS_HTTP_URL: gatewayUrl,
  OUTBOX_POLL_MS: '200',
  OUTBOX_RECONCILE_MS: '1000',
});
const scheduler = app.get(ReminderScheduler);

const cases = Math.ceil(REMINDERS / PER_CASE);
const firstDue = Date.now() + 8_000;
const spread = 40_000;
const seeded = await seedCases(
  ds,
  cipher,
  cases,
  (i) => new Date(firstDue + 2 * H + Math.floor((i * spread) / cases)),
  '13800000001',
);
await pool(seeded.caseIds, 10, (id) =>
  ds.transaction(async (m) => {
    await m.query(`SELECT id FROM cases WHERE id = $1 FOR UPDATE`, [id]);
    await scheduler.sync(m, id, new Date());
  }),
);
const [{ n: planned }]: { n: number }[] = await ds.query(
  `SELECT count(*)::int AS n FROM reminders WHERE status = 'scheduled'`,
);
console.log(
  `${planned} reminders due between +8 s and +48 s; redis-server on ${redis.port} will be killed and restarted ${RESTARTS} times`,
);

for (let i = 1; i <= RESTARTS; i += 1) {
  await sleep(3_000);
  await redis.stop();
  const [{ n }]: { n: number }[] = await ds.query(
    `SELECT count(*)::int AS n FROM reminders WHERE status = 'sent'`,
  );
  console.log(`  restart ${i}: Redis killed (${n} sent so far), down for 2 s`);
  await sleep(2_000);
  await redis.start();
}

const until = Date.now() + 180_000;
while (Date.now() < until) {
  const [{ n }]: { n: number }[] = await ds.query(
    `SELECT count(*)::int AS n FROM reminders WHERE status IN ('sent', 'failed', 'cancelled', 'skipped')`,
  );
  if (n >= planned) break;
  await sleep(1_000);
}
await sleep(3_000); // anything sent twice would arrive now

const [counts]: {
  sent: number;
  other: number;
  delivery_dupes: number;
  notice_dupes: number;
}[] = await ds.query(
  `SELECT (SELECT count(*)::int FROM reminders WHERE status = 'sent') AS sent,
          (SELECT count(*)::int FROM reminders WHERE status <> 'sent') AS other,
          (SELECT coalesce(sum(n - 1), 0)::int FROM (SELECT count(*) AS n FROM reminder_deliveries GROUP BY reminder_id) d) AS delivery_dupes,
          (SELECT (count(*) - count(DISTINCT reminder_id))::int FROM notifications) AS notice_dupes`,
);
const smsReminders: { n: number }[] = await ds.query(
  `SELECT count(*)::int AS n FROM reminders WHERE channel = 'sms' AND status = 'sent'`,
);
const repeated = [...accepted.values()].reduce((a, n) => a + (n - 1), 0);
const late: number[] = (
  await ds.query(`SELECT lateness_ms FROM reminders WHERE status = 'sent' ORDER BY lateness_ms`)
).map((r: { lateness_ms: number }) => r.lateness_ms);
const lost = planned - counts.sent;
// The gateway dedupes by key, so a repeated key is one SMS; a duplicate is an SMS for a reminder
// beyond one key per reminder, or a second notification/delivery row.
const duplicates =
  counts.delivery_dupes + counts.notice_dupes + Math.max(0, accepted.size - smsReminders[0].n);
console.log(
  `sent ${counts.sent}/${planned}; SMS: ${accepted.size} distinct keys for ${smsReminders[0].n} SMS reminders, ` +
    `${requests} requests (${repeated} repeated with the same key, dropped by the gateway)`,
);
console.log(
  `lateness p50 ${percentile(late, 50)} ms, p99 ${percentile(late, 99)} ms, max ${late[late.length - 1]} ms (outages included)`,
);
console.log(`lost = ${lost} duplicates = ${duplicates}`);

await app.close();
await redis.stop();
gateway.close();
process.exit(lost === 0 && duplicates === 0 ? 0 : 1);
