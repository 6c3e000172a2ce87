import type { ChildProcess } from 'node:child_process';
import { startReminderStack, type ReminderStack } from '../support/reminder-stack.js';
import { waitFor } from '../support/reminders.js';
import { TEST_DATABASE_URL } from '../support/test-env.js';
import { ensureBuiltWorker, killHard, spawnWorker } from '../support/worker-process.js';

/** The worker process SIGKILLed in the middle of sending: the effect still happens once. */
describe('reminders: worker killed mid-job (e2e, a real worker process)', () => {
  let s: ReminderStack;
  const children: ChildProcess[] = [];
  const logFile = `/tmp/mediation-test-worker-${process.pid}.log`;

  beforeAll(async () => {
    ensureBuiltWorker();
    // No worker in this process: the worker is a child process, killed and started again.
    s = await startReminderStack({ WORKER_LOCK_MS: '2000' }, false);
  }, 120_000);
  beforeEach(async () => {
    await s.reset();
  });
  afterAll(async () => {
    await Promise.all(children.map(killHard));
    await s.close();
  });

  const worker = (): ChildProcess => {
    const child = spawnWorker(
      { ...s.env, DATABASE_URL: TEST_DATABASE_URL, LOG_FILE: logFile, LOG_LEVEL: 'warn' },
      logFile,
    );
    children.push(child);
    return child;
  };

  it('SIGKILL while the SMS request is in flight: after the job runs again, one SMS, one notification, one delivery', async () => {
    const c = await s.inMediation();
    await s
      .send('clerka', 'put', `/parties/${c.parties[1].id}/sms-preferences`, { smsOptOut: true })
      .expect(204);
    const first = worker();
    // The gateway holds the first request open; the worker dies while it waits for the answer.
    s.sms.answer = (n) => (n === 0 ? 'hang' : 200);
    let killed: Promise<void> | undefined;
    s.sms.onRequest = () => {
      killed ??= killHard(first);
    };
    await s.sessionDueIn(c, 1_000);
    await waitFor('the first SMS request', () => s.sms.requests.length === 1, 20_000);
    await killed;
    expect(first.signalCode).toBe('SIGKILL');

    worker(); // the stalled job is taken up again once its lock expires
    await waitFor(
      'both reminders sent',
      async () =>
        Number(
          (
            await s.t.ds.query(
              `SELECT count(*) AS n FROM reminders WHERE kind = 'session_upcoming' AND status = 'sent'`,
            )
          )[0].n,
        ) === 2,
      20_000,
    );
    // The retried request is the same request: the gateway drops the repeat by its key.
    expect(s.sms.requests).toHaveLength(2);
    expect(s.sms.requests[0].headers['idempotency-key']).toBe(
      s.sms.requests[1].headers['idempotency-key'],
    );
    expect(s.sms.accepted()).toHaveLength(1);
    const deliveries: { channel: string; status: string; attempts: number }[] = await s.t.ds.query(
      `SELECT d.channel, d.status, d.attempts FROM reminder_deliveries d
         JOIN reminders r ON r.id = d.reminder_id WHERE r.kind = 'session_upcoming' ORDER BY d.channel`,
    );
    expect(deliveries).toEqual([
      { channel: 'in_app', status: 'sent', attempts: 1 },
      { channel: 'sms', status: 'sent', attempts: 2 },
    ]);
    const [{ n }] = await s.t.ds.query(
      `SELECT count(*)::int AS n FROM notifications WHERE kind = 'session_upcoming'`,
    );
    expect(n).toBe(1);
  }, 60_000);
});
