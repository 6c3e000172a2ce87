import { Env } from '../../src/config/env.js';
import { IdempotencyKeyPurge } from '../../src/modules/cases/idempotency-purge.js';
import { JobName } from '../../src/queue/jobs.js';
import { schedules } from '../../src/queue/worker-schedules.js';
import { createTestApp, TestApp } from '../support/app.js';
import { caseInMediation } from '../support/cases.js';
import { bearer, login, seedWorld, World } from '../support/world.js';

const DAY_MS = 86_400_000;
const ahead = (days: number): string =>
  new Date(Math.floor(Date.now() / 60_000) * 60_000 + days * DAY_MS).toISOString();

/**
 * Idempotency-Keys are kept IDEMPOTENCY_KEY_TTL_HOURS (default 72): the hourly maintenance job
 * deletes older ones, and a deleted key is a new key again (an outbox replay that late is a new
 * request). Against the real database; the job's handler is called as the worker would.
 */
describe('Idempotency-Key expiry (e2e)', () => {
  let t: TestApp;
  let world: World;
  const tok: Record<string, string> = {};

  beforeAll(async () => {
    t = await createTestApp();
    await t.reset();
    world = await seedWorld(t.app);
    for (const u of ['clerka', 'supervisorx', 'mediatorx1']) tok[u] = (await login(t, u)).access;
  });
  afterAll(async () => {
    await t.close();
  });

  const schedule = (caseId: string, version: number, location: string, key: string) =>
    t
      .http()
      .post(`/api/v1/cases/${caseId}/sessions`)
      .set(bearer(tok.mediatorx1))
      .set('Idempotency-Key', key)
      .send({ scheduledAt: ahead(2), location, mode: 'in_person', format: 'joint', version });
  const keys = async (): Promise<string[]> =>
    ((await t.ds.query(`SELECT key FROM idempotency_keys ORDER BY key`)) as { key: string }[]).map(
      (r) => r.key,
    );
  const sessions = async (caseId: string): Promise<number> =>
    Number(
      (await t.ds.query(`SELECT count(*) AS n FROM case_sessions WHERE case_id = $1`, [caseId]))[0]
        .n,
    );
  const age = (key: string, hours: number) =>
    t.ds.query(
      `UPDATE idempotency_keys SET created_at = now() - make_interval(hours => $2) WHERE key = $1`,
      [key, hours],
    );

  it('is 72 hours by default, and the hourly maintenance schedule carries it', () => {
    const env = t.app.get(Env);
    expect(env.IDEMPOTENCY_KEY_TTL_HOURS).toBe(72);
    const purge = schedules(env).find((s) => s.name === JobName.PurgeIdempotencyKeys);
    expect(purge).toMatchObject({
      id: 'purge-idempotency-keys-hourly',
      repeat: { pattern: '25 * * * *' },
      data: { olderThanHours: 72 },
    });
  });

  it('deletes a key older than the TTL and keeps a fresh one; the deleted key can be used again', async () => {
    const c = await caseInMediation(
      t,
      { clerk: tok.clerka, supervisor: tok.supervisorx, mediator: tok.mediatorx1 },
      world.regions.x1,
      world.users.mediatorX1,
    );
    const old = await schedule(c.id, c.version, '百合调解室', 'outbox-old-0001').expect(201);
    const fresh = await schedule(c.id, c.version + 1, '妇女之家', 'outbox-fresh-01').expect(201);
    await age('outbox-old-0001', 73);
    await age('outbox-fresh-01', 71);

    const purge = t.app.get(IdempotencyKeyPurge);
    expect(
      await purge.purgeIdempotencyKeys({
        olderThanHours: t.app.get(Env).IDEMPOTENCY_KEY_TTL_HOURS,
      }),
    ).toEqual({ deleted: 1 });
    expect(await keys()).toEqual(['outbox-fresh-01']);

    // The fresh key still replays: the first answer, nothing written.
    const replay = await schedule(c.id, c.version + 1, '妇女之家', 'outbox-fresh-01').expect(201);
    expect(replay.body).toEqual(fresh.body);
    expect(await sessions(c.id)).toBe(2);

    // The deleted key is free: the same request again is a new request (a stale version now)...
    const late = await schedule(c.id, c.version, '百合调解室', 'outbox-old-0001').expect(409);
    expect(late.body.code).toBe('CASE.VERSION_CONFLICT');
    // ...and another request under it is written, not refused as IDEMPOTENCY.KEY_REUSED.
    const reused = await schedule(c.id, c.version + 2, '百合调解室', 'outbox-old-0001').expect(201);
    expect(reused.body.id).not.toBe(old.body.id);
    expect(await sessions(c.id)).toBe(3);
    expect(await keys()).toEqual(['outbox-fresh-01', 'outbox-old-0001']);

    // Nothing old is left: a second run deletes nothing.
    expect(await purge.purgeIdempotencyKeys({ olderThanHours: 72 })).toEqual({ deleted: 0 });
  });
});
