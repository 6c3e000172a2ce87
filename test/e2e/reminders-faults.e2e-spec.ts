import { Redis } from 'ioredis';
import { CaseClockService } from '../../src/modules/cases/clock/case-clock.service.js';
import { startReminderStack, type ReminderStack } from '../support/reminder-stack.js';
import { sleep, waitFor } from '../support/reminders.js';

/**
 * Faults while reminders are pending: Redis stopped or flushed, an SMS gateway failing. The
 * database is the source of truth; nothing is lost and nothing is sent twice.
 */
describe('reminders under faults (e2e, private redis-server, real HTTP gateway)', () => {
  let s: ReminderStack;

  beforeAll(async () => {
    s = await startReminderStack({ OUTBOX_RECONCILE_MS: '1000', COURT_WEBHOOK_TIMEOUT_MS: '2000' });
  });
  beforeEach(async () => {
    await s.reset();
  });
  afterAll(async () => {
    await s.close();
  });

  const count = async (sql: string, params: unknown[] = []): Promise<number> =>
    Number((await s.t.ds.query(sql, params))[0].n);
  const statuses = async (): Promise<Record<string, number>> => {
    const rows: { status: string; n: string }[] = await s.t.ds.query(
      `SELECT status, count(*) AS n FROM reminders WHERE kind = 'session_upcoming' GROUP BY status`,
    );
    return Object.fromEntries(rows.map((r) => [r.status, Number(r.n)]));
  };
  /** A case in mediation with a session whose "2 h before" reminders come due in `ms`. */
  const sessionDueIn = async (
    ms: number,
  ): Promise<{ id: string; version: number; parties: { id: string }[] }> => {
    const c = await s.inMediation();
    await s.sessionDueIn(c, ms);
    return { ...c, version: c.version + 1 };
  };
  const enqueued = () =>
    count(
      `SELECT count(*) AS n FROM outbox WHERE job_id LIKE 'reminder-%' AND status = 'pending'`,
    ).then((n) => n === 0);
  const sentOnce = async (expected: number): Promise<void> => {
    expect(
      await count(
        `SELECT count(*) AS n FROM reminders WHERE kind = 'session_upcoming' AND status = 'sent'`,
      ),
    ).toBe(expected);
    // One delivery per reminder, one SMS per idempotency key, one notification per in-app reminder.
    expect(
      await count(
        `SELECT count(*) AS n FROM reminder_deliveries d JOIN reminders r ON r.id = d.reminder_id WHERE r.kind = 'session_upcoming'`,
      ),
    ).toBe(expected);
    const keys = s.sms.requests.map((r) => String(r.headers['idempotency-key']));
    expect(new Set(keys).size).toBe(keys.length);
    expect(
      await count(`SELECT count(*) AS n FROM notifications WHERE kind = 'session_upcoming'`),
    ).toBe(expected / 3);
  };

  it('Redis stopped while reminders are scheduled and come due: all are sent once it is back, none twice, lateness recorded', async () => {
    await sessionDueIn(1_500);
    await sessionDueIn(1_500);
    await waitFor('the timers in Redis', enqueued);
    await s.redis.stop();
    // The API keeps serving while Redis is down: the change is committed, its timer waits in the outbox.
    const third = await sessionDueIn(1_000);
    expect(third.id).toBeTruthy();
    await sleep(2_500); // every reminder comes due while Redis is down
    expect(await statuses()).toEqual({ scheduled: 9, skipped: 9 });
    await s.redis.start();
    await waitFor('all nine reminders', async () => (await statuses()).sent === 9, 20_000);
    await sleep(1_000); // a duplicate would show up now
    await sentOnce(9);
    const lateness: { lateness_ms: number }[] = await s.t.ds.query(
      `SELECT lateness_ms FROM reminders WHERE status = 'sent' AND kind = 'session_upcoming'`,
    );
    expect(lateness.every((r) => r.lateness_ms >= 1_000)).toBe(true);
  });

  it('FLUSHALL: the reconciler restores the timers and every reminder is sent once', async () => {
    await sessionDueIn(2_500);
    await waitFor('the timers in Redis', enqueued);
    const admin = new Redis(s.redis.url);
    await admin.flushall();
    admin.disconnect();
    await waitFor('three reminders', async () => (await statuses()).sent === 3, 15_000);
    await sleep(1_000);
    await sentOnce(3);
  });

  it('the SMS gateway answers 500 then 200: one SMS; a 400: failed for good, not retried', async () => {
    const c = await s.inMediation();
    await s
      .send('clerka', 'put', `/parties/${c.parties[1].id}/sms-preferences`, { smsOptOut: true })
      .expect(204);
    s.sms.answer = (n) => (n === 0 ? 500 : 200);
    await s.sessionDueIn(c, 500);
    await waitFor('the SMS after a retry', async () => (await statuses()).sent === 2, 15_000);
    expect(s.sms.requests.map((r) => r.status)).toEqual([500, 200]);
    expect(new Set(s.sms.requests.map((r) => r.headers['idempotency-key'])).size).toBe(1);
    expect(s.sms.accepted()).toHaveLength(1);
    const [sms] = await s.t.ds.query(
      `SELECT attempts FROM reminders WHERE channel = 'sms' AND status = 'sent'`,
    );
    expect(sms.attempts).toBe(2);

    s.sms.requests.length = 0;
    s.sms.answer = () => 400;
    await s.sessionDueIn({ id: c.id, version: c.version + 1 }, 500, '妇女之家');
    await waitFor('the failure', async () => (await statuses()).failed === 1, 10_000);
    await sleep(2_500); // a retry would have come by now (backoff 1 s)
    expect(s.sms.requests).toHaveLength(1);
    const [failed] = await s.t.ds.query(
      `SELECT last_error, attempts FROM reminders WHERE status = 'failed'`,
    );
    expect(failed).toEqual({ last_error: 'answered 400', attempts: 1 });
    expect(
      await count(`SELECT count(*) AS n FROM reminder_deliveries WHERE status = 'failed'`),
    ).toBe(1);
  });

  it('the court answers 503, then never answers, then 200: every retry of an event is the same request under the same Idempotency-Key', async () => {
    // Per event: a 503, then a request whose answer never comes (the timeout, as when the worker
    // dies after posting), then 200. The receiver drops repeats by key; we record one delivery.
    const seen = new Map<string, number>();
    s.court.answer = (_n, body) => {
      const k = String(body.event);
      const n = seen.get(k) ?? 0;
      seen.set(k, n + 1);
      return n === 0 ? 503 : n === 1 ? 'hang' : 200;
    };
    const c = await s.inMediation();
    await s.t.ds.query(`UPDATE cases SET deadline_at = now() - interval '1 minute' WHERE id = $1`, [
      c.id,
    ]);
    expect(await s.t.app.get(CaseClockService).expireOverdue()).toBe(1);
    // The court's 200 comes before the worker records the delivery: wait for the rows.
    await waitFor(
      'three court events recorded',
      async () =>
        s.court.accepted().length === 3 &&
        (await count(
          `SELECT count(*) AS n FROM reminders WHERE channel = 'webhook' AND status = 'sent'`,
        )) === 3,
      20_000,
    );

    const webhooks: { id: string; status: string; attempts: number }[] = await s.t.ds.query(
      `SELECT id, status, attempts FROM reminders WHERE channel = 'webhook' ORDER BY id`,
    );
    expect(webhooks.map((r) => [r.status, r.attempts])).toEqual([
      ['sent', 3],
      ['sent', 3],
      ['sent', 3],
    ]);
    // Three requests per event, all with the key of its reminder and the same body.
    for (const r of webhooks) {
      const tries = s.court.requests.filter(
        (q) => q.headers['idempotency-key'] === `reminder-${r.id}`,
      );
      expect(tries.map((q) => q.status)).toEqual([503, 0, 200]);
      expect(new Set(tries.map((q) => q.raw)).size).toBe(1);
    }
    expect(s.court.requests).toHaveLength(9);
    expect(
      await count(
        `SELECT count(*) AS n FROM reminder_deliveries WHERE channel = 'webhook' AND status = 'sent'`,
      ),
    ).toBe(3);
  });
});
