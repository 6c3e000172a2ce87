import { readFileSync, rmSync } from 'node:fs';
import { Queue } from 'bullmq';
import { Redis } from 'ioredis';
import pg from 'pg';
import { DataSource } from 'typeorm';
import { MIGRATIONS } from '../../migrations/index.js';
import { ENTITIES } from '../../src/database/entities.js';
import { SnakeNamingStrategy } from '../../src/database/snake-naming.strategy.js';
import { DeploymentService, deploymentKey } from '../../src/queue/deployment.service.js';
import { JobName, QueueName } from '../../src/queue/jobs.js';
import { OutboxService } from '../../src/queue/outbox.service.js';
import { QueueService } from '../../src/queue/queue.service.js';
import { freePort, PrivateRedis } from '../support/redis-server.js';
import { startReminderStack, type ReminderStack } from '../support/reminder-stack.js';
import { startWorker, waitFor } from '../support/reminders.js';
import { TEST_DATABASE_URL } from '../support/test-env.js';
import { ensureBuiltWorker, killHard, spawnWorker } from '../support/worker-process.js';

/** `<test database>_<suffix>`, dropped and migrated afresh. */
async function freshDatabase(suffix: string): Promise<string> {
  const url = new URL(TEST_DATABASE_URL);
  const name = `${url.pathname.slice(1)}_${suffix}`;
  const admin = new URL(url);
  admin.pathname = '/postgres';
  const client = new pg.Client({ connectionString: admin.toString() });
  await client.connect();
  try {
    await client.query(`DROP DATABASE IF EXISTS "${name}" WITH (FORCE)`);
    await client.query(`CREATE DATABASE "${name}"`);
  } finally {
    await client.end();
  }
  url.pathname = `/${name}`;
  const ds = new DataSource({
    type: 'postgres',
    url: url.toString(),
    entities: ENTITIES,
    migrations: MIGRATIONS,
    migrationsTableName: 'typeorm_migrations',
    namingStrategy: new SnakeNamingStrategy(),
  });
  await ds.initialize();
  try {
    await ds.runMigrations({ transaction: 'each' });
  } finally {
    await ds.destroy();
  }
  return url.toString();
}

const prefixOf = (s: ReminderStack): string => s.t.app.get(QueueService).prefix;
const idOf = (s: ReminderStack): string => s.t.app.get(DeploymentService).id;
const count = async (s: ReminderStack, sql: string): Promise<number> =>
  Number((await s.t.ds.query(sql))[0].n);

/**
 * Deployments sharing one Redis (staging beside production, a second county, a test run): each
 * database has its own id, hence its own queue prefix; the same job ids in both never meet.
 */
describe('one Redis, many deployments (e2e)', () => {
  let redis: PrivateRedis;

  beforeAll(async () => {
    redis = new PrivateRedis(await freePort());
    await redis.start();
  });
  afterAll(async () => {
    await redis?.stop();
  });

  describe('two databases, two workers', () => {
    const stacks: Record<'a' | 'b', ReminderStack> = {} as Record<'a' | 'b', ReminderStack>;
    const LOCATION = { a: '甲调解室', b: '乙调解室' } as const;

    beforeAll(async () => {
      for (const name of ['a', 'b'] as const) {
        const url = await freshDatabase(`redis_${name}`);
        stacks[name] = await startReminderStack({ DATABASE_URL: url, REDIS_URL: redis.url });
      }
    }, 120_000);
    afterAll(async () => {
      // In reverse: each restores the environment it found.
      await stacks.b?.close();
      await stacks.a?.close();
    });

    it('each delivers all of its own reminders and none of the other’s, under the same job ids', async () => {
      const { a, b } = stacks;
      expect(idOf(a)).not.toBe(idOf(b));
      expect(prefixOf(a)).toBe(`mediation-${idOf(a)}`);
      expect(prefixOf(b)).toBe(`mediation-${idOf(b)}`);
      for (const s of [a, b]) await s.reset();

      // The same world in both databases: the same reminder ids, so the same job ids.
      for (const name of ['a', 'b'] as const) {
        for (let i = 0; i < 3; i += 1)
          await stacks[name].sessionDueIn(
            await stacks[name].inMediation(),
            1_000 + 300 * i,
            LOCATION[name],
          );
      }
      const jobIds = async (s: ReminderStack): Promise<string[]> =>
        (await s.t.ds.query(`SELECT job_id FROM outbox ORDER BY job_id`)).map(
          (r: { job_id: string }) => r.job_id,
        );
      expect(await jobIds(a)).toEqual(await jobIds(b));

      const sessionSent = `SELECT count(*) AS n FROM reminders WHERE kind = 'session_upcoming' AND status = 'sent'`;
      const due = `SELECT count(*) AS n FROM reminders WHERE status = 'scheduled' AND due_at < now()`;
      for (const s of [a, b]) {
        // 3 sessions × (the mediator in-app, each party by SMS), "2 h before".
        await waitFor(
          'the session reminders sent',
          async () => (await count(s, sessionSent)) === 9,
          20_000,
        );
        await waitFor('every reminder due delivered', async () => (await count(s, due)) === 0);
      }

      for (const name of ['a', 'b'] as const) {
        const s = stacks[name];
        const other = LOCATION[name === 'a' ? 'b' : 'a'];
        const sent = await count(
          s,
          `SELECT count(*) AS n FROM reminders WHERE kind = 'session_upcoming' AND channel = 'sms' AND status = 'sent'`,
        );
        expect(sent).toBe(6); // 3 sessions × 2 parties, "2 h before"
        expect(await count(s, `SELECT count(*) AS n FROM reminders WHERE status = 'failed'`)).toBe(
          0,
        );
        const texts = s.sms.accepted().map((r) => String(r.body.text));
        expect(texts.filter((t) => t.includes(LOCATION[name]))).toHaveLength(sent);
        expect(texts.filter((t) => t.includes(other))).toEqual([]);
        expect(
          await count(
            s,
            `SELECT count(*) AS n FROM outbox WHERE status IN ('pending', 'failed') OR (status = 'enqueued' AND run_at < now())`,
          ),
        ).toBe(0);
      }
      // Each prefix is claimed by its own deployment.
      const probe = new Redis(redis.url);
      try {
        expect(await probe.get(deploymentKey(prefixOf(a)))).toBe(idOf(a));
        expect(await probe.get(deploymentKey(prefixOf(b)))).toBe(idOf(b));
        expect(await probe.keys('bull:*')).toEqual([]);
      } finally {
        probe.disconnect();
      }
    }, 60_000);

    it('a worker given another deployment’s prefix refuses to start, in one line', async () => {
      const { a, b } = stacks;
      ensureBuiltWorker();
      const log = `/tmp/mediation-deployment-refusal-${process.pid}.log`;
      rmSync(log, { force: true });
      const child = spawnWorker({ ...b.env, QUEUE_PREFIX: prefixOf(a) }, log);
      const code = await new Promise<number | null>((resolve) => {
        const timer = setTimeout(() => resolve(null), 30_000);
        child.once('exit', (c) => {
          clearTimeout(timer);
          resolve(c);
        });
      });
      await killHard(child);
      expect(code).toBe(1);
      const lines = readFileSync(log, 'utf8')
        .split('\n')
        .filter((l) => l.includes('Refusing to start'));
      expect(lines).toEqual([
        `Refusing to start: Redis ${redis.url} key ${deploymentKey(prefixOf(a))} belongs to deployment ${idOf(a)}, ` +
          `not this database's (${idOf(b)}): give this deployment its own QUEUE_PREFIX (or unset it) or its own Redis`,
      ]);
      rmSync(log, { force: true });
      // The claim stays the first deployment's.
      const probe = new Redis(redis.url);
      expect(await probe.get(deploymentKey(prefixOf(a)))).toBe(idOf(a));
      probe.disconnect();
    }, 120_000);
  });

  describe('the reconciler and a job id taken by a foreign job', () => {
    let s: ReminderStack;

    beforeAll(async () => {
      s = await startReminderStack({ REDIS_URL: redis.url }, false);
    }, 60_000);
    afterAll(async () => {
      await s?.close();
    });

    it('re-enqueues, under an id of its own, a row whose job id holds another job; the foreign job is left alone', async () => {
      await s.reset();
      await s.sessionDueIn(await s.inMediation(), 1_000);
      const rows: { id: string; job_id: string }[] = await s.t.ds.query(
        `SELECT id, job_id FROM outbox WHERE status = 'pending' ORDER BY id`,
      );
      expect(rows.length).toBeGreaterThan(3);
      // Another deployment's jobs under the very same ids, due in 90 days (the case).
      const connection = new Redis(redis.url, { maxRetriesPerRequest: null });
      const foreign = new Queue(QueueName.Reminders, { connection, prefix: prefixOf(s) });
      try {
        for (const r of rows)
          await foreign.add(
            JobName.SendReminder,
            { reminderId: '999999', version: 1, outboxId: `9${r.id}` },
            { jobId: r.job_id, delay: 90 * 86_400_000 },
          );
        // The relay's adds are ignored (the ids exist): the rows say enqueued, nothing will fire.
        await s.t.app.get(OutboxService).relayAll();
        expect(await count(s, `SELECT count(*) AS n FROM outbox WHERE status = 'pending'`)).toBe(0);

        const outbox = s.t.app.get(OutboxService);
        expect(await outbox.reconcile()).toBe(rows.length);
        const moved: { id: string; job_id: string; queue_job_id: string; status: string }[] =
          await s.t.ds.query(
            `SELECT id, job_id, queue_job_id, status FROM outbox WHERE id = ANY($1::bigint[]) ORDER BY id`,
            [rows.map((r) => r.id)],
          );
        expect(moved).toEqual(
          rows.map((r) => ({ ...r, queue_job_id: `${r.job_id}.o${r.id}`, status: 'pending' })),
        );

        // A worker relays them under their new ids and delivers every reminder.
        const w = await startWorker(s.env);
        try {
          const sessionSent = `SELECT count(*) AS n FROM reminders WHERE kind = 'session_upcoming' AND status = 'sent'`;
          const due = `SELECT count(*) AS n FROM reminders WHERE status = 'scheduled' AND due_at < now()`;
          await waitFor(
            'the reminders sent',
            async () => (await count(s, sessionSent)) === 3,
            20_000,
          );
          await waitFor('every reminder due delivered', async () => (await count(s, due)) === 0);
          expect(s.sms.accepted()).toHaveLength(2);
          // Reconciling again finds every row's job its own.
          expect(await outbox.reconcile()).toBe(0);
        } finally {
          await w.app.close();
        }
        for (const r of rows) {
          const job = await foreign.getJob(r.job_id);
          expect(await job?.getState()).toBe('delayed');
          expect(job?.data).toEqual({ reminderId: '999999', version: 1, outboxId: `9${r.id}` });
        }
      } finally {
        await foreign.close();
        connection.disconnect();
      }
    }, 60_000);
  });
});
